package dev.dockwire.docker.driver.overlay;

import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.driver.NetworkDriver;
import dev.dockwire.docker.swarm.Swarm;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * libnetwork's overlay driver on one node (drivers/overlay): per network a sandbox namespace
 * {@code 1-<netid[:10]>} (osl.GenerateKey("<initEpoch>-" + id) cut to 12 characters, in
 * ov_network.go's initSandbox; {@code 2-...} when it is built again after the last local
 * endpoint left) holding a bridge with the gateway address and a VXLAN device, both
 * created in the host namespace as {@code ov-<vni %06x>-<netid[:5]>} and
 * {@code vx-<vni %06x>-<netid[:5]>} (generateBridgeName / generateVxlanName in
 * moby libnetwork/drivers/overlay/ov_network.go) and renamed {@code br0} and {@code vxlan0} as the osl
 * package moves them in (the vxlan socket stays in the host namespace, on the underlay); each
 * container joins through a veth whose sandbox end ({@code veth0}, ...) is a bridge port and whose
 * other end is the container's {@code ethN} with MTU 1450 ({@link #maxMtu}) and a MAC derived from its address
 * (02:42 + the IPv4 address). Peers follow the control plane: for every remote endpoint a
 * permanent neighbour entry (IP → MAC) and an FDB entry (MAC → remote VTEP) on the vxlan device,
 * so proxy ARP answers locally and nothing is learned or flooded over the underlay.
 */
public final class OverlayDriver implements NetworkDriver {
    /** The VXLAN encapsulation overhead moby's overlay driver subtracts (vxlanEncap): Ethernet + IPv4 + UDP + VXLAN. */
    static final int VXLAN_ENCAP = 50;
    static final int VXLAN_PORT = 4789;
    private final Kernel kernel;
    private final SeededRandom random;
    private final Supplier<Swarm> swarm;
    private final Swarm.Member self;
    private final Map<Network, String> sandboxes = new HashMap<>();
    private final Map<Network, Integer> nextVeth = new HashMap<>();
    private final Map<Network, Integer> epochs = new HashMap<>();

    /** The driver of node {@code self}, learning peers and VNIs from the swarm it is part of ({@code swarm}, null when none). */
    public OverlayDriver(Kernel kernel, SeededRandom random, Supplier<Swarm> swarm, Swarm.Member self) {
        this.kernel = kernel;
        this.random = random;
        this.swarm = swarm;
        this.self = self;
    }

    @Override
    public Network.Driver type() {
        return Network.Driver.OVERLAY;
    }

    /** CreateNetwork: the swarm allocated the network; nothing is built on a node until a container joins it here. */
    @Override
    public void createNetwork(Network n) {
        maxMtu(n.options());
    }

    /** DeleteNetwork: the sandbox already went with the last local endpoint. */
    @Override
    public void deleteNetwork(Network n) {
    }

    private Swarm swarm() {
        Swarm s = swarm.get();
        if (s == null) {
            throw new EngineException("This node is not part of a swarm");
        }
        return s;
    }

    private Ipv4Address vtep() {
        return swarm().node(self).address();
    }

    /**
     * The MTU of the network's vxlan device and container interfaces, as moby's
     * {@code (*network).maxMTU} (libnetwork/drivers/overlay/encryption.go): 1500, or the
     * {@code com.docker.network.driver.mtu} option, less the 50 bytes of VXLAN encapsulation.
     * The option names the underlay MTU, so {@code -o com.docker.network.driver.mtu=1400} gives
     * containers 1350. A value that is not a number, or negative, fails as CreateNetwork does.
     */
    public static int maxMtu(Map<String, String> options) {
        String v = options.get("com.docker.network.driver.mtu");
        int mtu = 1500;
        if (v != null) {
            try {
                mtu = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new EngineException("failed to parse " + v + ": strconv.Atoi: parsing \"" + v + "\": invalid syntax");
            }
            if (mtu < 0) {
                throw new EngineException("invalid MTU value: " + mtu);
            }
            if (mtu == 0) {
                mtu = 1500;
            }
        }
        return mtu - VXLAN_ENCAP;
    }

    /** The sandbox namespace of {@code n} on this node, or null before a container joined it here. */
    public String sandbox(Network n) {
        return sandboxes.get(n);
    }

