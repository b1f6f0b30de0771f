package dev.dockwire.docker.engine;

import java.util.Set;

/**
 * statfs(2) of a container's mounts, what {@code df} reads: the host's disk (ext4 on
 * {@code /dev/sda1}, 4 KiB blocks, 5% reserved for root, as Debian's installer makes it) under the
 * overlay root, the bound files and volumes; a tmpfs its {@code size=} (shmem_fill_super: half of
 * RAM without one) and half of RAM's pages as inodes; the pseudo file systems no blocks.
 * A mask over a file ({@code /proc/kcore}: {@code /dev/null} bound over it) is {@code /dev}'s tmpfs.
 */
final class StatFs {
    /** f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree, and which device answers (st_dev). */
    record Numbers(String device, long bsize, long blocks, long bfree, long bavail, long files, long ffree) {
        /** These less {@code used}'s pages and inodes ({@link DevTmpfs#used}; null: nothing). */
        Numbers less(long[] used) {
            return used == null ? this : new Numbers(device, bsize, blocks, Math.max(0, bfree - used[0]), Math.max(0, bavail - used[0]),
                    files, Math.max(0, ffree - used[1]));
        }
    }

    /** A 64 GB virtual disk's ext4: 61.5 GiB of 4 KiB blocks, a Docker host's images and layers on it. */
    private static final long DISK_BLOCKS = 16_126_683;
    private static final long DISK_FREE = 12_025_020;
    private static final long DISK_RESERVED = 806_334;
    private static final long DISK_INODES = 4_128_768;
    private static final long DISK_INODES_FREE = 3_731_005;
    /** GNU df's dummy types (gnulib's ME_DUMMY): never listed without -a. */
    private static final Set<String> DUMMY = Set.of("proc", "sysfs", "devpts", "mqueue", "cgroup", "cgroup2", "autofs", "none");

    private StatFs() {
    }

    static boolean dummy(String type) {
        return DUMMY.contains(type);
    }

    static Numbers of(String source, String target, String type, String options, long memTotalKb) {
        if (type.equals("overlay") || source.equals(ProcFiles.DISK)) {
            return new Numbers(type.equals("overlay") ? "overlay" : ProcFiles.DISK, 4096, DISK_BLOCKS, DISK_FREE,
                    DISK_FREE - DISK_RESERVED, DISK_INODES, DISK_INODES_FREE);
        }
        if (!type.equals("tmpfs")) {
            return new Numbers(source + ":" + target, 4096, 0, 0, 0, 0, 0);
        }
        long pages = memTotalKb / 4 / 2;
        long blocks = pages;
        for (String o : options.split(",")) {
            if (o.startsWith("size=") && o.endsWith("k")) {
                blocks = Long.parseLong(o.substring(5, o.length() - 1)) / 4;
            }
        }
        boolean fileMask = ProcFiles.maskedFile(target);
        String device = fileMask ? "tmpfs:/dev" : "tmpfs:" + target;
        long used = target.equals("/dev") || fileMask ? 16 : 1; // /dev's nodes and links; a tmpfs's root
        return new Numbers(device, 4096, blocks, blocks, blocks, pages, pages - used);
    }
}
