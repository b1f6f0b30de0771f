package dev.dockwire.topology;

import dev.dockwire.docker.DeviceMapping;
import dev.dockwire.docker.Ulimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A compose service's HostConfig keys of privilege and isolation as the Compose Specification
 * writes them and Compose v2 sends them (pkg/compose/create.go getCreateConfigs): {@code cap_add},
 * {@code cap_drop}, {@code privileged}, {@code sysctls}; {@code devices} in the short
 * ({@code HOST[:CONTAINER[:PERMISSIONS]]}) and long ({@code source}, {@code target},
 * {@code permissions}) forms, permissions {@code rwm} by default; {@code ulimits} by name, a number
 * for both limits or {@code {soft, hard}} (go-units' Ulimit, sorted by name as the CLI sends them);
 * {@code pid}, {@code ipc} and {@code uts} modes ({@code service:NAME} kept for the project to name).
 * Each refusal names the file, line and key and what would be valid.
 */
final class ComposePrivileges {
    private static final Set<String> DEVICE_KEYS = Set.of("source", "target", "permissions");
    private static final Set<String> LIMIT_KEYS = Set.of("soft", "hard");
    private static final List<String> IPC_MODES = List.of("host", "private", "shareable", "none");

    private final YamlFields f;

    ComposePrivileges(YamlFields f) {
        this.f = f;
    }

    /** The service's privileges from its mapping {@code m} at {@code path} ({@code services.NAME}). */
    ComposeProject.Privileges read(Map<String, YamlNode> m, String path) {
        return new ComposeProject.Privileges(m.containsKey("cap_add") ? f.strings(m.get("cap_add"), path + ".cap_add") : List.of(),
                m.containsKey("cap_drop") ? f.strings(m.get("cap_drop"), path + ".cap_drop") : List.of(),
                m.containsKey("privileged") && f.bool(m.get("privileged"), path + ".privileged"),
                m.containsKey("sysctls") ? f.keyValues(m.get("sysctls"), path + ".sysctls") : Map.of(),
                m.containsKey("devices") ? devices(m.get("devices"), path + ".devices") : List.of(),
                m.containsKey("ulimits") ? ulimits(m.get("ulimits"), path + ".ulimits") : List.of(),
                mode(m, "pid", path, List.of("host")), mode(m, "ipc", path, IPC_MODES), mode(m, "uts", path, List.of("host")));
    }

    private List<DeviceMapping> devices(YamlNode node, String path) {
        if (node.value() == null) {
            return List.of();
        }
        if (!node.isList()) {
            throw f.error(node, path, "expected a list of devices like - /dev/ttyUSB0:/dev/ttyUSB0:rwm");
        }
        List<DeviceMapping> out = new ArrayList<>();
        for (int i = 0; i < node.list().size(); i++) {
            YamlNode d = node.list().get(i);
            String at = path + "[" + i + "]";
            DeviceMapping m = d.isMap() ? longDevice(d, at) : shortDevice(d, at);
            if (!m.pathOnHost().startsWith("/") || !m.pathInContainer().startsWith("/")) {
                throw f.error(d, at, "device paths must be absolute, got \"" + m.pathOnHost() + ":" + m.pathInContainer()
                        + "\": like /dev/ttyUSB0:/dev/ttyUSB0");
            }
            if (!m.cgroupPermissions().matches("(?!.*(.).*\\1)[rwm]{1,3}")) {
                throw f.error(d, at, "invalid device permissions \"" + m.cgroupPermissions()
                        + "\": any of r, w and m, each once, like rwm");
            }
            out.add(m);
        }
        return out;
    }

    private DeviceMapping shortDevice(YamlNode d, String at) {
        String text = f.scalar(d, at);
        String[] parts = text.split(":", -1);
        if (parts.length > 3 || text.isEmpty()) {
            throw f.error(d, at, "invalid device \"" + text + "\": expected HOST[:CONTAINER[:PERMISSIONS]] like /dev/ttyUSB0:/dev/ttyUSB0:rwm");
        }
        return new DeviceMapping(parts[0], parts.length > 1 ? parts[1] : parts[0], parts.length > 2 ? parts[2] : "rwm");
    }

    private DeviceMapping longDevice(YamlNode d, String at) {
        f.checkKeys(d.map(), DEVICE_KEYS, at);
        String source = f.optional(d, "source", at);
        if (source == null) {
            throw f.error(d, at + ".source", "a device needs source: (the host's node, like /dev/ttyUSB0)");
        }
        String target = f.optional(d, "target", at);
        String permissions = f.optional(d, "permissions", at);
        return new DeviceMapping(source, target == null ? source : target, permissions == null ? "rwm" : permissions);
    }

    private List<Ulimit> ulimits(YamlNode node, String path) {
        if (node.value() == null) {
            return List.of();
        }
        if (!node.isMap()) {
            throw f.error(node, path, "expected a mapping of limits like nofile: 1024 or nofile: {soft: 1024, hard: 2048}");
        }
        Map<String, Ulimit> byName = new TreeMap<>();
        for (var e : node.map().entrySet()) {
            String name = e.getKey();
            String at = path + "." + name;
            YamlNode v = e.getValue();
            if (!Ulimit.names().contains(name)) {
                throw f.error(v, at, "unknown ulimit \"" + name + "\"; valid names: " + String.join(", ", Ulimit.names()));
            }
            if (v.isMap()) {
                f.checkKeys(v.map(), LIMIT_KEYS, at);
                if (!v.map().containsKey("soft") || !v.map().containsKey("hard")) {
                    throw f.error(v, at, "a limit as a mapping needs both soft: and hard:");
                }
                long soft = limit(v.map().get("soft"), at + ".soft");
                long hard = limit(v.map().get("hard"), at + ".hard");
                byName.put(name, new Ulimit(name, hard, soft));
            } else {
                long both = limit(v, at);
                byName.put(name, new Ulimit(name, both, both));
            }
        }
        return List.copyOf(byName.values());
    }

    private long limit(YamlNode v, String at) {
        String s = v.isScalar() ? v.text() : null;
        if (s == null || !s.matches("-?[0-9]{1,18}")) {
            throw f.error(v, at, "expected an integer (-1 for unlimited) or a mapping {soft, hard}, got "
                    + (s == null ? v.isMap() ? "a mapping" : "a list" : "\"" + s + "\""));
        }
        return Long.parseLong(s);
    }

    /** {@code pid:}, {@code ipc:} or {@code uts:}: one of {@code modes}, or {@code service:NAME}/{@code container:NAME} where the engine allows joining. */
    private String mode(Map<String, YamlNode> m, String key, String path, List<String> modes) {
        YamlNode v = m.get(key);
        if (v == null || v.value() == null) {
            return "";
        }
        String mode = f.scalar(v, path + "." + key);
        boolean joins = !key.equals("uts") && (mode.startsWith("service:") || mode.startsWith("container:"))
                && mode.indexOf(':') < mode.length() - 1;
        if (!modes.contains(mode) && !joins) {
            throw f.error(v, path + "." + key, "invalid " + key + " mode \"" + mode + "\"; valid: " + String.join(", ", modes)
                    + (key.equals("uts") ? "" : ", service:NAME, container:NAME"));
        }
        return mode;
    }
}
