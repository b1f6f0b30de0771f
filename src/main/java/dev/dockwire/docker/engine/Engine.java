package dev.dockwire.docker.engine;

import dev.dockwire.app.Signal;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.LogEntry;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.NetworkCreate;
import dev.dockwire.docker.driver.HostDriver;
import dev.dockwire.docker.driver.NetworkDriver;
import dev.dockwire.docker.driver.NullDriver;
import dev.dockwire.docker.driver.bridge.BridgeDriver;
import dev.dockwire.docker.driver.macvlan.MacvlanDriver;
import dev.dockwire.docker.driver.overlay.OverlayDriver;
import dev.dockwire.docker.swarm.Swarm;
import dev.dockwire.docker.swarm.SwarmDirectory;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.sim.Clock;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * One emulated Docker host's engine, keeping what dockerd and libnetwork's controller keep: the
 * networks (their IPAM from {@code docker.ipam}), the containers and their lifecycle, and each
 * container's sandbox, whose endpoints the network drivers ({@link NetworkDriver}: bridge,
 * macvlan, overlay, host, null) build, in libnetwork's order ({@link Sandboxes}). Written against
 * the {@link Kernel} seam only. Every failed request leaves the engine as it was.
 */
public final class Engine implements Swarm.Member, ProcessHost, ProcFiles.Host {
    private final Kernel kernel;
    private final EventLoop clock;
    private final SeededRandom random;
    private final EngineProfile profile;
    private final List<String> hostNameservers;
    private final Networks networks;
    private final Containers containers = new Containers(this);
    private final List<Consumer<Container>> sandboxListeners = new ArrayList<>();
    private final MainProcesses mains;
    private final ContainerMonitor monitor;
    private final ContainerStop stops;
    private final ContainerPause pauses;
    private final Map<Network.Driver, NetworkDriver> drivers = new EnumMap<>(Network.Driver.class);
    private final BridgeDriver bridge;
    private final OverlayDriver overlay;
    private final Cluster cluster = new Cluster(this);
    private final Sandboxes sandboxes;
    private final DefaultGateway gateway;
    private final EmbeddedDns dns;
    private final NetworkConnect connections;

    public Engine(Kernel kernel, EventLoop clock, SeededRandom random, EngineProfile profile, List<String> hostNameservers) {
        this.kernel = kernel;
        this.clock = clock;
        this.random = random;
        this.profile = profile;
        this.hostNameservers = List.copyOf(hostNameservers);
        this.bridge = new BridgeDriver(kernel, random, profile, clock);
        this.overlay = new OverlayDriver(kernel, random, cluster::swarm, this);
        for (NetworkDriver d : List.of(bridge, new MacvlanDriver(kernel, random, profile), overlay, new HostDriver(), new NullDriver())) {
            drivers.put(d.type(), d);
        }
        this.networks = new Networks(this);
        this.sandboxes = new Sandboxes(this);
        this.gateway = new DefaultGateway(this, sandboxes);
        this.connections = new NetworkConnect(random, this::driver, containers.events(), new NetworkConnect.Plumbing() {
            @Override
            public Endpoint join(Container c, Endpoint e) {
                return sandboxes.join(c, c.netns(), e, false, Sandboxes.nextIfIndex(c));
            }

            @Override
            public void leave(Container c, Endpoint e) {
                sandboxes.leave(c, e);
            }

            @Override
            public void updateGateway(Container c) {
                sandboxes.updateGateway(c, c.netns());
            }

            @Override
            public void overlayJoined(Container c, Endpoint overlay) {
                gateway.joinIfNeeded(c, overlay);
            }

            @Override
            public void overlayLeft(Container c) {
                gateway.leaveIfUnneeded(c);
            }

            @Override
            public void networksChanged(Container c, boolean joined) {
                ContainerFiles.write(Engine.this.hostNameservers, findNetwork("bridge"), c, containers(), containers.joiners());
                if (joined) {
                    dns.start(c);
                }
            }
        });
        this.dns = new EmbeddedDns(kernel, clock, random, this::containerAnywhere, this.hostNameservers);
        this.mains = new MainProcesses(this, clock);
        this.monitor = new ContainerMonitor(this, clock);
        this.pauses = new ContainerPause(c -> mains.running(c) != null, mains::pause, mains::unpause, containers.events());
        this.stops = new ContainerStop(this, clock, mains, monitor, pauses);
        sandboxListeners.add(c -> HostConfigCheck.applySysctls(kernel, c));
    }

