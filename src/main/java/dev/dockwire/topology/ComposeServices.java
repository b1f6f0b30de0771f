package dev.dockwire.topology;

import dev.dockwire.sim.GoDuration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one compose service in every form the Compose Specification allows for the keys that
 * shape networks or what runs (image, command, entrypoint, restart, container_name, hostname, networks, network_mode, ports,
 * expose, depends_on, deploy.replicas/scale, extra_hosts, dns, environment, healthcheck, bind
 * mounts of files, user, group_add, working_dir); other keys are noted as ignored.
 */
final class ComposeServices {
    private static final Set<String> SERVICE_KEYS = Set.of("image", "command", "entrypoint", "container_name", "hostname", "networks",
            "network_mode", "ports", "expose", "depends_on", "deploy", "scale", "extra_hosts", "dns", "environment",
            "healthcheck", "restart", "volumes", "stdin_open", "tty", "profiles", "cap_add", "cap_drop", "privileged", "domainname",
            "dns_search", "dns_opt", "mac_address", "links", "external_links", "sysctls", "build", "secrets", "devices", "ulimits",
            "pid", "ipc", "uts",
            "user", "group_add", "working_dir");
    private static final Set<String> PORT_KEYS = Set.of("target", "published", "host_ip", "protocol", "mode", "name",
            "app_protocol");
    private static final Set<String> HEALTHCHECK_KEYS = Set.of("test", "interval", "timeout", "retries", "start_period",
            "start_interval", "disable");

    /** The restart policies the engine knows (moby api/types/container RestartPolicyMode), with on-failure's retry limit. */
    private static final java.util.regex.Pattern RESTART =
            java.util.regex.Pattern.compile("no|always|unless-stopped|on-failure(:\\d+)?");

    private final YamlFields f;
    private final ComposeNotes notes;
    private final String project;
    private final String home;
    private ComposeSecrets secrets;

    /**
     * Reads the services of {@code project}, whose name prefixes the images its build-only services
     * build; {@code home} is what {@code ~} stands for in paths.
     */
    ComposeServices(YamlFields f, ComposeNotes notes, String project, String home) {
        this.f = f;
        this.notes = notes;
        this.project = project;
        this.home = home;
        this.secrets = new ComposeSecrets(f, notes, null, this::hostPath);
    }

    /** The project's top-level {@code secrets:} (null: none), which the services' {@code secrets:} name. */
    ComposeServices withSecrets(YamlNode top) {
        secrets = new ComposeSecrets(f, notes, top, this::hostPath);
        return this;
    }

    /**
     * The image Compose v2 builds for a service with {@code build:} and no {@code image:}:
     * {@code <project>-<service>} (docker/compose's api.GetImageNameOrDefault), never a stock image of
     * the service's name.
     */
    static String builtImage(String project, String service) {
        return project + "-" + service;
    }

