package dev.dockwire.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads and validates our topology YAML. Every error names the file, the line and the key path,
 * and says what would be valid. Addresses are checked for syntax here; whether they fit the
 * network is the engine's check, reported with the same location by the runner.
 */
public final class TopologyLoader {
    private static final Set<String> TOP_KEYS = Set.of("name", "seed", "networks", "containers", "steps", "capture", "images",
            "daemon");
    private static final Set<String> DAEMON_KEYS = Set.of("engine", "userland-proxy");
    private static final Set<String> NETWORK_KEYS = Set.of("subnet", "gateway", "driver", "impair");
    private static final Set<String> CONTAINER_KEYS = Set.of("image", "networks", "impair");
    private static final Set<String> STEP_KEYS = Set.of("exec", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("status", "contains");
    private static final Set<String> CAPTURE_KEYS = Set.of("bridges", "loopback", "host", "filter");
    private static final Set<String> QDISC_KINDS = Set.of("netem", "tbf");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");

    private final String file;

    private TopologyLoader(String file) {
        this.file = file;
    }

    public static Topology load(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new TopologyException(path.toString(), 0, "", "cannot read file: " + e.getMessage());
        }
        String base = path.getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
        return parse(path.toString(), base, text);
    }

    public static Topology parse(String file, String defaultName, String text) {
        return new TopologyLoader(file).topology(YamlReader.read(file, text), defaultName);
    }

    private Topology topology(YamlNode root, String defaultName) {
        if (!root.isMap()) {
            throw error(root, "", "expected a mapping with keys " + sorted(TOP_KEYS));
        }
        Map<String, YamlNode> top = root.map();
        checkKeys(top, TOP_KEYS, "");
        String name = top.containsKey("name") ? scalar(top.get("name"), "name") : defaultName;
        long seed = 1;
        if (top.containsKey("seed")) {
            String s = scalar(top.get("seed"), "seed");
            try {
                seed = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw error(top.get("seed"), "seed", "invalid seed \"" + s + "\": expected an integer");
            }
        }
        List<Topology.NetworkSpec> networks = new ArrayList<>();
        YamlNode nets = top.get("networks");
        if (nets != null && nets.value() != null) {
            requireMap(nets, "networks");
            for (var e : nets.map().entrySet()) {
                networks.add(network(e.getKey(), e.getValue()));
            }
        }
        List<Topology.ContainerSpec> containers = new ArrayList<>();
        YamlNode ctrs = top.get("containers");
        if (ctrs == null || !ctrs.isMap() || ctrs.map().isEmpty()) {
            throw error(ctrs == null ? root : ctrs, "containers", "expected a mapping of container names to {image, networks}");
        }
        for (var e : ctrs.map().entrySet()) {
            containers.add(container(e.getKey(), e.getValue(), networks));
        }
        List<Topology.Step> steps = new ArrayList<>();
        YamlNode st = top.get("steps");
        if (st != null && st.value() != null) {
            if (!st.isList()) {
                throw error(st, "steps", "expected a list of {exec: \"CONTAINER COMMAND...\", expect: {...}}");
            }
            for (int i = 0; i < st.list().size(); i++) {
                steps.add(step(st.list().get(i), "steps[" + i + "]", containers));
            }
        }
        Topology.CaptureSpec capture = new Topology.CaptureSpec(true, null);
        YamlNode cap = top.get("capture");
        if (cap != null && cap.value() != null) {
            requireMap(cap, "capture");
            checkKeys(cap.map(), CAPTURE_KEYS, "capture");
            boolean bridges = !cap.map().containsKey("bridges") || bool(cap.map().get("bridges"), "capture.bridges");
            boolean loopback = cap.map().containsKey("loopback") && bool(cap.map().get("loopback"), "capture.loopback");
            boolean host = cap.map().containsKey("host") && bool(cap.map().get("host"), "capture.host");
            String filter = cap.map().containsKey("filter") ? scalar(cap.map().get("filter"), "capture.filter") : null;
            capture = new Topology.CaptureSpec(bridges, loopback, host, filter);
        }
        List<Script.ImageDecl> images = new ArrayList<>();
        YamlNode img = top.get("images");
        if (img != null && img.value() != null) {
            requireMap(img, "images");
            for (var e : img.map().entrySet()) {
                images.add(image(e.getKey(), e.getValue()));
            }
        }
        Daemon daemon = Daemon.DEFAULT;
        YamlNode dm = top.get("daemon");
        if (dm != null && dm.value() != null) {
            requireMap(dm, "daemon");
            checkKeys(dm.map(), DAEMON_KEYS, "daemon");
            if (dm.map().containsKey("engine")) {
                String engine = scalar(dm.map().get("engine"), "daemon.engine");
                if (!Daemon.ENGINES.contains(engine)) {
                    throw error(dm.map().get("engine"), "daemon.engine", "unknown engine \"" + engine + "\": expected docker-28 or docker-27");
                }
                daemon = daemon.withEngine(engine);
            }
            if (dm.map().containsKey("userland-proxy")) {
                daemon = daemon.withUserlandProxy(bool(dm.map().get("userland-proxy"), "daemon.userland-proxy"));
            }
        }
        return new Topology(name, seed, networks, containers, steps, capture, images, daemon);
    }

