package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.MountPoint;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.proc.Process;
import dev.dockwire.sim.EventLoop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A container's {@code /proc} files beyond {@code /proc/sys} ({@link ProcSys}): its mount table
 * ({@code /proc/mounts}, {@code /proc/self/mounts}, {@code /proc/PID/mounts}: fs/proc_namespace.c's
 * show_vfsmnt lines), the machine's ({@code /proc/meminfo}, {@code /proc/version}, {@code /proc/uptime},
 * {@code /proc/loadavg}: not namespaced, every container reads the host's) and its processes'
 * ({@code /proc/PID/cmdline}: argv NUL-terminated; {@code /proc/PID/comm}; {@code /proc/PID/limits}, its rlimits).
 *
 * <p>The mount table is what runc makes of moby 28's spec on a Debian 12 host (cgroup v2, a private
 * cgroup namespace): the overlay root, oci/defaults.go's mounts ({@code /proc}, {@code /dev} with
 * {@code size=65536k}, devpts, a read-only sysfs, cgroup2, mqueue, {@code /dev/shm}), then the
 * container's own mounts and the three files dockerd writes and binds in, ordered by their depth
 * (daemon/oci_linux.go sorts them by path components), then the spec's ReadonlyPaths re-mounted
 * read-only and its MaskedPaths masked (a directory by a read-only tmpfs, a file by {@code /dev/null},
 * which lies on {@code /dev}'s tmpfs) where the kernel has them.
 */
public final class ProcFiles {
    /** What the files are read from: the machine's kernel and the host's containers and their processes (dockerd). */
    public interface Host {
        Kernel kernel();

        /** The running processes of {@code c}, or null when it runs none. */
        ContainerProcesses processes(Container c);

        java.util.Collection<Container> containers();

        /** The wall clock at the virtual clock's zero, in milliseconds since the epoch. */
        long epochMillis();
    }

    /** The host's disk: Debian's installer mounts it {@code errors=remount-ro}. */
    static final String DISK = "/dev/sda1";
    private static final String DISK_OPTIONS = "rw,relatime,errors=remount-ro";
    private static final String DEV_TMPFS = "rw,nosuid,size=65536k,mode=755,inode64";
    /** The Debian 12 host's /dev/shm (systemd's mount-setup: nosuid, nodev, strictatime, no size: half of RAM). */
    private static final String HOST_SHM = "rw,nosuid,nodev,inode64";
    private static final String PROC_RO = "ro,nosuid,nodev,noexec,relatime";
    /** oci/defaults.go ReadonlyPaths that Debian 12's kernel has. */
    private static final List<String> READONLY = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");
    /** oci/defaults.go MaskedPaths that Debian 12's kernel has: directories (a tmpfs) and files (/dev/null). */
    private static final List<String> MASKED = List.of("/proc/acpi", "/proc/interrupts", "/proc/kcore", "/proc/keys",
            "/proc/timer_list", "/proc/scsi", "/sys/firmware");
    private static final java.util.Set<String> MASKED_DIRS = java.util.Set.of("/proc/acpi", "/proc/scsi", "/sys/firmware");
    /** A write to one of these files: they have no write operation (proc_reg_write's EIO). */
    public static final String WRITE_ERROR = "Input/output error";
    /** The machine booted this long before the emulation's clock started. */
    private static final long BOOT_SECONDS = 4_711;

    private ProcFiles() {
    }

    /**
     * {@code files} with the container's /proc laid over them: /proc/sys and the machine's identity
     * ({@link ProcSys}, writable where a sysctl is) and these files, mode 0444.
     */
    static Exec.Files over(Exec.Files files, Host engine, EventLoop clock, Container c) {
        return new Exec.Files() {
            @Override
            public String readFile(String path) {
                if (covers(path)) {
                    return read(engine, c, path, clock == null ? 0 : clock.nanos());
                }
                if (DevFiles.covers(path)) {
                    return DevFiles.read(path, c.id(), clock == null ? 0 : clock.nanos());
                }
                if (maskedFile(path)) {
                    return ""; // /dev/null bound over it: reads end at once
                }
                if (ProcSys.covers(path)) {
                    return ProcSys.read(engine.kernel(), c, path);
                }
                String text = files.readFile(path);
                String into = text != null || path.startsWith("/proc/") ? null : intoProc(c, path);
                return into == null ? text : readFile(into);
            }

            @Override
            public boolean writeFile(String path, String content, boolean append) {
                if (covers(path)) {
                    return false;
                }
                if (DevFiles.covers(path)) {
                    return true; // write_null, write_zero, random_write: whatever is written is taken
                }
                if (orphanOnDev(c, path) || onSysfs(path)) {
                    return false; // ENOENT: /dev's tmpfs has no such directory (--ipc none's /dev/shm); sysfs: see writeError
                }
                if (!ProcSys.covers(path)) {
                    return files.writeFile(path, content, append);
                }
                ProcSys.write(engine.kernel(), c, path, content);
                return true;
            }

            @Override
            public String writeError(String path) {
                if (covers(path)) {
                    return WRITE_ERROR;
                }
                if (orphanOnDev(c, path)) {
                    return "No such file or directory";
                }
                if (onSysfs(path)) {
                    // lookup_open: EROFS on runc's read-only sysfs; on a privileged container's writable one, no ->create: EACCES
                    return c.options().privileged() ? "Permission denied" : "Read-only file system";
                }
                return ProcSys.covers(path) ? ProcSys.writeError(engine.kernel(), c, path) : files.writeError(path);
            }

            @Override
            public boolean isDirectory(String path) {
                return files.isDirectory(path);
            }

            // The inode fields of what /proc does not cover are the files' own (chmod and chown of a directory made here too).
            @Override
            public void own(String path, int uid, int gid) {
                files.own(path, uid, gid);
            }

            @Override
            public long owner(String path) {
                return files.owner(path);
            }

            @Override
            public int mode(String path) {
                return files.mode(path);
            }

            @Override
            public boolean change(String path, int mode, int uid, int gid) {
                return !covers(path) && !ProcSys.covers(path) && files.change(path, mode, uid, gid);
            }
        };
    }

    /** Whether {@code path} lies on the container's sysfs (the cgroup tree under it is not written either). */
    private static boolean onSysfs(String path) {
        return path.startsWith("/sys/");
    }

    /** Whether {@code path} lies under a directory of /dev that is not there (neither runc's nor one the container made). */
    private static boolean orphanOnDev(Container c, String path) {
        int slash = path.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : path.substring(0, slash);
        return DevTmpfs.covers(parent) && !parent.equals(DevTmpfs.ROOT) && DevTmpfs.names(c, parent) == null;
    }

    /**
     * Where a link of the image's tree into /proc leads ({@code /etc/mtab -> ../proc/mounts} in alpine,
     * {@code ../proc/self/mounts} where an image has it), or null: the file its reader opens.
     */
    private static String intoProc(Container c, String path) {
        ImageTree tree = ImageTree.removed(c, path) ? null : ImageTree.of(c);
        String resolved = tree == null ? null : tree.resolve(path);
        return resolved != null && resolved.startsWith("/proc/") && !resolved.equals(path) ? resolved : null;
    }

    /** Whether runc masks {@code path} by binding {@code /dev/null} over it (a file of MaskedPaths): it lies on /dev's tmpfs. */
    static boolean maskedFile(String path) {
        return MASKED.contains(path) && !MASKED_DIRS.contains(path);
    }

    /** Whether {@code path} is one of these files. */
    public static boolean covers(String path) {
        if (!path.startsWith("/proc/")) {
            return false;
        }
        return switch (path) {
            case "/proc/mounts", "/proc/meminfo", "/proc/version", "/proc/uptime", "/proc/loadavg" -> true;
            default -> pidFile(path) != null;
        };
    }

    /** {@code /proc/PID/NAME}'s PID ("self" kept) and NAME, or null. */
    private static String[] pidFile(String path) {
        String[] parts = path.substring("/proc/".length()).split("/");
        if (parts.length != 2 || !List.of("mounts", "cmdline", "comm", "limits", "status").contains(parts[1])) {
            return null;
        }
        return parts[0].equals("self") || parts[0].chars().allMatch(Character::isDigit) && !parts[0].isEmpty() ? parts : null;
    }

    /** The file's text as {@code c}'s processes read it, or null (ENOENT: no such process). */
    public static String read(Host engine, Container c, String path, long nanos) {
        Kernel kernel = engine.kernel();
        switch (path) {
            case "/proc/mounts":
                return mounts(c);
            case "/proc/meminfo":
                return meminfo(kernel.memTotal() / 1024);
            case "/proc/version":
                return "Linux version " + kernel.sysctl(Kernel.HOST, "kernel.osrelease")
                        + " (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) "
                        + kernel.sysctl(Kernel.HOST, "kernel.version") + "\n";
            case "/proc/uptime":
                long centis = BOOT_SECONDS * 100 + nanos / 10_000_000;
                long idle = centis * kernel.cpus() * 97 / 100; // the CPUs idle nearly all the time
                return String.format(Locale.ROOT, "%d.%02d %d.%02d%n", centis / 100, centis % 100, idle / 100, idle % 100);
            case "/proc/loadavg":
                ContainerProcesses running = c == null ? null : engine.processes(c); // null: the host's own
                int last = running == null ? 1 : running.pids().running().stream().mapToInt(Process::pid).max().orElse(1);
                return "0.00 0.00 0.00 1/" + (120 + engine.containers().size()) + " " + last + "\n";
            default:
                break;
        }
        String[] file = pidFile(path);
        if (file[1].equals("mounts")) {
            return file[0].equals("self") || process(engine, c, file[0]) != null ? mounts(c) : null;
        }
        if (file[1].equals("status")) {
            Process reader = reader(engine, c);
            Process p = file[0].equals("self") ? reader : process(engine, c, file[0]);
            return p == null ? null : ProcStatus.text(c, p, p == reader, kernel.cpus());
        }
        Process p = process(engine, c, file[0]);
        if (p == null) {
            return null;
        }
        if (file[1].equals("limits")) {
            return p.limits().procText();
        }
        if (file[1].equals("comm")) {
            return ProcStatus.comm(p) + "\n";
        }
        StringBuilder cmdline = new StringBuilder();
        p.argv().forEach(a -> cmdline.append(a).append('\0'));
        return cmdline.toString();
    }

    /** The process reading /proc/self: the one of the namespace started last (the program just run). */
    private static Process reader(Host engine, Container c) {
        ContainerProcesses running = engine.processes(c);
        return running == null ? null
                : running.pids().running().stream().max(java.util.Comparator.comparingInt(Process::pid)).orElse(null);
    }

    private static Process process(Host engine, Container c, String pid) {
        ContainerProcesses running = engine.processes(c);
        if (running == null || pid.equals("self")) {
            return pid.equals("self") && running != null ? running.init() : null;
        }
        int n = Integer.parseInt(pid);
        return running.pids().running().stream().filter(p -> p.pid() == n).findFirst().orElse(null);
    }

    /** The container's mount table, one show_vfsmnt line each. */
    static String mounts(Container c) {
        StringBuilder out = new StringBuilder();
        String layer = "/var/lib/docker/overlay2/" + Images.digest("layer:" + c.id());
        line(out, "overlay", "/", "overlay", (c.options().readOnly() ? "ro" : "rw") + ",relatime,lowerdir=/var/lib/docker/overlay2/l/" + link("init:" + c.id())
                + ":/var/lib/docker/overlay2/l/" + link("image:" + c.image()) + ",upperdir=" + layer + "/diff,workdir=" + layer
                + "/work,nouserxattr");
        line(out, "proc", "/proc", "proc", "rw,nosuid,nodev,noexec,relatime");
        line(out, "tmpfs", "/dev", "tmpfs", DEV_TMPFS);
        line(out, "devpts", "/dev/pts", "devpts", "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666");
        line(out, "sysfs", "/sys", "sysfs", c.options().privileged() ? "rw,nosuid,nodev,noexec,relatime" : PROC_RO);
        line(out, "cgroup", "/sys/fs/cgroup", "cgroup2", (c.options().privileged() ? "rw" : "ro")
                + ",nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot");
        line(out, "mqueue", "/dev/mqueue", "mqueue", "rw,nosuid,nodev,noexec,relatime");
        String ipc = c.options().namespaces().ipc();
        if (!ipc.equals("none") && !ipc.equals("host")) { // WithMounts filters it out for none; host's is IpcMounts' bind
            line(out, "shm", "/dev/shm", "tmpfs", "rw,nosuid,nodev,noexec,relatime,size=" + c.options().shmSizeOrDefault() / 1024 + "k,inode64");
        }
        List<String[]> own = new ArrayList<>();
        if (ipc.equals("host")) {
            own.add(new String[] {"tmpfs", "/dev/shm", "tmpfs", HOST_SHM}); // the host's /dev/shm as systemd mounted it
        }
        for (MountPoint m : c.mountTable()) {
            own.add(m.type().equals("tmpfs")
                    ? new String[] {"tmpfs", m.destination(), "tmpfs", TmpfsMount.shown(c, m)}
                    : new String[] {DISK, m.destination(), "ext4", (m.rw() ? "rw" : "ro") + DISK_OPTIONS.substring(2)});
        }
        for (String f : List.of("/etc/resolv.conf", "/etc/hostname", "/etc/hosts")) {
            own.add(new String[] {DISK, f, "ext4", DISK_OPTIONS});
        }
        own.sort(Comparator.comparingInt(m -> m[1].split("/").length)); // stable: moby's order within a depth
        own.forEach(m -> line(out, m[0], m[1], m[2], m[3]));
        if (!c.options().privileged()) {
            READONLY.forEach(p -> line(out, "proc", p, "proc", PROC_RO));
            for (String p : MASKED) {
                line(out, "tmpfs", p, "tmpfs", MASKED_DIRS.contains(p) ? "ro,relatime,inode64" : DEV_TMPFS);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String source, String target, String type, String options) {
        out.append(source).append(' ').append(target).append(' ').append(type).append(' ').append(options).append(" 0 0\n");
    }

    /** overlay2's short link name of a layer: 26 characters of A-Z and 2-7 (base32), stable per layer. */
    private static String link(String layer) {
        String hex = Images.digest(layer);
        StringBuilder out = new StringBuilder();
        for (int i = 0; out.length() < 26; i += 2) {
            out.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(Integer.parseInt(hex.substring(i, i + 2), 16) % 32));
        }
        return out.toString();
    }

    /**
     * An idle Debian 12 server's /proc/meminfo (fs/proc/meminfo.c's fields in 6.1's order, each name
     * padded to 16 and the value to 8), scaled from the machine's MemTotal in kB.
     */
    static String meminfo(long totalKb) {
        long free = totalKb * 78 / 100;
        long buffers = totalKb * 8 / 1000;
        long cached = totalKb * 12 / 100;
        long available = free + buffers + cached - totalKb / 100;
        long shmem = totalKb / 800;
        long slab = totalKb * 25 / 1000;
        StringBuilder out = new StringBuilder();
        Object[][] fields = {
            {"MemTotal", totalKb}, {"MemFree", free}, {"MemAvailable", available}, {"Buffers", buffers}, {"Cached", cached},
            {"SwapCached", 0L}, {"Active", totalKb * 9 / 100}, {"Inactive", totalKb * 8 / 100},
            {"Active(anon)", totalKb * 3 / 100}, {"Inactive(anon)", totalKb / 100}, {"Active(file)", totalKb * 6 / 100},
            {"Inactive(file)", totalKb * 7 / 100}, {"Unevictable", 0L}, {"Mlocked", 0L}, {"SwapTotal", 0L}, {"SwapFree", 0L},
            {"Zswap", 0L}, {"Zswapped", 0L}, {"Dirty", 48L}, {"Writeback", 0L}, {"AnonPages", totalKb * 4 / 100},
            {"Mapped", totalKb * 2 / 100}, {"Shmem", shmem}, {"KReclaimable", slab / 2}, {"Slab", slab},
            {"SReclaimable", slab / 2}, {"SUnreclaim", slab / 2}, {"KernelStack", 4096L}, {"PageTables", 6144L},
            {"NFS_Unstable", 0L}, {"Bounce", 0L}, {"WritebackTmp", 0L},
            {"CommitLimit", totalKb / 2}, {"Committed_AS", totalKb * 15 / 100}, {"VmallocTotal", 34359738367L},
            {"VmallocUsed", 20480L}, {"VmallocChunk", 0L}, {"Percpu", 1344L}, {"HardwareCorrupted", 0L},
            {"AnonHugePages", 0L}, {"ShmemHugePages", 0L}, {"ShmemPmdMapped", 0L}, {"FileHugePages", 0L},
            {"FilePmdMapped", 0L}, {"HugePages_Total", -1L}, {"HugePages_Free", -1L}, {"HugePages_Rsvd", -1L},
            {"HugePages_Surp", -1L}, {"Hugepagesize", 2048L}, {"Hugetlb", 0L}, {"DirectMap4k", 149356L},
            {"DirectMap2M", totalKb - 149356L + 239616L}};
        for (Object[] f : fields) {
            String name = (String) f[0];
            long v = (Long) f[1];
            if (v < 0) {
                out.append(String.format(Locale.ROOT, "%-16s%8d%n", name + ":", 0)); // a count, no unit (hugetlb_report_meminfo)
            } else {
                out.append(String.format(Locale.ROOT, "%-16s%8d kB%n", name + ":", v)); // show_val_kb
            }
        }
        return out.toString();
    }
}
