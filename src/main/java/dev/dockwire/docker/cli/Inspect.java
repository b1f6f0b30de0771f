package dev.dockwire.docker.cli;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.Health;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.PortBinding;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.Images;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects {@code docker network inspect} and {@code docker inspect} print, with the real
 * schema's field names and order (Docker 28), as ordered maps that both the JSON printer and
 * {@code -f} templates read.
 */
final class Inspect {
    private static final DateTimeFormatter RFC3339_NANO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private Inspect() {
    }

    /** {@code virtualNanos} on a clock that read 0 at wall time {@code epochMillis} ({@link Engine#epochMillis}), in RFC 3339. */
    static String time(long epochMillis, long virtualNanos) {
        if (virtualNanos < 0) {
            return "0001-01-01T00:00:00Z";
        }
        return RFC3339_NANO.format(Instant.ofEpochMilli(epochMillis).plusNanos(virtualNanos));
    }

    /** network.IPAMConfig: every field omitempty, so a template reads "" for a gateway the JSON leaves out. */
    private static final Map<String, Object> IPAM_CONFIG_ZEROS = Map.of("Subnet", "", "IPRange", "", "Gateway", "",
            "AuxiliaryAddresses", GoTemplate.NIL_MAP);

    static Map<String, Object> network(Network n, Engine engine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", n.name());
        m.put("Id", n.id());
        m.put("Created", new GoValue.GoTime(time(engine.epochMillis(), n.created()))); // network.Inspect's time.Time
        m.put("Scope", n.scope());
        m.put("Driver", n.driver().id());
        m.put("EnableIPv4", true);
        m.put("EnableIPv6", false);
        Map<String, Object> ipam = InspectTypes.ipam();
        ipam.put("Driver", "default");
        ipam.put("Options", n.predefined() && n.driver() == Network.Driver.BRIDGE ? null : new LinkedHashMap<>());
        List<Object> config = new ArrayList<>();
        if (n.subnet() != null) {
            Map<String, Object> c = new GoStruct(IPAM_CONFIG_ZEROS, Map.of("AuxAddress", "AuxiliaryAddresses"))
                    .declared("network.IPAMConfig", false, List.of("Subnet", "IPRange", "Gateway", "AuxAddress"));
            c.put("Subnet", n.subnet().toString());
            if (n.ipRange() != null) {
                c.put("IPRange", n.ipRange().toString());
            }
            if (!n.userSubnet() || n.userGateway() || n.swarmScoped()) {
                // buildIPAMResources: a user's subnet without --gateway shows no gateway (json omitempty);
                // swarm's allocator writes the one it picks into the network's IPAM config
                c.put("Gateway", n.gateway().toString());
            }
            if (!n.auxAddresses().isEmpty()) {
                // IPAMConfig.AuxAddress, json "AuxiliaryAddresses,omitempty": a map, so its keys sorted.
                Map<String, Object> aux = new TreeMap<>();
                n.auxAddresses().forEach((k, v) -> aux.put(k, v.toString()));
                c.put("AuxiliaryAddresses", aux);
            }
            config.add(c);
        }
        ipam.put("Config", config);
        m.put("IPAM", ipam);
        m.put("Internal", n.internal());
        m.put("Attachable", n.attachable());
        m.put("Ingress", false);
        Map<String, Object> configFrom = InspectTypes.configReference();
        configFrom.put("Network", "");
        m.put("ConfigFrom", configFrom);
        m.put("ConfigOnly", false);
        Map<String, Object> containers = new TreeMap<>(); // by container id, as encoding/json sorts a map's keys
        for (var e : n.endpoints().entrySet()) {
            Container c = engine.findContainer(e.getKey());
            Endpoint ep = e.getValue();
            Map<String, Object> cm = InspectTypes.endpointResource();
            cm.put("Name", c == null ? "" : c.name());
            cm.put("EndpointID", ep.id());
            cm.put("MacAddress", ep.mac() == null ? "" : ep.mac().toString());
            cm.put("IPv4Address", ep.address() == null ? "" : ep.address() + "/" + n.subnet().prefixLength());
            cm.put("IPv6Address", "");
            containers.put(e.getKey(), cm);
        }
        m.put("Containers", containers);
        m.put("Options", new TreeMap<>(n.options()));
        m.put("Labels", new TreeMap<>(n.labels()));
        return m;
    }

