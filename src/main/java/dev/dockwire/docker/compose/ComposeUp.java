package dev.dockwire.docker.compose;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.MountSpec;
import dev.dockwire.docker.ContainerOptions;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Health;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.NetworkCreate;
import dev.dockwire.docker.cli.CliEnv;
import dev.dockwire.docker.engine.EndpointSettings;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.sim.Timeout;
import dev.dockwire.topology.ComposeProject;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker compose up -d}: the project's networks ({@code <project>_<name>}, labelled as
 * Compose labels them; external ones must exist), then its services in dependency order, each
 * replica a container {@code <project>-<service>-<n>} with the service name and container name as
 * aliases on every network, started once the services it depends on are started or healthy.
 * Existing containers are kept (started if stopped); replicas beyond the scale are removed.
 */
final class ComposeUp {
    private final CliEnv host;
    private final ComposeProject p;
    private final ComposeProgress progress;
    private final Set<String> healthy = new HashSet<>();
    /** Container names this run has given a service, so a second service asking for one meets the daemon's conflict. */
    private final Map<String, String> claimed = new HashMap<>();
    /** The project's networks by key, for the services' many lookups (the project's list is searched from the start). */
    private Map<String, ComposeProject.NetworkDef> networks;

    private final Path file;

    ComposeUp(CliEnv host, ComposeProject project, Path file) {
        this(host, project, file, new ComposeProgress());
    }

    /** As {@code up} does, its events in {@code progress} ({@code create}'s display is titled Creating). */
    ComposeUp(CliEnv host, ComposeProject project, Path file, ComposeProgress progress) {
        this.host = host;
        this.p = project;
        this.file = file;
        this.progress = progress;
    }

    /**
     * What {@code run} overrides in a service for its one-off container (pkg/compose/run.go
     * prepareRun): the command and entrypoint (null: the service's), environment added to the
     * service's, the port specs published (the service's only with {@code --service-ports}), labels
     * added to Compose's, capabilities added to and dropped from the service's, and Config.User ("" the image's).
     */
    record OneOff(List<String> command, List<String> entrypoint, List<String> env, List<String> ports,
                  Map<String, String> labels, List<String> capAdd, List<String> capDrop, String user) {
    }

    /**
     * {@code docker compose create [--force-recreate] [SERVICE...]}: the pulls, builds and networks
     * of {@code up}, then each replica of {@code services} created and left as it is: a running one
     * is {@code Running}, one that exited {@code Created}, one never started nothing; {@code forceRecreate} removes and creates
     * it again ({@code Recreated}, not started: pkg/compose/convergence.go recreateContainer).
     */
    List<String> create(List<ComposeProject.Service> services, boolean forceRecreate, boolean build) {
        prepare(services, build);
        for (ComposeProject.Service s : services) {
            for (int n = 1; n <= s.replicas(); n++) {
                String name = s.containerName() != null ? s.containerName() : Compose.containerName(p, s.name(), n);
                Container existing = engine().findContainer(name);
                try {
                    if (existing != null && forceRecreate) {
                        engine().stop(name);
                        engine().remove(name, true, () -> { });
                        create(s, name, null);
                        progress.done("Container", name, "Recreated");
                    } else if (existing == null) {
                        create(s, name, null);
                    } else if (existing.state() == Container.State.RUNNING) {
                        progress.done("Container", name, "Running");
                    } else if (existing.state() == Container.State.EXITED) {
                        progress.done("Container", name, "Created");
                    } // one never started, or restarting, has no event (convergence.go ensureService)
                } catch (EngineException e) {
                    progress.failed("Container", name, "Error");
                    throw fail("Error response from daemon: " + e.getMessage(), s.line(), "services." + s.name());
                }
            }
        }
        return progress.lines();
    }

    /**
     * {@code run}'s one-off container of {@code s}, named {@code name}, created (not started) on
     * the service's networks, which are made if missing; no progress event of its own, and no
     * service alias (Compose adds those only with {@code --use-aliases}).
     */
    Container oneOff(ComposeProject.Service s, String name, OneOff o) {
        prepare(List.of(), false);
        networks(List.of(s));
        volumes();
        create(s, name, o);
        return engine().container(name);
    }