    /** The service declared under {@code name}. */
    ComposeProject.Service service(String name, YamlNode node) {
        String path = "services." + name;
        f.checkName(node, path, name);
        if (node.value() == null) {
            throw f.error(node, path, "a service needs at least image:");
        }
        f.requireMap(node, path);
        Map<String, YamlNode> m = node.map();
        for (var e : m.entrySet()) {
            String k = e.getKey();
            if (!SERVICE_KEYS.contains(k) && !k.startsWith("x-")) {
                notes.note(e.getValue(), path + "." + k, "ignored (does not shape the network)");
            }
        }
        String image = f.optional(node, "image", path);
        if (image != null && image.isEmpty()) {
            // compose-go's validation tests s.Image == "": an empty image is no image.
            image = null;
        }
        if (image == null) {
            if (!m.containsKey("build")) {
                throw f.error(node, path, "service \"" + name + "\" has neither an image nor a build context specified");
            }
            image = builtImage(project, name);
        }
        String networkMode = f.optional(node, "network_mode", path);
        if (networkMode != null) {
            checkNetworkMode(m.get("network_mode"), path + ".network_mode", networkMode);
            if (m.containsKey("networks")) {
                throw f.error(m.get("networks"), path + ".networks", "service " + name
                        + " declares mutually exclusive `network_mode` and `networks`");
            }
        }
        List<ComposeProject.ServiceNetwork> networks = networkMode != null ? List.of()
                : serviceNetworks(m.get("networks"), path + ".networks", node.line());
        String containerName = f.optional(node, "container_name", path);
        if (containerName != null) {
            f.checkContainerName(m.get("container_name"), path + ".container_name", containerName);
        }
        int replicas = replicas(m, path);
        if (containerName != null && replicas > 1) {
            throw f.error(m.get("container_name"), path + ".container_name", "can't set container_name and "
                    + replicas + " replicas as container name must be unique");
        }
        List<String> ports = new ArrayList<>();
        if (m.containsKey("ports")) {
            YamlNode list = m.get("ports");
            if (!list.isList()) {
                throw f.error(list, path + ".ports", "expected a list of ports (\"8080:80\" or {target: 80, published: 8080})");
            }
            for (int i = 0; i < list.list().size(); i++) {
                ports.add(port(list.list().get(i), path + ".ports[" + i + "]"));
            }
        }
        List<String> expose = new ArrayList<>();
        YamlNode ex = m.get("expose");
        List<String> exposed = ex == null ? List.of() : f.strings(ex, path + ".expose");
        for (int i = 0; i < exposed.size(); i++) {
            try {
                expose.add(ComposePorts.expose(exposed.get(i)));
            } catch (IllegalArgumentException e) {
                throw f.error(ex.isList() ? ex.list().get(i) : ex, path + ".expose[" + i + "]", e.getMessage());
            }
        }
        YamlNode entrypoint = m.get("entrypoint");
        return new ComposeProject.Service(name, image, command(m.get("command"), path + ".command"),
                entrypoint == null ? null : command(entrypoint, path + ".entrypoint"), restart(m.get("restart"), path + ".restart"),
                containerName,
                f.optional(node, "hostname", path), networks, networkMode, ports, expose,
                linkDependencies(dependsOn(m.get("depends_on"), path + ".depends_on"), m.get("links"), path), replicas,
                extraHosts(m.get("extra_hosts"), path + ".extra_hosts"),
                m.containsKey("dns") ? f.strings(m.get("dns"), path + ".dns") : List.of(),
                m.containsKey("environment") ? f.keyValues(m.get("environment"), path + ".environment") : Map.of(),
                healthcheck(m.get("healthcheck"), path + ".healthcheck"), mounts(name, m, path),
                m.containsKey("stdin_open") && f.bool(m.get("stdin_open"), path + ".stdin_open"),
                m.containsKey("tty") && f.bool(m.get("tty"), path + ".tty"), new ComposePrivileges(f).read(m, path),
                m.containsKey("build") ? new ComposeBuilds(f, notes).build(m.get("build"), path + ".build") : null, node.line(),
                resolver(node, path), list(m, "links", path), list(m, "external_links", path), identity(node, path));
    }

    /** {@code user:}, {@code group_add:} (names or gids) and {@code working_dir:}. */
    private ComposeProject.Identity identity(YamlNode node, String path) {
        Map<String, YamlNode> m = node.map();
        if (!m.containsKey("user") && !m.containsKey("group_add") && !m.containsKey("working_dir")) {
            return ComposeProject.Identity.NONE;
        }
        return new ComposeProject.Identity(f.optional(node, "user", path),
                m.containsKey("group_add") ? f.strings(m.get("group_add"), path + ".group_add") : List.of(),
                f.optional(node, "working_dir", path));
    }

    /** compose-go's normalize: a {@code links:} entry's service is a {@code service_started} dependency unless one is written. */
    private List<ComposeProject.Dependency> linkDependencies(List<ComposeProject.Dependency> deps, YamlNode links, String path) {
        List<ComposeProject.Dependency> out = new ArrayList<>(deps);
        List<String> given = links == null ? List.of() : f.strings(links, path + ".links");
        for (String link : given) {
            String service = link.split(":", 2)[0];
            if (out.stream().noneMatch(d -> d.service().equals(service))) {
                out.add(new ComposeProject.Dependency(service, "service_started", links.line()));
            }
        }
        return out;
    }

