package dev.dockwire.docker.engine;

import dev.dockwire.app.Signal;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.ContainerName;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.MountPoint;
import dev.dockwire.docker.Names;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.PortSpec;
import dev.dockwire.docker.Resources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's containers by name, as dockerd's container store keeps them (daemon/create.go,
 * container/view.go): creation with its checks (name, network mode, static address, aliases,
 * published ports) and lookup by name, id or id prefix.
 */
final class Containers {
    private final Engine engine;
    private final Map<String, Container> containers = new LinkedHashMap<>();
    /** The containers run with {@code --network container:X}, so that what X shares need not scan every container. */
    private final Set<Container> joiners = new LinkedHashSet<>();

    Containers(Engine engine) {
        this.engine = engine;
        // Anonymous volumes' names from a source of their own, so the containers' IDs stay as they were.
        dev.dockwire.sim.SeededRandom ids = new dev.dockwire.sim.SeededRandom(0x766f6c756d6573L);
        this.volumes = new Volumes(engine::nanos, () -> ids.nextHex(64), this::all);
        this.events = new DaemonEvents(new EventLog(() -> engine.epochMillis() * 1_000_000L + engine.nanos()), image -> engine.images().labels(image),
                DefaultGateway::isGateway);
        volumes.events((name, action) -> {
            if (action.equals("prune")) {
                events.pruned(Event.VOLUME);
            } else {
                events.volume(name, action, Map.of("driver", "local"));
            }
        });
    }

    private final DaemonEvents events;

    DaemonEvents events() {
        return events;
    }

    private final Volumes volumes;

    Volumes volumes() {
        return volumes;
    }

