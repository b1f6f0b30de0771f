package dev.dockwire.bench;

import dev.dockwire.run.LiveHost;
import dev.dockwire.run.Session;
import dev.dockwire.sim.EventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Live mode's cost (issue 22): a shell session ({@code dockwire shell}, captures on) with N
 * containers on M networks, started one by one over a second and run for three virtual seconds
 * at full speed (a script ending in {@code sleep 3}), then made live as the prompt makes it
 * ({@link LiveHost}: virtual time following the wall clock) and left alone to settle (the JIT
 * done) before the process's CPU time is sampled over S seconds of wall time while nobody types.
 * {@code idle}: each container runs {@code sleep 1d}; {@code ping}: each pings the container
 * started before it on its network (the first its network's gateway) at ping's default interval
 * of one second, so every second brings N echo requests and replies, their ARP refreshes,
 * captured frames and json-file log lines. Prints a {@code threads:} line (each thread's share
 * of a core, from /proc/self/task) and then
 * {@code mode=... cpu_percent_of_core=X jit_percent_of_core=J loop_percent_of_core=Y wakeups_per_s=W lag_ms=L}:
 * the whole process's CPU (JIT and GC included), the JIT compilers' part of it, the loop thread's
 * alone, the loop thread's voluntary context switches per second (its sleeps) and how far
 * virtual time fell behind the wall clock over the sample. The settling goes on past
 * SETTLE_SECONDS until the JIT is quiet (under {@link #QUIET_COMPILE_MS} of compiling in
 * {@link #QUIET_SECONDS} s, at most {@link #MAX_EXTRA_SETTLE_SECONDS} s more): the tiered compilers
 * reach the path of 1,000 pings a second only slowly, and their work in the sample was what moved
 * between rounds (it still comes in bursts minutes later: {@code nojit_percent_of_core} is the
 * process's CPU less the compilers'). Then a second sample of the same length reads both clocks on the loop's thread
 * every {@link #LAG_PERIOD_MS} ms ({@code lag_max_ms}: how far behind the wall virtual time was at
 * worst, against its best reading), with HOGS busy processes of the bench's own running meanwhile
 * (a busy machine; killed after). Run by {@code scripts/bench live}.
 * Usage: {@code LiveBench idle|ping CONTAINERS NETWORKS SECONDS SETTLE_SECONDS [HOGS]}.
 */
public final class LiveBench {
    static final long QUIET_COMPILE_MS = 20;
    static final int QUIET_SECONDS = 10;
    static final int MAX_EXTRA_SETTLE_SECONDS = 120;
    static final long LAG_PERIOD_MS = 20;

    private LiveBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "idle";
        int containers = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int networks = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 20;
        double settle = args.length > 4 ? Double.parseDouble(args[4]) : 30;
        int hogs = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        if (!mode.equals("idle") && !mode.equals("ping")) {
            throw new IllegalArgumentException("mode is idle or ping: " + mode);
        }
        Path dir = Files.createTempDirectory("livebench");
        try (Session session = new Session("shell", 1, new Session.Options(dir.resolve("captures"), 1L, true), null,
                line -> { })) {
            build(session, mode, containers, networks);
            EventLoop loop = session.world().emulation().loop();
            // As a script ending in `sleep 3` would: every container's process starts, resolves its
            // peer and sends its first pings at full speed before the prompt appears.
            loop.runFor(3_000_000_000L);
            try (LiveHost live = new LiveHost(session, 1, line -> { }, line -> { })) {
                Thread.sleep((long) (settle * 1000));
                double settled = settle + settleJit();
                var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                var threads = ManagementFactory.getThreadMXBean();
                long loopId = loopThread().getId();
                String task = "/proc/self/task/" + nativeTid();
                var tasks0 = taskTimes();
                long cpu0 = os.getProcessCpuTime();
                long loopCpu0 = threads.getThreadCpuTime(loopId);
                long switches0 = voluntarySwitches(task);
                // Both clocks read on the loop's thread at once: how late the prompt's thread is scheduled does not count.
                long[] vw0 = live.call(() -> new long[] {loop.nanos(), System.nanoTime()});
                Thread.sleep((long) (seconds * 1000));
                long[] vw1 = live.call(() -> new long[] {loop.nanos(), System.nanoTime()});
                long v0 = vw0[0];
                long v1 = vw1[0];
                double wall = vw1[1] - vw0[1];
                long cpu1 = os.getProcessCpuTime();
                long loopCpu1 = threads.getThreadCpuTime(loopId);
                long switches1 = voluntarySwitches(task);
                var tasks1 = taskTimes();
                StringBuilder threadsLine = new StringBuilder("threads:");
                long jit = 0;
                for (var t : tasks1.entrySet()) {
                    long ticks = t.getValue() - tasks0.getOrDefault(t.getKey(), 0L);
                    if (t.getKey().contains("Compiler")) {
                        jit += ticks;
                    }
                    if (ticks > 0) {
                        threadsLine.append(String.format(Locale.ROOT, " %s=%.2f%%", t.getKey().replace(' ', '_'), percent(ticks, wall)));
                    }
                }
                int running = live.call(() -> (int) session.world().engine().containers().stream()
                        .filter(c -> c.running()).count());
                double lagMax = lagMax(live, loop, seconds, hogs);
                System.out.println(threadsLine);
                System.out.printf(Locale.ROOT,
                        "mode=%s containers=%d running=%d settled_s=%.0f seconds=%.1f cpu_percent_of_core=%.2f"
                                + " jit_percent_of_core=%.2f nojit_percent_of_core=%.2f loop_percent_of_core=%.2f wakeups_per_s=%.0f lag_ms=%.1f"
                                + " hogs=%d lag_max_ms=%.1f%n",
                        mode, containers, running, settled, wall / 1e9, 100 * (cpu1 - cpu0) / wall, percent(jit, wall),
                        100 * (cpu1 - cpu0) / wall - percent(jit, wall),
                        100 * (loopCpu1 - loopCpu0) / wall, (switches1 - switches0) / (wall / 1e9), (wall - (v1 - v0)) / 1e6,
                        hogs, lagMax);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Waits until the JIT compiled under QUIET_COMPILE_MS in QUIET_SECONDS (at most MAX_EXTRA_SETTLE_SECONDS); returns the seconds waited. */
    private static double settleJit() throws InterruptedException {
        var jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long before = jit.getTotalCompilationTime();
        while (System.nanoTime() - start < MAX_EXTRA_SETTLE_SECONDS * 1_000_000_000L) {
            Thread.sleep(QUIET_SECONDS * 1000L);
            long after = jit.getTotalCompilationTime();
            if (after - before < QUIET_COMPILE_MS) {
                break;
            }
            before = after;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Reads (virtual, wall) on the loop's thread every LAG_PERIOD_MS for {@code seconds}, with
     * {@code hogs} busy processes running; the worst reading's lag behind the best one's, in ms.
     */
    private static double lagMax(LiveHost live, EventLoop loop, double seconds, int hogs) throws Exception {
        java.util.List<Process> started = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < hogs; i++) {
                started.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
            }
            java.util.List<long[]> reads = new java.util.ArrayList<>();
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                reads.add(live.call(() -> new long[] {loop.nanos(), System.nanoTime()}));
                Thread.sleep(LAG_PERIOD_MS);
            }
            long best = Long.MAX_VALUE;
            long worst = Long.MIN_VALUE;
            for (long[] r : reads) {
                long behind = (r[1] - reads.get(0)[1]) - (r[0] - reads.get(0)[0]);
                best = Math.min(best, behind);
                worst = Math.max(worst, behind);
            }
            return (worst - best) / 1e6;
        } finally {
            for (Process p : started) {
                p.destroyForcibly();
                p.waitFor();
            }
        }
    }

    /** The containers as a script builds them, at full speed before the host goes live. */
    static void build(Session session, String mode, int containers, int networks) {
        for (int n = 0; n < networks; n++) {
            run(session, "docker network create --subnet 10.%d.0.0/16 net%d".formatted(100 + n, n));
        }
        for (int c = 0; c < containers; c++) {
            int n = c % networks;
            String command = "sleep 1d";
            if (mode.equals("ping")) {
                command = "ping " + (c < networks ? "10.%d.0.1".formatted(100 + n) : "c" + (c - networks));
            }
            run(session, "docker run -d --name c%d --network net%d alpine %s".formatted(c, n, command));
            // Started over one second, as containers started one by one are: their pings do not all fall due at once.
            session.world().emulation().loop().runFor(1_000_000_000L / containers);
        }
    }

    private static void run(Session session, String line) {
        var r = session.host().run(line);
        if (r.status() != 0) {
            throw new IllegalStateException(line + ": " + r.output());
        }
    }

    private static Thread loopThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("dockwire-loop")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no dockwire-loop thread"));
    }

    /** The Linux thread id of the loop's thread: the task whose comm is its name. */
    private static String nativeTid() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().equals("dockwire-loop");
                } catch (IOException e) {
                    return false;
                }
            }).map(t -> t.getFileName().toString()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no task named dockwire-loop"));
        }
    }

    /** {@code ticks} of USER_HZ (100 per second) as a percentage of {@code wallNanos}. */
    private static double percent(long ticks, double wallNanos) {
        return 100.0 * ticks * 10_000_000 / wallNanos;
    }

    /** Each thread's utime+stime in clock ticks (USER_HZ, 100 per second) by its name, threads of one name summed. */
    private static java.util.Map<String, Long> taskTimes() throws IOException {
        java.util.Map<String, Long> times = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    times.merge(comm.replaceAll("#?[0-9]+$", ""), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return times;
    }

    private static long voluntarySwitches(String task) {
        try {
            for (String line : Files.readAllLines(Path.of(task, "status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