    private List<String> list(Map<String, YamlNode> m, String key, String path) {
        return m.containsKey(key) ? f.strings(m.get(key), path + "." + key) : List.of();
    }

    /** {@code domainname}, {@code dns_search}, {@code dns_opt} and {@code mac_address}. */
    private ComposeProject.Resolver resolver(YamlNode node, String path) {
        Map<String, YamlNode> m = node.map();
        String domain = f.optional(node, "domainname", path);
        return new ComposeProject.Resolver(domain == null ? "" : domain, list(m, "dns_search", path), list(m, "dns_opt", path),
                mac(node, path));
    }

    /** {@code mac_address}, as written: the engine checks it (net.ParseMAC) when it makes the endpoint. */
    private String mac(YamlNode node, String path) {
        return f.optional(node, "mac_address", path);
    }

    /** The bind mounts of {@code volumes:}, then those of {@code secrets:} at /run/secrets. */
    private List<ComposeProject.Mount> mounts(String name, Map<String, YamlNode> m, String path) {
        List<ComposeProject.Mount> out = mounts(m.get("volumes"), path + ".volumes");
        out.addAll(secrets.mounts(name, m.get("secrets"), path + ".secrets"));
        return out;
    }

    /**
     * {@code volumes:} in short syntax ({@code SOURCE:TARGET[:MODE]}, compose-go's ParseVolume: a
     * source starting with {@code .}, {@code /} or {@code ~} is a host path, else a volume's key; one
     * absolute path alone is an anonymous volume) and long syntax ({@code type}, {@code source},
     * {@code target}, {@code read_only}).
     */
    private List<ComposeProject.Mount> mounts(YamlNode node, String path) {
        List<ComposeProject.Mount> out = new ArrayList<>();
        if (node == null || node.value() == null) {
            return out;
        }
        if (!node.isList()) {
            throw f.error(node, path, "expected a list of volumes (\"./src:/target[:ro]\", \"data:/target\" or {type: bind, source, target})");
        }
        for (int i = 0; i < node.list().size(); i++) {
            YamlNode v = node.list().get(i);
            String p = path + "[" + i + "]";
            ComposeProject.Mount m = v.isMap() ? longSyntax(v, p) : shortSyntax(v, p);
            if (m.target() == null || !m.target().startsWith("/")) {
                throw f.error(v, p, "expected SOURCE:/TARGET[:MODE] with an absolute target, like ./default.conf:/etc/nginx/conf.d/default.conf:ro"
                        + " or data:/var/lib/postgresql/data");
            }
            out.add(m);
        }
        return out;
    }

    private ComposeProject.Mount shortSyntax(YamlNode v, String p) {
        String[] parts = f.scalar(v, p).split(":");
        if (parts.length == 1) {
            return new ComposeProject.Mount("volume", null, parts[0], false, true, v.line());
        }
        String source = parts[0];
        boolean readOnly = parts.length > 2 && java.util.Arrays.asList(parts[2].split(",")).contains("ro");
        boolean host = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        return new ComposeProject.Mount(host ? "bind" : "volume", host ? hostPath(source) : source, parts[1], readOnly, true, v.line());
    }

