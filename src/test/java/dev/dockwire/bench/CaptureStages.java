package dev.dockwire.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a captured frame's time goes on {@link CapturedPath}, per frame and per second, from Linux's
 * per-task accounting ({@code /proc/self/task/TID/schedstat}: time on a CPU and time runnable but
 * waiting for one; {@code status}: voluntary and involuntary switches; {@code stat}: minor faults):
 * the forwarding thread's CPU, its wall time, how much of the difference it spent preempted (run
 * queue) and how much parked (waiting for the writer), and the capture writer thread's CPU, run-queue
 * wait and faults. {@code java -cp CP dev.dockwire.bench.CaptureStages MODE [seconds]} with
 * {@code ProductionJvm}'s Netty settings; the first 3 s warm up.
 *
 * <p>Compare modes with {@link CaptureCompared}, not with figures of this class taken in separate
 * JVMs: the vCPUs of this machine slow down for seconds at a time with nothing in the guest to
 * show it (session 21, {@code nice -20}: a fixed loop of stores and copies pinned to one vCPU went
 * from 4.8-5.1 to 7.3-8.0 ns per iteration in the middle of a run; capture off measured 114-130 ns
 * in one JVM on cpu0 and 70-74 in the next on the same cpu; in such windows the writer thread's
 * CPU per frame rises with the forwarding thread's, 43-63 ns against 30-38). Alternated in one
 * JVM, the same windows fall on both sides.
 */
public final class CaptureStages {
    private CaptureStages() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path self = Task.self();
        try (CapturedPath path = new CapturedPath(mode)) {
            Path writer = null;
            for (int second = 0; second < seconds; second++) {
                if (writer == null) {
                    writer = Task.named("dockwire-captur");
                }
                Task f0 = Task.read(self);
                Task w0 = Task.read(writer);
                long procFaults = Task.minorFaults(Path.of("/proc/self"));
                long frames = 0;
                long wall = System.nanoTime();
                while (System.nanoTime() - wall < 1_000_000_000L) {
                    path.sendBatch(BridgedUdpBench.BATCH);
                    frames += BridgedUdpBench.BATCH;
                }
                wall = System.nanoTime() - wall;
                Task f = Task.read(self).minus(f0);
                Task w = Task.read(writer).minus(w0);
                procFaults = Task.minorFaults(Path.of("/proc/self")) - procFaults;
                if (second >= 3) {
                    double n = frames;
                    System.out.printf("capture=%s: fwd cpu %.1f wall %.1f runq %.1f parked %.1f ns/frame, switches %d vol %d invol;"
                                    + " writer cpu %.1f runq %.1f ns/frame, %d vol %d invol; process faults %.3f/frame (%d)%n",
                            mode, f.cpu / n, wall / n, f.runq / n, (wall - f.cpu - f.runq) / n, f.vol, f.invol,
                            w.cpu / n, w.runq / n, w.vol, w.invol, procFaults / n, procFaults);
                }
            }
        }
    }

    /** One task's counters. */
    record Task(long cpu, long runq, long vol, long invol) {
        static final Task NONE = new Task(0, 0, 0, 0);

        static Path self() throws IOException {
            return Path.of("/proc/thread-self").toRealPath();
        }

        static Path named(String comm) throws IOException {
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    if (Files.readString(t.resolve("comm")).strip().equals(comm)) {
                        return t;
                    }
                }
            }
            return null;
        }

        static Task read(Path task) throws IOException {
            if (task == null) {
                return NONE;
            }
            String[] s = Files.readString(task.resolve("schedstat")).strip().split(" ");
            long vol = 0;
            long invol = 0;
            for (String line : Files.readAllLines(task.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    vol = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                    invol = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            return new Task(Long.parseLong(s[0]), Long.parseLong(s[1]), vol, invol);
        }

        static long minorFaults(Path proc) throws IOException {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[7]); // minflt, field 10 of proc(5)
        }

        Task minus(Task o) {
            return new Task(cpu - o.cpu, runq - o.runq, vol - o.vol, invol - o.invol);
        }
    }
}