    /**
     * Config as moby's api/types/container.Config marshals it, in its field order: the image's
     * ExposedPorts, Env, WorkingDir, Entrypoint, User, StopSignal and Healthcheck (fields with
     * omitempty left out when unset), and Cmd: the command run gave, else the image's CMD. The
     * omitempty scalars and Healthcheck read as their zero values in a template ({@link GoStruct}).
     */
    /** container.Config's fields that may be left out or null, at their Go zero values (api/types/container/config.go). */
    private static final Map<String, Object> CONFIG_ZEROS = Map.ofEntries(Map.entry("ArgsEscaped", false),
            Map.entry("NetworkDisabled", false), Map.entry("MacAddress", ""), Map.entry("StopSignal", ""),
            Map.entry("Healthcheck", GoTemplate.NIL_POINTER), Map.entry("StopTimeout", GoTemplate.NIL_POINTER),
            Map.entry("ExposedPorts", GoTemplate.NIL_MAP), Map.entry("Env", GoTemplate.NIL_SLICE), Map.entry("Cmd", GoTemplate.NIL_SLICE),
            Map.entry("Volumes", GoTemplate.NIL_MAP), Map.entry("Entrypoint", GoTemplate.NIL_SLICE), Map.entry("OnBuild", GoTemplate.NIL_SLICE),
            Map.entry("Labels", GoTemplate.NIL_MAP), Map.entry("Shell", GoTemplate.NIL_SLICE));

    /** container.Config's fields in declaration order. */
    private static final List<Object> CONFIG_FIELDS = List.of("Hostname", "Domainname", "User", "AttachStdin", "AttachStdout",
            "AttachStderr", "ExposedPorts", "Tty", "OpenStdin", "StdinOnce", "Env", "Cmd", "Healthcheck", "ArgsEscaped", "Image",
            "Volumes", "WorkingDir", "Entrypoint", "NetworkDisabled", "MacAddress", "OnBuild", "Labels", "StopSignal", "StopTimeout",
            "Shell");

    static Map<String, Object> config(Container c, ImageConfig image, Map<String, String> imageLabels) {
        Map<String, Object> config = new GoStruct(CONFIG_ZEROS).declared("*container.Config", true, CONFIG_FIELDS);
        config.put("Hostname", c.hostname());
        config.put("Domainname", c.options().domainname());
        config.put("User", !c.options().user().isEmpty() ? c.options().user() : image == null ? "" : image.user());
        config.put("AttachStdin", false);
        config.put("AttachStdout", false);
        config.put("AttachStderr", false);
        List<String> exposedPorts = PsColumns.exposedPorts(c, image);
        if (!exposedPorts.isEmpty()) {
            Map<String, Object> exposed = new TreeMap<>();
            exposedPorts.forEach(p -> exposed.put(p, InspectTypes.emptyStruct())); // nat.PortSet: map[Port]struct{}
            config.put("ExposedPorts", exposed);
        }
        config.put("Tty", c.tty());
        config.put("OpenStdin", c.openStdin());
        config.put("StdinOnce", false);
        config.put("Env", env(c, image));
        List<String> cmd = c.cmd().isEmpty() && image != null ? image.cmd() : c.cmd();
        config.put("Cmd", cmd.isEmpty() ? null : new ArrayList<>(cmd));
        ImageConfig.Healthcheck check = c.healthcheck() != null ? c.healthcheck() : image == null ? null : image.healthcheck();
        if (check != null) {
            config.put("Healthcheck", healthConfig(check));
        }
        config.put("Image", c.image());
        config.put("Volumes", InspectMounts.configVolumes(c));
        config.put("WorkingDir", dev.dockwire.docker.engine.Images.workingDir(c));
        config.put("Entrypoint", image == null || image.entrypoint().isEmpty() ? null : new ArrayList<>(image.entrypoint()));
        String mac = configMacAddress(c);
        if (mac != null) {
            config.put("MacAddress", mac);
        }
        config.put("OnBuild", null);
        // moby's daemon/commit.go merge: the image's labels under the container's own.
        Map<String, String> labels = new TreeMap<>(imageLabels);
        labels.putAll(c.labels());
        config.put("Labels", labels);
        String stopSignal = dev.dockwire.docker.engine.Images.stopSignal(c);
        if (!c.options().stopSignal().isEmpty() || !stopSignal.equals("SIGTERM")) {
            config.put("StopSignal", stopSignal);
        }
        if (c.options().stopTimeout() != null) {
            config.put("StopTimeout", c.options().stopTimeout());
        }
        return config;
    }