    private ComposeProject.Mount longSyntax(YamlNode v, String p) {
        String type = f.optional(v, "type", p);
        String source = f.optional(v, "source", p);
        String target = f.optional(v, "target", p);
        YamlNode ro = v.map().get("read_only");
        boolean readOnly = ro != null && f.bool(ro, p + ".read_only");
        if (type == null) {
            throw f.error(v, p, "type is required: bind, volume or tmpfs");
        }
        return switch (type) {
            case "bind" -> {
                if (source == null) {
                    throw f.error(v, p, "a bind mount needs its source (the host path)");
                }
                yield new ComposeProject.Mount(type, hostPath(source), target, readOnly, false, v.line());
            }
            case "volume" -> new ComposeProject.Mount(type, source, target, readOnly, false, v.line());
            case "tmpfs" -> new ComposeProject.Mount(type, null, target, false, false, v.line());
            default -> throw f.error(v.map().get("type"), p + ".type", "unknown mount type \"" + type + "\"; valid: bind, volume, tmpfs"
                    + " (npipe and cluster are not modelled)");
        };
    }

    /**
     * A bind mount's source as Compose resolves it (compose-go paths.ResolveRelativePaths and
     * ExpandUser): {@code ~} and {@code ~/x} are the user's home, a relative path is the compose
     * file's directory's.
     */
    private String hostPath(String source) {
        if (source.equals("~") || source.startsWith("~/")) {
            return home + source.substring(1);
        }
        return source.startsWith("/") ? source : Path.of(f.file()).resolveSibling(source).normalize().toString();
    }

    private void checkNetworkMode(YamlNode at, String path, String mode) {
        boolean ok = switch (mode) {
            case "host", "none", "bridge" -> true;
            default -> (mode.startsWith("service:") || mode.startsWith("container:")) && mode.indexOf(':') < mode.length() - 1;
        };
        if (!ok) {
            throw f.error(at, path, "invalid network_mode \"" + mode
                    + "\"; valid: host, none, bridge, service:NAME, container:NAME");
        }
    }

    private List<ComposeProject.ServiceNetwork> serviceNetworks(YamlNode node, String path, int serviceLine) {
        List<ComposeProject.ServiceNetwork> out = new ArrayList<>();
        // compose-go's normalize gives a service with no networks ({@code networks: []} too) the default one.
        if (node == null || node.value() == null || node.isList() && node.list().isEmpty() || node.isMap() && node.map().isEmpty()) {
            out.add(new ComposeProject.ServiceNetwork(ComposeNetworks.DEFAULT, List.of(), null, serviceLine));
            return out;
        }
        if (node.isList()) {
            for (int i = 0; i < node.list().size(); i++) {
                YamlNode n = node.list().get(i);
                out.add(new ComposeProject.ServiceNetwork(f.scalar(n, path + "[" + i + "]"), List.of(), null, n.line()));
            }
            return out;
        }
        if (!node.isMap()) {
            throw f.error(node, path, "expected a list of network names or a mapping NAME: {aliases, ipv4_address}");
        }
        for (var e : node.map().entrySet()) {
            String p = path + "." + e.getKey();
            YamlNode v = e.getValue();
            List<String> aliases = List.of();
            String ip = null;
            if (v.value() != null) {
                f.requireMap(v, p);
                for (String k : v.map().keySet()) {
                    if (!Set.of("aliases", "ipv4_address", "gw_priority", "mac_address").contains(k)) {
                        notes.note(v.map().get(k), p + "." + k, "ignored (does not shape the network)");
                    }
                }
                aliases = v.map().containsKey("aliases") ? f.strings(v.map().get("aliases"), p + ".aliases") : List.of();
                ip = f.optional(v, "ipv4_address", p);
                if (ip != null) {
                    f.checkAddress(v.map().get("ipv4_address"), p + ".ipv4_address", ip);
                }
            }
            YamlNode gw = v.value() == null ? null : v.map().get("gw_priority");
            int priority = gw == null ? 0 : f.integer(gw, p + ".gw_priority", Integer.MIN_VALUE, Integer.MAX_VALUE,
                    "a gateway priority (the highest network gives the default route)");
            out.add(new ComposeProject.ServiceNetwork(e.getKey(), aliases, ip, priority, v.line(),
                    v.value() == null ? null : mac(v, p)));
        }
        return out;
    }