    /**
     * {@code docker create}: the container and its network configuration, no sandbox yet; a swarm
     * task ({@code swarmTask}) may name an overlay network that is not attachable. Its {@code labels}
     * are the request's Config.Labels, which its create event carries.
     */
    Container create(ContainerCreate req, boolean swarmTask, Map<String, String> labels) {
        HostConfigCheck.checkNetContainerMode(req, req.network() == null ? "" : req.network());
        NamespaceCheck.atDecode(req);
        String name = req.name();
        if (name != null && !name.isEmpty()) { // generateIDAndName: an empty name is a generated one
            if (!ContainerName.valid(name)) {
                throw new EngineException(ContainerName.refusal(name));
            }
            // reserveName stores "/" + the name: a leading slash in --name is the same container name.
            name = name.startsWith("/") ? name.substring(1) : name;
            Container other = containers.get(name);
            if (other != null) {
                throw new EngineException("Conflict. The container name \"/" + name + "\" is already in use by container \""
                        + other.id() + "\". You have to remove (or rename) that container to be able to reuse that name.");
            }
        } else {
            name = Names.generate(engine.random(), containers::containsKey);
        }
        String mode = req.network() == null || req.network().isEmpty() ? "bridge" : req.network();
        Network first = null;
        Container joined = null;
        if (mode.startsWith("container:")) {
            joined = container(mode.substring("container:".length()));
            mode = "container:" + joined.id(); // daemon/daemon_unix.go adaptSharedNamespaceContainer: a rename keeps the join
        } else {
            first = engine.network(mode);
            // validateNetworkingConfig (daemon/create.go) names the network as the client sent it.
            String invalid = EndpointSettings.invalid(first, req.ip(), req.aliases());
            if (invalid != null) {
                throw new EngineException(EndpointSettings.atCreate(java.util.Map.of(mode, invalid)));
            }
        }
        HostConfigCheck.check(req, mode, containers::get);
        dev.dockwire.docker.NamespaceModes namespaces = NamespaceCheck.atCreate(req.options().namespaces(), this::container);
        ResourceCheck.verify(req.resources(), engine.kernel().cpus());
        if (!req.options().stopSignal().isEmpty() && Signal.parse(req.options().stopSignal()) == null) {
            throw new EngineException("invalid signal: " + req.options().stopSignal()); // daemon/container.go validateContainerConfig
        }
        volumes.check(req.mounts());
        List<MountPoint> shared = volumesFrom(req.options().volumesFrom());
        String id = engine.random().nextHex(64);
        // A container joined to X's namespace takes X's hostname when it starts (Engine.restart); until then its own id's.
        String hostname = req.hostname() != null ? req.hostname()
                : (first != null && first.driver() == Network.Driver.HOST || namespaces.uts().equals("host") ? "docker-host" : id.substring(0, 12));
        String networkMode = first == null ? mode : (first.driver().plumbed() && !first.name().equals("bridge")
                ? first.name() : first.name().equals("bridge") ? "bridge" : first.name());
        List<PortSpec> specs = portSpecs(req);
        // The image's name interned: a file's hundred thousand "alpine"s are one string.
        Container c = new Container(id, name, req.image() == null ? null : req.image().intern(), req.cmd(), hostname, networkMode, engine.nanos(),
                req.extraHosts(), req.dns());
        c.portSpecs(specs);
        List<PortSpec> bindings = req.publish().stream().flatMap(p -> PortSpec.parse(p).stream()).toList();
        c.portBindings(bindings, req.publishAll());
        // Config.ExposedPorts: the client puts each -p port in it, then each --expose one (cli/command/container/opts.go parse)
        c.exposed(java.util.stream.Stream.concat(bindings.stream(), req.expose().stream().flatMap(e -> PortSpec.exposed(e).stream()))
                .map(PortSpec::key).distinct().toList());
        c.entrypoint(req.entrypoint());
        ImageService.BuiltImage built = engine.images().built(req.image());
        if (built != null && built.config().entrypoint().isEmpty() && built.config().cmd().isEmpty() && req.cmd().isEmpty()
                && (req.entrypoint() == null || req.entrypoint().isEmpty())) {
            throw new EngineException("no command specified"); // daemon/create.go mergeAndVerifyConfig: an imported image has none
        }
        if (built != null) {
            c.pinnedImage(built.config());
        } else if (engine.images().tagged(req.image())) {
            c.pinnedImage(engine.images().config(req.image()));
        }
        c.restartPolicy(req.restart());
        c.stdio(req.openStdin(), req.tty());
        c.healthcheck(req.healthcheck());
        c.env(req.env());
        c.options(NamespaceCheck.securityOpt(req.options().withNamespaces(namespaces)));
        c.resources(swapDefault(req.resources()));
        if (first != null) {
            c.gwPriority(first.name(), req.gwPriority());
        }
        if (first != null && first.swarmScoped() && !first.attachable() && !swarmTask) {
            throw new EngineException("Could not attach to network " + first.name()
                    + ": rpc error: code = PermissionDenied desc = network " + first.name() + " not manually attachable");
        }
        if (first != null && first.driver().plumbed()) {
            // The 28 client sends --mac-address as the first network's EndpointSettings.MacAddress.
            c.putEndpoint(first.name(), new Endpoint(engine.random().nextHex(64), first, null, null, null, null, req.ip(),
                    List.copyOf(req.aliases())).withSettings(List.of(), req.options().macAddress()));
        } else if (first != null) {
            c.putEndpoint(first.name(), new Endpoint(engine.random().nextHex(64), first, null, null, null, null, null, List.of()));
        }
        containers.put(name, c);
        c.imageFiles(built == null ? ImageFiles.of(c) : builtLayers(c, built));
        volumes.mount(c, shared, req.mounts(), c.pinnedImage() != null ? List.of() : Images.volumes(req.image()));
        if (joined != null) {
            joiners.add(c);
        }
        if (engine.images().config(req.image()) != null) {
            engine.images().pull(req.image()); // the daemon has the image of every container it created
        }
        c.labels(labels);
        events.container(c, "create");
        return c;
    }

