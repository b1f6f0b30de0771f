package dev.dockwire.docker.driver.macvlan;

import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.wire.MacAddress;
import java.util.Map;

/**
 * libnetwork's macvlan driver (drivers/macvlan), programmed through the {@link Kernel} seam: a
 * network is a parent link on the host ({@code -o parent=eth0}; {@code eth0.10} is made as an
 * 802.1Q sub-interface when missing, no parent makes a dummy {@code dm-<id>}), and each endpoint a
 * macvlan on that parent, created in the host namespace as {@code veth<7 hex>} and moved into the
 * sandbox. No bridge, no veth, no iptables rules: the containers sit on the parent's LAN and the
 * gateway is that LAN's router. Error texts are the driver's own.
 */
public final class MacvlanDriver {
    static final String PARENT = "parent";
    static final String MODE = "macvlan_mode";

    private final Kernel kernel;
    private final Engine engine;

    public MacvlanDriver(Kernel kernel, Engine engine) {
        this.kernel = kernel;
        this.engine = engine;
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
     * it. Returns the link it created (to delete with the network), or null.
     */
    public String createNetwork(String id, Map<String, String> opts) {
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
        for (Network other : engine.networks()) {
            if (other.driver() == Network.Driver.MACVLAN && parent(other).equals(parent)) {
                throw new EngineException("network dm-" + other.shortId() + " is already using parent interface " + parent);
            }
        }
        if (exists(parent)) {
            return null;
        }
        if (parent.equals(dummy)) {
            kernel.linkAddDummy(Kernel.HOST, dummy);
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
            kernel.linkAddVlan(Kernel.HOST, parent, split[0], vid);
        } catch (KernelException e) {
            throw new EngineException("failed to create " + parent + " vlan link: " + e.getMessage());
        }
        kernel.linkSetUp(Kernel.HOST, parent, true);
        return parent;
    }

    /** DeleteNetwork: the link the driver made goes with the network; a user's own parent stays. */
    public void deleteNetwork(Network n) {
        if (n.createdLink() != null && exists(n.createdLink())) {
            kernel.linkDel(Kernel.HOST, n.createdLink());
        }
    }

    /**
     * Join: a macvlan on the parent in the host namespace, moved into {@code sandbox} as
     * {@code ifname} with the endpoint's MAC (the sandbox then adds the address and routes).
     */
    public void join(Network n, String sandbox, String ifname, MacAddress mac) {
        String parent = parent(n);
        if (!exists(parent)) {
            throw new EngineException("the requested parent interface " + parent + " was not found on the Docker host");
        }
        String tmp = "veth" + engine.random().nextHex(7);
        try {
            kernel.linkAddMacvlan(Kernel.HOST, tmp, parent, mode(n), mac);
        } catch (KernelException e) {
            throw new EngineException("failed to create the macvlan port: " + e.getMessage());
        }
        try {
            kernel.linkSetNetns(Kernel.HOST, tmp, sandbox);
        } catch (RuntimeException e) {
            kernel.linkDel(Kernel.HOST, tmp);
            throw e;
        }
        kernel.linkSetName(sandbox, tmp, ifname);
    }

    private boolean exists(String link) {
        return kernel.links(Kernel.HOST).stream().anyMatch(l -> l.name().equals(link));
    }
}