    private int replicas(Map<String, YamlNode> m, String path) {
        int replicas = 1;
        if (m.containsKey("scale")) {
            replicas = f.integer(m.get("scale"), path + ".scale", 0, 1000, "a number of containers");
        }
        YamlNode deploy = m.get("deploy");
        if (deploy != null && deploy.value() != null) {
            f.requireMap(deploy, path + ".deploy");
            for (var e : deploy.map().entrySet()) {
                if (e.getKey().equals("replicas")) {
                    replicas = f.integer(e.getValue(), path + ".deploy.replicas", 0, 1000, "a number of containers");
                } else {
                    notes.note(e.getValue(), path + ".deploy." + e.getKey(), "ignored (does not shape the network)");
                }
            }
        }
        return replicas;
    }

    private String port(YamlNode node, String path) {
        try {
            if (!node.isMap()) {
                return ComposePorts.shortSyntax(f.scalar(node, path));
            }
            for (String k : node.map().keySet()) {
                if (!PORT_KEYS.contains(k)) {
                    throw f.error(node.map().get(k), path + "." + k, "unknown key \"" + k + "\"; valid keys: "
                            + YamlFields.sorted(PORT_KEYS));
                }
            }
            String target = f.optional(node, "target", path);
            if (target == null) {
                throw f.error(node, path + ".target", "missing: the container port (target: 80)");
            }
            String mode = f.optional(node, "mode", path);
            if (mode != null && !mode.equals("host") && !mode.equals("ingress")) {
                throw f.error(node.map().get("mode"), path + ".mode", "invalid mode \"" + mode + "\"; valid: host, ingress");
            }
            return ComposePorts.longSyntax(target, f.optional(node, "published", path), f.optional(node, "host_ip", path),
                    f.optional(node, "protocol", path));
        } catch (IllegalArgumentException e) {
            throw f.error(node, path, e.getMessage());
        }
    }

    private List<String> command(YamlNode node, String path) {
        if (node == null || node.value() == null) {
            return List.of();
        }
        if (node.isList()) {
            return f.strings(node, path);
        }
        try {
            return ShellWords.split(f.scalar(node, path));
        } catch (IllegalArgumentException e) {
            throw f.error(node, path, e.getMessage());
        }
    }

    /** {@code restart:} as Compose passes it to the engine (a docker run --restart policy), or null when absent. */
    private String restart(YamlNode node, String path) {
        if (node == null || node.value() == null) {
            return null;
        }
        String policy = f.scalar(node, path);
        if (!RESTART.matcher(policy).matches()) {
            throw f.error(node, path, "invalid restart policy \"" + policy
                    + "\": expected no, always, on-failure, on-failure:MAX-RETRIES or unless-stopped");
        }
        return policy;
    }

    private List<ComposeProject.Dependency> dependsOn(YamlNode node, String path) {
        List<ComposeProject.Dependency> out = new ArrayList<>();
        if (node == null || node.value() == null) {
            return out;
        }
        if (node.isList()) {
            for (int i = 0; i < node.list().size(); i++) {
                YamlNode d = node.list().get(i);
                out.add(new ComposeProject.Dependency(f.scalar(d, path + "[" + i + "]"), "service_started", d.line()));
            }
            return out;
        }
        f.requireMap(node, path);
        for (var e : node.map().entrySet()) {
            String p = path + "." + e.getKey();
            String condition = "service_started";
            if (e.getValue().value() != null) {
                f.requireMap(e.getValue(), p);
                f.checkKeys(e.getValue().map(), Set.of("condition", "restart", "required"), p);
                String c = f.optional(e.getValue(), "condition", p);
                if (c != null) {
                    condition = c;
                }
                YamlNode at = e.getValue().map().get("condition");
                if (condition.equals("service_completed_successfully")) {
                    throw f.error(at, p + ".condition", "service_completed_successfully is not supported yet"
                            + " (emulated containers do not run to completion); use service_started or service_healthy");
                }
                if (!condition.equals("service_started") && !condition.equals("service_healthy")) {
                    throw f.error(at, p + ".condition", "invalid condition \"" + condition
                            + "\"; valid: service_started, service_healthy, service_completed_successfully");
                }
            }
            out.add(new ComposeProject.Dependency(e.getKey(), condition, e.getValue().line()));
        }
        return out;
    }

