package dev.dockwire.emulated;

import java.util.Map;

/**
 * The machine the emulated Docker host runs on, as its processes see it: a Debian 12 (bookworm)
 * server — the distribution whose procps, iproute2 and coreutils the host's tools print as — with
 * bookworm's kernel 6.1, two CPUs and 8 GB. uname(2) reads the identity from the kernel's utsname
 * (init/version.c: {@code UTS_SYSNAME}, {@code UTS_RELEASE}, {@code UTS_VERSION}), which
 * {@code /proc/sys/kernel/} shows as {@code ostype}, {@code osrelease} and {@code version}; a
 * container shares it, which is why {@code docker run alpine uname -r} prints the host's kernel.
 * Fixed, so that runs are the same on every machine.
 */
final class Machine {
    /** CPUs online: {@code /sys/devices/system/cpu/online} is {@code 0-1}. */
    static final int CPUS = 2;

    /** An 8 GB virtual machine's MemTotal (8,127,828 kB): what {@code docker info} shows as 7.751GiB. */
    static final long MEM_TOTAL = 8_127_828L * 1024;

    /** Debian's linux-image-6.1.0-28-amd64, package version 6.1.119-1. */
    private static final Map<String, String> IDENTITY = Map.of(
            "kernel.ostype", "Linux",
            "kernel.osrelease", "6.1.0-28-amd64",
            "kernel.version", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)");

    private Machine() {
    }

    /** The identity sysctl {@code key}, or null when it is not one. */
    static String sysctl(String key) {
        return IDENTITY.get(key);
    }
}
