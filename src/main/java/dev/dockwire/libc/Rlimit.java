package dev.dockwire.libc;

/**
 * The resources of getrlimit(2)/setrlimit(2) in the kernel's order (include/uapi/asm-generic/resource.h,
 * RLIMIT_CPU 0 to RLIMIT_RTTIME 15), each with the name and unit {@code /proc/PID/limits} prints for it
 * (fs/proc/base.c lnames) and the name {@code docker run --ulimit} gives it (go-units ulimit.go; RLIMIT_AS
 * has none there: go-units leaves it out).
 */
public enum Rlimit {
    CPU("Max cpu time", "seconds", "cpu"),
    FSIZE("Max file size", "bytes", "fsize"),
    DATA("Max data size", "bytes", "data"),
    STACK("Max stack size", "bytes", "stack"),
    CORE("Max core file size", "bytes", "core"),
    RSS("Max resident set", "bytes", "rss"),
    NPROC("Max processes", "processes", "nproc"),
    NOFILE("Max open files", "files", "nofile"),
    MEMLOCK("Max locked memory", "bytes", "memlock"),
    AS("Max address space", "bytes", null),
    LOCKS("Max file locks", "locks", "locks"),
    SIGPENDING("Max pending signals", "signals", "sigpending"),
    MSGQUEUE("Max msgqueue size", "bytes", "msgqueue"),
    NICE("Max nice priority", null, "nice"),
    RTPRIO("Max realtime priority", null, "rtprio"),
    RTTIME("Max realtime timeout", "us", "rttime");

    private static final Rlimit[] ALL = values();

    private final String procName;
    private final String procUnit;
    private final String dockerName;

    Rlimit(String procName, String procUnit, String dockerName) {
        this.procName = procName;
        this.procUnit = procUnit;
        this.dockerName = dockerName;
    }

    /** {@code /proc/PID/limits}' Limit column ({@code Max open files}). */
    public String procName() {
        return procName;
    }

    /** {@code /proc/PID/limits}' Units column, or null where it prints none (nice, rtprio). */
    public String procUnit() {
        return procUnit;
    }

    /** The name {@code --ulimit NAME=...} and HostConfig.Ulimits use ({@code nofile}), or null ({@code as}). */
    public String dockerName() {
        return dockerName;
    }

    /** The resource {@code --ulimit} names {@code name}, or null when go-units knows no such type. */
    public static Rlimit byDockerName(String name) {
        for (Rlimit r : ALL) {
            if (name.equals(r.dockerName)) {
                return r;
            }
        }
        return null;
    }
}
