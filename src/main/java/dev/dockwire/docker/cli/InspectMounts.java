package dev.dockwire.docker.cli;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.MountPoint;
import dev.dockwire.docker.MountSpec;
import dev.dockwire.docker.engine.Images;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container's mounts in {@code docker inspect}: {@code .Mounts} (api/types.MountPoint per mount,
 * in the order they were made, where moby walks a map), HostConfig.Binds ({@code -v} as sent),
 * HostConfig.Mounts ({@code --mount}, api/types/mount.Mount) and Config.Volumes (anonymous
 * {@code -v /path} and the image's VOLUMEs).
 */
final class InspectMounts {
    private InspectMounts() {
    }

    static List<Object> mounts(Container c) {
        List<Object> out = new ArrayList<>();
        for (MountPoint m : c.mounts()) {
            Map<String, Object> j = InspectTypes.mountPoint();
            j.put("Type", m.type());
            if (m.type().equals(MountSpec.VOLUME)) {
                j.put("Name", m.name());
            }
            j.put("Source", m.source());
            j.put("Destination", m.destination());
            if (m.type().equals(MountSpec.VOLUME)) {
                j.put("Driver", m.driver());
            }
            j.put("Mode", m.mode());
            j.put("RW", m.rw());
            j.put("Propagation", m.propagation());
            out.add(j);
        }
        return out;
    }

    /** HostConfig.Binds: the {@code -v} values with a source, as the client sent them; null when none. */
    static List<String> binds(Container c) {
        List<String> out = c.mounts().stream().map(MountPoint::spec)
                .filter(s -> s != null && s.binds() && s.source() != null).map(MountSpec::bindsEntry).toList();
        return out.isEmpty() ? null : new ArrayList<>(out);
    }

    /** HostConfig.Mounts: the {@code --mount} values; empty when none (omitempty). */
    static List<Object> hostConfigMounts(Container c) {
        List<Object> out = new ArrayList<>();
        for (MountPoint m : c.mounts()) {
            MountSpec s = m.spec();
            if (s != null && !s.binds()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("Type", s.type());
                if (s.source() != null) {
                    j.put("Source", s.source());
                }
                j.put("Target", s.target());
                if (s.readOnly()) {
                    j.put("ReadOnly", true);
                }
                j.putAll(s.options());
                out.add(j);
            }
        }
        return out;
    }

    /** Config.Volumes: each anonymous {@code -v /path} and image VOLUME as {@code {"/path": {}}}; null when none. */
    static Map<String, Object> configVolumes(Container c) {
        Map<String, Object> out = new TreeMap<>();
        if (c.pinnedImage() == null) {
            Images.volumes(c.image()).forEach(v -> out.put(v, InspectTypes.emptyStruct()));
        }
        for (MountPoint m : c.mounts()) {
            MountSpec s = m.spec();
            if (s != null && s.binds() && s.source() == null) {
                out.put(m.destination(), InspectTypes.emptyStruct());
            }
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * {@code docker ps}'s Mounts column (cli/command/formatter/container.go Mounts): each mount's
     * volume name, else its source, cut to 15 columns with an ellipsis unless {@code --no-trunc}.
     */
    static String psColumn(Container c, boolean trunc) {
        List<String> names = new ArrayList<>();
        for (MountPoint m : c.mounts()) {
            String name = m.name().isEmpty() ? m.source() : m.name();
            names.add(trunc && name.codePointCount(0, name.length()) > 15 ? name.substring(0, 14) + "\u2026" : name);
        }
        return String.join(",", names);
    }
}
