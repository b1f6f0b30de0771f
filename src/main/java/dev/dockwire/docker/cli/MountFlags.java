package dev.dockwire.docker.cli;

import dev.dockwire.docker.MountSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /**
     * opts/mount.go MountOpt.Set (28.2): comma-separated {@code key=value}s, keys case-insensitive, a bare
     * {@code readonly}/{@code ro}/{@code volume-nocopy}/{@code bind-nonrecursive}; each option group
     * ({@code bind-*}, {@code volume-*}, {@code tmpfs-*}) only with its type. The groups are kept as the client sends
     * them (HostConfig.Mounts); only readonly and the paths are modelled.
     */
    private static MountSpec mount(String value) {
        String type = MountSpec.VOLUME;
        String source = null;
        String target = null;
        boolean readOnly = false;
        String consistency = null;
        Map<String, Object> bind = null;
        Map<String, Object> volume = null;
        Map<String, Object> tmpfs = null;
        for (String field : value.split(",")) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
            String val = eq < 0 ? null : field.substring(eq + 1);
            if (val == null) {
                switch (key) {
                    case "readonly", "ro" -> readOnly = true;
                    case "volume-nocopy" -> (volume = group(volume)).put("NoCopy", true);
                    case "bind-nonrecursive" -> (bind = group(bind)).put("NonRecursive", true);
                    default -> throw invalid(value, "invalid field '" + field + "' must be a key=value pair");
                }
                continue;
            }
            switch (key) {
                case "type" -> type = val.toLowerCase(Locale.ROOT);
                case "source", "src" -> source = val;
                case "target", "dst", "destination" -> target = val;
                case "readonly", "ro" -> readOnly = parseBool(val, value, key);
                case "consistency" -> consistency = val.toLowerCase(Locale.ROOT);
                case "bind-propagation" -> (bind = group(bind)).put("Propagation", val.toLowerCase(Locale.ROOT));
                case "volume-nocopy" -> (volume = group(volume)).put("NoCopy", parseBool(val, value, key));
                case "volume-driver" -> (volume = group(volume)).put("Name", val);
                case "tmpfs-size" -> {
                    try {
                        (tmpfs = group(tmpfs)).put("SizeBytes", GoUnits.ramInBytes(val));
                    } catch (IllegalArgumentException e) {
                        throw invalid(value, "invalid value for " + key + ": " + val);
                    }
                }
                case "tmpfs-mode" -> {
                    if (!val.matches("[0-7]{1,11}") || Long.parseLong(val, 8) > 0xFFFFFFFFL) {
                        throw invalid(value, "invalid value for " + key + ": " + val);
                    }
                    (tmpfs = group(tmpfs)).put("Mode", Long.parseLong(val, 8));
                }
                default -> throw invalid(value, "unexpected key '" + key + "' in '" + field + "'");
            }
        }
        if (type.isEmpty()) {
            throw invalid(value, "type is required");
        }
        if (target == null || target.isEmpty()) {
            throw invalid(value, "target is required");
        }
        for (Object[] g : new Object[][] {{volume, "volume"}, {bind, "bind"}, {tmpfs, "tmpfs"}}) {
            if (g[0] != null && !type.equals(g[1])) {
                throw invalid(value, "cannot mix '" + g[1] + "-*' options with mount type '" + type + "'");
            }
        }
        // mount.Mount's field order: Consistency, BindOptions, VolumeOptions, TmpfsOptions (each omitted when empty)
        Map<String, Object> options = new LinkedHashMap<>();
        if (consistency != null && !consistency.isEmpty()) {
            options.put("Consistency", consistency);
        }
        if (bind != null) {
            options.put("BindOptions", bind);
        }
        if (volume != null) {
            // VolumeOptions: NoCopy (omitted when false), then the DriverConfig volumeOptions() always makes
            Map<String, Object> v = new LinkedHashMap<>();
            if (Boolean.TRUE.equals(volume.get("NoCopy"))) {
                v.put("NoCopy", true);
            }
            Map<String, Object> driver = new LinkedHashMap<>();
            if (volume.get("Name") instanceof String name && !name.isEmpty()) {
                driver.put("Name", name);
            }
            v.put("DriverConfig", driver);
            options.put("VolumeOptions", v);
        }
        if (tmpfs != null) {
            options.put("TmpfsOptions", tmpfs);
        }
        return new MountSpec(type, source == null || source.isEmpty() ? null : source, target, readOnly, false, "", options);
    }

    /** An option group, made on first use as bindOptions()/volumeOptions()/tmpfsOptions() make theirs. */
    private static Map<String, Object> group(Map<String, Object> g) {
        return g != null ? g : new LinkedHashMap<>();
    }

    /** strconv.ParseBool's spellings. */
    private static boolean parseBool(String val, String value, String key) {
        return switch (val) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw invalid(value, "invalid value for " + key + ": " + val);
        };
    }

    private static CliFlags.FlagError invalid(String value, String why) {
        return new CliFlags.FlagError("invalid argument \"" + value + "\" for \"--mount\" flag: " + why);
    }
}
