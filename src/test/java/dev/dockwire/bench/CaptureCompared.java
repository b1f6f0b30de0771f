package dev.dockwire.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

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
 * {@code target}; modes as {@link CapturedPath}'s).
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
            ns = BuildsCompared.alternate(send, windows, BATCH, WARM_UP);
        } finally {
            for (AutoCloseable p : paths) {
                p.close();
            }
        }
        double[] ratio = ns[2];
        System.out.printf("A %s %.1f ns per frame (min %.1f), B %s %.1f (min %.1f); B/A per window: median %.3f,"
                        + " quartiles %.3f–%.3f; A/B (B's rate as a share of A's) %.1f%%%n",
                args[2], ns[0][windows / 2], ns[0][0], args[4], ns[1][windows / 2], ns[1][0],
                ratio[windows / 2], ratio[windows / 4], ratio[3 * windows / 4], 100 / ratio[windows / 2]);
    }
}