    /** The directory where swarm joins find managers (shared by the hosts of one LAN), and this host's name. */
    public void swarms(SwarmDirectory directory, String hostname) {
        cluster.directory(directory, hostname);
    }

    /** The engine's clock (virtual unless paced), for timestamps such as a task's state change. */
    @Override
    public long nanos() {
        return clock.nanos();
    }

    /** The wall time (ms since 1970) at which {@link #nanos} was 0: the world's ({@link EventLoop#epochMillis}). */
    public long epochMillis() {
        return clock.epochMillis();
    }

    /** The host's name, as {@code docker node ls} shows it. */
    public String hostname() {
        return cluster.hostname();
    }

    /** The swarm this node is part of, or null. */
    public Swarm swarm() {
        return cluster.swarm();
    }

    /** {@code docker swarm init [--advertise-addr IP]} ({@link Cluster#init}). */
    public Swarm swarmInit(String advertise) {
        return cluster.init(advertise);
    }

    /** {@code docker swarm join --token TOKEN ADDR[:2377]} ({@link Cluster#join}). */
    public Swarm.Node swarmJoin(String token, String remote, String advertise) {
        return cluster.join(token, remote, advertise);
    }

    @Override
    public void peerAdd(Network n, Swarm.Peer p) {
        overlay.peerAdd(n, p);
    }

    @Override
    public void peerDelete(Network n, Swarm.Peer p) {
        overlay.peerDelete(n, p);
    }

    @Override
    public String imageError(String image) {
        return images().config(image) == null ? "No such image: " + image : null;
    }

    @Override
    public void later(long delayNanos, Runnable task) {
        clock.schedule(delayNanos, task);
    }

    @Override
    public void removeTask(String container) {
        remove(container, true, () -> { });
    }

    /** The driver of network {@code n}. */
    NetworkDriver driver(Network n) {
        return drivers.get(n.driver());
    }

    DefaultGateway defaultGateway() { return gateway; }

    /** dockerd's {@code userland-proxy} (default true), set before {@link #start}; off: hairpin NAT and bridge netfilter. */
    public void userlandProxy(boolean on) {
        bridge.userlandProxy(on);
    }

    public boolean userlandProxy() { return bridge.userlandProxy(); }

    @Override
    public Kernel kernel() { return kernel; }

    public Clock clock() { return clock; }

    /** The emulation's seeded random source. */
    @Override
    public SeededRandom random() {
        return random;
    }

    public EngineProfile profile() { return profile; }

    public List<String> hostNameservers() { return hostNameservers; }

    /** What dockerd does at start: lo up, ip_forward on, the predefined networks bridge (docker0), host, none. */
    public void start() {
        kernel.nameJourneys(new EngineJourneyNames(this::containers, this::processes)); // sandboxes by container, sockets by process
        kernel.linkSetUp(Kernel.HOST, "lo", true);
        kernel.sysctl(Kernel.HOST, "net.ipv4.ip_forward", "1");
        bridge.init();
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("com.docker.network.bridge.default_bridge", "true");
        opts.put("com.docker.network.bridge.enable_icc", "true");
        opts.put("com.docker.network.bridge.enable_ip_masquerade", "true");
        opts.put("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0");
        opts.put(BridgeDriver.NAME_OPTION, "docker0");
        opts.put("com.docker.network.driver.mtu", "1500");
        networks.createBridge("bridge", "docker0", Cidr.parse("172.17.0.0/16"), opts);
        for (Network n : List.of(
                new Network(random.nextHex(64), "host", Network.Driver.HOST, null, null, null, null,
                        false, false, Map.of(), Map.of(), clock.nanos()),
                new Network(random.nextHex(64), "none", Network.Driver.NULL, null, null, null, null,
                        false, false, Map.of(), Map.of(), clock.nanos()))) {
            driver(n).createNetwork(n);
            networks.add(n);
        }
    }

    /** Calls {@code listener} for every bridge network, existing and created later (before any traffic on it). */
    public void onBridgeNetwork(Consumer<Network> listener) {
        networks.onBridgeNetwork(listener);
    }

    /** {@code docker network create}. */
    public Network createNetwork(NetworkCreate req) {
        return networks.createNetwork(req);
    }

    /** A network by name, full id or unique id prefix. */
    public Network network(String ref) {
        return networks.network(ref);
    }

