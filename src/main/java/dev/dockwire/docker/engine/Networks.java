package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.NetworkCreate;
import dev.dockwire.docker.driver.bridge.BridgeDriver;
import dev.dockwire.docker.ipam.Pools;
import dev.dockwire.docker.swarm.Swarm;
import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The engine's network registry, as libnetwork's controller keeps it (controller.go
 * {@code NewNetwork}, network.go {@code Delete}): names and ids, the IPAM configuration of a new
 * network (the default-pool search over {@code docker.ipam}), the driver's CreateNetwork and
 * DeleteNetwork, and the swarm's overlay networks beside the local ones.
 */
final class Networks {
    private final Engine engine;
    private final Kernel kernel;
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final List<Consumer<Network>> bridgeListeners = new ArrayList<>();

    Networks(Engine engine) {
        this.engine = engine;
        this.kernel = engine.kernel();
    }

    void add(Network n) {
        networks.put(n.name(), n);
        if (n.bridge() != null) {
            bridgeListeners.forEach(l -> l.accept(n));
        }
    }

    /** Calls {@code listener} for every bridge network, existing and created later (before any traffic on it). */
    void onBridgeNetwork(Consumer<Network> listener) {
        bridgeListeners.add(listener);
        networks.values().stream().filter(n -> n.bridge() != null).toList().forEach(listener);
    }

    /**
     * {@code docker network create}. A network's name has no pattern (unlike a container's): moby 28
     * refuses only the predefined names (daemon/network.go createNetwork, PredefinedNetworkError,
     * printed by the client without its trailing space) and a blank one (libnetwork
     * controller.go NewNetwork), so {@code _n}, {@code .n} and {@code -n} are networks.
     */
    Network createNetwork(NetworkCreate req) {
        String name = req.name() == null ? "" : req.name();
        if (name.equals("bridge") || name.equals("host") || name.equals("none") || name.equals("default")) {
            throw new EngineException("operation is not permitted on predefined " + name + " network");
        }
        if (name.isBlank()) {
            throw new EngineException("invalid name: name is empty");
        }
        if (networks.containsKey(name)) {
            throw new EngineException("network with name " + name + " already exists");
        }
        String driver = req.driver() == null ? "bridge" : req.driver();
        switch (driver) {
            case "bridge", "macvlan" -> {
            }
            case "host", "null" -> throw new EngineException("only one instance of \"" + driver + "\" network is allowed");
            case "overlay" -> {
                return engine.cluster().createOverlay(req);
            }
            case "ipvlan" -> throw new EngineException("dockwire does not model the "
                    + driver + " driver yet; bridge, macvlan, overlay, host and none are available");
            default -> throw new EngineException("plugin \"" + driver + "\" not found");
        }
        Cidr subnet = req.subnet();
        if (subnet != null) {
            if (!subnet.equals(subnet.network())) {
                // validateIpamConfig (daemon/network.go): a subnet with host bits is refused, not masked.
                throw new EngineException("invalid network config:\ninvalid subnet " + subnet + ": it should be " + subnet.network());
            }
            for (Network n : networks.values()) {
                if (n.subnet() != null && n.subnet().overlaps(subnet)) {
                    throw new EngineException("invalid pool request: Pool overlaps with other one on this address space");
                }
            }
        } else {
            if (req.gateway() != null || req.ipRange() != null) {
                // ValidateIPAM (moby v28.2.2 api/types/network/ipam.go): a config without a subnet does not parse
                throw new EngineException("invalid network config:\ninvalid subnet : invalid CIDR block notation");
            }
            subnet = nextPool();
        }
        if (req.ipRange() != null && !(subnet.contains(req.ipRange().networkBits())
                && req.ipRange().prefixLength() >= subnet.prefixLength())) {
            throw new EngineException("invalid network config:\ninvalid ip-range " + req.ipRange() + ": "
                    + (req.ipRange().prefixLength() < subnet.prefixLength() ? "CIDR block is bigger than its parent subnet " + subnet
                    : "parent subnet " + subnet + " doesn't contain ip-range"));
        }
        String id = engine.random().nextHex(64);
        Map<String, String> opts = req.options() == null ? Map.of() : req.options();
        Network.Driver type = driver.equals("macvlan") ? Network.Driver.MACVLAN : Network.Driver.BRIDGE;
        String bridgeName = type == Network.Driver.BRIDGE ? opts.getOrDefault(BridgeDriver.NAME_OPTION, "br-" + id.substring(0, 12)) : null;
        Network n = new Network(id, name, type, bridgeName, subnet, req.ipRange(), gateway(subnet, req.gateway()),
                req.internal(), req.attachable(), opts, req.labels() == null ? Map.of() : req.labels(), engine.nanos());
        n.userSubnet(req.subnet() != null);
        n.userGateway(req.gateway() != null);
        if (req.auxAddresses() != null) {
            n.reserveAuxiliary(req.auxAddresses());
        }
        createLocal(n);
        engine.daemonEvents().network(n, "create", null); // daemon/network.go createNetwork
        return n;
    }

    /** A bridge network dockerd or libnetwork creates itself (docker0, docker_gwbridge). */
    void createBridge(String name, String bridgeName, Cidr subnet, Map<String, String> opts) {
        String id = engine.random().nextHex(64);
        createLocal(new Network(id, name, Network.Driver.BRIDGE, bridgeName, subnet, null, gateway(subnet, null),
                false, false, opts, Map.of(), engine.nanos()));
    }

    /** A local network: the driver's CreateNetwork, then the registry. */
    private Network createLocal(Network n) {
        engine.driver(n).createNetwork(n);
        add(n);
        return n;
    }

