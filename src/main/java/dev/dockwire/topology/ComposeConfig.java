package dev.dockwire.topology;

import dev.dockwire.sim.GoDuration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code docker compose config}: the project as Compose v2 resolves and prints it (compose-go's
 * loader, normalize and the types' YAML marshalling): {@code name:} first; services by name, each
 * key in compose-go's ServiceConfig field order; short syntaxes in their long form (ports,
 * volumes, depends_on, secrets, build); lists of {@code KEY=VALUE} as maps; relative paths made
 * absolute against the file's directory; durations and byte sizes in Go's form; the networks,
 * volumes and secrets the services use, with their engine-side names; {@code $} written {@code $$}.
 */
final class ComposeConfig {
    /** compose-go types.ServiceConfig's fields in declaration order (their YAML names). */
    private static final List<String> SERVICE_ORDER = List.of("profiles", "annotations", "attach", "build", "develop",
            "blkio_config", "cap_add", "cap_drop", "cgroup_parent", "cgroup", "cpu_count", "cpu_percent", "cpu_period",
            "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpus", "cpuset", "cpu_shares", "command", "configs",
            "container_name", "credential_spec", "depends_on", "deploy", "device_cgroup_rules", "devices", "dns", "dns_opt",
            "dns_search", "dockerfile", "domainname", "entrypoint", "environment", "env_file", "expose", "extends",
            "external_links", "extra_hosts", "group_add", "hostname", "healthcheck", "image", "init", "ipc", "isolation",
            "labels", "links", "logging", "log_driver", "log_opt", "mem_limit", "mem_reservation", "mem_swappiness",
            "memswap_limit", "mac_address", "net", "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid",
            "pids_limit", "platform", "ports", "privileged", "pull_policy", "read_only", "restart", "runtime", "scale",
            "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt",
            "sysctls", "tmpfs", "tty", "ulimits", "user", "userns_mode", "uts", "volume_driver", "volumes", "volumes_from",
            "working_dir");
    private static final List<String> BUILD_ORDER = List.of("context", "dockerfile", "dockerfile_inline", "entitlements",
            "args", "ssh", "labels", "cache_from", "cache_to", "no_cache", "additional_contexts", "pull", "network",
            "shm_size", "target", "secrets", "extra_hosts", "isolation", "privileged", "platforms", "tags", "ulimits");
    private static final List<String> HEALTHCHECK_ORDER = List.of("test", "timeout", "interval", "retries", "start_period",
            "start_interval", "disable");
    private static final List<String> SERVICE_NETWORK_ORDER = List.of("aliases", "ipv4_address", "ipv6_address",
            "link_local_ips", "mac_address", "driver_opts", "priority", "gw_priority");
    private static final List<String> NETWORK_ORDER = List.of("name", "driver", "driver_opts", "ipam", "external",
            "internal", "attachable", "labels", "enable_ipv6");
    private static final Set<String> DURATIONS = Set.of("stop_grace_period", "interval", "timeout", "start_period",
            "start_interval");
    private static final Set<String> KEY_VALUE_MAPS = Set.of("environment", "labels", "sysctls", "args", "annotations",
            "driver_opts", "storage_opt");

    private final String project;
    private final Path dir;
    private final String home;

    ComposeConfig(String project, String file, String home) {
        this.project = project;
        this.dir = Path.of(file).toAbsolutePath().normalize().getParent();
        this.home = home;
    }