    /** A network by name, full id or unique id prefix, or null. */
    public Network findNetwork(String ref) {
        return networks.findNetwork(ref);
    }

    /** The networks this node lists: its local ones, then the swarm's overlay networks it knows. */
    public Collection<Network> networks() {
        return networks.networks();
    }

    /** {@code docker network rm}: refused for predefined networks and while endpoints are attached. */
    public void removeNetwork(String ref) {
        networks.removeNetwork(ref);
    }

    /** {@code docker network prune -f}: removes the unused user-defined networks {@code which} selects; returns their names. */
    public List<String> pruneNetworks(java.util.function.Predicate<Network> which) {
        return networks.pruneNetworks(which);
    }

    Networks networkRegistry() { return networks; }

    Cluster cluster() { return cluster; }
    DaemonEvents daemonEvents() { return containers.events(); }

    /** The daemon's events, {@code docker events}' source. */
    public EventLog events() { return containers.events().log(); }

    /** {@code docker restart} of {@code c} has started it again: daemon/restart.go logs {@code restart}. */
    public void restarted(Container c) { containers.events().container(c, "restart"); }

    /** The sandbox namespace of overlay {@code n} on this node, or null. */
    String overlaySandbox(Network n) {
        return overlay.sandbox(n);
    }

    // ---- containers ----------------------------------------------------------------------

    /** {@code docker rename REF NAME}. */
    public void rename(String ref, String name) {
        containers.rename(ref, name);
    }

    /** {@code docker create}: the container and its network configuration, no sandbox yet. */
    public Container create(ContainerCreate req, Map<String, String> labels) {
        return containers.create(req, false, labels);
    }

    /** A swarm task's container, started by the orchestrator: unlike {@code docker run}, it may join a non-attachable overlay. */
    @Override
    public Container runTask(ContainerCreate req) {
        return startCreated(containers.create(req, true, Map.of()));
    }

    /** {@code docker run -d}: create and start; a failed start removes the container again. */
    public Container run(ContainerCreate req) {
        return startCreated(containers.create(req, false, Map.of()));
    }

    private Container startCreated(Container c) {
        try {
            start(c.name());
        } catch (RuntimeException e) {
            containers.remove(c);
            throw e;
        }
        return c;
    }

    /**
     * {@code docker start}: builds the sandbox and its endpoints; a fresh restart manager
     * (RestartCount 0). A container waiting to restart counts as running, as in moby.
     */
    public Container start(String ref) {
        Container c = container(ref);
        if (c.running() || c.state() == Container.State.RESTARTING) {
            return c;
        }
        ProgramLookup.Missing missing = MainProcesses.missing(c, mains.serving(c, images.declared(c.image())));
        if (missing != null) {
            throw new EngineException(missing.createFailed());
        }
        HostConfigCheck.checkStart(kernel, c, this::container);
        monitor.startedByHand(c);
        return restart(c);
    }

    /** Starts {@code c} again: its restart policy's doing, or {@link #start}'s. */
    Container restart(Container c) {
        String mode = c.networkMode();
        if (mode.equals("host")) {
            c.started(Kernel.HOST, clock.nanos());
            attachNonBridge(c);
        } else if (mode.startsWith("container:")) {
            Container other = container(mode.substring("container:".length()));
            if (!other.running()) {
                throw new EngineException("cannot join network namespace of a non running container: " + other.id());
            }
            c.joinedHostname(other.hostname()); // initializeNetworking: ctr.Config.Hostname = nc.Config.Hostname
            c.started(other.netns(), clock.nanos());
        } else {
            String sandbox = random.nextHex(12);
            kernel.netnsAdd(sandbox);
            joinEndpoints(c, sandbox);
            c.started(sandbox, clock.nanos());
            sandboxListeners.forEach(l -> l.accept(c));
            attachNonBridge(c);
        }
        ContainerFiles.write(hostNameservers, findNetwork("bridge"), c, containers(), containers.joiners());
        dns.start(c);
        containers.events().started(c); // start.go: network connect, volume mount, then start
        mains.start(c, mains.serving(c, images.declared(c.image())), monitor::exited);
        return c;
    }

    /**
     * PID 1 of {@code c}, a program dockwire does not model, ran {@code output} as the container's
     * shell would run its command: the lines go to the log and PID 1 exits with {@code status}.
     */
    public void exited(Container c, int status, List<String> output) {
        mains.exited(c, status, output);
    }