    /**
     * The deprecated Config.MacAddress as moby 28's daemon/inspect.go still fills it at every API
     * version: the MAC asked for on the network of the container's NetworkMode (bridge or
     * user-defined; host, none and container: have none), null when none was asked for (omitempty).
     */
    private static String configMacAddress(Container c) {
        String mode = c.networkMode();
        if (mode.equals("host") || mode.equals("none") || mode.startsWith("container:")) {
            return null;
        }
        Endpoint e = c.endpoints().get(mode);
        return e == null || e.requestedMac() == null ? null : e.requestedMac().toString();
    }

    /** Config.Env as moby merges it (daemon/commit.go merge): the container's variables, then the image's it does not set. */
    private static List<Object> env(Container c, ImageConfig image) {
        List<Object> env = new ArrayList<>(c.env());
        for (String kv : image == null ? List.of(ImageConfig.DEFAULT_PATH) : image.env()) {
            String key = kv.split("=", 2)[0];
            if (c.env().stream().noneMatch(u -> u.split("=", 2)[0].equals(key))) {
                env.add(kv);
            }
        }
        return env;
    }

    /**
     * moby's api/types/container.HealthConfig: Test, then the durations (time.Duration: nanoseconds in
     * JSON, Go's {@code 30s} in a template) and Retries, each left out when 0.
     */
    static Map<String, Object> healthConfig(ImageConfig.Healthcheck hc) {
        Map<String, Object> m = InspectTypes.healthConfig();
        m.put("Test", new ArrayList<>(hc.test()));
        putNonZero(m, "Interval", hc.intervalNanos());
        putNonZero(m, "Timeout", hc.timeoutNanos());
        putNonZero(m, "StartPeriod", hc.startPeriodNanos());
        putNonZero(m, "StartInterval", hc.startIntervalNanos());
        if (hc.retries() != 0) {
            m.put("Retries", hc.retries());
        }
        return m;
    }

    private static void putNonZero(Map<String, Object> m, String key, long nanos) {
        if (nanos != 0) {
            m.put(key, new TimeDuration(nanos));
        }
    }

    /** State.Health (moby api/types/container.Health): Status, FailingStreak, Log of {Start, End, ExitCode, Output}. */
    private static Map<String, Object> health(Health h, long epochMillis) {
        Map<String, Object> m = InspectTypes.health();
        m.put("Status", h.status().id());
        m.put("FailingStreak", h.failingStreak());
        List<Object> log = new ArrayList<>();
        for (Health.Result r : h.log()) {
            Map<String, Object> e = InspectTypes.healthcheckResult();
            e.put("Start", new GoValue.GoTime(goTime(epochMillis, r.start())));
            e.put("End", new GoValue.GoTime(goTime(epochMillis, r.end())));
            e.put("ExitCode", r.exitCode());
            e.put("Output", r.output());
            log.add(e);
        }
        m.put("Log", log);
        return m;
    }

    /** Go's time.Time in JSON (RFC 3339 with nanoseconds, trailing zeros of the fraction dropped): {@code 2025-01-01T00:00:15.64403777Z}. */
    static String goTime(long epochMillis, long virtualNanos) {
        String t = time(epochMillis, virtualNanos);
        if (!t.contains(".")) {
            return t;
        }
        String frac = t.substring(t.indexOf('.') + 1, t.length() - 1).replaceAll("0+$", "");
        return t.substring(0, t.indexOf('.')) + (frac.isEmpty() ? "" : "." + frac) + "Z";
    }

