package dev.dockwire.docker.engine;

import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.EmbeddedResolver;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.Names;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.NetworkCreate;
import dev.dockwire.docker.PortSpec;
import dev.dockwire.docker.driver.bridge.Iptabler;
import dev.dockwire.docker.ipam.Pools;
import dev.dockwire.docker.driver.bridge.PortPublisher;
import dev.dockwire.docker.driver.macvlan.MacvlanDriver;
import dev.dockwire.docker.driver.overlay.OverlayDriver;
import dev.dockwire.docker.swarm.Swarm;
import dev.dockwire.docker.swarm.SwarmDirectory;
import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.sim.Clock;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import java.util.regex.Pattern;

/**
 * One emulated Docker host's engine (dockerd + libnetwork's bridge, host and null drivers),
 * written against the {@link Kernel} seam only. It keeps networks with Docker's IPAM and
 * containers with their sandboxes, and programs the kernel in the order libnetwork does: bridge
 * with the gateway address; per endpoint a veth pair in the host, the host end enslaved and up,
 * the peer moved into the sandbox, renamed {@code ethN}, given its MAC, address and, for the
 * first network, the default route. Every failed request leaves the engine as it was.
 */
public final class Engine {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private final Kernel kernel;
    private final EventLoop clock;
    private final SeededRandom random;
    private final EngineProfile profile;
    private final List<String> hostNameservers;
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final List<java.util.function.Consumer<Network>> bridgeListeners = new ArrayList<>();
    private final List<java.util.function.Consumer<Container>> sandboxListeners = new ArrayList<>();

    private final Map<String, EmbeddedResolver> resolvers = new LinkedHashMap<>();
    private final Map<String, ImageDaemons.Daemon> daemons = new LinkedHashMap<>();
    private final Iptabler iptabler;
    private final PortPublisher ports;
    private final MacvlanDriver macvlan;
    private final OverlayDriver overlay;
    private SwarmDirectory swarms = new SwarmDirectory();
    private String hostname = "docker-host";
    private Swarm swarm;
    private final EmbeddedResolver.Host resolverHost = new EmbeddedResolver.Host() {
        @Override
        public Timer schedule(long delayNanos, Runnable task) {
            return clock.schedule(delayNanos, task)::cancel;
        }

        @Override
        public int random(int bound) {
            return random.nextInt(bound);
        }
    };

    public Engine(Kernel kernel, EventLoop clock, SeededRandom random, EngineProfile profile, List<String> hostNameservers) {
        this.kernel = kernel;
        this.clock = clock;
        this.random = random;
        this.profile = profile;
        this.hostNameservers = List.copyOf(hostNameservers);
        this.iptabler = new Iptabler(kernel, profile);
        this.ports = new PortPublisher(kernel, iptabler, profile);
        this.macvlan = new MacvlanDriver(kernel, this);
        this.overlay = new OverlayDriver(this);
    }

    /** The directory where swarm joins find managers (shared by the hosts of one LAN), and this host's name. */
    public void swarms(SwarmDirectory directory, String hostname) {
        this.swarms = directory;
        this.hostname = hostname;
    }

    /** The engine's clock (virtual unless paced), for timestamps such as a task's state change. */
    public long nanos() {
        return clock.nanos();
    }

    /** The host's name, as {@code docker node ls} shows it. */
    public String hostname() {
        return hostname;
    }

    /** The swarm this node is part of, or null. */
    public Swarm swarm() {
        return swarm;
    }

    public OverlayDriver overlay() {
        return overlay;
    }

    /**
     * {@code docker swarm init [--advertise-addr IP]}: a new swarm with this node as leader; the
     * advertised address defaults to that of the interface with the default route. Creates
     * {@code docker_gwbridge} and reserves {@code ingress} (10.0.0.0/24, VNI 4096) as Docker does.
     */
    public Swarm swarmInit(String advertise) {
        if (swarm != null) {
            throw new EngineException("This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.");
        }
        Ipv4Address addr = advertiseAddress(advertise);
        Swarm s = new Swarm(random);
        s.join(hostname, this, true, addr);
        Network ingress = new Network(Swarm.base36(random, 25), "ingress", Network.Driver.OVERLAY, null, s.nextSubnet(), null,
                null, false, false, Map.of("com.docker.network.driver.overlay.vxlanid_list", String.valueOf(Swarm.FIRST_VNI)),
                Map.of(), clock.nanos());
        s.addOverlay(ingress, Swarm.FIRST_VNI);
        swarms.register(addr.toString(), s);
        swarm = s;
        gatewayBridge();
        return s;
    }

    /** {@code docker swarm join --token TOKEN ADDR[:2377]}: joins as worker or manager, as the token says. */
    public Swarm.Node swarmJoin(String token, String remote, String advertise) {
        if (swarm != null) {
            throw new EngineException("This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.");
        }
        String host = remote.contains(":") ? remote.substring(0, remote.lastIndexOf(':')) : remote;
        Swarm s = swarms.find(host);
        if (s == null) {
            throw new EngineException("Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the \"docker info\" command to see the current swarm status of your node.");
        }
        boolean manager = token.equals(s.token(true));
        if (!manager && !token.equals(s.token(false))) {
            throw new EngineException("invalid join token");
        }
        Swarm.Node n = s.join(hostname, this, manager, advertiseAddress(advertise));
        if (manager) {
            swarms.register(n.address().toString(), s);
        }
        swarm = s;
        gatewayBridge();
        return n;
    }