    private List<String> extraHosts(YamlNode node, String path) {
        if (node == null || node.value() == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (node.isMap()) {
            for (var e : node.map().entrySet()) {
                out.add(extraHost(e.getKey(), f.scalar(e.getValue(), path + "." + e.getKey()), e.getValue(), path + "." + e.getKey()));
            }
            return out;
        }
        List<String> items = f.strings(node, path);
        for (int i = 0; i < items.size(); i++) {
            String s = items.get(i);
            int sep = s.indexOf('=') >= 0 ? s.indexOf('=') : s.indexOf(':');
            YamlNode at = node.isList() ? node.list().get(i) : node;
            if (sep <= 0) {
                throw f.error(at, path + "[" + i + "]", "invalid extra host \"" + s + "\"; expected HOST:IP or HOST=IP");
            }
            out.add(extraHost(s.substring(0, sep), s.substring(sep + 1), at, path + "[" + i + "]"));
        }
        return out;
    }

    private String extraHost(String host, String ip, YamlNode at, String path) {
        if (!ip.equals("host-gateway")) {
            f.checkAddress(at, path, ip);
        }
        return host + ":" + ip;
    }

    private ComposeProject.Healthcheck healthcheck(YamlNode node, String path) {
        if (node == null || node.value() == null) {
            return null;
        }
        f.requireMap(node, path);
        f.checkKeys(node.map(), HEALTHCHECK_KEYS, path);
        if (node.map().containsKey("disable") && f.bool(node.map().get("disable"), path + ".disable")) {
            return null;
        }
        YamlNode t = node.map().get("test");
        if (t == null) {
            throw f.error(node, path + ".test", "missing: the command to run, like [\"CMD\", \"curl\", \"-f\", \"http://localhost\"]");
        }
        List<String> test;
        List<String> config;
        if (t.isList()) {
            List<String> words = f.strings(t, path + ".test");
            String kind = words.isEmpty() ? "" : words.get(0);
            test = switch (kind) {
                case "NONE" -> null;
                case "CMD" -> List.copyOf(words.subList(1, words.size()));
                case "CMD-SHELL" -> List.of("sh", "-c", String.join(" ", words.subList(1, words.size())));
                default -> throw f.error(t, path + ".test", "expected [\"CMD\", ...], [\"CMD-SHELL\", \"...\"] or [\"NONE\"]");
            };
            if (test == null) {
                return null;
            }
            if (test.isEmpty()) {
                throw f.error(t, path + ".test", "the test names no command");
            }
            config = kind.equals("CMD-SHELL") ? List.of("CMD-SHELL", test.get(2)) : List.copyOf(words);
        } else {
            test = List.of("sh", "-c", f.scalar(t, path + ".test"));
            config = List.of("CMD-SHELL", f.scalar(t, path + ".test"));
        }
        YamlNode retries = node.map().get("retries");
        return new ComposeProject.Healthcheck(test, duration(node, "interval", path, 30_000_000_000L),
                duration(node, "timeout", path, 30_000_000_000L),
                retries == null ? 3 : f.integer(retries, path + ".retries", 1, 1000, "a number of retries"),
                duration(node, "start_period", path, 0), config, duration(node, "start_interval", path, 0));
    }

    private long duration(YamlNode node, String key, String path, long dflt) {
        String v = f.optional(node, key, path);
        try {
            long nanos = v == null ? dflt : GoDuration.parse(v);
            if (nanos < 0) {
                throw new IllegalArgumentException("time: negative duration \"" + v + "\"");
            }
            return nanos;
        } catch (IllegalArgumentException e) {
            throw f.error(node.map().get(key), path + "." + key, e.getMessage().replaceFirst("^time: ", "")
                    + ": expected a number with a unit like 10s, 1m30s or 500ms");
        }
    }
}
