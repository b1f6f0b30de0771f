package dev.dockwire.docker;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One emulated Docker host's engine: networks of the bridge driver with IPAM, and containers
 * with their sandboxes, programmed through the {@link Kernel} seam exactly in the order
 * libnetwork does it (bridge, veth pair in the host, host end to the bridge, peer moved into the
 * sandbox and renamed {@code eth0}, address, up, default route).
 */
public final class Engine {
    /** Local address pools in Docker's default order: 172.17-31/16 (docker0 takes 172.17). */
    private static final int FIRST_POOL = Ipv4Address.parse("172.17.0.0").bits();
    private static final int POOL_COUNT = 15;

    private final Kernel kernel;
    private final SeededRandom random;
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();

    public Engine(Kernel kernel, SeededRandom random) {
        this.kernel = kernel;
        this.random = random;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** What dockerd does at start: host lo up, ip_forward on, docker0 with 172.17.0.1/16 for the default {@code bridge} network. */
    public void start() {
        kernel.linkSetUp(Kernel.HOST, "lo", true);
        kernel.sysctl(Kernel.HOST, "net.ipv4.ip_forward", "1");
        createBridgeNetwork("bridge", "docker0", Cidr.parse("172.17.0.0/16"), null);
    }

    /** {@code docker network create [--subnet S [--gateway G]] NAME} for the bridge driver. */
    public Network createNetwork(String name, Cidr subnet, Ipv4Address gateway) {
        if (networks.containsKey(name)) {
            throw new EngineException("network with name " + name + " already exists");
        }
        if (subnet == null) {
            subnet = nextPool();
        } else {
            if (!subnet.equals(subnet.network())) {
                subnet = subnet.network();
            }
            for (Network n : networks.values()) {
                if (n.subnet().overlaps(subnet)) {
                    throw new EngineException("invalid pool request: Pool overlaps with other one on this address space");
                }
            }
        }
        String id = random.nextHex(64);
        return createBridgeNetwork(name, "br-" + id.substring(0, 12), subnet, gateway, id);
    }

    private Network createBridgeNetwork(String name, String bridge, Cidr subnet, Ipv4Address gateway) {
        return createBridgeNetwork(name, bridge, subnet, gateway, random.nextHex(64));
    }

    private Network createBridgeNetwork(String name, String bridge, Cidr subnet, Ipv4Address gateway, String id) {
        Ipv4Address gw = gateway != null ? gateway : Ipv4Address.of(subnet.networkBits() + 1);
        if (!subnet.contains(gw)) {
            throw new EngineException("Invalid gateway " + gw + ": It does not belong to subnet " + subnet);
        }
        Network n = new Network(id, name, bridge, subnet, gw);
        kernel.linkAddBridge(Kernel.HOST, bridge, MacAddress.randomLocal(random));
        kernel.addrAdd(Kernel.HOST, bridge, Cidr.of(gw, subnet.prefixLength()));
        kernel.linkSetUp(Kernel.HOST, bridge, true);
        networks.put(name, n);
        return n;
    }

    private Cidr nextPool() {
        for (int i = 0; i < POOL_COUNT; i++) {
            Cidr pool = Cidr.of(FIRST_POOL + (i << 16), 16);
            if (networks.values().stream().noneMatch(n -> n.subnet().overlaps(pool))) {
                return pool;
            }
        }
        // Then 192.168.0.0/16 in /20s.
        int base = Ipv4Address.parse("192.168.0.0").bits();
        for (int i = 0; i < 16; i++) {
            Cidr pool = Cidr.of(base + (i << 12), 20);
            if (networks.values().stream().noneMatch(n -> n.subnet().overlaps(pool))) {
                return pool;
            }
        }
        throw new EngineException("could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
    }

    public Network network(String name) {
        Network n = networks.get(name);
        if (n == null) {
            throw new EngineException("network " + name + " not found");
        }
        return n;
    }

    public Collection<Network> networks() {
        return networks.values();
    }

    /** A network attachment request: the network and an optional static address ({@code --ip}). */
    public record Attach(String network, Ipv4Address ip) {
    }

    /** {@code docker run -d --name NAME --network N [--ip IP] IMAGE}: sandbox and one endpoint per network. */
    public Container run(String name, String image, List<Attach> attachments) {
        if (containers.containsKey(name)) {
            throw new EngineException("Conflict. The container name \"/" + name + "\" is already in use by container \""
                    + containers.get(name).id() + "\". You have to remove (or rename) that container to be able to reuse that name.");
        }
        List<Attach> wanted = attachments.isEmpty() ? List.of(new Attach("bridge", null)) : attachments;
        for (Attach a : wanted) {
            network(a.network());
        }
        String id = random.nextHex(64);
        String sandbox = random.nextHex(12);
        kernel.netnsAdd(sandbox);
        Container c = new Container(id, name, image, sandbox);
        kernel.linkSetUp(sandbox, "lo", true);
        List<Endpoint> made = new ArrayList<>();
        try {
            for (Attach a : wanted) {
                made.add(connect(c, network(a.network()), a.ip(), made.isEmpty()));
            }
        } catch (RuntimeException e) {
            made.forEach(ep -> ep.network().release(ep.address()));
            kernel.netnsDel(sandbox);
            throw e;
        }
        containers.put(name, c);
        return c;
    }

    private Endpoint connect(Container c, Network n, Ipv4Address ip, boolean defaultRoute) {
        Ipv4Address addr = ip != null ? n.allocate(ip) : n.allocate();
        String ifname = "eth" + c.endpoints().size();
        String hostVeth = "veth" + random.nextHex(7);
        String tmpPeer = "veth" + random.nextHex(7);
        MacAddress mac = MacAddress.randomLocal(random);
        kernel.linkAddVeth(Kernel.HOST, hostVeth, null, tmpPeer, mac);
        kernel.linkSetMaster(Kernel.HOST, hostVeth, n.bridge());
        kernel.linkSetUp(Kernel.HOST, hostVeth, true);
        kernel.linkSetNetns(Kernel.HOST, tmpPeer, c.netns());
        kernel.linkSetName(c.netns(), tmpPeer, ifname);
        kernel.addrAdd(c.netns(), ifname, Cidr.of(addr, n.subnet().prefixLength()));
        kernel.linkSetUp(c.netns(), ifname, true);
        if (defaultRoute) {
            kernel.routeAdd(c.netns(), Cidr.parse("0.0.0.0/0"), n.gateway().bits(), ifname);
        }
        Endpoint e = new Endpoint(n, ifname, hostVeth, addr, mac);
        c.add(e);
        return e;
    }

    public Container container(String name) {
        Container c = containers.get(name);
        if (c == null) {
            throw new EngineException("No such container: " + name);
        }
        return c;
    }

    public Collection<Container> containers() {
        return containers.values();
    }
}
