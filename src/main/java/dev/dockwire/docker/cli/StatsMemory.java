package dev.dockwire.docker.cli;

import dev.dockwire.proc.Process;
import java.util.List;
import java.util.Map;

/**
 * The memory {@code docker stats} reads for a container: the cgroup's usage less its inactive file
 * cache (docker/cli formatter_stats calculateMemUsageUnixNoCache), here the resident memory each of
 * its running programs is charged with plus the little the cgroup itself holds. dockwire does not
 * model memory: the figures are believable sizes of the images' idle programs (BusyBox's ash under
 * a MiB, an nginx worker a few MiB, a postgres backend several), not measurements.
 */
final class StatsMemory {
    /** What an idle container's cgroup holds besides its programs' pages (its page tables, kernel objects). */
    private static final long CGROUP_BASE = 112 * 1024;
    /** What an unnamed program is charged with. */
    private static final long OTHER = 1024 * 1024;
    private static final Map<String, Long> PROGRAM_KIB = Map.ofEntries(Map.entry("sh", 468L), Map.entry("ash", 468L),
            Map.entry("dash", 412L), Map.entry("bash", 2_236L), Map.entry("sleep", 236L), Map.entry("cat", 244L),
            Map.entry("tail", 252L), Map.entry("top", 588L), Map.entry("ping", 264L), Map.entry("nc", 312L),
            Map.entry("httpd", 344L), Map.entry("nginx", 2_912L), Map.entry("postgres", 6_844L), Map.entry("redis-server", 3_496L),
            Map.entry("http-echo", 4_608L), Map.entry("python3", 9_860L), Map.entry("python", 9_860L), Map.entry("node", 40_312L),
            Map.entry("iperf3", 1_524L), Map.entry("tcpdump", 3_876L), Map.entry("dockerd", 38_400L));

    private StatsMemory() {
    }

    /** The usage of a container whose running processes are {@code running}; 0 when none run. */
    static long usage(List<Process> running) {
        if (running.isEmpty()) {
            return 0;
        }
        long sum = CGROUP_BASE;
        for (Process p : running) {
            sum += program(p.argv().isEmpty() ? "" : p.argv().get(0));
        }
        return sum;
    }

    /** The resident memory {@code argv0} (a path or a name) is charged with. */
    static long program(String argv0) {
        String name = argv0.substring(argv0.lastIndexOf('/') + 1);
        Long kib = PROGRAM_KIB.get(name);
        return kib == null ? OTHER : kib * 1024;
    }

    /** MEM %: usage over the limit as stats.go calculateMemPercentUnixNoCache, {@code 0.00%} without a limit. */
    static String percent(long usage, long limit) {
        return limit == 0 ? "0.00%" : String.format(java.util.Locale.ROOT, "%.2f%%", usage * 100.0 / limit);
    }
}
