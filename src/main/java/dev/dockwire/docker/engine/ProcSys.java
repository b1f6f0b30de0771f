package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.kernel.CapableKernel;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;

/**
 * A container's {@code /proc/sys/net}: its network namespace's sysctls as files (a value and a
 * newline, proc_dointvec's), which runc mounts read-only unless the container is privileged (moby's
 * oci/defaults.go ReadonlyPaths, dropped by {@code --privileged}): open(2) for writing then fails
 * with EROFS whatever the process's capabilities, so {@code docker exec --privileged} cannot write
 * either. Where it is writable a write sets the sysctl as the container's processes may
 * (net_ctl_permissions: CAP_NET_ADMIN, which privileged holds).
 * Beside it the machine's identity, the same in every container: {@code /proc/sys/kernel/ostype},
 * {@code osrelease} and {@code version} (what uname(2) reports) and {@code /sys/devices/system/cpu/online}
 * (what nproc counts) — mode 0444, so a privileged write fails too, with EACCES. And the
 * namespace's counters: {@code /proc/net/snmp}, {@code netstat} and {@code snmp6}. And its UTS
 * namespace's names (kernel/utsname_sysctl.c): {@code /proc/sys/kernel/hostname}, and
 * {@code domainname}, {@code --domainname} or the kernel's default {@code (none)} (runc sets it only
 * when the spec has one).
 */
public final class ProcSys {
    private static final String NET = "/proc/sys/net/";
    private static final java.util.Set<String> IDENTITY = java.util.Set.of("/proc/sys/kernel/ostype",
            "/proc/sys/kernel/osrelease", "/proc/sys/kernel/version");
    private static final String HOSTNAME = "/proc/sys/kernel/hostname";
    private static final String DOMAINNAME = "/proc/sys/kernel/domainname";
    private static final String CPU_ONLINE = "/sys/devices/system/cpu/online";
    /** /proc/net's counter files, the namespace's (net/ipv4/proc.c, net/ipv6/proc.c); mode 0444, a write fails with EIO. */
    private static final java.util.Set<String> COUNTERS = java.util.Set.of("/proc/net/snmp", "/proc/net/netstat", "/proc/net/snmp6");

    private ProcSys() {
    }

    /** Whether {@code path} is one of these files. */
    public static boolean covers(String path) {
        return path.startsWith(NET) && path.length() > NET.length() || IDENTITY.contains(path) || path.equals(CPU_ONLINE)
                || COUNTERS.contains(path) || path.equals(HOSTNAME) || path.equals(DOMAINNAME);
    }

    private static String key(String path) {
        return path.substring("/proc/sys/".length()).replace('/', '.');
    }

    /** The file's content, or null when the namespace has no such sysctl (ENOENT). */
    public static String read(Kernel kernel, Container c, String path) {
        if (path.equals(HOSTNAME)) {
            return c.hostname() + "\n";
        }
        if (path.equals(DOMAINNAME)) {
            return (c.options().domainname().isEmpty() ? "(none)" : c.options().domainname()) + "\n";
        }
        return read(kernel, c.netns(), path);
    }

    /** The file's content as a process of network namespace {@code netns} reads it, or null (ENOENT). */
    public static String read(Kernel kernel, String netns, String path) {
        if (path.equals(CPU_ONLINE)) {
            // drivers/base/cpu.c: the online mask as a cpulist, "0" or "0-N".
            return (kernel.cpus() == 1 ? "0" : "0-" + (kernel.cpus() - 1)) + "\n";
        }
        if (COUNTERS.contains(path)) {
            dev.dockwire.kernel.NetCounters n = kernel.netCounters(netns);
            return path.endsWith("6") ? dev.dockwire.kernel.NetCounters.text6(n.snmp6())
                    : dev.dockwire.kernel.NetCounters.text(path.endsWith("snmp") ? n.snmp() : n.netstat());
        }
        try {
            return kernel.sysctl(netns, key(path)) + "\n";
        } catch (KernelException e) {
            return null;
        }
    }

    /** Why open(2) for writing fails, as strerror words it, or null when it would not. */
    public static String writeError(Kernel kernel, Container c, String path) {
        if (read(kernel, c, path) == null) {
            return "No such file or directory";
        }
        if (COUNTERS.contains(path)) {
            return "Input/output error";
        }
        if (!c.options().privileged()) {
            return "Read-only file system";
        }
        // a privileged container could sethostname(2) through them; dockwire keeps its names fixed
        return path.startsWith(NET) ? null : "Permission denied";
    }

    /**
     * Writes {@code content} as the container's process would; the truncation an open for writing
     * does (an empty write) changes nothing, as on a proc file, and an append is a write of its own
     * (the last line: a proc file is not extended).
     */
    public static void write(Kernel kernel, Container c, String path, String content) {
        String[] lines = content.strip().split("\n");
        String value = lines[lines.length - 1].strip();
        if (value.isEmpty() || writeError(kernel, c, path) != null) {
            return;
        }
        CapableKernel.of(kernel, Credentials.of(c)).sysctl(c.netns(), key(path), value);
    }

    /** {@code files} with the container's /proc/sys/net laid over them. */
    static Exec.Files over(Exec.Files files, Kernel kernel, Container c) {
        return new Exec.Files() {
            @Override
            public String readFile(String path) {
                return covers(path) ? read(kernel, c, path) : files.readFile(path);
            }

            @Override
            public boolean writeFile(String path, String content, boolean append) {
                if (!covers(path)) {
                    return files.writeFile(path, content, append);
                }
                write(kernel, c, path, content);
                return true;
            }

            @Override
            public String writeError(String path) {
                return covers(path) ? ProcSys.writeError(kernel, c, path) : files.writeError(path);
            }

            @Override
            public boolean isDirectory(String path) {
                return files.isDirectory(path);
            }

            // The inode fields of what /proc/sys does not cover are the files' own (chmod and chown of a directory made here too).
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
                return !covers(path) && files.change(path, mode, uid, gid);
            }
        };
    }
}
