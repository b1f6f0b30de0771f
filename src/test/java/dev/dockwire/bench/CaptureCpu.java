package dev.dockwire.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * Capture's cost on {@link BridgedUdpBench}'s path in CPU time, which other work on the machine
 * changes less than rates: the forwarding thread's CPU nanoseconds per frame (getrusage's
 * per-thread time, through {@code ThreadMXBean}) and the whole process's (the writer thread's
 * {@code write(2)} included; the kernel's writeback threads are not). One mode per JVM, so that
 * each compiles the path it measures:
 * {@code java -cp CP dev.dockwire.bench.CaptureCpu off|tap|discard|devnull|on|disk [seconds]} (the first 3 s
 * warm up; the modes are {@link CapturedPath}'s). Run it with the benchmarks' Netty settings
 * ({@code ProductionJvm}'s options). For capture on against off, or one build against another,
 * on a loaded machine, {@link CaptureCompared} alternates the two in one JVM.
 */
public final class CaptureCpu {
    private CaptureCpu() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (CapturedPath path = new CapturedPath(mode)) {
            for (int second = 0; second < seconds; second++) {
                long frames = 0;
                long cpu = threads.getCurrentThreadCpuTime();
                long process = os.getProcessCpuTime();
                long wall = System.nanoTime();
                while (System.nanoTime() - wall < 1_000_000_000L) {
                    path.sendBatch(BridgedUdpBench.BATCH);
                    frames += BridgedUdpBench.BATCH;
                }
                cpu = threads.getCurrentThreadCpuTime() - cpu;
                process = os.getProcessCpuTime() - process;
                wall = System.nanoTime() - wall;
                if (second >= 3) {
                    System.out.printf("capture=%s: forwarding thread %.1f ns CPU per frame, process %.1f, wall %.1f (%.0f%% of a core)%n",
                            mode, cpu / (double) frames, process / (double) frames, wall / (double) frames, 100.0 * cpu / wall);
                }
            }
        }
    }
}
