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
    static final Set<String> TOP_KEYS = Set.of("name", "seed", "networks", "containers", "steps", "capture", "images",
            "daemon", "compose", "scripts", "outside", "hosts", "subnets");
    private static final Set<String> DAEMON_KEYS = Set.of("engine", "userland-proxy");
    private static final Set<String> NETWORK_KEYS = Set.of("subnet", "gateway", "driver", "impair");
    private static final Set<String> CONTAINER_KEYS = Set.of("image", "networks", "impair", "cap_add", "environment");
    private static final Set<String> QDISC_KINDS = Set.of("netem", "tbf");
    /**
     * A topology's name: compose-go's project-name rule ({@code [a-z0-9][a-z0-9_-]*}) widened to the
     * capitals and spaces its {@code NormalizeProjectName} folds away (the inline project is the name
     * lowercased, spaces dropped). It names the run's directory under captures/, so no '/' or '.'.
     */
    private static final Pattern TOPOLOGY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _-]*");
    private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");

    private final YamlFields f;

    private TopologyLoader(String file) {
        this.f = new YamlFields(file);
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

    /** Parses {@code text}; a referenced compose file or script is read relative to {@code file}'s directory. */
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
        if (top.containsKey("name") && !TOPOLOGY_NAME.matcher(name).matches()) {
            throw error(top.get("name"), "name", "invalid topology name \"" + name + "\": it must contain only letters, "
                    + "decimal digits, spaces, dashes, and underscores, and must begin with a letter or decimal digit");
        }
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
        TopologyIncludes includes = new TopologyIncludes(f, name);
        ComposeProject compose = includes.compose(top.get("compose"));
        List<Topology.ScriptRef> scripts = includes.scripts(top.get("scripts"));
        List<Topology.ContainerSpec> containers = new ArrayList<>();
        YamlNode ctrs = top.get("containers");
        boolean others = compose != null || !scripts.isEmpty();
        if (ctrs == null && !others || ctrs != null && (!ctrs.isMap() || ctrs.map().isEmpty())) {
            throw error(ctrs == null ? root : ctrs, "containers", "expected a mapping of container names to {image, networks}"
                    + (ctrs == null ? " (or a compose: project, or scripts:)" : ""));
        }
        if (ctrs != null) {
            for (var e : ctrs.map().entrySet()) {
                containers.add(container(e.getKey(), e.getValue(), networks));
            }
        }
        List<String> targets = new ArrayList<>(containers.stream().map(Topology.ContainerSpec::name).toList());
        if (compose != null) {
            compose.services().forEach(sv -> targets.add(sv.name()));
        }
        List<Step> steps = new StepsLoader(f).steps(top.get("steps"), "steps", targets,
                compose == null ? "container" : "container or service");
        RunExtras extras = new RunExtras(f);
        Topology.CaptureSpec capture = extras.capture(top.get("capture"), "capture");
        List<Script.ImageDecl> images = extras.images(top.get("images"), "images");
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
        if (top.containsKey("hosts")) {
            YamlNode h = top.get("hosts");
            String count = scalar(h, "hosts");
            try {
                daemon = daemon.withHosts(ScriptParser.hosts("", h.line(), count));
            } catch (TopologyException e) {
                throw error(h, "hosts", "expected a number of hosts 1-" + Daemon.MAX_HOSTS + ", got \"" + count + "\"");
            }
        }
        if (top.containsKey("subnets")) {
            YamlNode sn = top.get("subnets");
            String count = scalar(sn, "subnets");
            try {
                daemon = daemon.withSubnets(ScriptParser.subnets("", sn.line(), count, daemon.hosts()));
            } catch (TopologyException e) {
                throw error(sn, "subnets", "expected a number of subnets 1-" + Math.min(daemon.hosts(), Daemon.MAX_SUBNETS)
                        + " (no more than the hosts), got \"" + count + "\"");
            }
        }
        return new Topology(name, seed, networks, containers, steps, capture, images, daemon, compose, scripts,
                includes.outsideDns(top.get("outside")));
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
        f.checkContainerName(node, path, name);
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
        return new Topology.ContainerSpec(name, image == null ? "alpine" : image, attachments, impair,
                capAdd(node.map().get("cap_add"), path + ".cap_add"), environment(node.map().get("environment"), path + ".environment"),
                node.line());
    }

    /** {@code environment: {POSTGRES_PASSWORD: example}}: as {@code -e NAME=VALUE}, in the order written. */
    private List<String> environment(YamlNode node, String path) {
        List<String> env = new ArrayList<>();
        if (node == null || node.value() == null) {
            return env;
        }
        if (!node.isMap()) {
            throw error(node, path, "expected a mapping NAME: VALUE, like {POSTGRES_PASSWORD: example}");
        }
        for (var e : node.map().entrySet()) {
            env.add(e.getKey() + "=" + scalar(e.getValue(), path + "." + e.getKey()));
        }
        return env;
    }

    /** {@code cap_add: [NET_ADMIN]}: capability names (the engine refuses unknown ones, as dockerd does). */
    private List<String> capAdd(YamlNode node, String path) {
        List<String> caps = new ArrayList<>();
        if (node == null || node.value() == null) {
            return caps;
        }
        if (!node.isList()) {
            throw error(node, path, "expected a list of capabilities, like [NET_ADMIN]");
        }
        for (int i = 0; i < node.list().size(); i++) {
            caps.add(scalar(node.list().get(i), path + "[" + i + "]"));
        }
        return caps;
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

    private void checkName(YamlNode node, String path, String name) {
        f.checkName(node, path, name);
    }

    private void checkAddress(YamlNode node, String path, String text) {
        f.checkAddress(node, path, text);
    }

    private void checkKeys(Map<String, YamlNode> map, Set<String> allowed, String path) {
        f.checkKeys(map, allowed, path);
    }

    private String optional(YamlNode map, String key, String path) {
        return f.optional(map, key, path);
    }

    private String scalar(YamlNode node, String path) {
        return f.scalar(node, path);
    }

    private boolean bool(YamlNode node, String path) {
        return f.bool(node, path);
    }

    private void requireMap(YamlNode node, String path) {
        f.requireMap(node, path);
    }

    private TopologyException error(YamlNode node, String path, String message) {
        return f.error(node, path, message);
    }

    private static List<String> sorted(Set<String> keys) {
        return YamlFields.sorted(keys);
    }
}