    /** The file's x-dockwire image declarations, the pulls and builds: what comes before any network or container. */
    private void prepare(List<ComposeProject.Service> services, boolean build) {
        p.images().forEach(i -> engine().images().declare(i.image(), i.port(), i.text()));
        if (!services.isEmpty()) {
            pullMissing();
            new ComposeBuild(host, p).build(services, build, progress);
            networks(services);
            volumes();
        }
    }

    /** The networks {@code services} join, made in the file's order. */
    private void networks(List<ComposeProject.Service> services) {
        Set<String> used = new HashSet<>();
        services.forEach(s -> s.networks().forEach(n -> used.add(n.key())));
        for (ComposeProject.NetworkDef n : p.networks()) {
            if (used.contains(n.key())) {
                network(n);
            }
        }
    }

    private Engine engine() {
        return host.engine();
    }

    /**
     * Brings the project up; {@code scale} overrides replicas per service, {@code build} rebuilds
     * the images of services with {@code build:} (else only those the daemon lacks are built, after
     * the pulls, as compose's ensureImagesExists). Returns the progress lines.
     */
    List<String> run(Map<String, Integer> scale, boolean build) {
        for (String svc : scale.keySet()) {
            if (p.service(svc) == null) {
                throw new ComposeException("no such service: " + svc, progress.lines(), 0, "");
            }
        }
        // What the file's x-dockwire images say the built or unmodelled images run, as `dockwire run` declares them.
        p.images().forEach(i -> engine().images().declare(i.image(), i.port(), i.text()));
        pullMissing();
        new ComposeBuild(host, p).build(p.services(), build, progress);
        networks(p.services());
        volumes();
        // The replicas there were before this up, for scaling down: one pass, not one per service.
        Map<String, List<Container>> before = Compose.replicasByService(engine(), p);
        for (ComposeProject.Service s : p.services()) {
            for (ComposeProject.Dependency d : s.dependsOn()) {
                if (d.healthy()) {
                    awaitHealthy(p.service(d.service()), s, d.line());
                }
            }
            int replicas = scale.getOrDefault(s.name(), s.replicas());
            if (s.containerName() != null && replicas > 1) {
                throw fail("services.deploy.replicas: can't set container_name and " + s.name()
                        + " as container name must be unique", s.line(), "services." + s.name());
            }
            for (int n = 1; n <= replicas; n++) {
                container(s, n);
            }
            for (Container extra : s.containerName() != null ? Compose.containers(engine(), p, s)
                    : before.getOrDefault(s.name(), List.of())) {
                if (Compose.replicaNumber(p, s, extra) > replicas) {
                    engine().stop(extra.name());
                    engine().remove(extra.name(), true, () -> { });
                    progress.done("Container", extra.name(), "Removed");
                }
            }
        }
        return progress.lines();
    }

    /**
     * A service's mounts as Compose sends them (pkg/compose/create.go buildContainerVolumes): the
     * short syntax's binds and volumes as HostConfig.Binds, the long syntax's as HostConfig.Mounts,
     * a volume's key as the project's volume name.
     */
    private List<MountSpec> mounts(ComposeProject.Service s) {
        List<MountSpec> out = new ArrayList<>();
        for (ComposeProject.Mount m : s.mounts()) {
            String source = m.type().equals(MountSpec.VOLUME) && m.source() != null ? p.volume(m.source()).name() : m.source();
            String mode = !m.shortSyntax() || source == null ? "" : m.readOnly() ? "ro" : "rw";
            out.add(new MountSpec(m.type(), source, m.target(), m.readOnly(), m.shortSyntax() && !m.type().equals(MountSpec.TMPFS), mode));
        }
        return out;
    }

