package dev.dockwire.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Capture's cost measured as {@link BuildsCompared} measures builds: two {@link CapturedPath}s,
 * each a build and a capture mode in a class loader of its own (so neither's JIT profile or
 * capture writer thread sees the other's), driven in turn in half-second windows of the
 * forwarding thread's CPU time, A B then B A. Per window, B's CPU per frame over A's: with A
 * {@code off} and B {@code on}, {@code 1 / ratio} is capture on as a share of capture off, the
 * figure issue 22 asks ≥ 85% of; with A an old build's {@code on} and B a new one's, the change.
 * The machine's load changes neighbouring windows alike, so the ratio holds where rates do not.
 * With {@code -Dwall=true} the windows compare wall-clock time per frame instead
 * ({@link BuildsCompared}), which also counts the forwarding thread's waits and preemptions.
 *
 * <p>{@code java -Ddeps=$(cat target/bench.cp) <ProductionJvm options> -cp target/test-classes
 * dev.dockwire.bench.CaptureCompared WINDOWS DIR_A MODE_A DIR_B MODE_B} (a DIR is a build's
 * {@code target}; modes as {@link CapturedPath}'s). With {@code -Dpin=true} the forwarding thread
 * runs on cpu 0 and both capture writer threads on cpu 1 ({@code taskset}), the split of a quiet
 * machine, where the writer copies on the other core while the forwarding thread works; run it
 * under {@code nice -n -20} so that other work on the machine waits rather than shares them.
 */
public final class CaptureCompared {
    private static final int BATCH = 64;
    private static final int WARM_UP = 6;

    private CaptureCompared() {
    }

    public static void main(String[] args) throws Throwable {
        int windows = Integer.parseInt(args[0]);
        AutoCloseable[] paths = new AutoCloseable[2];
        MethodHandle[] send = new MethodHandle[2];
        for (int k = 0; k < 2; k++) {
            Class<?> c = BuildsCompared.loader(args[1 + 2 * k]).loadClass("dev.dockwire.bench.CapturedPath");
            paths[k] = (AutoCloseable) c.getConstructor(String.class).newInstance(args[2 + 2 * k]);
            send[k] = MethodHandles.publicLookup().findVirtual(c, "sendBatch", MethodType.methodType(void.class, int.class))
                    .bindTo(paths[k]);
        }
        double[][] ns;
        try {
            if (Boolean.getBoolean("pin")) {
                pin(send);
            }
            ns = BuildsCompared.alternate(send, windows, BATCH, WARM_UP);
        } finally {
            for (AutoCloseable p : paths) {
                p.close();
            }
        }
        double[] ratio = ns[2];
        if (Boolean.getBoolean("pin")) {
            System.out.println("pinned: " + Files.readString(Path.of("/proc/thread-self/status")).lines()
                    .filter(l -> l.startsWith("Cpus_allowed_list")).findFirst().orElse("?"));
        }
        System.out.printf("A %s %.1f ns per frame (min %.1f), B %s %.1f (min %.1f); B/A per window: median %.3f,"
                        + " quartiles %.3f–%.3f; A/B (B's rate as a share of A's) %.1f%%%n",
                args[2], ns[0][windows / 2], ns[0][0], args[4], ns[1][windows / 2], ns[1][0],
                ratio[windows / 2], ratio[windows / 4], ratio[3 * windows / 4], 100 / ratio[windows / 2]);
    }

    /**
     * This thread to cpu 0 and the capture writers to cpu 1, once a chunk of each path has been
     * handed over (a writer thread starts with its class loader's first hand-over).
     */
    private static void pin(MethodHandle[] send) throws Throwable {
        for (MethodHandle s : send) {
            for (int i = 0; i < 256; i++) {
                s.invokeExact(BATCH);
            }
        }
        taskset(Path.of("/proc/thread-self").toRealPath().getFileName().toString(), 0);
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(t.resolve("comm")).strip().equals("dockwire-captur")) {
                    taskset(t.getFileName().toString(), 1);
                }
            }
        }
    }

    private static void taskset(String tid, int cpu) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("taskset", "-p", "-c", String.valueOf(cpu), tid).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("taskset -p -c " + cpu + " " + tid + " failed");
        }
    }
}
