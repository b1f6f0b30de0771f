package dev.dockwire.topology;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A service's {@code build:} in both forms the Compose Specification allows (compose-go
 * loader: a string is the context; a mapping has {@code context}, {@code dockerfile}, {@code args}
 * and {@code target}), the context resolved against the compose file's directory as compose-go's
 * paths.ResolveRelativePaths does. The keys that shape how an image is built but not what it runs
 * (cache, platforms, secrets, ...) are noted as ignored.
 */
final class ComposeBuilds {
    private static final Set<String> KEYS = Set.of("context", "dockerfile", "args", "target");

    private final YamlFields f;
    private final ComposeNotes notes;

    ComposeBuilds(YamlFields f, ComposeNotes notes) {
        this.f = f;
        this.notes = notes;
    }

    /** The {@code build:} at {@code node}, written under {@code path}. */
    ComposeProject.Build build(YamlNode node, String path) {
        if (node.isScalar()) {
            return new ComposeProject.Build(context(f.scalar(node, path)), "Dockerfile", Map.of(), null, node.line());
        }
        f.requireMap(node, path);
        for (var e : node.map().entrySet()) {
            if (!KEYS.contains(e.getKey()) && !e.getKey().startsWith("x-")) {
                notes.note(e.getValue(), path + "." + e.getKey(), "ignored (does not shape what the image runs)");
            }
        }
        String context = f.optional(node, "context", path);
        String dockerfile = f.optional(node, "dockerfile", path);
        YamlNode args = node.map().get("args");
        return new ComposeProject.Build(context(context == null ? "." : context), dockerfile == null ? "Dockerfile" : dockerfile,
                args == null ? Map.of() : args(args, path + ".args"), f.optional(node, "target", path), node.line());
    }

    /**
     * {@code args:} as a mapping or a list of {@code KEY=VALUE}; a bare {@code KEY} (null) takes its
     * value from the environment, as compose-go's MappingWithEquals leaves it to Compose.
     */
    private Map<String, String> args(YamlNode node, String path) {
        if (node.isMap() || node.value() == null) {
            return f.stringMap(node, path);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : f.strings(node, path)) {
            int eq = kv.indexOf('=');
            out.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? null : kv.substring(eq + 1));
        }
        return out;
    }

    /** The context directory: absolute as written, else the compose file's directory's ({@code .} for a file named without one). */
    private String context(String dir) {
        if (dir.startsWith("/")) {
            return Path.of(dir).normalize().toString();
        }
        String resolved = Path.of(f.file()).resolveSibling(dir).normalize().toString();
        return resolved.isEmpty() ? "." : resolved;
    }
}
