package dev.dockwire.topology;

import dev.dockwire.docker.ContainerName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads of {@link YamlNode}s for one file, each failure a {@link TopologyException} with the
 * file, the line, the key path and what would be valid. Shared by the loaders.
 */
final class YamlFields {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");

    private final String file;

    YamlFields(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    TopologyException error(YamlNode node, String path, String message) {
        return new TopologyException(file, node.line(), path, message);
    }

    static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void checkKeys(Map<String, YamlNode> map, Set<String> allowed, String path) {
        for (var e : map.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw error(e.getValue(), at(path, e.getKey()), "unknown key \"" + e.getKey() + "\"; valid keys: " + sorted(allowed));
            }
        }
    }

    void checkName(YamlNode node, String path, String name) {
        if (!NAME.matcher(name).matches()) {
            throw error(node, path, "invalid name \"" + name + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
    }

    /**
     * A name the daemon will give a container (a topology container, Compose's
     * {@code container_name}): {@link ContainerName}'s rule, two characters or more.
     */
    void checkContainerName(YamlNode node, String path, String name) {
        if (!ContainerName.valid(name) || name.startsWith("/")) {
            throw error(node, path, "invalid container name \"" + name + "\": Docker allows " + ContainerName.CHARS
                    + "+, two characters or more, like \"" + example(name) + "\"");
        }
    }

    /** A valid name near {@code name}: its allowed characters, a letter first, padded to two. */
    private static String example(String name) {
        String kept = name.replaceAll("[^a-zA-Z0-9_.-]", "").replaceFirst("^[_.-]+", "");
        return kept.isEmpty() ? "c1" : kept.length() == 1 ? kept + "1" : kept;
    }

    void checkAddress(YamlNode node, String path, String text) {
        if (!DOTTED_QUAD.matcher(text).matches()) {
            throw error(node, path, "invalid IPv4 address \"" + text + "\": expected four octets 0-255 like 172.18.0.2");
        }
    }

    /** An IPv4 prefix no smaller than /30, like 172.18.0.0/16. */
    void checkSubnet(YamlNode node, String path, String subnet) {
        if (!CIDR.matcher(subnet).matches()) {
            throw error(node, path, "invalid CIDR \"" + subnet + "\": expected an IPv4 prefix like 172.18.0.0/16");
        }
        checkAddress(node, path, subnet.substring(0, subnet.indexOf('/')));
        int len = Integer.parseInt(subnet.substring(subnet.indexOf('/') + 1));
        if (len > 30) {
            throw error(node, path, "prefix /" + len + " is too small for a network: use /30 or larger");
        }
    }

    String optional(YamlNode map, String key, String path) {
        YamlNode v = map.map().get(key);
        return v == null || v.value() == null ? null : scalar(v, at(path, key));
    }

    String scalar(YamlNode node, String path) {
        if (!node.isScalar() || node.value() == null) {
            throw error(node, path, "expected a single value, got " + (node.isMap() ? "a mapping" : node.isList() ? "a list" : "nothing"));
        }
        return node.text();
    }

    int integer(YamlNode node, String path, int min, int max, String what) {
        String s = scalar(node, path);
        try {
            int v = Integer.parseInt(s);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(node, path, "expected " + what + " " + min + "-" + max + ", got \"" + s + "\"");
    }

    boolean bool(YamlNode node, String path) {
        String s = scalar(node, path);
        return switch (s) {
            case "true", "yes", "on", "True", "TRUE" -> true;
            case "false", "no", "off", "False", "FALSE" -> false;
            default -> throw error(node, path, "expected true or false, got \"" + s + "\"");
        };
    }

    void requireMap(YamlNode node, String path) {
        if (!node.isMap()) {
            throw error(node, path, "expected a mapping");
        }
    }

    /** A scalar or a list of scalars, as a list. */
    List<String> strings(YamlNode node, String path) {
        if (node.value() == null) {
            return List.of();
        }
        if (!node.isList()) {
            return List.of(scalar(node, path));
        }
        List<YamlNode> items = node.list();
        return java.util.stream.IntStream.range(0, items.size())
                .mapToObj(i -> scalar(items.get(i), path + "[" + i + "]")).toList();
    }

    /** A mapping or a list of {@code KEY=VALUE} (a bare {@code KEY} maps to an empty value). */
    Map<String, String> keyValues(YamlNode node, String path) {
        if (node.isMap() || node.value() == null) {
            return stringMap(node, path);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : strings(node, path)) {
            int eq = kv.indexOf('=');
            out.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        return out;
    }

    Map<String, String> stringMap(YamlNode node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.value() == null) {
            return out;
        }
        requireMap(node, path);
        for (var e : node.map().entrySet()) {
            YamlNode v = e.getValue();
            out.put(e.getKey(), v.value() == null ? "" : scalar(v, path + "." + e.getKey()));
        }
        return out;
    }

    static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