    /** {@code images: {nodeserver:1: {http: 8080, answer: hostname}}} (or {@code answer: some text}). */
    private Script.ImageDecl image(String name, YamlNode node) {
        String path = "images." + name;
        requireMap(node, path);
        checkKeys(node.map(), Set.of("http", "answer"), path);
        String port = optional(node, "http", path);
        if (port == null) {
            throw error(node, path + ".http", "missing: the port the image's HTTP server listens on");
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw error(node.map().get("http"), path + ".http", "expected a port 1-65535, got \"" + port + "\"");
        }
        String answer = optional(node, "answer", path);
        return new Script.ImageDecl(name, p, answer == null || answer.equals("hostname") ? null : answer);
    }

    private Topology.NetworkSpec network(String name, YamlNode node) {
        String path = "networks." + name;
        checkName(node, path, name);
        if (name.equals("bridge") || name.equals("host") || name.equals("none")) {
            throw error(node, path, "\"" + name + "\" is a predefined network; choose another name");
        }
        if (node.value() == null) {
            return new Topology.NetworkSpec(name, null, null, null, node.line());
        }
        requireMap(node, path);
        checkKeys(node.map(), NETWORK_KEYS, path);
        String driver = optional(node, "driver", path);
        if (driver != null && !driver.equals("bridge")) {
            throw error(node.map().get("driver"), path + ".driver", "unsupported driver \"" + driver
                    + "\": this version supports bridge");
        }
        String subnet = optional(node, "subnet", path);
        if (subnet != null && !CIDR.matcher(subnet).matches()) {
            throw error(node.map().get("subnet"), path + ".subnet", "invalid CIDR \"" + subnet
                    + "\": expected an IPv4 prefix like 172.18.0.0/16");
        }
        if (subnet != null) {
            checkAddress(node.map().get("subnet"), path + ".subnet", subnet.substring(0, subnet.indexOf('/')));
            int len = Integer.parseInt(subnet.substring(subnet.indexOf('/') + 1));
            if (len > 30) {
                throw error(node.map().get("subnet"), path + ".subnet", "prefix /" + len + " is too small for a network: use /30 or larger");
            }
        }
        String gateway = optional(node, "gateway", path);
        if (gateway != null) {
            checkAddress(node.map().get("gateway"), path + ".gateway", gateway);
            if (subnet == null) {
                throw error(node.map().get("gateway"), path + ".gateway", "a gateway needs a subnet");
            }
        }
        YamlNode impair = node.map().get("impair");
        return new Topology.NetworkSpec(name, subnet, gateway,
                impair == null || impair.value() == null ? null : impairment(impair, path + ".impair", null), node.line());
    }

