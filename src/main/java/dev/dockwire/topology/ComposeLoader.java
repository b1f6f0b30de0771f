package dev.dockwire.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads a compose file (the Compose Specification's keys that shape networks, in every syntax
 * form the specification allows) into a {@link ComposeProject}: {@code .env} interpolation,
 * anchors and merge keys, {@code x-} fields, list and map forms. Keys that shape nothing here are
 * kept out and reported once each as ignored; invalid input is a {@link TopologyException} with
 * the file, line and key path ({@code services.web.ports[1]: invalid port "80:abc": ...}).
 */
public final class ComposeLoader {
    /** The {@code x-} extension that carries what a run does after {@code up}. */
    public static final String EXTENSION = "x-dockwire";
    private static final Set<String> EXTENSION_KEYS = Set.of("seed", "steps", "capture", "images");
    private static final Set<String> SERVICE_KEYS = Set.of("image", "command", "container_name", "hostname", "networks",
            "network_mode", "ports", "expose", "depends_on", "deploy", "scale", "extra_hosts", "dns", "environment",
            "healthcheck", "restart", "volumes");
    private static final Set<String> NETWORK_KEYS = Set.of("driver", "driver_opts", "ipam", "internal", "external",
            "attachable", "name", "labels", "enable_ipv6");
    private static final Set<String> PORT_KEYS = Set.of("target", "published", "host_ip", "protocol", "mode", "name",
            "app_protocol");
    private static final Set<String> HEALTHCHECK_KEYS = Set.of("test", "interval", "timeout", "retries", "start_period",
            "start_interval", "disable");
    private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final String DEFAULT = "default";

    private final YamlFields f;
    private final Set<String> notes = new LinkedHashSet<>();

    private ComposeLoader(String file) {
        this.f = new YamlFields(file);
    }

    /** Reads {@code file} and the {@code .env} beside it; {@code projectName} ({@code -p}) may be null. */
    public static ComposeProject load(Path file, String projectName) {
        Path dir = file.toAbsolutePath().getParent();
        Path dotEnv = dir.resolve(".env");
        Map<String, String> env = Files.isRegularFile(dotEnv) ? DotEnv.parse(dotEnv.toString(), read(dotEnv)) : Map.of();
        return parse(file.toString(), read(file), env, dir.getFileName() == null ? "" : dir.getFileName().toString(),
                projectName);
    }

