package dev.dockwire.docker.cli;

import dev.dockwire.docker.MountSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -v}/{@code --volume} and {@code --mount} as the docker 28.2 client reads them
 * (cli/command/container/opts.go parse, opts/mount.go MountOpt.Set): {@code -v SRC:DST[:MODE]} is a
 * bind when SRC is a path (one starting with {@code .} made absolute from the client's working
 * directory), else a volume's name; {@code -v /DST} is an anonymous volume; {@code --mount} is
 * comma-separated {@code key=value}s, its type left for the daemon to judge.
 */
final class MountFlags {
    private MountFlags() {
    }

    /** The mounts of {@code -v} values, then {@code --mount} values; {@code cwd} resolves {@code ./x}. */
    static List<MountSpec> parse(List<String> volumes, List<String> mounts, String cwd) {
        List<MountSpec> out = new ArrayList<>();
        for (String v : volumes) {
            out.add(volume(v, cwd));
        }
        for (String m : mounts) {
            out.add(mount(m));
        }
        return out;
    }

    private static MountSpec volume(String value, String cwd) {
        String[] parts = value.split(":", -1);
        if (parts.length == 1) {
            return new MountSpec(MountSpec.VOLUME, null, parts[0], false, true, "");
        }
        if (parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new CliFlags.OptionError("docker: Error response from daemon: invalid volume specification: '" + value + "'");
        }
        String source = parts[0];
        if (!source.startsWith("/") && source.startsWith(".")) {
            source = java.nio.file.Path.of(cwd).resolve(source).normalize().toString(); // filepath.Abs
        }
        String mode = parts.length == 3 ? parts[2] : "";
        boolean readOnly = List.of(mode.split(",")).contains("ro");
        String type = source.startsWith("/") ? MountSpec.BIND : MountSpec.VOLUME;
        return new MountSpec(type, source, parts[1], readOnly, true, mode);
    }

    /** opts/mount.go MountOpt.Set: {@code type=bind|volume,source=...,target=...[,readonly]}. */
    private static MountSpec mount(String value) {
        String type = MountSpec.VOLUME;
        String source = null;
        String target = null;
        boolean readOnly = false;
        for (String field : value.split(",")) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(java.util.Locale.ROOT);
            String val = eq < 0 ? null : field.substring(eq + 1);
            switch (key) {
                case "type" -> type = val == null ? "" : val.toLowerCase(java.util.Locale.ROOT);
                case "source", "src" -> source = val;
                case "target", "dst", "destination" -> target = val;
                case "readonly", "ro" -> readOnly = val == null || val.equals("1") || val.equalsIgnoreCase("true");
                default -> {
                    // bind-propagation, volume-opt, volume-nocopy, consistency...: accepted, not modelled
                }
            }
        }
        if (target == null) {
            throw new CliFlags.FlagError("invalid argument \"" + value + "\" for \"--mount\" flag: target is required");
        }
        return new MountSpec(type, source == null || source.isEmpty() ? null : source, target, readOnly, false, "");
    }
}
