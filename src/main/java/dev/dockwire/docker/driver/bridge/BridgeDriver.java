package dev.dockwire.docker.driver.bridge;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.driver.NetworkDriver;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;

/**
 * libnetwork's bridge driver (drivers/bridge), programmed through the {@link Kernel} seam: a
 * network is a Linux bridge with the gateway address and its iptables rules ({@link Iptabler});
 * an endpoint is a veth pair whose host end is a bridge port and whose peer goes into the sandbox
 * as {@code ethN}; published ports are its external connectivity ({@link PortPublisher}).
 * Options: {@code com.docker.network.bridge.name}, {@code .enable_icc}, {@code .enable_ip_masquerade},
 * {@code com.docker.network.driver.mtu}; dockerd's {@code userland-proxy} setting.
 */
public final class BridgeDriver implements NetworkDriver {
    /** The kernel's IFNAMSIZ: an interface name has at most 15 characters and its NUL. */
    private static final int IFNAMSIZ = 16;
    /** The bridge name option ({@code -o com.docker.network.bridge.name=...}). */
    public static final String NAME_OPTION = "com.docker.network.bridge.name";
    private static final String MTU_OPTION = "com.docker.network.driver.mtu";

    private final Kernel kernel;
    private final SeededRandom random;
    private final EngineProfile profile;
    private final Iptabler iptabler;
    private final PortPublisher ports;

    public BridgeDriver(Kernel kernel, SeededRandom random, EngineProfile profile, EventLoop loop) {
        this.kernel = kernel;
        this.random = random;
        this.profile = profile;
        this.iptabler = new Iptabler(kernel, profile);
        this.ports = new PortPublisher(kernel, iptabler, profile, loop);
    }

    @Override
    public Network.Driver type() {
        return Network.Driver.BRIDGE;
    }

    /** The driver's part of dockerd's start: the DOCKER chains and their jumps. */
    public void init() {
        iptabler.init();
    }

    /**
     * dockerd's {@code userland-proxy} setting (default true): set before the engine starts. Off,
     * the driver relies on hairpin NAT and bridge netfilter instead of docker-proxy.
     */
    public void userlandProxy(boolean on) {
        iptabler.userlandProxy(on);
    }

    public boolean userlandProxy() {
        return iptabler.userlandProxy();
    }

    /** Whether a link of that name exists in the host namespace (the bridge name option must be free). */
    public boolean linkExists(String name) {
        return kernel.linkExists(Kernel.HOST, name);
    }

    /** The bridge with the gateway address and MTU, up, and the network's iptables rules. */
    @Override
    public void createNetwork(Network n) {
        String bridge = n.bridge();
        int mtu = mtu(n.options().get(MTU_OPTION));
        if (bridge.length() >= IFNAMSIZ) {
            // libnetwork's bridgeInterfaceExists looks the name up first (netlink LinkByName); the
            // kernel's IFLA_IFNAME policy (NLA_STRING, IFNAMSIZ - 1) answers ERANGE for a longer name.
            throw new EngineException("failed to check bridge interface existence: numerical result out of range");
        }
        if (linkExists(bridge)) {
            throw new EngineException("bridge name " + bridge + " is already in use");
        }
        kernel.linkAdd(Kernel.HOST, LinkSpec.bridge(bridge, null));
        try {
            if (n.options().containsKey(MTU_OPTION)) {
                kernel.linkSetMtu(Kernel.HOST, bridge, mtu);
            }
            kernel.addrAdd(Kernel.HOST, bridge, Cidr.of(n.gateway(), n.subnet().prefixLength()));
            kernel.linkSetUp(Kernel.HOST, bridge, true);
            iptabler.addNetwork(n);
            if (!iptabler.userlandProxy() || "false".equals(n.options().get("com.docker.network.bridge.enable_icc"))) {
                // Docker loads br_netfilter so that bridged traffic meets the FORWARD rules (icc=false)
                // and hairpin NAT replies are un-NATed on the bridge (no userland proxy).
                kernel.sysctl(Kernel.HOST, "net.bridge.bridge-nf-call-iptables", "1");
            }
        } catch (RuntimeException e) {
            kernel.linkDel(Kernel.HOST, bridge);
            throw e instanceof KernelException ? new EngineException(e.getMessage()) : e;
        }
    }

