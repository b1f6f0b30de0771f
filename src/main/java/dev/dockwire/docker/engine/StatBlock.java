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
        out.add(String.format("Device: %s\tInode: %-10d  Links: %d", device, where.inode(), s.links()));
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
        return s.directory() ? "directory" : s.symlink() ? "symbolic link" : s.size() == 0 ? "regular empty file" : "regular file";
    }
}