    /** The resolved model of {@code root} (interpolated), keeping the services in {@code services}. */
    List<String> render(YamlNode root, Set<String> services) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", project);
        Map<String, YamlNode> top = root.map();
        Map<String, Object> svcs = new TreeMap<>();
        Set<String> usedNetworks = new LinkedHashSet<>();
        Set<String> usedVolumes = new LinkedHashSet<>();
        Set<String> usedSecrets = new LinkedHashSet<>();
        Set<String> usedConfigs = new LinkedHashSet<>();
        for (var e : top.get("services").map().entrySet()) {
            if (services.contains(e.getKey())) {
                Map<String, Object> s = service(e.getValue());
                svcs.put(e.getKey(), s);
                if (s.get("networks") instanceof Map<?, ?> n) {
                    n.keySet().forEach(k -> usedNetworks.add(k.toString()));
                }
                if (s.get("volumes") instanceof List<?> vs) {
                    for (Object v : vs) {
                        if (v instanceof Map<?, ?> m && "volume".equals(m.get("type")) && m.get("source") != null) {
                            usedVolumes.add(m.get("source").toString());
                        }
                    }
                }
                refs(s.get("secrets"), usedSecrets);
                refs(s.get("configs"), usedConfigs);
            }
        }
        out.put("services", svcs);
        Map<String, Object> networks = resources(top.get("networks"), usedNetworks, true);
        if (usedNetworks.contains("default") && !networks.containsKey("default")) {
            networks.put("default", new LinkedHashMap<>(Map.of("name", project + "_default")));
        }
        putIfAny(out, "networks", sorted(networks));
        putIfAny(out, "volumes", resources(top.get("volumes"), usedVolumes, false));
        putIfAny(out, "secrets", resources(top.get("secrets"), usedSecrets, false));
        putIfAny(out, "configs", resources(top.get("configs"), usedConfigs, false));
        return YamlWriter.write(out);
    }

    private static void refs(Object list, Set<String> used) {
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.get("source") != null) {
                    used.add(m.get("source").toString());
                }
            }
        }
    }

    private static void putIfAny(Map<String, Object> out, String key, Map<String, Object> m) {
        if (!m.isEmpty()) {
            out.put(key, m);
        }
    }

    private static Map<String, Object> sorted(Map<String, Object> m) {
        return new TreeMap<>(m);
    }

    /** Top-level networks, volumes, secrets or configs that are used: each with its engine-side {@code name:}. */
    private Map<String, Object> resources(YamlNode node, Set<String> used, boolean network) {
        Map<String, Object> out = new TreeMap<>();
        if (node == null || !node.isMap()) {
            return out;
        }
        for (var e : node.map().entrySet()) {
            if (!used.contains(e.getKey())) {
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            Map<String, YamlNode> m = e.getValue().map();
            boolean external = m.containsKey("external") && (m.get("external").isMap() || "true".equals(m.get("external").text()));
            String name = m.containsKey("name") ? m.get("name").text()
                    : external && m.get("external").isMap() && m.get("external").map().containsKey("name")
                    ? m.get("external").map().get("name").text() : external ? e.getKey() : project + "_" + e.getKey();
            r.put("name", name);
            for (String k : network ? NETWORK_ORDER : List.of("driver", "driver_opts", "external", "labels", "file",
                    "environment", "content")) {
                if (k.equals("name") || !m.containsKey(k)) {
                    continue;
                }
                YamlNode v = m.get(k);
                r.put(k, switch (k) {
                    case "external" -> true;
                    case "internal", "attachable", "enable_ipv6" -> Boolean.parseBoolean(v.text());
                    case "file" -> hostPath(v.text());
                    case "driver_opts", "labels" -> keyValues(v);
                    default -> generic(v);
                });
            }
            out.put(e.getKey(), r);
        }
        return out;
    }

    private Map<String, Object> service(YamlNode node) {
        Map<String, YamlNode> m = node.map();
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(SERVICE_ORDER);
        m.keySet().stream().filter(k -> !keys.contains(k) && !k.startsWith("x-")).sorted().forEach(keys::add);
        for (String k : keys) {
            YamlNode v = m.get(k);
            if (k.equals("networks") && !m.containsKey("network_mode")) {
                out.put(k, serviceNetworks(v));
                continue;
            }
            if (k.equals("depends_on") && m.containsKey("links")) {
                out.put(k, linkDependencies(v == null ? new TreeMap<>() : dependsOn(v), m.get("links")));
                continue;
            }
            if (v == null) {
                continue;
            }
            out.put(k, switch (k) {
                case "build" -> build(v);
                case "command", "entrypoint" -> v.isList() ? strings(v) : ShellWords.split(v.text());
                case "depends_on" -> dependsOn(v);
                case "deploy" -> deploy(v);
                case "healthcheck" -> healthcheck(v);
                case "ports" -> ports(v);
                case "volumes" -> volumes(v);
                case "secrets" -> fileRefs(v, "/run/secrets/");
                case "configs" -> fileRefs(v, "/");
                case "extra_hosts" -> extraHosts(v);
                case "dns", "dns_search", "cap_add", "cap_drop", "profiles", "expose", "dns_opt", "external_links", "links",
                        "security_opt", "tmpfs" -> v.isList() ? strings(v) : List.of(v.text());
                case "stdin_open", "tty", "privileged", "init", "read_only" -> Boolean.parseBoolean(v.text());
                case "scale" -> Integer.parseInt(v.text());
                case "ulimits" -> ulimits(v);
                case "devices" -> v.isList() ? v.list().stream().map(x -> x.isMap() ? generic(x) : escape(x.text())).toList() : generic(v);
                default -> KEY_VALUE_MAPS.contains(k) ? keyValues(v) : DURATIONS.contains(k) ? duration(v.text()) : generic(v);
            });
        }
        return out;
    }

    /**
     * compose-go's UlimitsConfig: a map sorted by name (Go's map order), a single limit as the number,
     * else {@code soft} then {@code hard}, numbers both.
     */
    private static Object ulimits(YamlNode v) {
        if (!v.isMap()) {
            return generic(v);
        }
        Map<String, Object> out = new TreeMap<>();
        v.map().forEach((name, x) -> {
            if (x.isMap()) {
                Map<String, Object> limits = new LinkedHashMap<>();
                for (String k : List.of("soft", "hard")) {
                    YamlNode n = x.map().get(k);
                    limits.put(k, n == null ? 0L : number(n.text()));
                }
                out.put(name, limits);
            } else {
                out.put(name, number(x.text()));
            }
        });
        return out;
    }

    private static Object number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s; // the loader refuses it before config prints
        }
    }

    private static Object generic(YamlNode v) {
        if (v.isMap()) {
            Map<String, Object> out = new LinkedHashMap<>();
            v.map().forEach((k, x) -> out.put(k, generic(x)));
            return out;
        }
        if (v.isList()) {
            return v.list().stream().map(ComposeConfig::generic).toList();
        }
        return v.text() == null ? null : escape(v.text());
    }

    /** compose-go writes a literal {@code $} back as {@code $$}, so the output loads again to the same model. */
    private static String escape(String s) {
        return s.replace("$", "$$");
    }

    private static List<String> strings(YamlNode v) {
        return v.list().stream().map(x -> escape(x.text() == null ? "" : x.text())).toList();
    }

    /** {@code [K=V, K]} or {@code {K: V}} as a map sorted by key; a key without value is null. */
    private static Map<String, Object> keyValues(YamlNode v) {
        Map<String, Object> out = new TreeMap<>();
        if (v.isList()) {
            for (YamlNode x : v.list()) {
                String t = x.text();
                int eq = t.indexOf('=');
                out.put(eq < 0 ? t : t.substring(0, eq), eq < 0 ? null : escape(t.substring(eq + 1)));
            }
        } else {
            v.map().forEach((k, x) -> out.put(k, x.text() == null ? null : escape(x.text())));
        }
        return out;
    }

    private Map<String, Object> build(YamlNode v) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!v.isMap()) {
            out.put("context", hostPath(v.text()));
            out.put("dockerfile", "Dockerfile");
            return out;
        }
        Map<String, YamlNode> m = v.map();
        out.put("context", hostPath(m.containsKey("context") ? m.get("context").text() : "."));
        out.put("dockerfile", m.containsKey("dockerfile") ? m.get("dockerfile").text() : "Dockerfile");
        for (String k : BUILD_ORDER) {
            if (m.containsKey(k) && !k.equals("context") && !k.equals("dockerfile")) {
                out.put(k, k.equals("args") || k.equals("labels") ? keyValues(m.get(k)) : generic(m.get(k)));
            }
        }
        return out;
    }

    private static Map<String, Object> serviceNetworks(YamlNode v) {
        Map<String, Object> out = new TreeMap<>();
        if (v == null || v.isList() && v.list().isEmpty() || v.isMap() && v.map().isEmpty() || v.value() == null) {
            out.put("default", null);
        } else if (v.isList()) {
            v.list().forEach(x -> out.put(x.text(), null));
        } else {
            v.map().forEach((k, x) -> {
                if (!x.isMap()) {
                    out.put(k, null);
                    return;
                }
                Map<String, Object> n = new LinkedHashMap<>();
                for (String f : SERVICE_NETWORK_ORDER) {
                    if (x.map().containsKey(f)) {
                        n.put(f, f.equals("priority") || f.equals("gw_priority") ? Integer.parseInt(x.map().get(f).text())
                                : generic(x.map().get(f)));
                    }
                }
                out.put(k, n);
            });
        }
        return out;
    }

    private static Map<String, Object> dependsOn(YamlNode v) {
        Map<String, Object> out = new TreeMap<>();
        if (v.isList()) {
            v.list().forEach(x -> out.put(x.text(), dependency(Map.of())));
        } else {
            v.map().forEach((k, x) -> out.put(k, dependency(x.map())));
        }
        return out;
    }

    /**
     * compose-go's normalize: each {@code links:} entry's service becomes a dependency unless one
     * is written ({@code service_started}, restart and required).
     */
    private static Map<String, Object> linkDependencies(Map<String, Object> deps, YamlNode links) {
        for (String link : links.isList() ? strings(links) : List.of(links.text())) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("condition", "service_started");
            d.put("restart", true);
            d.put("required", true);
            deps.putIfAbsent(link.split(":", 2)[0], d);
        }
        return deps;
    }

    private static Map<String, Object> dependency(Map<String, YamlNode> m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("condition", m.containsKey("condition") ? m.get("condition").text() : "service_started");
        if (m.containsKey("restart") && Boolean.parseBoolean(m.get("restart").text())) {
            d.put("restart", true);
        }
        d.put("required", !m.containsKey("required") || Boolean.parseBoolean(m.get("required").text()));
        return d;
    }

    private static Object deploy(YamlNode v) {
        Object g = generic(v);
        normalizeBytes(g);
        return g;
    }

    /** deploy.resources' memory values as a number of bytes (compose-go's UnitBytes, go-units RAMInBytes). */
    @SuppressWarnings("unchecked")
    private static void normalizeBytes(Object o) {
        if (o instanceof Map<?, ?> m) {
            for (var e : ((Map<String, Object>) m).entrySet()) {
                if (e.getKey().equals("memory") && e.getValue() instanceof String s) {
                    e.setValue(Long.toString(ramInBytes(s)));
                } else if (e.getKey().equals("replicas") && e.getValue() instanceof String s) {
                    e.setValue(Integer.parseInt(s));
                } else {
                    normalizeBytes(e.getValue());
                }
            }
        }
    }

    private static long ramInBytes(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        double n = Double.parseDouble(t.substring(0, i));
        String unit = t.substring(i).replaceFirst("i?b$", "");
        int power = switch (unit) {
            case "k" -> 1;
            case "m" -> 2;
            case "g" -> 3;
            case "t" -> 4;
            case "p" -> 5;
            default -> 0;
        };
        return (long) (n * Math.pow(1024, power));
    }

    private static Map<String, Object> healthcheck(YamlNode v) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, YamlNode> m = v.map();
        for (String k : HEALTHCHECK_ORDER) {
            YamlNode x = m.get(k);
            if (x == null) {
                continue;
            }
            out.put(k, switch (k) {
                case "test" -> x.isList() ? strings(x) : List.of("CMD-SHELL", escape(x.text()));
                case "retries" -> Integer.parseInt(x.text());
                case "disable" -> Boolean.parseBoolean(x.text());
                default -> duration(x.text());
            });
        }
        return out;
    }

    /** Go's time.Duration String(): {@code 1m30s}, {@code 1m0s}, {@code 500ms}. */
    static String duration(String text) {
        long nanos = GoDuration.parse(text);
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000_000_000L) {
            return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + "ms" : nanos % 1000 == 0 ? nanos / 1000 + "µs" : nanos + "ns";
        }
        long h = nanos / 3_600_000_000_000L;
        long min = nanos / 60_000_000_000L % 60;
        long ns = nanos % 60_000_000_000L;
        String sec = ns % 1_000_000_000L == 0 ? Long.toString(ns / 1_000_000_000L)
                : String.format(Locale.ROOT, "%.9f", ns / 1e9).replaceFirst("0+$", "");
        return (h > 0 ? h + "h" + min + "m" : min > 0 ? min + "m" : "") + sec + "s";
    }

    private static List<Object> ports(YamlNode v) {
        List<Object> out = new ArrayList<>();
        for (YamlNode p : v.list()) {
            if (p.isMap()) {
                Map<String, YamlNode> m = p.map();
                Map<String, Object> port = new LinkedHashMap<>();
                if (m.containsKey("name")) {
                    port.put("name", m.get("name").text());
                }
                port.put("mode", m.containsKey("mode") ? m.get("mode").text() : "ingress");
                if (m.containsKey("host_ip")) {
                    port.put("host_ip", m.get("host_ip").text());
                }
                port.put("target", Integer.parseInt(m.get("target").text()));
                if (m.containsKey("published")) {
                    port.put("published", m.get("published").text());
                }
                port.put("protocol", m.containsKey("protocol") ? m.get("protocol").text() : "tcp");
                if (m.containsKey("app_protocol")) {
                    port.put("app_protocol", m.get("app_protocol").text());
                }
                out.add(port);
            } else {
                out.addAll(shortPort(p.text()));
            }
        }
        return out;
    }

    /** A short-syntax port as docker/go-connections nat.ParsePortSpec expands it: one entry per container port. */
    private static List<Object> shortPort(String spec) {
        String proto = "tcp";
        String body = spec;
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            proto = spec.substring(slash + 1);
            body = spec.substring(0, slash);
        }
        String[] parts = body.split(":", -1);
        String container = parts[parts.length - 1];
        String host = parts.length >= 2 ? parts[parts.length - 2] : "";
        String ip = parts.length == 3 ? parts[0] : "";
        int[] c = range(container);
        int[] h = host.isEmpty() ? null : range(host);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i <= c[1] - c[0]; i++) {
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("mode", "ingress");
            if (!ip.isEmpty()) {
                port.put("host_ip", ip);
            }
            port.put("target", c[0] + i);
            if (h != null) {
                port.put("published", c[0] == c[1] ? host : Integer.toString(h[0] + i));
            }
            port.put("protocol", proto);
            out.add(port);
        }
        return out;
    }

    private static int[] range(String s) {
        int dash = s.indexOf('-');
        return dash < 0 ? new int[] {Integer.parseInt(s), Integer.parseInt(s)}
                : new int[] {Integer.parseInt(s.substring(0, dash)), Integer.parseInt(s.substring(dash + 1))};
    }

    private List<Object> volumes(YamlNode v) {
        List<Object> out = new ArrayList<>();
        for (YamlNode x : v.list()) {
            Map<String, Object> vol = new LinkedHashMap<>();
            if (x.isMap()) {
                Map<String, YamlNode> m = x.map();
                String type = m.containsKey("type") ? m.get("type").text() : "volume";
                vol.put("type", type);
                if (m.containsKey("source")) {
                    vol.put("source", type.equals("bind") ? hostPath(m.get("source").text()) : m.get("source").text());
                }
                vol.put("target", m.get("target").text());
                if (m.containsKey("read_only")) {
                    vol.put("read_only", Boolean.parseBoolean(m.get("read_only").text()));
                }
                for (String k : List.of("consistency", "bind", "volume", "tmpfs")) {
                    if (m.containsKey(k)) {
                        vol.put(k, generic(m.get(k)));
                    }
                }
                out.add(vol);
                continue;
            }
            String[] parts = x.text().split(":");
            if (parts.length == 1) {
                vol.put("type", "volume");
                vol.put("target", parts[0]);
                vol.put("volume", Map.of());
                out.add(vol);
                continue;
            }
            String source = parts[0];
            boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
            vol.put("type", bind ? "bind" : "volume");
            vol.put("source", bind ? hostPath(source) : source);
            vol.put("target", Path.of(parts[1]).normalize().toString());
            if (parts.length > 2 && List.of(parts[2].split(",")).contains("ro")) {
                vol.put("read_only", true);
            }
            vol.put(bind ? "bind" : "volume", bind ? Map.of("create_host_path", true) : Map.of());
            out.add(vol);
        }
        return out;
    }

    private static List<Object> fileRefs(YamlNode v, String targetDir) {
        List<Object> out = new ArrayList<>();
        for (YamlNode x : v.list()) {
            Map<String, Object> ref = new LinkedHashMap<>();
            if (x.isMap()) {
                x.map().forEach((k, y) -> ref.put(k, generic(y)));
                if (!ref.containsKey("target") && targetDir.equals("/run/secrets/")) {
                    ref.put("target", targetDir + ref.get("source"));
                }
            } else {
                ref.put("source", x.text());
                ref.put("target", targetDir + x.text());
            }
            out.add(ref);
        }
        return out;
    }

    /** {@code host:ip} and {@code host=ip} written as compose-go v2 keeps them: {@code host=ip}, sorted. */
    private static List<String> extraHosts(YamlNode v) {
        List<String> out = new ArrayList<>();
        if (v.isMap()) {
            v.map().forEach((k, x) -> out.add(k + "=" + x.text()));
        } else {
            for (YamlNode x : v.list()) {
                String t = x.text();
                int eq = t.indexOf('=');
                int colon = t.indexOf(':');
                out.add(eq >= 0 ? t : colon >= 0 ? t.substring(0, colon) + "=" + t.substring(colon + 1) : t);
            }
        }
        out.sort(null);
        return out;
    }

    /** A host path as compose-go resolves it: {@code ~} is the home, a relative path is joined to the file's directory. */
    private String hostPath(String p) {
        if (p.equals("~") || p.startsWith("~/")) {
            return home + p.substring(1);
        }
        if (p.startsWith("/") || p.contains("://") || p.startsWith("git@")) {
            return p;
        }
        return dir.resolve(p).normalize().toString();
    }
}