    /**
     * The MTU option as parseNetworkGenericOptions reads it (bridge.go: strconv.Atoi, its error
     * wrapped by parseErr; a negative one refused by the config's Validate as ErrInvalidMtu); 0 when unset.
     */
    static int mtu(String option) {
        if (option == null) {
            return 0;
        }
        int mtu;
        try {
            mtu = Integer.parseInt(option);
        } catch (NumberFormatException e) {
            String why = option.matches("[+-]?\\d+") ? "value out of range" : "invalid syntax";
            throw new EngineException("failed to parse " + MTU_OPTION + " value: " + option
                    + " (strconv.Atoi: parsing \"" + option + "\": " + why + ")");
        }
        if (mtu < 0) {
            throw new EngineException("invalid MTU number: " + mtu);
        }
        return mtu;
    }

    @Override
    public void deleteNetwork(Network n) {
        iptabler.removeNetwork(n);
        kernel.linkDel(Kernel.HOST, n.bridge());
    }

    /**
     * One veth pair: the host end on the bridge and up (hairpinned without docker-proxy, so a
     * container reaches its own published port by hairpin NAT), the peer made in the sandbox as
     * {@code ifname} with the endpoint's MAC (the one asked for, else the profile's), then addressed and up. A failure deletes the pair.
     */
    @Override
    public Endpoint join(String containerId, Endpoint e, Ipv4Address address, String sandbox, String ifname) {
        Network n = e.network();
        String hostVeth = ifaceName();
        ifaceName(); // libnetwork's temporary peer name: the peer is made in the sandbox as ifname instead
        MacAddress mac = e.requestedMac() != null ? e.requestedMac() : profile.endpointMac(address, random);
        try {
            int mtu = mtu(n.options().get(MTU_OPTION));
            kernel.linkAdd(Kernel.HOST, new LinkSpec.Veth(LinkSpec.Attrs.named(hostVeth).mtu(mtu).master(n.bridge()).up(true),
                    LinkSpec.Attrs.named(ifname).mac(mac).mtu(mtu).netns(sandbox), !iptabler.userlandProxy()));
            kernel.addrAdd(sandbox, ifname, Cidr.of(address, n.subnet().prefixLength()));
            kernel.linkSetUp(sandbox, ifname, true);
        } catch (RuntimeException ex) {
            if (linkExists(hostVeth)) {
                kernel.linkDel(Kernel.HOST, hostVeth);
            }
            if (ex instanceof KernelException k && k.getMessage().endsWith(": Exchange full")) {
                // bridge_linux.go CreateEndpoint: addToBridge's error as Go's syscall.EXFULL prints it.
                throw new EngineException("adding interface " + hostVeth + " to bridge " + n.bridge() + " failed: exchange full");
            }
            throw ex;
        }
        return e.withSandbox(ifname, hostVeth, address, mac);
    }

    /**
     * A free {@code veth<7 hex>} name as libnetwork's netutils.GenerateIfaceName picks it: a random
     * name, drawn again while the host has a link of that name (three tries), so the 18 or so
     * names that 100,000 endpoints draw twice out of 2^28 do not fail a join.
     */
    private String ifaceName() {
        for (int i = 0; i < 3; i++) {
            String name = "veth" + random.nextHex(7);
            if (!linkExists(name)) {
                return name;
            }
        }
        throw new EngineException("could not generate interface name");
    }

    /** The host end of the endpoint's veth goes, and its peer in the sandbox with it. */
    @Override
    public void leave(String containerId, Endpoint e, String sandbox) {
        kernel.linkDel(Kernel.HOST, e.hostVeth());
    }

    @Override
    public void programExternalConnectivity(Container c, Endpoint e) {
        ports.publish(c, e);
    }

    @Override
    public void revokeExternalConnectivity(Container c) {
        ports.unpublish(c);
    }
}
