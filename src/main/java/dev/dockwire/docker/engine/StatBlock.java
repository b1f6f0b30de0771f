package dev.dockwire.docker.engine;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.MountPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code stat FILE} without {@code -c}: the block both stats print by default — BusyBox's
 * (coreutils/stat.c do_stat: {@code Device: 29h/41d}, no Birth line) and coreutils 9's (stat.c
 * default_format: {@code Device: 0,41}, a Birth line, as statx gives it through overlayfs) — and the
 * numbers dockwire keeps no record of, made believable and stable per file: a file of the
 * container's root file system lies on its overlay mount, an anonymous device ({@code 0,N}, N per
 * container as the kernel numbers each new overlay mount), with an inode number of the backing
 * file system's range; a file Docker binds in ({@code /etc/hostname}, {@code /etc/hosts},
 * {@code /etc/resolv.conf}) or a mount's lies on the host's disk, {@code 8,1} ({@code /dev/sda1}).
 */
final class StatBlock {
    /** The files dockerd writes under the container's directory on the host and binds in. */
    private static final Set<String> BOUND = Set.of("/etc/hostname", "/etc/hosts", "/etc/resolv.conf");
    /** The host disk's device: sda1, 8:1. */
    private static final int DISK_MAJOR = 8;
    private static final int DISK_MINOR = 1;

    /** A file's device (major, minor) and inode number. */
    record Where(int major, int minor, long inode) {
        /** st_dev as new_encode_dev packs a small major and minor ({@code %d}). */
        long dev() {
            return ((long) major << 8) | minor;
        }
    }

    private StatBlock() {
    }

    /** Where {@code abs} of {@code c} lies. */
    static Where of(Container c, String abs) {
        if (DevTmpfs.covers(abs)) {
            return dev(c, abs, overlayMinor(c));
        }
        boolean disk = BOUND.contains(abs);
        for (MountPoint m : c.mounts()) {
            disk |= abs.equals(m.destination()) || abs.startsWith(m.destination() + "/");
        }
        // the numbers hash the container and the path, so the same file keeps them (and another container's differ)
        int h = (c.id() + ":" + c.layer().inodePath(abs)).hashCode(); // a hard link's names share their first one's
        long inode = 1_400_000 + Math.floorMod(h, 200_000);
        if (abs.equals("/") || disk) {
            return new Where(disk ? DISK_MAJOR : 0, disk ? DISK_MINOR : overlayMinor(c), inode);
        }
        return new Where(0, overlayMinor(c), inode);
    }

    /**
     * Where {@code path} lies for stat's Device and Inode: /dev's tmpfs, devpts, shm's tmpfs or the
     * IPC namespace's mqueue, each an anonymous device numbered around the overlay's {@code minor}
     * as the kernel numbers the mounts runc makes after it ({@link DevTmpfs}: its nodes' inodes).
     */
    private static Where dev(Container c, String path, int overlayMinor) {
        if (path.equals(DevTmpfs.ROOT)) {
            return new Where(0, overlayMinor + 2, 1);
        }
        if (path.equals("/dev/pts") || path.startsWith("/dev/pts/")) {
            DevTmpfs.Node n = DevTmpfs.node(c, path);
            return new Where(0, overlayMinor + 3, n == null || n.directory() ? 1 : n.inode());
        }
        if (path.equals("/dev/shm")) {
            return new Where(0, overlayMinor + 6, 1);
        }
        if (path.equals("/dev/mqueue")) {
            return new Where(0, overlayMinor - 1, 20_000 + Math.floorMod(c.id().hashCode(), 10_000));
        }
        DevTmpfs.Node n = DevTmpfs.node(c, path);
        if (n != null) {
            return new Where(0, overlayMinor + 2, n.inode());
        }
        // what a process made there: on shm's tmpfs or /dev's, an inode after runc's
        long inode = 100 + Math.floorMod(path.hashCode(), 900);
        return new Where(0, overlayMinor + (path.startsWith("/dev/shm/") ? 6 : 2), inode);
    }

    /** The container's overlay mount's anonymous minor (the kernel's get_anon_bdev numbers from the thirties on a Docker host). */
    private static int overlayMinor(Container c) {
        return 40 + Math.floorMod(c.id().hashCode(), 60);
    }

    /**
     * The default block for {@code name} with stat {@code s} at {@code where}: {@code busybox}'s or
     * coreutils', times already worded as both word them ({@code time}), the owner's names given.
     */
    static List<String> lines(boolean busybox, String name, Commands.Stat s, Where where, String time, String user, String group) {
        List<String> out = new ArrayList<>();
        out.add("  File: " + name);
        out.add(String.format("  Size: %-10d\tBlocks: %-10d IO Block: %-6d %s", s.size(), s.blocks(), 4096, type(s)));
        String device = busybox ? Long.toHexString(where.dev()) + "h/" + where.dev() + "d" : where.major() + "," + where.minor();
        // a device node's line goes on: "Links: %-5h Device type: %Hr,%Lr" (both stats' format)
        String links = s.device() ? String.format("%-5d Device type: %d,%d", s.links(), s.major(), s.minor()) : Integer.toString(s.links());
        out.add(String.format("Device: %s\tInode: %-10d  Links: %s", device, where.inode(), links));
        out.add(String.format("Access: (%04o/%10.10s)  Uid: (%5d/%8s)   Gid: (%5d/%8s)", s.mode() & 07777,
                dev.dockwire.app.sh.LsFormat.mode(s.mode()), s.uid(), user, s.gid(), group));
        out.add("Access: " + time);
        out.add("Modify: " + time);
        out.add("Change: " + time);
        if (!busybox) {
            out.add(" Birth: " + time);
        }
        return out;
    }

    /** file_type(): what %F says. */
    static String type(Commands.Stat s) {
        return switch (s.mode() & 0170000) {
            case Commands.Stat.DIRECTORY -> "directory";
            case Commands.Stat.SYMLINK -> "symbolic link";
            case Commands.Stat.CHAR_DEVICE -> "character special file";
            case Commands.Stat.BLOCK_DEVICE -> "block special file";
            default -> s.size() == 0 ? "regular empty file" : "regular file";
        };
    }
}