    /** Builds the network's sandbox on first use, with every remote endpoint already known as a peer. */
    private String ensureSandbox(Network n) {
        String sb = sandboxes.get(n);
        if (sb != null) {
            return sb;
        }
        int vni = swarm().vni(n);
        String suffix = String.format(Locale.ROOT, "%06x-%s", vni, n.id().substring(0, 5));
        // initSandbox: key osl.GenerateKey(fmt.Sprintf("%d-", n.initEpoch) + n.id), cut to 12
        // characters; the epoch grows each time the network's sandbox is built on this node.
        int epoch = epochs.merge(n, 1, Integer::sum);
        sb = (epoch + "-" + n.id()).substring(0, 12);
        kernel.netnsAdd(sb);
        kernel.linkSetUp(sb, "lo", true);
        // osl AddInterface(..., WithIsBridge(true)) makes the bridge inside the sandbox: a bridge
        // cannot change namespace (NETIF_F_NETNS_LOCAL). The vxlan device is made on the host, so
        // its UDP socket stays in the host namespace, and moved in.
        kernel.linkAdd(sb, LinkSpec.bridge("ov-" + suffix, null));
        kernel.linkSetName(sb, "ov-" + suffix, "br0");
        int mtu = maxMtu(n.options());
        kernel.linkSetMtu(sb, "br0", mtu);
        kernel.addrAdd(sb, "br0", Cidr.of(n.gateway(), n.subnet().prefixLength()));
        kernel.linkSetUp(sb, "br0", true);
        kernel.linkAdd(Kernel.HOST, LinkSpec.vxlan("vx-" + suffix, vni, vtep(), VXLAN_PORT, false, true));
        kernel.linkSetNetns(Kernel.HOST, "vx-" + suffix, sb);
        kernel.linkSetName(sb, "vx-" + suffix, "vxlan0");
        // createVxlan(name, vni, n.maxMTU()): the vxlan device itself has the overlay MTU.
        kernel.linkSetMtu(sb, "vxlan0", mtu);
        kernel.linkSetMaster(sb, "vxlan0", "br0");
        kernel.linkSetUp(sb, "vxlan0", true);
        sandboxes.put(n, sb);
        for (Swarm.Peer p : swarm().peers(n).values()) {
            peerAdd(n, p);
        }
        return sb;
    }

    /**
     * Join: the network's sandbox on first use, then a veth whose one end is a port of its bridge
     * and whose other end goes into the container's namespace {@code ns} as {@code ifname},
     * addressed and up (its MAC is 02:42 and the address); every node learns the new peer.
     */
    @Override
    public Endpoint join(String containerId, Endpoint e, Ipv4Address addr, String ns, String ifname) {
        Network n = e.network();
        String sb = ensureSandbox(n);
        MacAddress mac = MacAddress.of(0x0242_0000_0000L | Integer.toUnsignedLong(addr.bits()));
        // libnetwork names both ends in the host first (two draws, kept for the seeded stream); here
        // the pair is made in one request, each end in its namespace under its final name.
        random.nextHex(7);
        random.nextHex(7);
        String port = nextPortName(n);
        try {
            int mtu = maxMtu(n.options());
            kernel.linkAdd(Kernel.HOST, new LinkSpec.Veth(LinkSpec.Attrs.named(port).mtu(mtu).master("br0").up(true).netns(sb),
                    LinkSpec.Attrs.named(ifname).mac(mac).mtu(mtu).netns(ns), false));
            kernel.addrAdd(ns, ifname, Cidr.of(addr, n.subnet().prefixLength()));
            kernel.linkSetUp(ns, ifname, true);
        } catch (RuntimeException ex) {
            if (kernel.links(sb).stream().anyMatch(l -> l.name().equals(port))) {
                kernel.linkDel(sb, port);
            }
            throw ex;
        }
        swarm().peerAdd(n, containerId, new Swarm.Peer(addr, mac, vtep()));
        return e.withSandbox(ifname, port, addr, mac);
    }

    /**
     * The sandbox-side name of the next endpoint's veth: osl's AddInterface(src, "veth") names it
     * {@code veth<n>} from a per-namespace counter that only grows (nextIfIndex in moby
     * libnetwork/osl/namespace_linux.go), so a name is not reused while the sandbox lives.
     */
    private String nextPortName(Network n) {
        int i = nextVeth.merge(n, 1, Integer::sum) - 1;
        return "veth" + i;
    }

    /**
     * Leave: the endpoint's veth goes, every node forgets the peer, and the sandbox is removed
     * with the last local endpoint.
     */
    @Override
    public void leave(String containerId, Endpoint e, String ns) {
        Network n = e.network();
        String sb = sandboxes.get(n);
        if (sb != null && e.hostVeth() != null) {
            kernel.linkDel(sb, e.hostVeth());
        }
        swarm().peerDelete(n, containerId);
        if (sb != null && n.endpoints().keySet().stream().noneMatch(id -> self.containerById(id) != null)) {
            // The last local endpoint left: the sandbox goes (the vxlan device first, closing its socket).
            kernel.linkDel(sb, "vxlan0");
            kernel.netnsDel(sb);
            sandboxes.remove(n);
            nextVeth.remove(n);
        }
    }

    /** peerAdd: a remote endpoint becomes reachable through the vxlan device (local ones are bridge ports). */
    public void peerAdd(Network n, Swarm.Peer p) {
        String sb = sandboxes.get(n);
        if (sb == null || p.vtep().equals(vtep())) {
            return;
        }
        kernel.neighAdd(sb, "vxlan0", p.ip(), p.mac(), true);
        kernel.fdbAppend(sb, "vxlan0", p.mac(), p.vtep());
    }

    /** peerDelete: the neighbour and FDB entries of a remote endpoint that left. */
    public void peerDelete(Network n, Swarm.Peer p) {
        String sb = sandboxes.get(n);
        if (sb == null || p.vtep().equals(vtep())) {
            return;
        }
        kernel.neighDel(sb, "vxlan0", p.ip());
        kernel.fdbDel(sb, "vxlan0", p.mac(), p.vtep());
    }
}