    /**
     * NetworkSettings.Ports (a nat.PortMap, keys sorted): each published port with every address
     * dockerd bound it on, and each exposed port of a running container, unbound, as null.
     */
    private static Map<String, Object> ports(Container c, ImageConfig image) {
        Map<String, Object> ports = new TreeMap<>();
        if (c.running()) {
            PsColumns.endpointExposedPorts(c, image).forEach(p -> ports.put(p, GoTemplate.NIL_SLICE)); // a nil []PortBinding
        }
        for (PortBinding b : c.published()) {
            @SuppressWarnings("unchecked")
            List<Object> list = ports.get(b.key()) instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
            ports.put(b.key(), list);
            for (String ip : PsColumns.hostIps(b)) {
                Map<String, Object> hb = InspectTypes.portBinding();
                hb.put("HostIp", ip);
                hb.put("HostPort", String.valueOf(b.hostPort()));
                list.add(hb);
            }
        }
        return ports;
    }

    /**
     * The sandbox's id: libnetwork's is 64 random hex digits whose first 12 name the namespace
     * (SandboxKey); dockwire's namespace name is those 12, the rest follows from it and the container.
     */
    private static String sandboxId(Container c) {
        if (!c.netns().matches("[0-9a-f]{12}")) {
            return Images.digest(c.id() + "/" + c.netns());
        }
        return c.netns() + Images.digest(c.id() + "/" + c.netns()).substring(12);
    }

    private static Map<String, Object> ipamConfig(String ipv4) {
        Map<String, Object> m = InspectTypes.endpointIpamConfig();
        m.put("IPv4Address", ipv4);
        return m;
    }