    /** {@code docker run --rm}: the container goes once it has stopped (at once if it has). */
    public void autoRemove(Container c) {
        if (c.running()) {
            monitor.autoRemove(c);
        } else if (containers.byId(c.id()) != null) {
            remove(c.name(), false, () -> { });
        }
    }

    /**
     * The new sandbox's endpoints in order: the one {@link GatewayEndpoint} picks gets the default route and the
     * published ports; a container on a non-internal overlay and no bridge network also gets the gateway endpoint
     * on docker_gwbridge. A failure leaves every endpoint and removes the sandbox.
     */
    private void joinEndpoints(Container c, String sandbox) {
        List<Endpoint> made = new ArrayList<>();
        try {
            String removed = networks.removedNetwork(c);
            if (removed != null) {
                throw new EngineException(setupFailed("network " + removed + " not found"));
            }
            kernel.linkSetUp(sandbox, "lo", true);
            boolean overlays = false;
            for (Endpoint e : List.copyOf(c.endpoints().values())) {
                Network n = e.network();
                if (n.swarmScoped()) {
                    made.add(sandboxes.join(c, sandbox, e, false, made.size()));
                    overlays |= !n.internal();
                } else if (n.driver().plumbed() && !DefaultGateway.isGateway(n)) {
                    made.add(sandboxes.join(c, sandbox, e, false, made.size()));
                }
            }
            if (overlays && gateway.needed(made)) {
                made.add(gateway.join(c, sandbox, made.size()));
            }
            sandboxes.updateGateway(c, sandbox);
            Endpoint ports = GatewayEndpoint.ports(c);
            if (ports != null) {
                driver(ports.network()).programExternalConnectivity(c, ports);
            }
        } catch (RuntimeException ex) {
            for (Endpoint ep : made) {
                sandboxes.leave(c, ep);
                c.putEndpoint(ep.network().name(), ep.withoutSandbox());
            }
            kernel.netnsDel(sandbox);
            if (ex instanceof EngineException && ex.getMessage().startsWith("failed to create endpoint ")) {
                throw new EngineException(setupFailed(ex.getMessage())); // daemon/start.go: errSetupNetworking
            }
            throw ex instanceof KernelException ? new EngineException(ex.getMessage()) : ex;
        }
    }

    /** daemon/start_linux.go wraps what went wrong setting up the sandbox in errSetupNetworking (docker 28). */
    private String setupFailed(String why) {
        return profile == EngineProfile.DOCKER_28 ? "failed to set up container networking: " + why : why;
    }

    /** Calls {@code listener} each time a container gets a namespace of its own (start, restart), before its resolver or anything runs in it. */
    public void onSandbox(Consumer<Container> listener) {
        sandboxListeners.add(listener);
    }

    private void attachNonBridge(Container c) {
        for (Endpoint e : c.endpoints().values()) {
            if (!e.network().driver().plumbed()) {
                e.network().attach(c.id(), e);
            }
        }
    }

    /** Compose's stop of a container it removes: the image's STOPSIGNAL, then SIGKILL (137) at once unless PID 1 ended on it. */
    public Container stop(String ref) {
        return stops.stop(container(ref));
    }

    /** {@code docker stop [-s SIGNAL] [-t N] CTR}: {@code signal} (null: STOPSIGNAL), {@code graceNanos}, then SIGKILL. */
    public Container stop(String ref, long graceNanos, Signal signal) {
        return stop(ref, graceNanos, signal, clock::runUntil);
    }

    /** As {@link #stop(String, long, Signal)}, {@code client} waiting for the container to stop (it may give up first). */
    public Container stop(String ref, long graceNanos, Signal signal, java.util.function.Consumer<java.util.function.BooleanSupplier> client) {
        return stops.stop(container(ref), graceNanos, signal, client);
    }

    /** {@code docker kill [-s SIGNAL]} (daemon/kill.go): the signal to PID 1; the container stops when PID 1 ends. */
    public Container kill(String ref, Signal signal) {
        return stops.kill(container(ref), ref, signal);
    }

    /** {@code docker pause} / {@code unpause} (daemon/pause.go, unpause.go): the cgroup freezer ({@link ContainerPause}). */
    public Container pause(String ref, boolean pause) {
        return pause ? pauses.pause(container(ref)) : pauses.unpause(container(ref));
    }