    /** Parses {@code .env} text for {@link #parse}. */
    public static Map<String, String> dotEnv(String file, String text) {
        return DotEnv.parse(file, text);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new TopologyException(p.toString(), 0, "", "cannot read file: " + e.getMessage());
        }
    }

    /**
     * Parses compose {@code text}. The project is {@code projectName} if given, else the file's
     * {@code name:}, else {@code directory} lowercased without the characters a project name
     * cannot have; {@code env} feeds {@code ${VAR}} interpolation.
     */
    public static ComposeProject parse(String file, String text, Map<String, String> env, String directory,
                                       String projectName) {
        return new ComposeLoader(file).project(YamlReader.read(file, text), env, directory, projectName);
    }

    /** A compose file embedded in another YAML file ({@code compose:} in our topology), read from its node. */
    static ComposeProject fromNode(String file, YamlNode node, Map<String, String> env, String directory,
                                   String projectName) {
        return new ComposeLoader(file).project(node, env, directory, projectName);
    }

    private ComposeProject project(YamlNode raw, Map<String, String> env, String directory, String projectName) {
        if (!raw.isMap()) {
            throw f.error(raw, "", "expected a compose file: a mapping with services:");
        }
        YamlNode root = interpolate(raw, "", new Interpolation(env));
        Map<String, YamlNode> top = root.map();
        for (var e : top.entrySet()) {
            String k = e.getKey();
            switch (k) {
                case "services", "networks", "name", EXTENSION -> {
                }
                case "version" -> note(e.getValue(), k, "the attribute `version` is obsolete, it will be ignored");
                case "volumes", "configs", "secrets" -> note(e.getValue(), k, "ignored (dockwire models networking only)");
                case "include" -> throw f.error(e.getValue(), k, "include is not supported yet: merge the files into one");
                default -> {
                    if (!k.startsWith("x-")) {
                        note(e.getValue(), k, "unknown top-level key, ignored");
                    }
                }
            }
        }
        String name = projectName(top, directory, projectName, root);
        YamlNode services = top.get("services");
        if (services == null || !services.isMap() || services.map().isEmpty()) {
            throw f.error(services == null ? root : services, "services", "expected a mapping of service names to their definitions");
        }
        Map<String, NetworkBuilder> networks = new LinkedHashMap<>();
        YamlNode nets = top.get("networks");
        if (nets != null && nets.value() != null) {
            f.requireMap(nets, "networks");
            for (var e : nets.map().entrySet()) {
                networks.put(e.getKey(), network(name, e.getKey(), e.getValue()));
            }
        }
        List<ComposeProject.Service> list = new ArrayList<>();
        for (var e : services.map().entrySet()) {
            list.add(service(e.getKey(), e.getValue()));
        }
        boolean usesDefault = false;
        for (ComposeProject.Service s : list) {
            for (ComposeProject.ServiceNetwork sn : s.networks()) {
                if (sn.key().equals(DEFAULT)) {
                    usesDefault = true;
                } else if (!networks.containsKey(sn.key())) {
                    throw new TopologyException(f.file(), sn.line(), "services." + s.name() + ".networks." + sn.key(),
                            "service \"" + s.name() + "\" refers to undefined network " + sn.key()
                                    + "; declared under networks: " + List.copyOf(networks.keySet()));
                }
            }
        }
        if (usesDefault && !networks.containsKey(DEFAULT)) {
            networks.put(DEFAULT, new NetworkBuilder(DEFAULT, name + "_" + DEFAULT, root.line()));
        }
        List<ComposeProject.Service> ordered = new DependencyOrder(f).sort(list);
        long seed = 1;
        List<Step> steps = List.of();
        Topology.CaptureSpec capture = new Topology.CaptureSpec(true, null);
        List<Script.ImageDecl> images = List.of();
        YamlNode x = raw.map().get(EXTENSION);
        if (x != null && x.value() != null) {
            f.requireMap(x, EXTENSION);
            f.checkKeys(x.map(), EXTENSION_KEYS, EXTENSION);
            YamlNode s = x.map().get("seed");
            seed = s == null ? 1 : f.integer(s, EXTENSION + ".seed", 0, Integer.MAX_VALUE, "a seed");
            steps = new StepsLoader(f).steps(x.map().get("steps"), EXTENSION + ".steps",
                    list.stream().map(ComposeProject.Service::name).toList(), "service");
            capture = new RunExtras(f).capture(x.map().get("capture"), EXTENSION + ".capture");
            images = new RunExtras(f).images(x.map().get("images"), EXTENSION + ".images");
        }
        return new ComposeProject(f.file(), name, ordered,
                networks.values().stream().map(NetworkBuilder::build).toList(), seed, steps, capture, images,
                notes.stream().sorted(Comparator.comparingInt(ComposeLoader::noteLine)).toList());
    }

    private String projectName(Map<String, YamlNode> top, String directory, String override, YamlNode root) {
        if (override != null) {
            if (!PROJECT.matcher(override).matches()) {
                throw f.error(root, "", "invalid project name \"" + override + "\": " + projectRule());
            }
            return override;
        }
        if (top.containsKey("name")) {
            String n = f.scalar(top.get("name"), "name");
            if (!PROJECT.matcher(n).matches()) {
                throw f.error(top.get("name"), "name", "invalid project name \"" + n + "\": " + projectRule());
            }
            return n;
        }
        String n = directory.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "").replaceFirst("^[_-]+", "");
        if (n.isEmpty()) {
            throw f.error(root, "", "cannot derive a project name from the directory \"" + directory
                    + "\": set name: in the file or pass -p NAME");
        }
        return n;
    }

    private static String projectRule() {
        return "it must contain only lowercase letters, decimal digits, dashes, and underscores, "
                + "and must begin with a lowercase letter or decimal digit";
    }

    private static int noteLine(String note) {
        String[] parts = note.split(":", 3);
        return Integer.parseInt(parts[1]);
    }

    /** Notes {@code what} about {@code path}; a line merged into several places (an anchor) is noted once. */
    private void note(YamlNode at, String path, String what) {
        String suffix = ": " + what;
        String prefix = f.file() + ":" + at.line() + ": ";
        if (notes.stream().anyMatch(n -> n.startsWith(prefix) && n.endsWith(suffix))) {
            return;
        }
        notes.add(f.file() + ":" + at.line() + ": " + path + ": " + what);
    }

    // ---- interpolation ------------------------------------------------------------------

    private YamlNode interpolate(YamlNode node, String path, Interpolation in) {
        if (node.isMap()) {
            Map<String, YamlNode> out = new LinkedHashMap<>();
            for (var e : node.map().entrySet()) {
                String p = YamlFields.at(path, e.getKey());
                out.put(e.getKey(), p.equals(EXTENSION) ? e.getValue() : interpolate(e.getValue(), p, in));
            }
            return new YamlNode(out, node.line(), node.column());
        }
        if (node.isList()) {
            List<YamlNode> out = new ArrayList<>();
            for (int i = 0; i < node.list().size(); i++) {
                out.add(interpolate(node.list().get(i), path + "[" + i + "]", in));
            }
            return new YamlNode(out, node.line(), node.column());
        }
        if (node.value() == null) {
            return node;
        }
        try {
            int before = in.warnings().size();
            String v = in.apply(node.text());
            if (in.warnings().size() > before) {
                List<String> w = List.copyOf(in.warnings());
                w.subList(before, w.size()).forEach(m -> note(node, path, m));
            }
            return new YamlNode(v, node.line(), node.column());
        } catch (IllegalArgumentException e) {
            throw f.error(node, path, e.getMessage());
        }
    }

    // ---- networks -----------------------------------------------------------------------

    /** A network definition being read; the {@code default} network may be implied. */
    private static final class NetworkBuilder {
        final String key;
        String name;
        final int line;
        String driver = "bridge";
        Map<String, String> options = Map.of();
        String subnet;
        String gateway;
        String ipRange;
        boolean internal;
        boolean external;
        boolean attachable;
        Map<String, String> labels = Map.of();

        NetworkBuilder(String key, String name, int line) {
            this.key = key;
            this.name = name;
            this.line = line;
        }

        ComposeProject.NetworkDef build() {
            return new ComposeProject.NetworkDef(key, name, driver, options, subnet, gateway, ipRange, internal, external,
                    attachable, labels, line);
        }
    }

    private NetworkBuilder network(String project, String key, YamlNode node) {
        String path = "networks." + key;
        f.checkName(node, path, key);
        NetworkBuilder b = new NetworkBuilder(key, project + "_" + key, node.line());
        if (node.value() == null) {
            return b;
        }
        f.requireMap(node, path);
        f.checkKeys(node.map(), NETWORK_KEYS, path);
        Map<String, YamlNode> m = node.map();
        String explicitName = f.optional(node, "name", path);
        YamlNode ext = m.get("external");
        if (ext != null && ext.isMap()) {
            f.checkKeys(ext.map(), Set.of("name"), path + ".external");
            b.external = true;
            explicitName = explicitName != null ? explicitName : f.optional(ext, "name", path + ".external");
        } else if (ext != null) {
            b.external = f.bool(ext, path + ".external");
        }
        b.name = explicitName != null ? explicitName : b.external ? key : b.name;
        String driver = f.optional(node, "driver", path);
        if (driver != null) {
            switch (driver) {
                case "bridge" -> {
                }
                case "overlay", "macvlan", "ipvlan" -> throw f.error(m.get("driver"), path + ".driver", "driver \""
                        + driver + "\" is not supported yet; use bridge (the default)");
                default -> throw f.error(m.get("driver"), path + ".driver", "unknown driver \"" + driver
                        + "\"; valid: bridge (overlay and macvlan are not supported yet)");
            }
        }
        if (b.external) {
            for (String k : m.keySet()) {
                if (!k.equals("external") && !k.equals("name")) {
                    throw f.error(m.get(k), path + "." + k, "conflicting parameters \"external\" and \"" + k
                            + "\" specified for network \"" + key + "\"");
                }
            }
            return b;
        }
        if (m.containsKey("driver_opts")) {
            b.options = stringMap(m.get("driver_opts"), path + ".driver_opts");
        }
        if (m.containsKey("labels")) {
            b.labels = keyValues(m.get("labels"), path + ".labels");
        }
        b.internal = m.containsKey("internal") && f.bool(m.get("internal"), path + ".internal");
        b.attachable = m.containsKey("attachable") && f.bool(m.get("attachable"), path + ".attachable");
        if (m.containsKey("enable_ipv6") && f.bool(m.get("enable_ipv6"), path + ".enable_ipv6")) {
            note(m.get("enable_ipv6"), path + ".enable_ipv6", "ignored (dockwire is IPv4 only)");
        }
        YamlNode ipam = m.get("ipam");
        if (ipam != null && ipam.value() != null) {
            ipam(b, ipam, path + ".ipam");
        }
        return b;
    }

    private void ipam(NetworkBuilder b, YamlNode ipam, String path) {
        f.requireMap(ipam, path);
        f.checkKeys(ipam.map(), Set.of("driver", "config", "options"), path);
        String driver = f.optional(ipam, "driver", path);
        if (driver != null && !driver.equals(DEFAULT)) {
            throw f.error(ipam.map().get("driver"), path + ".driver", "IPAM driver \"" + driver
                    + "\" is not supported; valid: default");
        }
        YamlNode config = ipam.map().get("config");
        if (config == null || config.value() == null) {
            return;
        }
        if (!config.isList()) {
            throw f.error(config, path + ".config", "expected a list of {subnet, gateway, ip_range}");
        }
        if (config.list().size() > 1) {
            throw f.error(config.list().get(1), path + ".config[1]", "only one IPv4 subnet per network is modelled");
        }
        for (int i = 0; i < config.list().size(); i++) {
            YamlNode c = config.list().get(i);
            String p = path + ".config[" + i + "]";
            f.requireMap(c, p);
            f.checkKeys(c.map(), Set.of("subnet", "gateway", "ip_range", "aux_addresses"), p);
            b.subnet = f.optional(c, "subnet", p);
            if (b.subnet != null) {
                f.checkSubnet(c.map().get("subnet"), p + ".subnet", b.subnet);
            }
            b.gateway = f.optional(c, "gateway", p);
            if (b.gateway != null) {
                f.checkAddress(c.map().get("gateway"), p + ".gateway", b.gateway);
            }
            b.ipRange = f.optional(c, "ip_range", p);
            if (b.ipRange != null) {
                f.checkSubnet(c.map().get("ip_range"), p + ".ip_range", b.ipRange);
            }
            if ((b.gateway != null || b.ipRange != null) && b.subnet == null) {
                throw f.error(c, p, "gateway and ip_range need a subnet");
            }
            if (c.map().containsKey("aux_addresses")) {
                note(c.map().get("aux_addresses"), p + ".aux_addresses", "ignored (no addresses are reserved)");
            }
        }
    }

    // ---- services -----------------------------------------------------------------------

    private ComposeProject.Service service(String name, YamlNode node) {
        String path = "services." + name;
        f.checkName(node, path, name);
        if (node.value() == null) {
            throw f.error(node, path, "a service needs at least image:");
        }
        f.requireMap(node, path);
        Map<String, YamlNode> m = node.map();
        for (var e : m.entrySet()) {
            String k = e.getKey();
            if (k.equals("restart")) {
                note(e.getValue(), path + ".restart", "ignored (emulated containers do not exit on their own)");
            } else if (k.equals("build") && !m.containsKey("image")) {
                note(e.getValue(), path + ".build", "ignored: no image is built, the service runs image "
                        + name);
            } else if (!SERVICE_KEYS.contains(k) && !k.startsWith("x-")) {
                note(e.getValue(), path + "." + k, "ignored (does not shape the network)");
            }
        }
        String image = f.optional(node, "image", path);
        if (image == null) {
            if (!m.containsKey("build")) {
                throw f.error(node, path, "service \"" + name + "\" has neither an image nor a build context specified");
            }
            image = name;
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
            f.checkName(m.get("container_name"), path + ".container_name", containerName);
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
        return new ComposeProject.Service(name, image, command(m.get("command"), path + ".command"), containerName,
                f.optional(node, "hostname", path), networks, networkMode, ports, expose,
                dependsOn(m.get("depends_on"), path + ".depends_on"), replicas,
                extraHosts(m.get("extra_hosts"), path + ".extra_hosts"),
                m.containsKey("dns") ? f.strings(m.get("dns"), path + ".dns") : List.of(),
                m.containsKey("environment") ? keyValues(m.get("environment"), path + ".environment") : Map.of(),
                healthcheck(m.get("healthcheck"), path + ".healthcheck"), mounts(m.get("volumes"), path + ".volumes"),
                node.line());
    }

    /** Bind mounts of {@code volumes:} in short and long syntax; named volumes shape nothing here and are noted. */
    private List<ComposeProject.Mount> mounts(YamlNode node, String path) {
        List<ComposeProject.Mount> out = new ArrayList<>();
        if (node == null || node.value() == null) {
            return out;
        }
        if (!node.isList()) {
            throw f.error(node, path, "expected a list of volumes (\"./src:/target[:ro]\" or {type: bind, source, target})");
        }
        for (int i = 0; i < node.list().size(); i++) {
            YamlNode v = node.list().get(i);
            String p = path + "[" + i + "]";
            String source;
            String target;
            if (v.isMap()) {
                String type = f.optional(v, "type", p);
                source = f.optional(v, "source", p);
                target = f.optional(v, "target", p);
                if (!"bind".equals(type)) {
                    note(v, p, "ignored (only bind mounts of files are modelled)");
                    continue;
                }
            } else {
                String[] parts = f.scalar(v, p).split(":");
                source = parts[0];
                target = parts.length > 1 ? parts[1] : null;
                if (!source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~")) {
                    note(v, p, "ignored (only bind mounts of files are modelled)");
                    continue;
                }
            }
            if (source == null || target == null || !target.startsWith("/")) {
                throw f.error(v, p, "expected SOURCE:/TARGET[:MODE] with an absolute target, like ./default.conf:/etc/nginx/conf.d/default.conf:ro");
            }
            out.add(new ComposeProject.Mount(source.startsWith("/") ? source
                    : Path.of(f.file()).resolveSibling(source).normalize().toString(), target, v.line()));
        }
        return out;
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
        if (node == null || node.value() == null) {
            out.add(new ComposeProject.ServiceNetwork(DEFAULT, List.of(), null, serviceLine));
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
                    if (!Set.of("aliases", "ipv4_address").contains(k)) {
                        note(v.map().get(k), p + "." + k, "ignored (does not shape the network)");
                    }
                }
                aliases = v.map().containsKey("aliases") ? f.strings(v.map().get("aliases"), p + ".aliases") : List.of();
                ip = f.optional(v, "ipv4_address", p);
                if (ip != null) {
                    f.checkAddress(v.map().get("ipv4_address"), p + ".ipv4_address", ip);
                }
            }
            out.add(new ComposeProject.ServiceNetwork(e.getKey(), aliases, ip, v.line()));
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
                    note(e.getValue(), path + ".deploy." + e.getKey(), "ignored (does not shape the network)");
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
        } else {
            test = List.of("sh", "-c", f.scalar(t, path + ".test"));
        }
        YamlNode retries = node.map().get("retries");
        return new ComposeProject.Healthcheck(test, duration(node, "interval", path, 30_000_000_000L),
                duration(node, "timeout", path, 30_000_000_000L),
                retries == null ? 3 : f.integer(retries, path + ".retries", 1, 1000, "a number of retries"),
                duration(node, "start_period", path, 0));
    }

    private long duration(YamlNode node, String key, String path, long dflt) {
        String v = f.optional(node, key, path);
        try {
            return v == null ? dflt : GoDuration.parse(v);
        } catch (IllegalArgumentException e) {
            throw f.error(node.map().get(key), path + "." + key, e.getMessage());
        }
    }

    /** A mapping or a list of {@code KEY=VALUE} (a bare {@code KEY} maps to an empty value). */
    private Map<String, String> keyValues(YamlNode node, String path) {
        if (node.isMap() || node.value() == null) {
            return stringMap(node, path);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : f.strings(node, path)) {
            int eq = kv.indexOf('=');
            out.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        return out;
    }

    private Map<String, String> stringMap(YamlNode node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.value() == null) {
            return out;
        }
        f.requireMap(node, path);
        for (var e : node.map().entrySet()) {
            YamlNode v = e.getValue();
            out.put(e.getKey(), v.value() == null ? "" : f.scalar(v, path + "." + e.getKey()));
        }
        return out;
    }
}
