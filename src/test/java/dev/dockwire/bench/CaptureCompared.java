package dev.dockwire.bench;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Capture's cost measured as {@link BuildsCompared} measures builds: two {@link CapturedPath}s,
 * each a build and a capture mode in a class loader of its own (so neither's JIT profile or
 * capture writer thread sees the other's), driven in turn in half-second windows of the
 * forwarding thread's CPU time, A B then B A. Per window, B's CPU per frame over A's: with A
 * {@code off} and B {@code on}, {@code 1 / ratio} is capture on as a share of capture off, the
 * figure issue 22 asks ≥ 85% of; with A an old build's {@code on} and B a new one's, the change.
 * The machine's load changes neighbouring windows alike, so the ratio holds where rates do not.
 *
 * <p>{@code java -Ddeps=$(cat target/bench.cp) <ProductionJvm options> -cp target/test-classes
 * dev.dockwire.bench.CaptureCompared WINDOWS DIR_A MODE_A DIR_B MODE_B} (a DIR is a build's
 * {@code target}; modes as {@link CapturedPath}'s).
 */
public final class CaptureCompared {
    private static final int BATCH = 64;
    private static final long WINDOW_NANOS = 500_000_000L;
    private static final int WARM_UP = 6;

    private CaptureCompared() {
    }

    public static void main(String[] args) throws Throwable {
        int windows = Integer.parseInt(args[0]);
        AutoCloseable[] paths = new AutoCloseable[2];
        MethodHandle[] send = new MethodHandle[2];
        for (int k = 0; k < 2; k++) {
            Class<?> c = loader(args[1 + 2 * k]).loadClass("dev.dockwire.bench.CapturedPath");
            paths[k] = (AutoCloseable) c.getConstructor(String.class).newInstance(args[2 + 2 * k]);
            send[k] = MethodHandles.publicLookup().findVirtual(c, "sendBatch", MethodType.methodType(void.class, int.class))
                    .bindTo(paths[k]);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[][] ns = new double[2][windows];
        try {
            for (int w = 0; w < windows + WARM_UP; w++) {
                for (int turn = 0; turn < 2; turn++) {
                    int k = w % 2 == 0 ? turn : 1 - turn;
                    long frames = 0;
                    long cpu = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    while (System.nanoTime() - start < WINDOW_NANOS) {
                        send[k].invokeExact(BATCH);
                        frames += BATCH;
                    }
                    if (w >= WARM_UP) {
                        ns[k][w - WARM_UP] = (threads.getCurrentThreadCpuTime() - cpu) / (double) frames;
                    }
                }
            }
        } finally {
            for (AutoCloseable p : paths) {
                p.close();
            }
        }
        double[] ratio = new double[windows];
        for (int i = 0; i < windows; i++) {
            ratio[i] = ns[1][i] / ns[0][i];
        }
        Arrays.sort(ratio);
        for (double[] n : ns) {
            Arrays.sort(n);
        }
        System.out.printf("A %s %.1f ns CPU per frame (min %.1f), B %s %.1f (min %.1f); B/A per window: median %.3f,"
                        + " quartiles %.3f–%.3f; A/B (B's rate as a share of A's) %.1f%%%n",
                args[2], ns[0][windows / 2], ns[0][0], args[4], ns[1][windows / 2], ns[1][0],
                ratio[windows / 2], ratio[windows / 4], ratio[3 * windows / 4], 100 / ratio[windows / 2]);
    }

    /** A build's classes and tests, then every dependency of {@code -Ddeps}, under the platform loader. */
    private static ClassLoader loader(String target) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(new File(target, "test-classes/").toURI().toURL());
        urls.add(new File(target, "classes/").toURI().toURL());
        for (String jar : System.getProperty("deps").split(File.pathSeparator)) {
            urls.add(new File(jar).toURI().toURL());
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }
}