    /** A built or committed image's layers as its containers' read-only files ({@link BuiltLayers}). */
    private static dev.dockwire.docker.FileStore builtLayers(Container c, ImageService.BuiltImage built) {
        return BuiltLayers.of(c, ImageFiles.of(c), built.files(), built.dirs(), built.removed(), built.owners());
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
            List<PortSpec> exposed = new ArrayList<>(Images.exposed(engine.images().config(req.image()), engine.images().declared(req.image())));
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

    /**
     * {@code docker rename} as moby's daemon/rename.go checks it: the same name refused, then the
     * new one reserved (validContainerNamePattern, then a conflict); the embedded DNS answers the
     * new name at once, as libnetwork's Sandbox.Rename makes it.
     */
    void rename(String ref, String newName) {
        Container c = container(ref);
        String name = newName.startsWith("/") ? newName : "/" + newName;
        if (name.equals("/" + c.name())) {
            throw new EngineException("Renaming a container with the same name as its current name");
        }
        if (!ContainerName.valid(name)) {
            throw new EngineException("Error when allocating new name: " + ContainerName.refusal(name));
        }
        Container other = containers.get(name.substring(1));
        if (other != null) {
            throw new EngineException("Error when allocating new name: Conflict. The container name \"" + name
                    + "\" is already in use by container \"" + other.id() + "\". You have to remove (or rename) that container to be able to reuse that name.");
        }
        Map<String, Container> reordered = new LinkedHashMap<>();
        containers.forEach((k, v) -> reordered.put(v == c ? name.substring(1) : k, v));
        containers.clear();
        containers.putAll(reordered);
        String oldName = c.name();
        c.rename(name.substring(1));
        events.container(c, "rename", Map.of("oldName", oldName));
    }

    /** A container by name, full id or unique id prefix. */
    Container container(String ref) {
        Container c = find(ref);
        if (c == null) {
            throw new EngineException("No such container: " + ref);
        }
        return c;
    }

    /** A container by name, full id or unique id prefix, or null. */
    Container find(String ref) {
        if (ref == null) {
            return null;
        }
        String r = ref.startsWith("/") ? ref.substring(1) : ref;
        Container c = containers.get(r);
        if (c != null || !hex(r)) { // ids are lowercase hex: another word is no id's prefix, and no scan is needed
            return c;
        }
        for (Container x : containers.values()) {
            if (r.length() >= 1 && x.id().startsWith(r)) {
                return x;
            }
        }
        return null;
    }

    private static boolean hex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if ((ch < '0' || ch > '9') && (ch < 'a' || ch > 'f')) {
                return false;
            }
        }
        return true;
    }

    Container byId(String id) {
        for (Container c : containers.values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    void remove(Container c) {
        containers.remove(c.name());
        joiners.remove(c);
        events.container(c, "destroy");
    }

    /** The containers in another's network namespace ({@code --network container:X}), in creation order. */
    Collection<Container> joiners() {
        return joiners;
    }

    /** Containers in creation order. */
    Collection<Container> all() {
        return containers.values();
    }

    /** daemon_unix.go adaptContainerSettings: a memory limit without a swap limit gets twice the memory as memory+swap. */
    private static Resources swapDefault(Resources r) {
        return r.memory() <= 0 || r.memorySwap() != 0 ? r : new Resources(r.memory(), r.memory() * 2, r.memoryReservation(), r.nanoCpus(),
                r.cpuShares(), r.cpuPeriod(), r.cpuQuota(), r.cpuRealtimePeriod(), r.cpuRealtimeRuntime(), r.cpusetCpus(), r.cpusetMems(),
                r.blkioWeight(), r.pidsLimit(), r.ulimits());
    }

    /**
     * The mounts {@code --volumes-from CONTAINER[:MODE]} shares (daemon/volumes.go
     * registerMountPoints): each of the container's MountPoints, read-only when it is or MODE says
     * {@code ro}, without its mode (the copy keeps none), checked before anything is made
     * (linux_parser.go ParseVolumesFrom: {@code invalid mode}; the container must exist).
     */
    private List<MountPoint> volumesFrom(List<String> specs) {
        List<MountPoint> out = new ArrayList<>();
        for (String spec : specs) {
            if (spec.isEmpty()) {
                throw new EngineException("volumes-from specification cannot be an empty string");
            }
            int colon = spec.indexOf(':');
            String mode = colon < 0 ? "rw" : spec.substring(colon + 1);
            if (!mode.matches("(?:rw|ro|z|Z|nocopy)(?:,(?:rw|ro|z|Z|nocopy))*")) {
                throw new EngineException("invalid mode: " + mode);
            }
            boolean rw = !java.util.Arrays.asList(mode.split(",")).contains("ro");
            for (MountPoint m : container(colon < 0 ? spec : spec.substring(0, colon)).mounts()) {
                out.add(new MountPoint(m.type(), m.name(), m.source(), m.destination(), m.driver(), "", m.rw() && rw,
                        m.propagation(), m.files(), m.spec()));
            }
        }
        return out;
    }
}
