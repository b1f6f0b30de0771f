package dev.dockwire.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parts of our topology YAML that bring in more than networks and containers: a compose
 * project ({@code compose: FILE} relative to the topology, or the compose file inline),
 * {@code scripts: [FILE...]} and {@code outside: {dns: {NAME: IP}}}.
 */
final class TopologyIncludes {
    private final YamlFields f;
    private final String name;

    TopologyIncludes(YamlFields f, String name) {
        this.f = f;
        this.name = name;
    }

    private Path sibling(String ref) {
        Path parent = Path.of(f.file()).getParent();
        return parent == null ? Path.of(ref) : parent.resolve(ref);
    }

    ComposeProject compose(YamlNode node) {
        if (node == null || node.value() == null) {
            return null;
        }
        if (node.isMap()) {
            Path env = sibling(".env");
            Map<String, String> vars = Files.isRegularFile(env) ? DotEnv.parse(env.toString(), read(env, node, "compose")) : Map.of();
            String dir = name.toLowerCase(Locale.ROOT);
            return ComposeLoader.fromNode(f.file(), node, vars, dir, null);
        }
        Path file = sibling(f.scalar(node, "compose"));
        if (!Files.isRegularFile(file)) {
            throw f.error(node, "compose", "no compose file " + file + ": give a path relative to this file, or the compose file inline");
        }
        return ComposeLoader.load(file, null);
    }

    List<Topology.ScriptRef> scripts(YamlNode node) {
        List<Topology.ScriptRef> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        List<String> refs = f.strings(node, "scripts");
        for (int i = 0; i < refs.size(); i++) {
            YamlNode at = node.isList() ? node.list().get(i) : node;
            Path p = sibling(refs.get(i));
            String base = p.getFileName().toString().replaceFirst("\\.[A-Za-z]+$", "");
            out.add(new Topology.ScriptRef(p.toString(), ScriptParser.parse(p.toString(), base, read(p, at, "scripts[" + i + "]"))));
        }
        return out;
    }

    Map<String, String> outsideDns(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.value() == null) {
            return out;
        }
        f.requireMap(node, "outside");
        f.checkKeys(node.map(), Set.of("dns"), "outside");
        YamlNode dns = node.map().get("dns");
        if (dns == null || dns.value() == null) {
            return out;
        }
        f.requireMap(dns, "outside.dns");
        for (var e : dns.map().entrySet()) {
            String ip = f.scalar(e.getValue(), "outside.dns." + e.getKey());
            f.checkAddress(e.getValue(), "outside.dns." + e.getKey(), ip);
            out.put(e.getKey(), ip);
        }
        return out;
    }

    private String read(Path p, YamlNode at, String path) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw f.error(at, path, "cannot read " + p + ": " + e.getMessage());
        }
    }
}
