package dev.dockwire.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's {@code extends:} ({@code extends: base}, or {@code {service: base, file: other.yaml}}
 * with the file beside the compose file on disk): the base service's definition with the
 * extending one merged over it, as compose-go's override.ExtendService merges them — mappings key
 * by key ({@code environment}, {@code labels}, networks; a {@code KEY=VALUE} or name list read as
 * a mapping), sequences such as {@code ports}, {@code expose}, {@code volumes} appended,
 * {@code command}, {@code entrypoint} and scalars replaced. A base may extend in turn; a cycle is
 * an error at the line of the {@code extends:}.
 */
final class ComposeExtends {
    /** Sequences compose-go merges as mappings (by key, or by name for networks). */
    private static final Set<String> AS_MAPS = Set.of("environment", "labels", "sysctls", "annotations", "networks", "args");
    /** Sequences the extending service replaces whole. */
    private static final Set<String> REPLACED = Set.of("command", "entrypoint", "test", "profiles");

    private final YamlFields f;

    ComposeExtends(YamlFields f) {
        this.f = f;
    }

    /** {@code services} with every {@code extends:} resolved, in the file's order. */
    Map<String, YamlNode> resolve(Map<String, YamlNode> services) {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (var e : services.entrySet()) {
            out.put(e.getKey(), resolve(e.getKey(), services, Path.of(f.file()), new HashSet<>()));
        }
        return out;
    }

    private YamlNode resolve(String name, Map<String, YamlNode> services, Path file, Set<String> seen) {
        YamlNode node = services.get(name);
        if (node == null || !node.isMap() || !node.map().containsKey("extends")) {
            return node;
        }
        YamlNode ext = node.map().get("extends");
        String path = "services." + name + ".extends";
        if (!seen.add(file + "#" + name)) {
            throw f.error(ext, path, "circular reference with extends: service \"" + name + "\" extends itself in the end");
        }
        String baseName;
        Map<String, YamlNode> baseServices = services;
        Path baseFile = file;
        if (ext.isMap()) {
            f.checkKeys(ext.map(), Set.of("service", "file"), path);
            baseName = f.optional(ext, "service", path);
            if (baseName == null) {
                throw f.error(ext, path + ".service", "missing: the service to extend (extends: {service: NAME})");
            }
            String other = f.optional(ext, "file", path);
            if (other != null) {
                baseFile = file.toAbsolutePath().resolveSibling(other).normalize();
                baseServices = servicesOf(baseFile, ext, path + ".file");
            }
        } else {
            baseName = f.scalar(ext, path);
        }
        if (!baseServices.containsKey(baseName)) {
            throw f.error(ext, path, "cannot extend service \"" + name + "\": service \"" + baseName + "\" not found"
                    + (baseFile.equals(file) ? "" : " in " + baseFile));
        }
        YamlNode base = resolve(baseName, baseServices, baseFile, seen);
        Map<String, YamlNode> local = new LinkedHashMap<>(node.map());
        local.remove("extends");
        return merge(base, new YamlNode(local, node.line(), node.column()), "");
    }

    private Map<String, YamlNode> servicesOf(Path file, YamlNode at, String path) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw f.error(at, path, "cannot read " + file + ": " + e.getMessage());
        }
        YamlNode root = YamlReader.read(file.toString(), text);
        YamlNode services = root.isMap() ? root.map().get("services") : null;
        return services == null || !services.isMap() ? Map.of() : services.map();
    }

    private static YamlNode merge(YamlNode base, YamlNode over, String key) {
        if (base == null || base.value() == null) {
            return over;
        }
        if (over == null || over.value() == null) {
            return base;
        }
        if (REPLACED.contains(key)) {
            return over;
        }
        if (AS_MAPS.contains(key)) {
            base = asMap(base);
            over = asMap(over);
        }
        if (base.isMap() && over.isMap()) {
            Map<String, YamlNode> out = new LinkedHashMap<>(base.map());
            over.map().forEach((k, v) -> out.put(k, merge(out.get(k), v, k)));
            return new YamlNode(out, over.line(), over.column());
        }
        if (base.isList() && over.isList()) {
            List<YamlNode> out = new ArrayList<>(base.list());
            out.addAll(over.list());
            return new YamlNode(out, over.line(), over.column());
        }
        return over;
    }

    /** {@code [K=V, K]} or {@code [name, ...]} as the mapping compose-go reads it as. */
    private static YamlNode asMap(YamlNode n) {
        if (!n.isList()) {
            return n;
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (YamlNode x : n.list()) {
            String t = x.text() == null ? "" : x.text();
            int eq = t.indexOf('=');
            out.put(eq < 0 ? t : t.substring(0, eq), new YamlNode(eq < 0 ? null : t.substring(eq + 1), x.line(), x.column()));
        }
        return new YamlNode(out, n.line(), n.column());
    }
}