    /**
     * A container's inspect object; with {@code size} (inspect --size) its SizeRw and SizeRootFs after GraphDriver, else
     * left out (ContainerJSONBase's omitempty pointers: a template reads them as {@code <nil>}).
     */
    static Map<String, Object> container(Container c, Engine engine, boolean size) {
        Map<String, Object> m = new GoStruct(Map.of("SizeRw", GoTemplate.NIL_POINTER, "SizeRootFs", GoTemplate.NIL_POINTER));
        m.put("Id", c.id());
        m.put("Created", time(engine.epochMillis(), c.created()));
        ImageConfig image = engine.images().config(c.image());
        List<String> argv = image == null ? c.cmd() : image.argv(c.cmd());
        m.put("Path", argv.isEmpty() ? "" : argv.get(0));
        m.put("Args", argv.size() > 1 ? new ArrayList<>(argv.subList(1, argv.size())) : List.of());
        Map<String, Object> state = InspectTypes.state();
        state.put("Status", c.status());
        state.put("Running", c.running() || c.state() == Container.State.RESTARTING); // moby SetRestarting: still "running"
        state.put("Paused", c.paused());
        state.put("Restarting", c.state() == Container.State.RESTARTING);
        state.put("OOMKilled", false);
        state.put("Dead", false);
        state.put("Pid", engine.processes(c) == null ? 0 : engine.processes(c).init().hostPid()); // PID 1 as the host sees it
        state.put("ExitCode", c.exitCode());
        state.put("Error", "");
        state.put("StartedAt", time(engine.epochMillis(), c.startedAt()));
        state.put("FinishedAt", time(engine.epochMillis(), c.finishedAt()));
        if (c.health() != null) {
            state.put("Health", health(c.health(), engine.epochMillis()));
        }
        m.put("State", state);
        m.put("Image", engine.images().published(c.image()).id());
        String dir = "/var/lib/docker/containers/" + c.id() + "/";
        m.put("ResolvConfPath", dir + "resolv.conf");
        m.put("HostnamePath", dir + "hostname");
        m.put("HostsPath", dir + "hosts");
        m.put("LogPath", dir + c.id() + "-json.log");
        m.put("Name", "/" + c.name());
        m.put("RestartCount", c.restartCount());
        m.put("Driver", "overlay2");
        m.put("Platform", "linux");
        m.put("MountLabel", "");
        m.put("ProcessLabel", "");
        m.put("AppArmorProfile", "docker-default"); // daemon/apparmor_default.go: a Debian or Ubuntu host has AppArmor
        m.put("ExecIDs", null);
        m.put("HostConfig", InspectHostConfig.of(c));
        // the container's read-write layer over its -init layer (dockwire's images bring no layers of their own)
        String layer = "/var/lib/docker/overlay2/" + Images.digest("layer:" + c.id());
        Map<String, Object> data = new TreeMap<>();
        data.put("LowerDir", layer + "-init/diff");
        data.put("MergedDir", layer + "/merged");
        data.put("UpperDir", layer + "/diff");
        data.put("WorkDir", layer + "/work");
        Map<String, Object> graph = InspectTypes.driverData();
        graph.put("Data", data);
        graph.put("Name", "overlay2");
        m.put("GraphDriver", graph);
        if (size) {
            ContainerSize sizes = ContainerSize.of(engine, c);
            m.put("SizeRw", sizes.rw());
            m.put("SizeRootFs", sizes.rootFs());
        }
        m.put("Mounts", InspectMounts.mounts(c));
        m.put("Config", config(c, image, engine.images().labels(c.image())));
        Map<String, Object> ns = InspectTypes.networkSettings();
        // moby 28 api/types/container.NetworkSettings: NetworkSettingsBase, then DefaultNetworkSettings, then Networks.
        ns.put("Bridge", "");
        ns.put("SandboxID", c.netns() == null ? "" : sandboxId(c));
        ns.put("SandboxKey", c.netns() == null ? "" : "/var/run/docker/netns/" + c.netns());
        ns.put("Ports", ports(c, image));
        ns.put("HairpinMode", false);
        ns.put("LinkLocalIPv6Address", "");
        ns.put("LinkLocalIPv6PrefixLen", 0);
        ns.put("SecondaryIPAddresses", null);
        ns.put("SecondaryIPv6Addresses", null);
        // daemon/inspect.go getDefaultNetworkSettings: the deprecated top-level fields are the "bridge" network's endpoint.
        Endpoint def = c.endpoints().get("bridge");
        boolean onDefault = def != null && def.address() != null;
        ns.put("EndpointID", onDefault ? def.id() : "");
        ns.put("Gateway", onDefault ? def.network().gateway().toString() : "");
        ns.put("GlobalIPv6Address", "");
        ns.put("GlobalIPv6PrefixLen", 0);
        ns.put("IPAddress", onDefault ? def.address().toString() : "");
        ns.put("IPPrefixLen", onDefault ? def.network().subnet().prefixLength() : 0);
        ns.put("IPv6Gateway", "");
        ns.put("MacAddress", onDefault ? def.mac().toString() : "");
        Map<String, Object> nets = new TreeMap<>(); // a Go map: encoding/json sorts its keys
        for (var e : c.endpoints().entrySet()) {
            Endpoint ep = e.getValue();
            Network n = ep.network();
            if (n.name().equals(Network.DEFAULT_GATEWAY) && !c.networkMode().equals(Network.DEFAULT_GATEWAY)) {
                continue; // libnetwork's gateway endpoint of an overlay container is not one of its networks
            }
            boolean up = ep.address() != null;
            Map<String, Object> em = InspectTypes.endpointSettings();
            em.put("IPAMConfig", ep.requestedIp() == null ? null : ipamConfig(ep.requestedIp().toString()));
            em.put("Links", ep.links().isEmpty() ? null : new ArrayList<>(ep.links()));
            em.put("Aliases", ep.aliases().isEmpty() ? null : new ArrayList<>(ep.aliases()));
            em.put("MacAddress", up ? ep.mac().toString() : ep.requestedMac() == null ? "" : ep.requestedMac().toString());
            em.put("DriverOpts", null);
            em.put("GwPriority", 0);
            em.put("NetworkID", n.id());
            em.put("EndpointID", up || !n.driver().plumbed() ? ep.id() : "");
            em.put("Gateway", up ? n.gateway().toString() : "");
            em.put("IPAddress", up ? ep.address().toString() : "");
            em.put("IPPrefixLen", up ? n.subnet().prefixLength() : 0);
            em.put("IPv6Gateway", "");
            em.put("GlobalIPv6Address", "");
            em.put("GlobalIPv6PrefixLen", 0);
            List<String> dnsNames = new ArrayList<>();
            if (n.driver().plumbed() && !n.name().equals("bridge")) {
                dnsNames.add(c.name());
                dnsNames.add(c.shortId());
                dnsNames.addAll(ep.aliases());
            }
            em.put("DNSNames", dnsNames.isEmpty() ? null : dnsNames);
            nets.put(e.getKey(), em);
        }
        ns.put("Networks", nets);
        m.put("NetworkSettings", ns);
        return m;
    }
}