    private Ipv4Address advertiseAddress(String advertise) {
        if (advertise != null) {
            Integer a = Ipv4Address.tryParse(advertise.contains(":") ? advertise.substring(0, advertise.indexOf(':')) : advertise);
            if (a == null) {
                throw new EngineException("advertise address must be a non-zero IP address or network interface (with optional port number)");
            }
            return Ipv4Address.of(a);
        }
        for (RouteInfo r : kernel.routes(Kernel.HOST)) {
            if (r.dst().prefixLength() == 0) {
                for (AddrInfo a : kernel.addresses(Kernel.HOST)) {
                    if (a.dev().equals(r.dev())) {
                        return a.cidr().address();
                    }
                }
            }
        }
        throw new EngineException("could not choose an IP address to advertise since this system does not have a default route");
    }

    /**
     * {@code docker_gwbridge}: the bridge network that gives overlay containers a way out (a
     * local pool, icc off, masquerade on), as libnetwork creates it when a node enters a swarm.
     */
    private void gatewayBridge() {
        if (networks.containsKey("docker_gwbridge")) {
            return;
        }
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("com.docker.network.bridge.enable_icc", "false");
        opts.put("com.docker.network.bridge.enable_ip_masquerade", "true");
        opts.put("com.docker.network.bridge.name", "docker_gwbridge");
        createBridge("docker_gwbridge", "docker_gwbridge", nextPool(), null, null, false, false, opts, Map.of());
    }

    /**
     * dockerd's {@code userland-proxy} setting (default true): set before {@link #start}. Off, the
     * engine relies on hairpin NAT and bridge netfilter instead of docker-proxy.
     */
    public void userlandProxy(boolean on) {
        iptabler.userlandProxy(on);
    }

    public boolean userlandProxy() {
        return iptabler.userlandProxy();
    }

    public Kernel kernel() {
        return kernel;
    }

    public Clock clock() {
        return clock;
    }

    /** The emulation's seeded random source. */
    public SeededRandom random() {
        return random;
    }

    public EngineProfile profile() {
        return profile;
    }

    public List<String> hostNameservers() {
        return hostNameservers;
    }

    /** What dockerd does at start: lo up, ip_forward on, the predefined networks bridge (docker0), host, none. */
    public void start() {
        kernel.linkSetUp(Kernel.HOST, "lo", true);
        kernel.sysctl(Kernel.HOST, "net.ipv4.ip_forward", "1");
        iptabler.init();
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("com.docker.network.bridge.default_bridge", "true");
        opts.put("com.docker.network.bridge.enable_icc", "true");
        opts.put("com.docker.network.bridge.enable_ip_masquerade", "true");
        opts.put("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0");
        opts.put("com.docker.network.bridge.name", "docker0");
        opts.put("com.docker.network.driver.mtu", "1500");
        createBridge("bridge", "docker0", Cidr.parse("172.17.0.0/16"), null, null, false, false, opts, Map.of());
        add(new Network(random.nextHex(64), "host", Network.Driver.HOST, null, null, null, null,
                false, false, Map.of(), Map.of(), clock.nanos()));
        add(new Network(random.nextHex(64), "none", Network.Driver.NULL, null, null, null, null,
                false, false, Map.of(), Map.of(), clock.nanos()));
    }

    private void add(Network n) {
        networks.put(n.name(), n);
        if (n.bridge() != null) {
            bridgeListeners.forEach(l -> l.accept(n));
        }
    }

    /** Calls {@code listener} for every bridge network, existing and created later (before any traffic on it). */
    public void onBridgeNetwork(java.util.function.Consumer<Network> listener) {
        bridgeListeners.add(listener);
        networks.values().stream().filter(n -> n.bridge() != null).toList().forEach(listener);
    }

    // ---- networks ------------------------------------------------------------------------