    /**
     * The project's volumes, before its containers (pkg/compose/create.go ensureProjectVolumes): an
     * external one must exist; another is made with Compose's labels unless it is there already.
     */
    private void volumes() {
        for (ComposeProject.VolumeDef v : p.volumes()) {
            boolean exists = engine().volumes().all().stream().anyMatch(x -> x.name().equals(v.name()));
            if (v.external()) {
                if (!exists) {
                    throw fail("external volume \"" + v.name() + "\" not found", v.line(), "volumes." + v.key());
                }
                continue;
            }
            if (exists) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>(v.labels());
            labels.put("com.docker.compose.project", p.name());
            labels.put("com.docker.compose.version", dev.dockwire.docker.cli.Units.COMPOSE_VERSION);
            labels.put("com.docker.compose.volume", v.key());
            try {
                engine().volumes().create(v.name(), labels);
            } catch (EngineException e) {
                throw fail("Error response from daemon: " + e.getMessage(), v.line(), "volumes." + v.key());
            }
            progress.done("Volume", "\"" + v.name() + "\"", "Created");
        }
    }

    private void network(ComposeProject.NetworkDef n) {
        Network existing = engine().findNetwork(n.name());
        if (n.external()) {
            if (existing == null) {
                throw fail("network " + n.name() + " declared as external, but could not be found", n.line(),
                        "networks." + n.key());
            }
            return;
        }
        if (existing != null) {
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>(n.labels());
        labels.put("com.docker.compose.network", n.key());
        labels.put("com.docker.compose.project", p.name());
        try {
            engine().createNetwork(new NetworkCreate(n.name(), n.driver(), n.subnet() == null ? null : Cidr.parse(n.subnet()),
                    n.gateway() == null ? null : Ipv4Address.parse(n.gateway()),
                    n.ipRange() == null ? null : Cidr.parse(n.ipRange()), n.internal(),
                    // Compose makes its overlay networks attachable: its containers are not swarm services.
                    n.attachable() || "overlay".equals(n.driver()), n.options(), labels));
        } catch (EngineException e) {
            progress.failed("Network", n.name(), "Error");
            // compose's createNetwork wraps the daemon's answer (pkg/compose/create.go).
            throw fail("failed to create network " + n.name() + ": Error response from daemon: " + e.getMessage(), n.line(),
                    "networks." + n.key());
        }
        progress.done("Network", n.name(), "Created");
    }

    private void container(ComposeProject.Service s, int n) {
        String name = s.containerName() != null ? s.containerName() : Compose.containerName(p, s.name(), n);
        Container existing = engine().findContainer(name);
        String owner = claimed.putIfAbsent(name, s.name());
        try {
            if (owner != null && !owner.equals(s.name())) {
                // Two services with one container_name: Compose 2.26 creates both and the daemon refuses the second.
                create(s, name, null);
            }
            if (existing != null && existing.running()) {
                progress.done("Container", name, "Running");
                return;
            }
            if (existing == null) {
                create(s, name, null);
            }
            engine().start(name);
            progress.done("Container", name, "Started");
        } catch (EngineException e) {
            progress.failed("Container", name, "Error");
            throw fail("Error response from daemon: " + e.getMessage(), s.line(), "services." + s.name());
        }
    }

    /**
     * A {@code pid:} or {@code ipc:} mode as Compose sends it (pkg/compose/create.go getMode): {@code service:X} becomes
     * {@code container:} and the first container of X.
     */
    private String joined(String mode) {
        if (!mode.startsWith("service:")) {
            return mode;
        }
        ComposeProject.Service target = p.service(mode.substring("service:".length()));
        List<Container> targets = Compose.containers(engine(), p, target);
        if (targets.isEmpty()) {
            throw new EngineException("service " + target.name() + " has no container to share its namespace with");
        }
        return "container:" + targets.get(0).name();
    }

    /** Creates {@code s}'s container {@code name}; {@code o} null for a service container, else run's one-off. */
    private void create(ComposeProject.Service s, String name, OneOff o) {
        List<String> aliases = o != null ? new ArrayList<>() : new ArrayList<>(List.of(name, s.name()));
        String mode = s.networkMode();
        Ipv4Address ip = null;
        List<ComposeProject.ServiceNetwork> rest = List.of();
        if (mode != null && mode.startsWith("service:")) {
            ComposeProject.Service target = p.service(mode.substring("service:".length()));
            List<Container> targets = Compose.containers(engine(), p, target);
            if (targets.isEmpty()) {
                throw new EngineException("service " + target.name() + " has no container to share its network with");
            }
            mode = "container:" + targets.get(0).name();
        }
        int gwPriority = 0;
        String firstMac = s.resolver().macAddress();
        if (mode == null) {
            ComposeProject.ServiceNetwork first = s.networks().get(0);
            gwPriority = first.gwPriority();
            firstMac = first.macAddress() != null ? first.macAddress() : firstMac;
            mode = network(first.key()).name();
            if (o == null) {
                aliases.addAll(first.aliases());
            }
            ip = first.ipv4Address() == null ? null : Ipv4Address.parse(first.ipv4Address());
            rest = s.networks().subList(1, s.networks().size());
        }
        boolean userNetwork = s.networkMode() == null;
        if (userNetwork) {
            checkEndpoints(s, name);
        }
        List<String> env = new ArrayList<>(s.environment().entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (o != null) {
            env.addAll(o.env());
        }
        Map<String, String> labels = labels(s, name, o != null);
        if (o != null) {
            labels.putAll(o.labels());
        }
        engine().create(new ContainerCreate(name, s.image(), o != null && o.command() != null ? o.command() : s.command(), mode, ip,
                userNetwork ? aliases : List.of(), s.hostname(), s.extraHosts(), s.dns())
                .withPorts(o != null ? o.ports() : s.ports(), false, s.expose())
                .withMounts(mounts(s))
                .withEntrypoint(o != null && o.entrypoint() != null ? o.entrypoint() : s.entrypoint())
                .withRestart(o != null ? null : s.restart()).withHealthcheck(healthcheck(s.healthcheck()))
                .withEnv(env)
                .withStdio(s.stdinOpen(), s.tty()).withGwPriority(gwPriority)
                .withOptions(options(s.privileges(), s.identity(), o).withResolver(s.resolver().dnsSearch(), s.resolver().dnsOpt(),
                        s.resolver().domainname(), mac(firstMac, mode)).withDevices(s.privileges().devices())
                        .withNamespaces(new dev.dockwire.docker.NamespaceModes(joined(s.privileges().pid()), joined(s.privileges().ipc()),
                                s.privileges().uts())))
                .withResources(dev.dockwire.docker.Resources.NONE.withUlimits(s.privileges().ulimits())), labels);
        Container made = engine().container(name);
        List<String> links = links(s, name);
        if (userNetwork) {
            // Compose puts the links on every network's EndpointSettings, none in HostConfig (create.go createEndpointSettings).
            new LinkedHashMap<>(made.endpoints()).forEach((net, e) -> made.putEndpoint(net, e.withSettings(links, e.requestedMac())));
        }
        for (ComposeProject.ServiceNetwork sn : rest) {
            List<String> a = o != null ? new ArrayList<>() : new ArrayList<>(List.of(name, s.name()));
            if (o == null) {
                a.addAll(sn.aliases());
            }
            Endpoint e = engine().connect(network(sn.key()).name(), name,
                    sn.ipv4Address() == null ? null : Ipv4Address.parse(sn.ipv4Address()), a, sn.gwPriority());
            // Connected before the container starts, as Compose does: its settings are kept for the join.
            made.putEndpoint(e.network().name(), e.withSettings(links, mac(sn.macAddress(), null)));
        }
        if (o == null) {
            progress.done("Container", name, "Created");
        }
    }

    /**
     * The daemon's check of every network's EndpointSettings before the container exists: Compose
     * sends them all at create to an API 1.44+ daemon (pkg/compose/create.go
     * defaultNetworkSettings), so each refusal is moby 28's {@code invalid config for network N: ...}.
     */
    private ComposeProject.NetworkDef network(String key) {
        if (networks == null) {
            networks = new HashMap<>();
            for (ComposeProject.NetworkDef n : p.networks()) {
                networks.putIfAbsent(n.key(), n);
            }
        }
        return networks.get(key);
    }

    private void checkEndpoints(ComposeProject.Service s, String name) {
        Map<String, EndpointSettings.EndpointRequest> all = new LinkedHashMap<>();
        for (ComposeProject.ServiceNetwork sn : s.networks()) {
            List<String> a = new ArrayList<>(List.of(name, s.name()));
            a.addAll(sn.aliases());
            all.put(network(sn.key()).name(), new EndpointSettings.EndpointRequest(
                    sn.ipv4Address() == null ? null : Ipv4Address.parse(sn.ipv4Address()), a));
        }
        String invalid = EndpointSettings.atCreate(engine()::findNetwork, all);
        if (invalid != null) {
            throw new EngineException(invalid);
        }
    }

    /**
     * HostConfig's CapAdd, CapDrop (as written: Compose does not normalise them), Privileged, Sysctls
     * and GroupAdd, Config's User and WorkingDir from the service.
     */
    private static ContainerOptions options(ComposeProject.Privileges p, ComposeProject.Identity id, OneOff o) {
        ContainerOptions base = options(p, o);
        String user = o != null && !o.user().isEmpty() ? o.user() : id.user();
        return id == ComposeProject.Identity.NONE && user.equals(base.user()) ? base
                : base.withUser(user).withGroupAdd(id.groupAdd()).withWorkingDir(id.workingDir());
    }

    /** HostConfig's CapAdd, CapDrop, Privileged and Sysctls from the service; a one-off's run options over them. */
    private static ContainerOptions options(ComposeProject.Privileges p, OneOff o) {
        if (o == null) {
            return new ContainerOptions(p.capAdd(), p.capDrop(),
                    p.privileged(), false, java.util.Map.of(), "", false, p.sysctls(), List.of());
        }
        // run's --cap-add/--cap-drop/--user over the service's (cmd/compose/run.go applyRunOptions)
        List<String> add = new ArrayList<>(p.capAdd());
        add.addAll(o.capAdd());
        List<String> drop = new ArrayList<>(p.capDrop());
        drop.addAll(o.capDrop());
        return new ContainerOptions(add, drop, p.privileged(), false, java.util.Map.of(), o.user(), false, p.sysctls(), List.of());
    }

    /**
     * A {@code mac_address} the daemon takes (moby 28 validateEndpointSettings: net.ParseMAC), or its
     * refusal: at create for the first network ({@code invalid config for network N: ...},
     * validateNetworkingConfig), at connect for the others.
     */
    private static MacAddress mac(String text, String network) {
        if (text == null) {
            return null;
        }
        try {
            return MacAddress.parse(text);
        } catch (IllegalArgumentException e) {
            String invalid = "invalid MAC address " + text;
            throw new EngineException(network == null ? invalid : "invalid config for network " + network + ": " + invalid);
        }
    }

    /**
     * Compose's {@code links:} as EndpointSettings.Links (pkg/compose/create.go getLinks): for each
     * container of a linked service {@code C:ALIAS}, {@code C:SERVICE-N} and
     * {@code C:PROJECT-SERVICE-N}, N being this container's own number as Compose has it; an
     * {@code external_links:} entry as written ({@code C:ALIAS}, ALIAS defaulting to C).
     */
    private List<String> links(ComposeProject.Service s, String name) {
        List<String> out = new ArrayList<>();
        String number = s.containerName() != null ? "1" : name.substring(name.lastIndexOf('-') + 1);
        for (String link : s.links()) {
            String[] parts = link.split(":", 2);
            String alias = parts.length > 1 ? parts[1] : parts[0];
            ComposeProject.Service target = p.service(parts[0]);
            for (Container c : target == null ? List.<Container>of() : Compose.containers(engine(), p, target)) {
                out.add(c.name() + ":" + alias);
                out.add(c.name() + ":" + parts[0] + "-" + number);
                out.add(c.name() + ":" + p.name() + "-" + parts[0] + "-" + number);
            }
        }
        for (String link : s.externalLinks()) {
            String[] parts = link.split(":", 2);
            out.add(parts[0] + ":" + (parts.length > 1 ? parts[1] : parts[0]));
        }
        return out;
    }

    /**
     * The labels Compose 2.26 puts on a service's containers (pkg/compose/create.go
     * getCreateConfigs, api/labels.go) that name where it came from: {@code docker compose ls}
     * and {@code docker ps --filter label=} read them. The config hash, image digest and depends_on
     * labels are left out: dockwire finds a project's containers by name.
     */
    private Map<String, String> labels(ComposeProject.Service s, String name, boolean oneOff) {
        Map<String, String> l = new LinkedHashMap<>();
        // Interned: every replica 1 of every service shares one "1" (48 bytes of each container otherwise).
        String number = s.containerName() != null || oneOff ? "1" : name.substring(name.lastIndexOf('-') + 1).intern();
        l.put("com.docker.compose.container-number", number);
        l.put("com.docker.compose.oneoff", oneOff ? "True" : "False");
        l.put(ComposeLs.PROJECT, p.name());
        String files = file == null ? p.file() : file.toString();
        l.put(ComposeLs.CONFIG_FILES, files);
        l.put("com.docker.compose.project.working_dir", file == null || file.getParent() == null ? "" : file.getParent().toString());
        l.put("com.docker.compose.service", s.name());
        l.put("com.docker.compose.version", "2.26.1");
        return l;
    }

    /**
     * Compose pulls the images of services without {@code build:} that the daemon lacks before it
     * creates anything (pkg/compose/pull.go, pull_policy missing), one service per image: its line
     * is {@code  ✔ web Pulled}; a pull the registry refuses ends {@code up} with the daemon's error
     * and the service's line marked Error.
     */
    private void pullMissing() {
        ComposeProject.Service first = null;
        String error = null;
        for (ComposeProject.Service s : p.services()) {
            String denied = s.built() ? null : engine().images().pullError(s.image());
            if (denied == null && !s.built() && !engine().images().present(s.image())) {
                engine().images().pull(s.image());
                dev.dockwire.docker.engine.ClientEvents.pulled(engine(), s.image());
                progress.service(s.name(), "Pulled", "", true);
            }
            if (denied != null) {
                progress.service(s.name(), "Error", denied, false); // pull.go: Text Error, the daemon's message as StatusText
                if (first == null) {
                    first = s;
                    error = "Error response from daemon: " + denied;
                }
            }
        }
        if (first != null) {
            throw fail(error, first.line(), "services." + first.name() + ".image");
        }
    }

    /** Config.Healthcheck of a service's containers: its {@code healthcheck:} as compose passes it (null: the image's). */
    private static ImageConfig.Healthcheck healthcheck(ComposeProject.Healthcheck h) {
        return h == null ? null : new ImageConfig.Healthcheck(h.config(), h.intervalNanos(), h.timeoutNanos(),
                h.startPeriodNanos(), h.startIntervalNanos(), h.retries());
    }

    /**
     * Waits, as compose's waitDependencies does, until each container of {@code dep} is healthy by
     * the engine's health monitor: an unhealthy one, or one that exited, fails {@code up}. The
     * monitor decides within the start period plus one interval and timeout per retry.
     */
    private void awaitHealthy(ComposeProject.Service dep, ComposeProject.Service waiter, int line) {
        ComposeProject.Healthcheck hc = dep.healthcheck();
        long bound = hc.startPeriodNanos() + (hc.retries() + 1L) * (hc.intervalNanos() + hc.timeoutNanos())
                + host.stepTimeoutNanos();
        for (Container c : Compose.containers(engine(), p, dep)) {
            if (healthy.contains(c.name())) {
                continue;
            }
            long deadline = host.loop().nanos() + bound;
            Timeout wake = host.loop().schedule(bound, () -> { });
            host.loop().runUntil(() -> !c.running() || c.health() == null
                    || c.health().status() != Health.Status.STARTING || host.loop().nanos() >= deadline);
            wake.cancel();
            String failure = !c.running() ? "container " + c.name() + " exited (" + c.exitCode() + ")"
                    : c.health() == null ? "container " + c.name() + " has no healthcheck configured"
                    : c.health().status() == Health.Status.UNHEALTHY ? "container " + c.name() + " is unhealthy"
                    : c.health().status() == Health.Status.STARTING ? "container " + c.name() + " was still starting after "
                    + bound / 1_000_000_000L + " s of virtual time (its checks, then the step timeout)" : null;
            if (failure != null) {
                progress.failed("Container", c.name(), "Error");
                throw fail("dependency failed to start: " + failure, line,
                        "services." + waiter.name() + ".depends_on." + dep.name());
            }
            healthy.add(c.name());
            progress.done("Container", c.name(), "Healthy");
        }
    }

    private ComposeException fail(String message, int line, String path) {
        List<String> out = new ArrayList<>(progress.lines());
        out.add(message);
        return new ComposeException(message, out, line, path);
    }
}