    /** Takes the running container apart; returns PID 1's exit status. */
    int teardown(Container c) {
        containers.events().cleanedUp(c); // daemon.Cleanup: network disconnect, volume unmount
        drivers.values().forEach(d -> d.revokeExternalConnectivity(c));
        dns.stop(c);
        int status = mains.stopped(c);
        for (Endpoint e : c.endpointList()) {
            Network n = e.network();
            if (!n.driver().plumbed() || e.address() == null) {
                n.detach(c.id());
                continue;
            }
            sandboxes.leave(c, e);
            if (DefaultGateway.isGateway(n)) {
                c.removeEndpoint(n.name());
            } else {
                c.putEndpoint(n.name(), e.withoutSandbox());
            }
        }
        String ns = c.netns();
        if (ns != null && !ns.equals(Kernel.HOST) && !c.networkMode().startsWith("container:")
                && containers.joiners().stream().noneMatch(o -> o != c && o.running() && ns.equals(o.netns()))) {
            kernel.netnsDel(ns);
        }
        return status;
    }

    /** {@code docker rm [-f]}. */
    public void remove(String ref, boolean force, Runnable waitGracePeriod) {
        Container c = container(ref);
        if (c.running()) {
            if (!force) {
                throw new EngineException("cannot remove container \"" + c.name() + "\": container is "
                        + (c.paused() ? "paused and must be unpaused first" : "running: stop the container before removing or force remove"));
            }
            stops.killIfRunning(c);
        }
        monitor.removed(c);
        mains.removed(c);
        containers.remove(c);
    }

    /** The daemon's volumes and the mounts it makes ({@link Volumes}). */
    public Volumes volumes() { return containers.volumes(); }

    /** {@code docker network connect [--ip IP] [--alias A] [--gw-priority N] NET CTR}: a new interface when running ({@link NetworkConnect}). */
    public Endpoint connect(String netRef, String ctrRef, Ipv4Address ip, List<String> aliases, int gwPriority) {
        return connections.connect(network(netRef), container(ctrRef), ip, aliases, gwPriority);
    }

    /** {@code docker network disconnect NET CTR}: the interface goes, its address is freed. */
    public void disconnect(String netRef, String ctrRef) {
        connections.disconnect(network(netRef), container(ctrRef));
    }

    private final List<ObjLongConsumer<String>> sampleListeners = new ArrayList<>();

    /** Receives every latency a program in a container reports ({@code ping rtt}, {@code curl connect}, ...). */
    public void onSample(ObjLongConsumer<String> listener) {
        sampleListeners.add(listener);
    }

    @Override
    public void sample(String metric, long nanos) {
        sampleListeners.forEach(l -> l.accept(metric, nanos));
    }

    private final ImageService images = new ImageService();

    /** What {@code c}'s main process runs: ENTRYPOINT + CMD (or run's command) past the images' entrypoint script. */
    public List<String> program(Container c) {
        return MainProcesses.program(c);
    }

    /** The images this daemon has: the catalogue's and the declared ones. */
    public ImageService images() {
        return images;
    }

    /** The running main process of a container's image, or null. */
    public ImageDaemons.Daemon daemon(Container c) {
        ContainerProcesses r = mains.running(c);
        return r == null ? null : r.daemon();
    }

    private final ContainerTools tools = new ContainerTools();
    /** The kernel-state tools the host registers for containers' shells ({@code ip}, {@code tc}, ...). */
    public ContainerTools tools() {
        return tools;
    }

    /** The running container's processes ({@code docker exec} starts its own among them), or null. */
    public ContainerProcesses processes(Container c) {
        return mains.running(c);
    }

    @Override
    public List<LogEntry> taskLog(String container) {
        return findContainer(container) == null ? List.of() : mains.log(findContainer(container)).entries();
    }

    /** What the container's main process wrote ({@code docker logs}). */
    public ContainerLog log(Container c) {
        return mains.log(c);
    }

    /** A container by name, full id or unique id prefix. */
    public Container container(String ref) {
        return containers.container(ref);
    }

    /** A container by name, full id or unique id prefix, or null. */
    public Container findContainer(String ref) {
        return containers.find(ref);
    }

    @Override
    public Container containerById(String id) {
        return containers.byId(id);
    }

    /** A container of this node or, for swarm-scoped networks, of any node of the swarm. */
    Container containerAnywhere(String id) {
        Container c = containerById(id);
        return c != null || swarm() == null ? c : swarm().container(id);
    }

    /** Containers in creation order. */
    public Collection<Container> containers() {
        return containers.all();
    }
}
