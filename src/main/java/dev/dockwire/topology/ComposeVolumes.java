package dev.dockwire.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The top-level {@code volumes:} of a compose file (compose-go types.VolumeConfig): each key a
 * volume named {@code <project>_<key>}, or its {@code name:}; {@code external} (true, or the
 * legacy {@code {name: X}}) names one Compose does not create. The local driver is the one there
 * is: another, or {@code driver_opts} (mount options of a device), are noted and ignored.
 */
final class ComposeVolumes {
    private static final Set<String> VOLUME_KEYS = Set.of("driver", "driver_opts", "external", "labels", "name");

    private final YamlFields f;
    private final ComposeNotes notes;

    ComposeVolumes(YamlFields f, ComposeNotes notes) {
        this.f = f;
        this.notes = notes;
    }

    List<ComposeProject.VolumeDef> volumes(String project, YamlNode node) {
        List<ComposeProject.VolumeDef> out = new ArrayList<>();
        if (node == null || node.value() == null) {
            return out;
        }
        f.requireMap(node, "volumes");
        for (var e : node.map().entrySet()) {
            out.add(volume(project, e.getKey(), e.getValue()));
        }
        return List.copyOf(out);
    }

    private ComposeProject.VolumeDef volume(String project, String key, YamlNode node) {
        String path = "volumes." + key;
        f.checkName(node, path, key);
        if (node.value() == null) {
            return new ComposeProject.VolumeDef(key, project + "_" + key, false, Map.of(), node.line());
        }
        f.requireMap(node, path);
        f.checkKeys(node.map(), VOLUME_KEYS, path);
        Map<String, YamlNode> m = node.map();
        String name = f.optional(node, "name", path);
        boolean external = false;
        YamlNode ext = m.get("external");
        if (ext != null && ext.isMap()) {
            f.checkKeys(ext.map(), Set.of("name"), path + ".external");
            external = true;
            name = name != null ? name : f.optional(ext, "name", path + ".external");
        } else if (ext != null) {
            external = f.bool(ext, path + ".external");
        }
        if (external) {
            for (String k : m.keySet()) {
                if (!k.equals("external") && !k.equals("name")) {
                    throw f.error(m.get(k), path + "." + k, "conflicting parameters \"external\" and \"" + k
                            + "\" specified for volume \"" + key + "\"");
                }
            }
        }
        String driver = f.optional(node, "driver", path);
        if (driver != null && !driver.equals("local")) {
            notes.note(m.get("driver"), path + ".driver", "ignored (the local driver is the one modelled)");
        }
        if (m.containsKey("driver_opts")) {
            notes.note(m.get("driver_opts"), path + ".driver_opts", "ignored (a local volume's files are kept in memory)");
        }
        Map<String, String> labels = m.containsKey("labels") ? f.stringMap(m.get("labels"), path + ".labels") : Map.of();
        return new ComposeProject.VolumeDef(key, name != null ? name : external ? key : project + "_" + key, external, labels,
                node.line());
    }
}