    /** IPAM's gateway: the one asked for, checked against the subnet, else the subnet's first address. */
    private static Ipv4Address gateway(Cidr subnet, Ipv4Address gateway) {
        if (gateway == null && subnet.prefixLength() >= 31) {
            // A /31 or /32 has no address left once IPAM reserves the network and broadcast
            // addresses (network.go ipamAllocateVersion, recorded on the reference engine).
            throw new EngineException("failed to allocate gateway (): No available addresses on this pool");
        }
        Ipv4Address gw = gateway != null ? gateway : Ipv4Address.of(subnet.networkBits() + 1);
        if (!subnet.contains(gw)) {
            throw new EngineException("invalid network config:\ninvalid gateway " + gw + ": parent subnet " + subnet
                    + " doesn't contain this address"); // ValidateIPAM's validateAddress
        }
        if (gw.bits() == subnet.networkBits() || gw.bits() == subnet.broadcastBits()) {
            // IPAM reserves a subnet's network and (IPv4) broadcast addresses (defaultipam newPoolData)
            throw new EngineException("failed to allocate gateway (" + gw + "): Address already in use");
        }
        return gw;
    }

    /** RequestPool without a subnet: the first default pool that overlaps no network and no route or address of the host (as libnetwork checks). */
    Cidr nextPool() {
        List<Cidr> taken = new ArrayList<>();
        networks.values().stream().filter(n -> n.subnet() != null).forEach(n -> taken.add(n.subnet()));
        for (RouteInfo r : kernel.routes(Kernel.HOST)) {
            if (r.dst().prefixLength() > 0) {
                taken.add(r.dst());
            }
        }
        for (AddrInfo a : kernel.addresses(Kernel.HOST)) {
            taken.add(a.cidr().network());
        }
        Cidr pool = Pools.firstFree(Pools.LOCAL, taken);
        if (pool == null) {
            throw new EngineException("could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
        }
        return pool;
    }

    /** A network of this node's own (not a swarm's), or null. */
    Network findLocalNetwork(String name) {
        return networks.get(name);
    }

    /** A network by name, full id or unique id prefix. */
    Network network(String ref) {
        Network n = findNetwork(ref);
        if (n == null) {
            throw new EngineException("network " + ref + " not found");
        }
        return n;
    }

    Network findNetwork(String ref) {
        Network n = networks.get(ref);
        if (n == null && engine.swarm() != null) {
            n = engine.swarm().overlay(ref);
        }
        if (n != null) {
            return n;
        }
        Network match = null;
        for (Network c : networks()) {
            if (c.id().startsWith(ref)) {
                if (match != null) {
                    throw new EngineException("network " + ref + " is ambiguous (" + 2 + " matches found based on ID prefix)");
                }
                match = c;
            }
        }
        return match;
    }

    /**
     * The networks this node lists: its local ones, then the swarm's overlay networks (all of them
     * on a manager; on a worker those it has a container on, as workers learn of networks lazily).
     */
    Collection<Network> networks() {
        Swarm swarm = engine.swarm();
        if (swarm == null) {
            return networks.values();
        }
        List<Network> all = new ArrayList<>(networks.values());
        boolean manager = swarm.node(engine).manager();
        for (Network o : swarm.overlays()) {
            if (manager || engine.overlaySandbox(o) != null) {
                all.add(o);
            }
        }
        return all;
    }

    /** {@code docker network rm}: refused for predefined networks and while endpoints are attached. */
    void removeNetwork(String ref) {
        Network n = network(ref);
        if (n.predefined()) {
            throw new EngineException(n.name() + " is a pre-defined network and cannot be removed");
        }
        if (n.swarmScoped()) {
            if (!n.endpoints().isEmpty()) {
                throw new EngineException("rpc error: code = FailedPrecondition desc = network " + n.id()
                        + " is in use by task");
            }
            engine.swarm().removeOverlay(n);
            return;
        }
        if (!n.endpoints().isEmpty()) {
            // libnetwork/network.go delete: ActiveEndpointsError lists every endpoint, name:"..." id:"<12 hex>".
            List<String> eps = new ArrayList<>();
            n.endpoints().forEach((cid, e) -> {
                Container c = engine.containerById(cid);
                eps.add("name:\"" + (c == null ? cid.substring(0, 12) : c.name()) + "\" id:\"" + e.id().substring(0, 12) + "\"");
            });
            throw new EngineException("error while removing network: network " + n.name() + " has active endpoints ("
                    + String.join(", ", eps) + ")");
        }
        engine.driver(n).deleteNetwork(n);
        networks.remove(n.name());
        engine.daemonEvents().network(n, "destroy", null); // daemon/network.go deleteNetwork
    }

    /**
     * The name of a local network {@code c} was configured for that has been removed since
     * ({@code network rm} and prune only mind active endpoints, as libnetwork does), or null.
     */
    String removedNetwork(Container c) {
        for (Endpoint e : c.endpoints().values()) {
            if (!e.network().swarmScoped() && findLocalNetwork(e.network().name()) != e.network()) {
                return e.network().name();
            }
        }
        return null;
    }

    /** {@code docker network prune -f}: removes the unused user-defined networks {@code which} selects; returns their names. */
    List<String> pruneNetworks(java.util.function.Predicate<Network> which) {
        List<String> removed = new ArrayList<>();
        for (Network n : new ArrayList<>(networks.values())) {
            // daemon/prune.go localNetworksPrune: only active endpoints keep a network; a Created container does not.
            if (!n.predefined() && n.endpoints().isEmpty() && which.test(n)) {
                removeNetwork(n.name());
                removed.add(n.name());
            }
        }
        engine.daemonEvents().pruned(Event.NETWORK);
        return removed;
    }
}
