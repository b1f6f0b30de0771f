package dev.dockwire.docker.engine;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.MountPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tmpfs a container asked for ({@code --tmpfs PATH[:OPTIONS]} or {@code --mount type=tmpfs}): the
 * mount data moby passes and what the kernel then shows of it, in /proc/self/mounts and in stat(2)
 * of its root (mm/shmem.c).
 */
final class TmpfsMount {
    /** shmem's BOGO_DIRENT_SIZE: a tmpfs directory's size is 20 per entry, "." and ".." included. */
    private static final int BOGO_DIRENT_SIZE = 20;

    private TmpfsMount() {
    }

    /**
     * The mount data of {@code m}: a {@code --tmpfs}'s OPTIONS as given, a {@code --mount}'s
     * TmpfsOptions as volume/mounts/linux_parser.go ConvertTmpfsOptions writes them ({@code ro},
     * {@code mode=} in octal, {@code size=} in bytes).
     */
    static String data(Container c, MountPoint m) {
        if (m.spec() == null) {
            return c.options().tmpfs().getOrDefault(m.destination(), "");
        }
        List<String> data = new ArrayList<>();
        if (!m.rw()) {
            data.add("ro");
        }
        if (m.spec().options().get("TmpfsOptions") instanceof Map<?, ?> o) {
            if (o.get("Mode") instanceof Number mode && mode.longValue() != 0) {
                data.add("mode=" + Long.toOctalString(mode.longValue()));
            }
            if (o.get("SizeBytes") instanceof Number size && size.longValue() != 0) {
                data.add("size=" + size.longValue());
            }
        }
        return String.join(",", data);
    }

    /**
     * The mount's options as the kernel shows them: moby's defaults (daemon/oci_linux.go: rw,
     * nosuid, nodev, noexec) with the data's, in shmem_show_options' order and form: a size in
     * KiB, a mode in octal unless it is the default 1777.
     */
    static String shown(Container c, MountPoint m) {
        boolean ro = false;
        String size = null;
        long mode = 01777;
        for (String o : data(c, m).split(",")) {
            if (o.equals("ro")) {
                ro = true;
            } else if (o.startsWith("size=")) {
                size = Long.toString(memparse(o.substring(5)) / 4096 * 4);
            } else if (o.startsWith("mode=")) {
                mode = mode(o, mode);
            }
        }
        return (ro ? "ro" : "rw") + ",nosuid,nodev,noexec,relatime" + (size == null ? "" : ",size=" + size + "k")
                + (mode == 01777 ? "" : ",mode=" + Long.toOctalString(mode)) + ",inode64";
    }

    /**
     * stat(2) of the mount's root as runc left it: root's, the data's mode (1777 without one), size
     * {@link #BOGO_DIRENT_SIZE} per entry with "." and "..", no blocks, nlink 2 and one per
     * subdirectory, its time the mount's (the container's start) or the latest entry made in it.
     */
    static Commands.Stat root(Container c, MountPoint m, List<String> entries, int subdirectories, long mountMillis) {
        long mode = 01777;
        for (String o : data(c, m).split(",")) {
            if (o.startsWith("mode=")) {
                mode = mode(o, mode);
            }
        }
        return new Commands.Stat(Commands.Stat.DIRECTORY | (int) mode, 2 + subdirectories, 0, 0,
                (long) BOGO_DIRENT_SIZE * (entries.size() + 2), 0, mountMillis);
    }

    private static long mode(String option, long otherwise) {
        String v = option.substring(5);
        return v.matches("[0-7]{1,7}") ? Long.parseLong(v, 8) & 07777 : otherwise;
    }

    /** The kernel's memparse (lib/cmdline.c): a number with an optional K, M, G or T suffix, rounded up to whole pages. */
    private static long memparse(String v) {
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        long n = end == 0 ? 0 : Long.parseLong(v.substring(0, end));
        int shift = end == v.length() ? 0 : switch (Character.toLowerCase(v.charAt(end))) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        return ((n << shift) + 4095) / 4096 * 4096;
    }
}