    /** {@code docker network create}. */
    public Network createNetwork(NetworkCreate req) {
        String name = req.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new EngineException("invalid network name \"" + name + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
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
                return createOverlay(req);
            }
            case "ipvlan" -> throw new EngineException("dockwire does not model the "
                    + driver + " driver yet; bridge, macvlan, overlay, host and none are available");
            default -> throw new EngineException("plugin \"" + driver + "\" not found");
        }
        Cidr subnet = req.subnet();
        if (subnet != null) {
            subnet = subnet.network();
            for (Network n : networks.values()) {
                if (n.subnet() != null && n.subnet().overlaps(subnet)) {
                    throw new EngineException("invalid pool request: Pool overlaps with other one on this address space");
                }
            }
        } else {
            if (req.gateway() != null || req.ipRange() != null) {
                throw new EngineException("invalid network config:\n"
                        + (req.gateway() != null ? "gateway" : "ip-range") + " specified without a subnet");
            }
            subnet = nextPool();
        }
        if (req.ipRange() != null && !(subnet.contains(req.ipRange().networkBits())
                && req.ipRange().prefixLength() >= subnet.prefixLength())) {
            throw new EngineException("invalid network config:\nip-range " + req.ipRange() + " is not within subnet " + subnet);
        }
        String id = random.nextHex(64);
        Map<String, String> opts = req.options() == null ? Map.of() : req.options();
        if (driver.equals("macvlan")) {
            return createMacvlan(name, id, subnet, req, opts);
        }
        String bridge = opts.getOrDefault("com.docker.network.bridge.name", "br-" + id.substring(0, 12));
        return createBridge(name, bridge, subnet, req.gateway(), req.ipRange(), req.internal(), req.attachable(),
                opts, req.labels() == null ? Map.of() : req.labels(), id);
    }

    /**
     * {@code docker network create -d overlay [--attachable] [--subnet S] NAME} on a manager: a
     * swarm-scoped network whose subnet comes from 10.0.0.0/8 in /24s and whose VNI is the next
     * free one from 4096 (or {@code -o com.docker.network.driver.overlay.vxlanid_list=N}). Nothing
     * is built until a container on some node joins it.
     */
    private Network createOverlay(NetworkCreate req) {
        if (swarm == null) {
            throw new EngineException("This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.");
        }
        if (!swarm.node(this).manager()) {
            throw new EngineException("Cannot create a multi-host network from a worker node. Please create the network from a manager node.");
        }
        if (swarm.overlay(req.name()) != null) {
            throw new EngineException("network with name " + req.name() + " already exists");
        }
        Cidr subnet = req.subnet() != null ? req.subnet().network() : swarm.nextSubnet();
        if (swarm.overlays().stream().anyMatch(o -> o.subnet().overlaps(subnet))) {
            throw new EngineException("invalid pool request: Pool overlaps with other one on this address space");
        }
        Ipv4Address gw = req.gateway() != null ? req.gateway() : Ipv4Address.of(subnet.networkBits() + 1);
        Map<String, String> opts = new LinkedHashMap<>(req.options() == null ? Map.of() : req.options());
        OverlayDriver.maxMtu(opts); // CreateNetwork refuses a bad MTU option before anything exists
        String vniOpt = opts.get("com.docker.network.driver.overlay.vxlanid_list");
        int vni;
        try {
            vni = vniOpt == null ? 0 : Integer.parseInt(vniOpt.split(",")[0].trim());
        } catch (NumberFormatException e) {
            throw new EngineException("invalid vxlanid_list " + vniOpt);
        }
        Network n = new Network(Swarm.base36(random, 25), req.name(), Network.Driver.OVERLAY, null, subnet, req.ipRange(), gw,
                req.internal(), req.attachable(), opts, req.labels() == null ? Map.of() : req.labels(), clock.nanos());
        swarm.addOverlay(n, vni);
        return n;
    }

    private Network createBridge(String name, String bridge, Cidr subnet, Ipv4Address gateway, Cidr ipRange,
                                 boolean internal, boolean attachable, Map<String, String> opts, Map<String, String> labels) {
        return createBridge(name, bridge, subnet, gateway, ipRange, internal, attachable, opts, labels, random.nextHex(64));
    }

    private Network createBridge(String name, String bridge, Cidr subnet, Ipv4Address gateway, Cidr ipRange,
                                 boolean internal, boolean attachable, Map<String, String> opts,
                                 Map<String, String> labels, String id) {
        Ipv4Address gw = gateway(subnet, gateway);
        if (kernel.links(Kernel.HOST).stream().anyMatch(l -> l.name().equals(bridge))) {
            throw new EngineException("bridge name " + bridge + " is already in use");
        }
        Network n = new Network(id, name, Network.Driver.BRIDGE, bridge, subnet, ipRange, gw, internal, attachable,
                opts, labels, clock.nanos());
        kernel.linkAddBridge(Kernel.HOST, bridge, null);
        try {
            if (opts.containsKey("com.docker.network.driver.mtu")) {
                kernel.linkSetMtu(Kernel.HOST, bridge, Integer.parseInt(opts.get("com.docker.network.driver.mtu")));
            }
            kernel.addrAdd(Kernel.HOST, bridge, Cidr.of(gw, subnet.prefixLength()));
            kernel.linkSetUp(Kernel.HOST, bridge, true);
            iptabler.addNetwork(n);
            if (!iptabler.userlandProxy() || "false".equals(opts.get("com.docker.network.bridge.enable_icc"))) {
                // Docker loads br_netfilter so that bridged traffic meets the FORWARD rules (icc=false)
                // and hairpin NAT replies are un-NATed on the bridge (no userland proxy).
                kernel.sysctl(Kernel.HOST, "net.bridge.bridge-nf-call-iptables", "1");
            }
        } catch (RuntimeException e) {
            kernel.linkDel(Kernel.HOST, bridge);
            throw e instanceof KernelException ? new EngineException(e.getMessage()) : e;
        }
        add(n);
        return n;
    }

    /** A macvlan network: the gateway is the LAN's router, nothing is configured on the host but the parent. */
    private Network createMacvlan(String name, String id, Cidr subnet, NetworkCreate req, Map<String, String> opts) {
        Ipv4Address gw = gateway(subnet, req.gateway());
        Network n = new Network(id, name, Network.Driver.MACVLAN, null, subnet, req.ipRange(), gw, req.internal(),
                req.attachable(), opts, req.labels() == null ? Map.of() : req.labels(), clock.nanos());
        n.createdLink(macvlan.createNetwork(id, opts));
        add(n);
        return n;
    }

    /** IPAM's gateway: the one asked for, checked against the subnet, else the subnet's first address. */
    private static Ipv4Address gateway(Cidr subnet, Ipv4Address gateway) {
        Ipv4Address gw = gateway != null ? gateway : Ipv4Address.of(subnet.networkBits() + 1);
        if (!subnet.contains(gw) || gw.bits() == subnet.networkBits() || gw.bits() == subnet.broadcastBits()) {
            throw new EngineException("invalid network config:\ngateway " + gw + " is not within subnet " + subnet);
        }
        return gw;
    }

    /** The first default pool that overlaps no network and no route or address of the host (as libnetwork checks). */
    private Cidr nextPool() {
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

    /** A network by name, full id or unique id prefix. */
    public Network network(String ref) {
        Network n = findNetwork(ref);
        if (n == null) {
            throw new EngineException("network " + ref + " not found");
        }
        return n;
    }

    public Network findNetwork(String ref) {
        Network n = networks.get(ref);
        if (n == null && swarm != null) {
            n = swarm.overlay(ref);
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
    public Collection<Network> networks() {
        if (swarm == null) {
            return networks.values();
        }
        List<Network> all = new ArrayList<>(networks.values());
        boolean manager = swarm.node(this).manager();
        for (Network o : swarm.overlays()) {
            if (manager || overlay.sandbox(o) != null) {
                all.add(o);
            }
        }
        return all;
    }

    /** {@code docker network rm}: refused for predefined networks and while endpoints are attached. */
    public void removeNetwork(String ref) {
        Network n = network(ref);
        if (n.predefined()) {
            throw new EngineException(n.name() + " is a pre-defined network and cannot be removed");
        }
        if (n.driver() == Network.Driver.OVERLAY) {
            if (!n.endpoints().isEmpty()) {
                throw new EngineException("rpc error: code = FailedPrecondition desc = network " + n.id()
                        + " is in use by task");
            }
            swarm.removeOverlay(n);
            return;
        }
        if (!n.endpoints().isEmpty()) {
            Map.Entry<String, Endpoint> e = n.endpoints().entrySet().iterator().next();
            Container c = containerById(e.getKey());
            throw new EngineException("error while removing network: network " + n.name() + " has active endpoints (name:\""
                    + (c == null ? "?" : c.name()) + "\" id:\"" + e.getKey().substring(0, 12) + "\")");
        }
        if (containers.values().stream().anyMatch(c -> c.endpoints().containsKey(n.name()))) {
            Container c = containers.values().stream().filter(x -> x.endpoints().containsKey(n.name())).findFirst().orElseThrow();
            throw new EngineException("error while removing network: network " + n.name() + " is in use by container " + c.shortId());
        }
        if (n.driver() == Network.Driver.MACVLAN) {
            macvlan.deleteNetwork(n);
        } else {
            iptabler.removeNetwork(n);
            kernel.linkDel(Kernel.HOST, n.bridge());
        }
        networks.remove(n.name());
    }

    /** {@code docker network prune -f}: removes unused user-defined networks; returns their names. */
    public List<String> pruneNetworks() {
        List<String> removed = new ArrayList<>();
        for (Network n : new ArrayList<>(networks.values())) {
            if (!n.predefined() && n.endpoints().isEmpty()
                    && containers.values().stream().noneMatch(c -> c.endpoints().containsKey(n.name()))) {
                removeNetwork(n.name());
                removed.add(n.name());
            }
        }
        return removed;
    }

    // ---- containers ----------------------------------------------------------------------

    /** {@code docker create}: the container and its network configuration, no sandbox yet. */
    public Container create(ContainerCreate req) {
        return create(req, false);
    }

    /**
     * A swarm task's container, created and started by the orchestrator: unlike {@code docker
     * run}, it may join an overlay network that is not attachable.
     */
    public Container runTask(ContainerCreate req) {
        return startCreated(create(req, true));
    }

    private Container create(ContainerCreate req, boolean swarmTask) {
        String name = req.name();
        if (name != null) {
            if (!NAME.matcher(name).matches()) {
                throw new EngineException("Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
            }
            Container other = containers.get(name);
            if (other != null) {
                throw new EngineException("Conflict. The container name \"/" + name + "\" is already in use by container \""
                        + other.id() + "\". You have to remove (or rename) that container to be able to reuse that name.");
            }
        } else {
            name = Names.generate(random, containers::containsKey);
        }
        String mode = req.network() == null || req.network().isEmpty() ? "bridge" : req.network();
        Network first = null;
        if (mode.startsWith("container:")) {
            container(mode.substring("container:".length()));
        } else {
            first = network(mode);
            if (req.ip() != null && first.name().equals("bridge")) {
                throw new EngineException("invalid endpoint settings:\nuser specified IP address is supported on user defined networks only");
            }
            if (!req.aliases().isEmpty() && first.name().equals("bridge")) {
                throw new EngineException("invalid endpoint settings:\nnetwork-scoped aliases are only supported for user-defined networks");
            }
            if (req.ip() != null && !first.subnet().contains(req.ip())) {
                throw new EngineException("invalid endpoint settings:\nno configured subnet or ip-range contain the IP address " + req.ip());
            }
        }
        String id = random.nextHex(64);
        String hostname = req.hostname() != null ? req.hostname()
                : (first != null && first.driver() == Network.Driver.HOST ? "docker-host" : id.substring(0, 12));
        String networkMode = first == null ? mode : (first.driver().plumbed() && !first.name().equals("bridge")
                ? first.name() : first.name().equals("bridge") ? "bridge" : first.name());
        List<PortSpec> specs = portSpecs(req);
        Container c = new Container(id, name, req.image(), req.cmd(), hostname, networkMode, clock.nanos(),
                req.extraHosts(), req.dns());
        c.portSpecs(specs);
        if (first != null && first.driver() == Network.Driver.OVERLAY && !first.attachable() && !swarmTask) {
            throw new EngineException("Could not attach to network " + first.name()
                    + ": rpc error: code = PermissionDenied desc = network " + first.name() + " not manually attachable");
        }
        if (first != null && first.driver().plumbed()) {
            c.putEndpoint(first.name(), new Endpoint(random.nextHex(64), first, null, null, null, null, req.ip(),
                    List.copyOf(req.aliases())));
        } else if (first != null) {
            c.putEndpoint(first.name(), new Endpoint(random.nextHex(64), first, null, null, null, null, null, List.of()));
        }
        containers.put(name, c);
        return c;
    }

    /**
     * The ports a request publishes: each {@code -p} spec, then with {@code -P} every exposed port
     * (the image's EXPOSE and {@code --expose}) not already published, on an ephemeral host port.
     * Host and none networking publish nothing (the CLI warns).
     */
    private List<PortSpec> portSpecs(ContainerCreate req) {
        String mode = req.network() == null ? "bridge" : req.network();
        if (mode.equals("host") || mode.equals("none") || mode.startsWith("container:")) {
            return List.of();
        }
        List<PortSpec> specs = new ArrayList<>();
        for (String p : req.publish()) {
            specs.addAll(PortSpec.parse(p));
        }
        if (req.publishAll()) {
            List<PortSpec> exposed = new ArrayList<>(Images.exposed(req.image(), declaredImage(req.image())));
            for (String e : req.expose()) {
                exposed.addAll(PortSpec.exposed(e));
            }
            for (PortSpec e : exposed) {
                if (specs.stream().noneMatch(s -> s.key().equals(e.key()))) {
                    specs.add(e);
                }
            }
        }
        return specs;
    }

    /** {@code docker run -d}: create and start; a failed start removes the container again. */
    public Container run(ContainerCreate req) {
        return startCreated(create(req, false));
    }

    private Container startCreated(Container c) {
        try {
            start(c.name());
        } catch (RuntimeException e) {
            containers.remove(c.name());
            throw e;
        }
        return c;
    }

    /** {@code docker start}: builds the sandbox and its endpoints. */
    public Container start(String ref) {
        Container c = container(ref);
        if (c.running()) {
            return c;
        }
        String mode = c.networkMode();
        if (mode.equals("host")) {
            c.started(Kernel.HOST, clock.nanos());
            attachNonBridge(c);
        } else if (mode.startsWith("container:")) {
            Container other = container(mode.substring("container:".length()));
            if (!other.running()) {
                throw new EngineException("cannot join network namespace of a non running container: " + other.id());
            }
            c.started(other.netns(), clock.nanos());
        } else {
            String sandbox = random.nextHex(12);
            kernel.netnsAdd(sandbox);
            List<Endpoint> made = new ArrayList<>();
            try {
                kernel.linkSetUp(sandbox, "lo", true);
                boolean overlays = false;
                for (Endpoint e : List.copyOf(c.endpoints().values())) {
                    Network.Driver d = e.network().driver();
                    if (d == Network.Driver.OVERLAY) {
                        made.add(overlay.join(c, sandbox, e, made.size()));
                        overlays |= !e.network().internal();
                    } else if (d.plumbed() && !e.network().name().equals("docker_gwbridge")) {
                        made.add(plumb(c, sandbox, e, made.isEmpty(), made.size()));
                    }
                }
                if (overlays && made.stream().noneMatch(e -> e.network().driver() == Network.Driver.BRIDGE)) {
                    // libnetwork's gateway endpoint: a way out through docker_gwbridge (eth1), the default route;
                    // not for a container only on internal overlays.
                    Network gw = network("docker_gwbridge");
                    made.add(plumb(c, sandbox, new Endpoint(random.nextHex(64), gw, null, null, null, null, null, List.of()),
                            true, made.size()));
                }
                // Ports publish on the first bridge endpoint (docker_gwbridge for a container only on overlays).
                made.stream().filter(e -> e.network().driver() == Network.Driver.BRIDGE).findFirst()
                        .ifPresent(e -> ports.publish(c, e));
            } catch (RuntimeException ex) {
                for (Endpoint ep : made) {
                    if (ep.network().driver() == Network.Driver.OVERLAY) {
                        overlay.leave(c, ep);
                    } else {
                        ep.network().release(ep.address());
                        ep.network().detach(c.id());
                    }
                    c.putEndpoint(ep.network().name(), ep.withoutSandbox());
                }
                kernel.netnsDel(sandbox);
                throw ex instanceof KernelException ? new EngineException(ex.getMessage()) : ex;
            }
            c.started(sandbox, clock.nanos());
            sandboxListeners.forEach(l -> l.accept(c));
            attachNonBridge(c);
        }
        ContainerFiles.write(this, c);
        startResolver(c);
        ImageDaemons.Daemon d = ImageDaemons.start(this, c, kernel.sockets(c.netns()));
        if (d != null) {
            daemons.put(c.id(), d);
        }
        return c;
    }

    /**
     * Docker's embedded DNS for a container on a user-defined network: a resolver listening at
     * 127.0.0.11 on ephemeral UDP and TCP ports in its namespace, Docker's nat rules mapping port
     * 53 to them ({@link ResolverRules}), forwarding from the host's namespace.
     */
    private void startResolver(Container c) {
        if (resolvers.containsKey(c.id()) || c.netns() == null || c.netns().equals(Kernel.HOST)
                || c.networkMode().startsWith("container:")) {
            return;
        }
        boolean userNetwork = c.endpoints().values().stream().anyMatch(e -> e.address() != null
                && e.network().driver().plumbed() && !e.network().name().equals("bridge"));
        if (!userNetwork) {
            return;
        }
        EmbeddedResolver r = new EmbeddedResolver(kernel.sockets(c.netns()), kernel.sockets(Kernel.HOST),
                new ContainerRecords(this, c), resolverHost);
        r.start();
        ResolverRules.install(kernel, c.netns(), Ipv4Address.format(EmbeddedResolver.ADDRESS), r.udpPort(), r.tcpPort());
        resolvers.put(c.id(), r);
    }

    /**
     * Calls {@code listener} each time a container gets a namespace of its own (at start and
     * restart), before its resolver starts and before anything runs in it.
     */
    public void onSandbox(java.util.function.Consumer<Container> listener) {
        sandboxListeners.add(listener);
    }

    private void attachNonBridge(Container c) {
        for (Endpoint e : c.endpoints().values()) {
            if (!e.network().driver().plumbed()) {
                e.network().attach(c.id(), e);
            }
        }
    }

    /** One endpoint into a sandbox, in libnetwork's order: the driver's link, then address and routes. */
    private Endpoint plumb(Container c, String sandbox, Endpoint e, boolean defaultRoute, int index) {
        Network n = e.network();
        Ipv4Address addr = e.requestedIp() != null ? n.allocate(e.requestedIp()) : n.allocate();
        String ifname = "eth" + index;
        boolean bridged = n.driver() == Network.Driver.BRIDGE;
        String hostVeth = bridged ? "veth" + random.nextHex(7) : null;
        String tmpPeer = bridged ? "veth" + random.nextHex(7) : null;
        var mac = profile.endpointMac(addr, random);
        try {
            if (bridged) {
                bridgeJoin(n, sandbox, ifname, hostVeth, tmpPeer, mac);
            } else {
                macvlan.join(n, sandbox, ifname, mac);
            }
            kernel.addrAdd(sandbox, ifname, Cidr.of(addr, n.subnet().prefixLength()));
            kernel.linkSetUp(sandbox, ifname, true);
            if (defaultRoute && !n.internal()) {
                kernel.routeAdd(sandbox, Cidr.parse("0.0.0.0/0"), n.gateway().bits(), ifname);
            }
        } catch (RuntimeException ex) {
            n.release(addr);
            if (hostVeth != null && kernel.links(Kernel.HOST).stream().anyMatch(l -> l.name().equals(hostVeth))) {
                kernel.linkDel(Kernel.HOST, hostVeth);
            } else if (!bridged && kernel.links(sandbox).stream().anyMatch(l -> l.name().equals(ifname))) {
                kernel.linkDel(sandbox, ifname);
            }
            throw ex;
        }
        Endpoint ep = e.withSandbox(ifname, hostVeth, addr, mac);
        c.putEndpoint(n.name(), ep);
        n.attach(c.id(), ep);
        return ep;
    }

    /** The bridge driver's Join: a veth pair, the host end on the bridge, the peer into the sandbox as {@code ifname}. */
    private void bridgeJoin(Network n, String sandbox, String ifname, String hostVeth, String tmpPeer, MacAddress mac) {
        kernel.linkAddVeth(Kernel.HOST, hostVeth, null, tmpPeer, mac);
        String mtu = n.options().get("com.docker.network.driver.mtu");
        if (mtu != null) {
            kernel.linkSetMtu(Kernel.HOST, hostVeth, Integer.parseInt(mtu));
            kernel.linkSetMtu(Kernel.HOST, tmpPeer, Integer.parseInt(mtu));
        }
        kernel.linkSetMaster(Kernel.HOST, hostVeth, n.bridge());
        if (!iptabler.userlandProxy()) {
            // Without docker-proxy a container reaches its own published port by hairpin NAT.
            kernel.linkSetHairpin(Kernel.HOST, hostVeth, true);
        }
        kernel.linkSetUp(Kernel.HOST, hostVeth, true);
        kernel.linkSetNetns(Kernel.HOST, tmpPeer, sandbox);
        kernel.linkSetName(sandbox, tmpPeer, ifname);
    }

    /** {@code docker stop}: PID 1 ignores SIGTERM, so after the 10 s grace period it is killed (exit 137). */
    public Container stop(String ref, Runnable waitGracePeriod) {
        Container c = container(ref);
        if (!c.running()) {
            return c;
        }
        waitGracePeriod.run();
        teardown(c);
        c.stopped(137, clock.nanos());
        return c;
    }

    private void teardown(Container c) {
        ports.unpublish(c);
        EmbeddedResolver r = resolvers.remove(c.id());
        if (r != null) {
            r.stop();
        }
        ImageDaemons.Daemon d = daemons.remove(c.id());
        if (d != null) {
            d.stop();
        }
        for (Endpoint e : c.endpointList()) {
            Network n = e.network();
            if (n.driver() == Network.Driver.OVERLAY && e.address() != null) {
                overlay.leave(c, e);
                c.putEndpoint(n.name(), e.withoutSandbox());
                continue;
            }
            n.detach(c.id());
            if (n.name().equals("docker_gwbridge") && e.hostVeth() != null) {
                n.release(e.address());
                kernel.linkDel(Kernel.HOST, e.hostVeth());
                c.removeEndpoint(n.name());
            } else if (n.driver().plumbed() && e.address() != null) {
                n.release(e.address());
                removeLink(c, e);
                c.putEndpoint(n.name(), e.withoutSandbox());
            }
        }
        String ns = c.netns();
        if (ns != null && !ns.equals(Kernel.HOST) && !c.networkMode().startsWith("container:")
                && containers.values().stream().noneMatch(o -> o != c && o.running() && ns.equals(o.netns()))) {
            kernel.netnsDel(ns);
        }
    }

    /** An endpoint's link: the host end of its veth (the peer goes with it), or its macvlan in the sandbox. */
    private void removeLink(Container c, Endpoint e) {
        if (e.hostVeth() != null) {
            kernel.linkDel(Kernel.HOST, e.hostVeth());
        } else {
            kernel.linkDel(c.netns(), e.ifname());
        }
    }

    /** {@code docker rm [-f]}. */
    public void remove(String ref, boolean force, Runnable waitGracePeriod) {
        Container c = container(ref);
        if (c.running()) {
            if (!force) {
                throw new EngineException("cannot remove container \"" + c.name()
                        + "\": container is running: stop the container before removing or force remove");
            }
            teardown(c);
            c.stopped(137, clock.nanos());
        }
        containers.remove(c.name());
    }

    /** {@code docker network connect [--ip IP] [--alias A] NET CTR}: a new interface when running. */
    public Endpoint connect(String netRef, String ctrRef, Ipv4Address ip, List<String> aliases) {
        Network n = network(netRef);
        Container c = container(ctrRef);
        if (c.networkMode().equals("host") || c.networkMode().equals("none") || c.networkMode().startsWith("container:")) {
            throw new EngineException("container cannot be disconnected from host network or connected to host network");
        }
        if (!n.driver().plumbed()) {
            throw new EngineException("container cannot be disconnected from host network or connected to host network");
        }
        if (c.endpoints().containsKey(n.name())) {
            throw new EngineException("endpoint with name " + c.name() + " already exists in network " + n.name());
        }
        if (ip != null && n.name().equals("bridge")) {
            throw new EngineException("invalid endpoint settings:\nuser specified IP address is supported on user defined networks only");
        }
        if (n.driver() == Network.Driver.OVERLAY && !n.attachable()) {
            throw new EngineException("Could not attach to network " + n.name()
                    + ": rpc error: code = PermissionDenied desc = network " + n.name() + " not manually attachable");
        }
        Endpoint e = new Endpoint(random.nextHex(64), n, null, null, null, null, ip,
                aliases == null ? List.of() : List.copyOf(aliases));
        if (c.running()) {
            int index = nextIfIndex(c);
            Endpoint made = n.driver() == Network.Driver.OVERLAY ? connectOverlay(c, e, index)
                    : plumb(c, c.netns(), e, false, index);
            ContainerFiles.write(this, c);
            startResolver(c);
            return made;
        }
        c.putEndpoint(n.name(), e);
        return e;
    }

    /**
     * A running container joins an overlay: the driver's Join (every node learns the peer), and
     * libnetwork's gateway endpoint on docker_gwbridge with the default route when nothing else
     * gives the container a way out.
     */
    private Endpoint connectOverlay(Container c, Endpoint e, int index) {
        Endpoint made = overlay.join(c, c.netns(), e, index);
        boolean wayOut = c.endpoints().values().stream()
                .anyMatch(x -> x.network().driver() == Network.Driver.BRIDGE && x.address() != null)
                || kernel.routes(c.netns()).stream().anyMatch(r -> r.dst().prefixLength() == 0);
        if (!wayOut && !e.network().internal()) {
            Network gw = network("docker_gwbridge");
            Endpoint g = plumb(c, c.netns(), new Endpoint(random.nextHex(64), gw, null, null, null, null, null, List.of()),
                    true, nextIfIndex(c));
            ports.publish(c, g);
        }
        return made;
    }

    /**
     * A running container leaves an overlay: the driver's Leave (every node forgets the peer); the
     * gateway endpoint on docker_gwbridge goes with the last overlay, as libnetwork's sandbox drops
     * a default gateway it no longer needs.
     */
    private void disconnectOverlay(Container c, Endpoint e) {
        overlay.leave(c, e);
        c.removeEndpoint(e.network().name());
        Endpoint gw = c.endpoints().get("docker_gwbridge");
        boolean overlaysLeft = c.endpoints().values().stream().anyMatch(x -> x.network().driver() == Network.Driver.OVERLAY);
        if (gw != null && !overlaysLeft) {
            ports.unpublish(c);
            gw.network().detach(c.id());
            gw.network().release(gw.address());
            removeLink(c, gw);
            c.removeEndpoint("docker_gwbridge");
        }
    }

    private static int nextIfIndex(Container c) {
        int i = 0;
        while (true) {
            String name = "eth" + i;
            if (c.endpoints().values().stream().noneMatch(e -> name.equals(e.ifname()))) {
                return i;
            }
            i++;
        }
    }

    /** {@code docker network disconnect NET CTR}: the interface goes, its address is freed. */
    public void disconnect(String netRef, String ctrRef) {
        Network n = network(netRef);
        Container c = container(ctrRef);
        Endpoint e = c.endpoints().get(n.name());
        if (e == null) {
            throw new EngineException("container " + c.id() + " is not connected to network " + n.name());
        }
        if (!n.driver().plumbed()) {
            throw new EngineException("container cannot be disconnected from host network or connected to host network");
        }
        if (c.running() && n.driver() == Network.Driver.OVERLAY) {
            disconnectOverlay(c, e);
            ContainerFiles.write(this, c);
        } else if (c.running()) {
            n.detach(c.id());
            n.release(e.address());
            boolean hadDefault = kernel.routes(c.netns()).stream()
                    .anyMatch(r -> r.dst().prefixLength() == 0 && r.dev().equals(e.ifname()));
            removeLink(c, e);
            c.removeEndpoint(n.name());
            if (hadDefault) {
                // The default route went with the interface; libnetwork moves it to another endpoint's gateway.
                for (Endpoint other : c.endpoints().values()) {
                    if (other.ifname() != null && !other.network().internal()) {
                        kernel.routeAdd(c.netns(), Cidr.parse("0.0.0.0/0"), other.network().gateway().bits(), other.ifname());
                        break;
                    }
                }
            }
            ContainerFiles.write(this, c);
        } else {
            c.removeEndpoint(n.name());
        }
    }

    private final List<ObjLongConsumer<String>> sampleListeners = new ArrayList<>();

    /** Receives every latency a program in a container reports ({@code ping rtt}, {@code curl connect}, ...). */
    public void onSample(ObjLongConsumer<String> listener) {
        sampleListeners.add(listener);
    }

    /** A program measured {@code nanos} of {@code metric}. */
    void sample(String metric, long nanos) {
        sampleListeners.forEach(l -> l.accept(metric, nanos));
    }

    private final Map<String, ImageDaemons.Declared> declaredImages = new LinkedHashMap<>();

    /**
     * Declares what an image dockwire does not model runs: an HTTP server on {@code port} answering
     * {@code text}, or its hostname when {@code text} is null (so load balancing is visible).
     */
    public void declareHttpImage(String image, int port, String text) {
        declaredImages.put(image, new ImageDaemons.Declared(port, text));
    }

    ImageDaemons.Declared declaredImage(String image) {
        ImageDaemons.Declared d = declaredImages.get(image);
        return d != null ? d : declaredImages.get(image.contains(":") ? image : image + ":latest");
    }

    /** Whether dockwire knows what the image runs (its own models or a declaration). */
    public boolean knowsImage(String image) {
        return ImageDaemons.known(this, image);
    }

    /** The running main process of a container's image, or null. */
    public ImageDaemons.Daemon daemon(Container c) {
        return daemons.get(c.id());
    }

    /** A container by name, full id or unique id prefix. */
    public Container container(String ref) {
        Container c = findContainer(ref);
        if (c == null) {
            throw new EngineException("No such container: " + ref);
        }
        return c;
    }

    public Container findContainer(String ref) {
        if (ref == null) {
            return null;
        }
        String r = ref.startsWith("/") ? ref.substring(1) : ref;
        Container c = containers.get(r);
        if (c != null) {
            return c;
        }
        for (Container x : containers.values()) {
            if (r.length() >= 1 && x.id().startsWith(r)) {
                return x;
            }
        }
        return null;
    }

    public Container containerById(String id) {
        for (Container c : containers.values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    /** A container of this node or, for swarm-scoped networks, of any node of the swarm. */
    Container containerAnywhere(String id) {
        Container c = containerById(id);
        return c != null || swarm == null ? c : swarm.container(id);
    }

    /** Containers in creation order. */
    public Collection<Container> containers() {
        return containers.values();
    }
}