    private Topology.ContainerSpec container(String name, YamlNode node, List<Topology.NetworkSpec> networks) {
        String path = "containers." + name;
        checkName(node, path, name);
        requireMap(node, path);
        checkKeys(node.map(), CONTAINER_KEYS, path);
        String image = optional(node, "image", path);
        List<Topology.Attachment> attachments = new ArrayList<>();
        YamlNode nets = node.map().get("networks");
        if (nets != null && nets.value() != null) {
            if (nets.isList()) {
                for (int i = 0; i < nets.list().size(); i++) {
                    YamlNode n = nets.list().get(i);
                    attachments.add(new Topology.Attachment(networkRef(n, path + ".networks[" + i + "]", scalar(n, path + ".networks[" + i + "]"), networks), null));
                }
            } else if (nets.isMap()) {
                for (var e : nets.map().entrySet()) {
                    String p = path + ".networks." + e.getKey();
                    String net = networkRef(e.getValue(), p, e.getKey(), networks);
                    String ip = null;
                    if (e.getValue().value() != null) {
                        requireMap(e.getValue(), p);
                        checkKeys(e.getValue().map(), Set.of("ip"), p);
                        ip = optional(e.getValue(), "ip", p);
                        if (ip != null) {
                            checkAddress(e.getValue().map().get("ip"), p + ".ip", ip);
                        }
                    }
                    attachments.add(new Topology.Attachment(net, ip));
                }
            } else {
                throw error(nets, path + ".networks", "expected a list of network names or a mapping NAME: {ip: A.B.C.D}");
            }
        }
        List<Topology.Impairment> impair = new ArrayList<>();
        YamlNode imp = node.map().get("impair");
        if (imp != null && imp.value() != null) {
            if (!imp.isMap()) {
                throw error(imp, path + ".impair", "expected a mapping of interface names to qdiscs, like eth0: \"netem delay 50ms\"");
            }
            for (var e : imp.map().entrySet()) {
                String p = path + ".impair." + e.getKey();
                // Docker names the interfaces eth0, eth1, ... in connect order; a container on no network is on bridge.
                List<String> ifnames = new ArrayList<>(List.of("lo"));
                for (int i = 0; i < Math.max(1, attachments.size()); i++) {
                    ifnames.add("eth" + i);
                }
                if (!ifnames.contains(e.getKey())) {
                    throw error(e.getValue(), p, "no interface \"" + e.getKey() + "\" in this container: it has " + ifnames
                            + " (eth0, eth1, ... in the order of its networks)");
                }
                impair.add(impairment(e.getValue(), p, e.getKey()));
            }
        }
        return new Topology.ContainerSpec(name, image == null ? "alpine" : image, attachments, impair, node.line());
    }

    /**
     * {@code "netem delay 50ms 5ms loss 1%"}: what follows {@code tc qdisc add dev DEV root}. Only
     * the kind is checked here; the options are tc's to judge when the qdisc is added.
     */
    private Topology.Impairment impairment(YamlNode node, String path, String dev) {
        String text = scalar(node, path);
        List<String> words;
        try {
            words = ShellWords.split(text);
        } catch (IllegalArgumentException e) {
            throw error(node, path, e.getMessage());
        }
        if (words.isEmpty() || !QDISC_KINDS.contains(words.get(0))) {
            throw error(node, path, "unknown qdisc \"" + (words.isEmpty() ? "" : words.get(0)) + "\": expected "
                    + sorted(QDISC_KINDS) + " and its options, like \"netem delay 50ms 5ms loss 1%\" or "
                    + "\"tbf rate 10mbit burst 32kbit latency 400ms\"");
        }
        return new Topology.Impairment(dev, words.get(0), List.copyOf(words.subList(1, words.size())), path, node.line());
    }

