package dev.dockwire.docker.driver.macvlan;

import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.driver.NetworkDriver;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * libnetwork's macvlan driver (drivers/macvlan), programmed through the {@link Kernel} seam: a
 * network is a parent link on the host ({@code -o parent=eth0}; {@code eth0.10} is made as an
 * 802.1Q sub-interface when missing, no parent makes a dummy {@code dm-<id>}), and each endpoint a
 * macvlan on that parent, created in the host namespace as {@code veth<7 hex>} and moved into the
 * sandbox. No bridge, no veth, no iptables rules: the containers sit on the parent's LAN and the
 * gateway is that LAN's router. Error texts are the driver's own.
 */
public final class MacvlanDriver implements NetworkDriver {
    static final String PARENT = "parent";
    static final String MODE = "macvlan_mode";

    private final Kernel kernel;
    private final SeededRandom random;
    private final EngineProfile profile;
    /** The driver's own networks, to refuse a parent another network already uses. */
    private final Map<String, Network> networks = new LinkedHashMap<>();

    public MacvlanDriver(Kernel kernel, SeededRandom random, EngineProfile profile) {
        this.kernel = kernel;
        this.random = random;
        this.profile = profile;
    }

    @Override
    public Network.Driver type() {
        return Network.Driver.MACVLAN;
    }
    /** The parent link a network's endpoints sit on ({@code -o parent}, else the dummy {@code dm-<12 hex>}). */
    static String parent(Network n) {
        String p = n.options().get(PARENT);
        return p == null || p.isEmpty() ? "dm-" + n.shortId() : p;
    }

    static String mode(Network n) {
        String m = n.options().get(MODE);
        return m == null || m.isEmpty() ? "bridge" : m;
    }

    /**
     * CreateNetwork: validates the mode and the parent and makes the parent when the driver owns
     * it, which then goes with the network ({@link Network#createdLink}).
     */
    @Override
    public void createNetwork(Network n) {
        n.createdLink(parentLink(n.id(), n.options()));
        networks.put(n.id(), n);
    }

    /** Checks the options, makes the parent when missing; returns the link it made, or null. */
    private String parentLink(String id, Map<String, String> opts) {
        String mode = opts.getOrDefault(MODE, "");
        if (!mode.isEmpty() && !mode.equals("bridge") && !mode.equals("private") && !mode.equals("vepa")
                && !mode.equals("passthru")) {
            throw new EngineException("requested macvlan mode '" + mode + "' is not valid, 'bridge' mode is the macvlan driver default");
        }
        String parent = opts.getOrDefault(PARENT, "");
        if (parent.equals("lo")) {
            throw new EngineException("loopback interface is not a valid macvlan parent link");
        }
        String dummy = "dm-" + id.substring(0, 12);
        if (parent.isEmpty()) {
            parent = dummy;
        }
        for (Network other : networks.values()) {
            if (parent(other).equals(parent)) {
                throw new EngineException("network dm-" + other.shortId() + " is already using parent interface " + parent);
            }
        }
        if (exists(parent)) {
            return null;
        }
        if (parent.equals(dummy)) {
            kernel.linkAdd(Kernel.HOST, LinkSpec.dummy(dummy));
            kernel.linkSetUp(Kernel.HOST, dummy, true);
            return dummy;
        }
        if (!parent.contains(".")) {
            throw new EngineException("invalid subinterface vlan name " + parent + ", example formatting is eth0.10");
        }
        String[] split = parent.split("\\.", -1);
        if (split.length != 2) {
            throw new EngineException("required interface name format is: name.vlan_id, ex. eth0.10 for vlan 10, instead received "
                    + parent);
        }
        int vid;
        try {
            vid = Integer.parseInt(split[1]);
        } catch (NumberFormatException e) {
            throw new EngineException("unable to parse a valid vlan id from: " + split[1] + " (ex. eth0.10 for vlan 10)");
        }
        if (!exists(split[0])) {
            throw new EngineException("-o parent interface does was not found on the host: " + split[0]);
        }
        if (vid > 4094 || vid < 1) {
            throw new EngineException("vlan id must be between 1-4094, received: " + vid);
        }
        try {
            kernel.linkAdd(Kernel.HOST, LinkSpec.vlan(parent, split[0], vid));
        } catch (KernelException e) {
            throw new EngineException("failed to create " + parent + " vlan link: " + e.getMessage());
        }
        kernel.linkSetUp(Kernel.HOST, parent, true);
        return parent;
    }

    /** DeleteNetwork: the link the driver made goes with the network; a user's own parent stays. */
    @Override
    public void deleteNetwork(Network n) {
        networks.remove(n.id());
        if (n.createdLink() != null && exists(n.createdLink())) {
            kernel.linkDel(Kernel.HOST, n.createdLink());
        }
    }

    /**
     * Join: a macvlan on the parent in the host namespace with the endpoint's MAC, moved into
     * {@code sandbox} as {@code ifname}, addressed and up. A failure deletes it.
     */
    @Override
    public Endpoint join(String containerId, Endpoint e, Ipv4Address address, String sandbox, String ifname) {
        Network n = e.network();
        MacAddress mac = e.requestedMac() != null ? e.requestedMac() : profile.endpointMac(address, random);
        String parent = parent(n);
        if (!exists(parent)) {
            throw new EngineException("the requested parent interface " + parent + " was not found on the Docker host");
        }
        String tmp = "veth" + random.nextHex(7);
        try {
            kernel.linkAdd(Kernel.HOST, new LinkSpec.Macvlan(LinkSpec.Attrs.named(tmp).mac(mac), parent, mode(n)));
        } catch (KernelException ex) {
            throw new EngineException("failed to create the macvlan port: " + ex.getMessage());
        }
        try {
            kernel.linkSetNetns(Kernel.HOST, tmp, sandbox);
        } catch (RuntimeException ex) {
            kernel.linkDel(Kernel.HOST, tmp);
            throw ex;
        }
        try {
            kernel.linkSetName(sandbox, tmp, ifname);
            kernel.addrAdd(sandbox, ifname, Cidr.of(address, n.subnet().prefixLength()));
            kernel.linkSetUp(sandbox, ifname, true);
        } catch (RuntimeException ex) {
            if (kernel.links(sandbox).stream().anyMatch(l -> l.name().equals(ifname))) {
                kernel.linkDel(sandbox, ifname);
            }
            throw ex;
        }
        return e.withSandbox(ifname, null, address, mac);
    }

    /** The endpoint's macvlan goes from the sandbox. */
    @Override
    public void leave(String containerId, Endpoint e, String sandbox) {
        kernel.linkDel(sandbox, e.ifname());
    }

    private boolean exists(String link) {
        return kernel.links(Kernel.HOST).stream().anyMatch(l -> l.name().equals(link));
    }
}
