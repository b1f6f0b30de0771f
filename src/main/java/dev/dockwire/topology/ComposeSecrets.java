package dev.dockwire.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Compose's secrets without swarm: the top-level {@code secrets:} ({@code NAME: {file: PATH}}) and
 * a service's {@code secrets:} (short {@code - NAME}, long {@code {source, target, uid, gid, mode}}),
 * each a read-only bind mount of the secret's file at {@code /run/secrets/TARGET} (TARGET: the
 * source's name unless given; an absolute target as it is), as docker/compose's
 * buildContainerSecretMounts (pkg/compose/create.go) makes them. compose-go's checkConsistency
 * refuses a service's reference to an undefined secret and a secret with neither {@code file} nor
 * {@code environment}; an external secret is refused at {@code up} ({@code unsupported external
 * secret}), an environment secret is noted (its value is not carried).
 */
final class ComposeSecrets {
    static final String DIRECTORY = "/run/secrets/";

    /** A top-level secret: its file (resolved), or none when it is external or from the environment. */
    private record Secret(String file, boolean external, String environment) {
    }

    private final YamlFields f;
    private final ComposeNotes notes;
    private final Map<String, Secret> secrets = new LinkedHashMap<>();

    /** Reads the top-level {@code secrets:} ({@code top} may be null); {@code hostPath} resolves a file as Compose does. */
    ComposeSecrets(YamlFields f, ComposeNotes notes, YamlNode top, UnaryOperator<String> hostPath) {
        this.f = f;
        this.notes = notes;
        if (top == null || top.value() == null) {
            return;
        }
        f.requireMap(top, "secrets");
        for (var e : top.map().entrySet()) {
            String path = "secrets." + e.getKey();
            YamlNode def = e.getValue();
            f.requireMap(def, path);
            String file = f.optional(def, "file", path);
            String environment = f.optional(def, "environment", path);
            YamlNode ext = def.map().get("external");
            boolean external = ext != null && ext.value() != null && f.bool(ext, path + ".external");
            if (!external && file == null && environment == null) {
                throw f.error(def, path, "secret \"" + e.getKey() + "\" must declare either `file` or `environment`");
            }
            if (environment != null && file == null && !external) {
                notes.note(def, path + ".environment", "ignored (a secret's value from the environment is not modelled)");
            }
            secrets.put(e.getKey(), new Secret(file == null ? null : hostPath.apply(file), external, environment));
        }
    }

    /** A service's {@code secrets:} as bind mounts of their files; null node: none. */
    List<ComposeProject.Mount> mounts(String service, YamlNode node, String path) {
        List<ComposeProject.Mount> out = new ArrayList<>();
        if (node == null || node.value() == null) {
            return out;
        }
        if (!node.isList()) {
            throw f.error(node, path, "expected a list of secrets (NAME or {source, target})");
        }
        for (int i = 0; i < node.list().size(); i++) {
            YamlNode s = node.list().get(i);
            String p = path + "[" + i + "]";
            String source;
            String target = null;
            if (s.isMap()) {
                source = f.optional(s, "source", p);
                target = f.optional(s, "target", p);
                if (source == null) {
                    throw f.error(s, p, "a secret needs source:");
                }
                if (s.map().containsKey("uid") || s.map().containsKey("gid") || s.map().containsKey("mode")) {
                    notes.note(s, p, "secrets `uid`, `gid` and `mode` are not supported, they will be ignored");
                }
            } else {
                source = f.scalar(s, p);
            }
            Secret secret = secrets.get(source);
            if (secret == null) {
                throw f.error(s, p, "service \"" + service + "\" refers to undefined secret " + source
                        + "; declared under secrets: " + List.copyOf(secrets.keySet()));
            }
            if (secret.external()) {
                throw f.error(s, p, "unsupported external secret " + source);
            }
            if (secret.file() == null) {
                continue; // from the environment: noted where it is declared
            }
            String at = target == null ? DIRECTORY + source : target.startsWith("/") ? target : DIRECTORY + target;
            // Compose binds a file secret read-only (pkg/compose/secrets.go).
            out.add(new ComposeProject.Mount("bind", secret.file(), at, true, false, s.line()));
        }
        return out;
    }
}
