package dev.dockwire.libc;

import java.util.Arrays;

/**
 * A process's resource limits (the kernel's signal_struct rlim[], what getrlimit(2) reads), a value:
 * a fork or exec inherits them as they are, setrlimit(2) makes another ({@link #check} first). A
 * value is {@link #INFINITY} (RLIM_INFINITY, ~0UL) or a count in the resource's own unit (bytes,
 * seconds, files), compared unsigned as the kernel compares them.
 */
public final class Rlimits {
    /** RLIM_INFINITY: {@code unlimited}. */
    public static final long INFINITY = -1L;
    /** fs.nr_open's default (1024*1024): no RLIMIT_NOFILE above it, even with CAP_SYS_RESOURCE (kernel/sys.c do_prlimit). */
    public static final long NR_OPEN = 1L << 20;
    /**
     * RLIMIT_SIGPENDING (and a login's RLIMIT_NPROC) as fork_init sets them on dockwire's machine: half of
     * max_threads, which is the RAM's pages over 32 (THREAD_SIZE 16 KiB over 4 KiB pages, times 8), so MemTotal
     * in kB over 256 — for the 8 GB VM's 8,127,828 kB, 31,731 (kernel/fork.c set_max_threads, less the pages
     * that boot had not yet freed, as 96,367 against 24,683,748 kB reads on a real Debian 12 machine).
     */
    public static final long MACHINE_SIGPENDING = 31_731;
    private static final long MIB8 = 8L << 20;

    /**
     * A container's PID 1 on a Docker 28 host without {@code --ulimit}: moby's spec sets no rlimits
     * (daemon/oci_linux.go withRlimits, only HostConfig.Ulimits and the daemon's default-ulimits), so
     * runc leaves what containerd-shim inherited from containerd's systemd unit: LimitNPROC and
     * LimitCORE infinity (containerd.service), RLIMIT_NOFILE systemd's default 1024:524288 since the
     * units stopped raising it (moby v25 contrib/init/systemd/docker.service, containerd PR #8924;
     * Go restores the soft limit it raised for itself before exec), the kernel's 8 MiB stack and
     * systemd 252's 8 MiB memlock.
     */
    public static final Rlimits CONTAINER = of(
            INFINITY, INFINITY, INFINITY, INFINITY, INFINITY, INFINITY, MIB8, INFINITY, INFINITY, INFINITY, INFINITY, INFINITY,
            INFINITY, INFINITY, 1024, 524_288, MIB8, MIB8, INFINITY, INFINITY, INFINITY, INFINITY, MACHINE_SIGPENDING,
            MACHINE_SIGPENDING, 819_200, 819_200, 0, 0, 0, 0, INFINITY, INFINITY);

    /**
     * The Debian 12 host's root login shell (sshd's session under systemd 252): as a container's but
     * systemd's DefaultLimitCORE=0:infinity and the kernel's RLIMIT_NPROC (set_max_threads' half, as
     * RLIMIT_SIGPENDING), which no unit raised.
     */
    public static final Rlimits HOST = CONTAINER.with(Rlimit.CORE, 0, INFINITY)
            .with(Rlimit.NPROC, MACHINE_SIGPENDING, MACHINE_SIGPENDING);

    private final long[] values;

    private Rlimits(long[] values) {
        this.values = values;
    }

    /** Soft and hard of each resource in the kernel's order: 32 values. */
    private static Rlimits of(long... softHard) {
        if (softHard.length != 2 * Rlimit.values().length) {
            throw new IllegalArgumentException("soft and hard for each of 16 resources");
        }
        return new Rlimits(softHard);
    }

    /** rlim_cur. */
    public long soft(Rlimit r) {
        return values[2 * r.ordinal()];
    }

    /** rlim_max. */
    public long hard(Rlimit r) {
        return values[2 * r.ordinal() + 1];
    }

    /** These limits with {@code r} set to {@code soft}:{@code hard}, unchecked (what runc sets as root before the exec). */
    public Rlimits with(Rlimit r, long soft, long hard) {
        if (soft(r) == soft && hard(r) == hard) {
            return this;
        }
        long[] v = values.clone();
        v[2 * r.ordinal()] = soft;
        v[2 * r.ordinal() + 1] = hard;
        return new Rlimits(v);
    }

    /**
     * Why setrlimit(2) of {@code r} to {@code soft}:{@code hard} fails, as strerror words it, or null
     * when it may (kernel/sys.c do_prlimit): EINVAL for a soft limit above the hard one, EPERM for a
     * hard limit raised without CAP_SYS_RESOURCE (Docker's default set lacks it) or RLIMIT_NOFILE
     * above fs.nr_open.
     */
    public String check(Rlimit r, long soft, long hard, boolean capSysResource) {
        if (Long.compareUnsigned(soft, hard) > 0) {
            return "Invalid argument";
        }
        if (r == Rlimit.NOFILE && Long.compareUnsigned(hard, NR_OPEN) > 0) {
            return "Operation not permitted";
        }
        if (Long.compareUnsigned(hard, hard(r)) > 0 && !capSysResource) {
            return "Operation not permitted";
        }
        return null;
    }

    /**
     * {@code /proc/PID/limits} (fs/proc/base.c proc_pid_limits): a header, then one line per resource,
     * the name left in 25 columns, soft and hard left in 20 each ({@code unlimited} for RLIM_INFINITY), the unit in 10.
     */
    public String procText() {
        StringBuilder out = new StringBuilder(1400);
        out.append(String.format("%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit", "Hard Limit", "Units"));
        for (Rlimit r : Rlimit.values()) {
            out.append(String.format("%-25s %-20s %-20s ", r.procName(), shown(soft(r)), shown(hard(r))));
            out.append(r.procUnit() == null ? "" : String.format("%-10s", r.procUnit())).append('\n');
        }
        return out.toString();
    }

    /** The limits {@code /proc/PID/limits} shows ({@link #procText}'s inverse): a real process's, read back. */
    public static Rlimits parse(String procText) {
        long[] v = new long[2 * Rlimit.values().length];
        for (String line : procText.split("\n")) {
            for (Rlimit r : Rlimit.values()) {
                if (line.length() > 25 && line.substring(0, 25).trim().equals(r.procName())) {
                    String[] words = line.substring(26).trim().split("\\s+");
                    v[2 * r.ordinal()] = words[0].equals("unlimited") ? INFINITY : Long.parseUnsignedLong(words[0]);
                    v[2 * r.ordinal() + 1] = words[1].equals("unlimited") ? INFINITY : Long.parseUnsignedLong(words[1]);
                }
            }
        }
        return new Rlimits(v);
    }

    private static String shown(long v) {
        return v == INFINITY ? "unlimited" : Long.toUnsignedString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rlimits other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Rlimits" + Arrays.toString(values);
    }
}