    private String networkRef(YamlNode node, String path, String name, List<Topology.NetworkSpec> networks) {
        if (!name.equals("bridge") && networks.stream().noneMatch(n -> n.name().equals(name))) {
            throw error(node, path, "unknown network \"" + name + "\": declare it under networks (or use bridge); declared: "
                    + networks.stream().map(Topology.NetworkSpec::name).toList());
        }
        return name;
    }

    private Topology.Step step(YamlNode node, String path, List<Topology.ContainerSpec> containers) {
        requireMap(node, path);
        checkKeys(node.map(), STEP_KEYS, path);
        String exec = optional(node, "exec", path);
        if (exec == null) {
            throw error(node, path + ".exec", "missing: a step is exec: \"CONTAINER COMMAND ARGS...\"");
        }
        List<String> words;
        try {
            words = ShellWords.split(exec);
        } catch (IllegalArgumentException e) {
            throw error(node.map().get("exec"), path + ".exec", e.getMessage());
        }
        if (words.size() < 2) {
            throw error(node.map().get("exec"), path + ".exec", "expected \"CONTAINER COMMAND ARGS...\", got \"" + exec + "\"");
        }
        String ctr = words.get(0);
        if (containers.stream().noneMatch(c -> c.name().equals(ctr))) {
            throw error(node.map().get("exec"), path + ".exec", "unknown container \"" + ctr + "\"; declared: "
                    + containers.stream().map(Topology.ContainerSpec::name).toList());
        }
        Integer status = null;
        List<String> contains = new ArrayList<>();
        YamlNode expect = node.map().get("expect");
        if (expect != null && expect.value() != null) {
            requireMap(expect, path + ".expect");
            checkKeys(expect.map(), EXPECT_KEYS, path + ".expect");
            String s = optional(expect, "status", path + ".expect");
            if (s != null) {
                try {
                    status = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw error(expect.map().get("status"), path + ".expect.status", "expected an exit status 0-255, got \"" + s + "\"");
                }
            }
            YamlNode c = expect.map().get("contains");
            if (c != null) {
                if (c.isList()) {
                    for (int i = 0; i < c.list().size(); i++) {
                        contains.add(scalar(c.list().get(i), path + ".expect.contains[" + i + "]"));
                    }
                } else {
                    contains.add(scalar(c, path + ".expect.contains"));
                }
            }
        }
        return new Topology.Step(ctr, words.subList(1, words.size()), status, contains, node.line());
    }

    private void checkName(YamlNode node, String path, String name) {
        if (!NAME.matcher(name).matches()) {
            throw error(node, path, "invalid name \"" + name + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
    }

    private void checkAddress(YamlNode node, String path, String text) {
        if (!DOTTED_QUAD.matcher(text).matches()) {
            throw error(node, path, "invalid IPv4 address \"" + text + "\": expected four octets 0-255 like 172.18.0.2");
        }
    }

    private void checkKeys(Map<String, YamlNode> map, Set<String> allowed, String path) {
        for (var e : map.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                throw error(e.getValue(), at, "unknown key \"" + e.getKey() + "\"; valid keys: " + sorted(allowed));
            }
        }
    }

    private String optional(YamlNode map, String key, String path) {
        YamlNode v = map.map().get(key);
        return v == null || v.value() == null ? null : scalar(v, path + "." + key);
    }

    private String scalar(YamlNode node, String path) {
        if (!node.isScalar() || node.value() == null) {
            throw error(node, path, "expected a single value, got " + (node.isMap() ? "a mapping" : node.isList() ? "a list" : "nothing"));
        }
        return node.text();
    }

    private boolean bool(YamlNode node, String path) {
        String s = scalar(node, path);
        return switch (s) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(node, path, "expected true or false, got \"" + s + "\"");
        };
    }

    private void requireMap(YamlNode node, String path) {
        if (!node.isMap()) {
            throw error(node, path, "expected a mapping");
        }
    }

    private TopologyException error(YamlNode node, String path, String message) {
        return new TopologyException(file, node.line(), path, message);
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
