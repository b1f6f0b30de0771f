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
 * Two builds of one UDP path in one JVM, for a machine other work shares: each build (its
 * {@code classes} and {@code test-classes}, and its own copy of every dependency, so that no
 * shared class's JIT profile sees both builds' frame classes) in a class loader of its own, and
 * half-second windows of the forwarding thread's CPU time taken in turn, A B then B A. What the
 * machine's load does to one window it does to its neighbour, so the per-window ratio is the
 * figure to read; JMH's rates on a loaded 2-core machine mostly measure the scheduler. Run each
 * comparison both ways round: the build loaded second measured 0–3% slower in an A-against-A run, and in
 * session 27 (loaded machine) 15–20% faster on the overlay and bridged paths whichever build it was, so a change
 * is the geometric mean of both orders' ratios, and a lone JVM per build (thread CPU time) is the check.
 *
 * <p>{@code java -Ddeps=$(cat target/bench.cp) -cp target/test-classes dev.dockwire.bench.BuildsCompared
 * overlay|overlay-dockerd|bridged|macvlan|nat WINDOWS DIR_A DIR_B} (a DIR is a build's {@code target}; e.g. the old
 * build copied to /tmp first).
 */
public final class BuildsCompared {
    private static final int BATCH = 32;
    private static final long WINDOW_NANOS = 500_000_000L;
    /** Rounds dropped: {@code -Dwarmup=N} (overlay-dockerd's longer path takes ~10 s of a loaded machine to compile). */
    private static final int WARM_UP = Integer.getInteger("warmup", 3);
    /**
     * {@code -Dwall=true}: each window's wall-clock time per frame rather than the thread's CPU time,
     * for a cost the CPU time does not show (the capture writer preempting the forwarding thread on
     * its core, or making it wait for a chunk); the load still changes neighbouring windows alike.
     */
    private static final boolean WALL = Boolean.getBoolean("wall");

    private BuildsCompared() {
    }

    public static void main(String[] args) throws Throwable {
        // ProductionJvm's Netty settings, as the JMH benchmarks fork with them (that class is not on
        // this class path): without them every header access also checks the reference count, a
        // fifth more per frame, and the JIT shapes the path otherwise. A -D given on the command line wins.
        System.getProperties().putIfAbsent("io.netty.leakDetection.level", "disabled");
        System.getProperties().putIfAbsent("io.netty.buffer.checkAccessible", "false");
        String path = args[0];
        int windows = Integer.parseInt(args[1]);
        String cls = switch (path) {
            case "overlay", "overlay-dockerd" -> "OverlayUdpPath";
            case "bridged" -> "BridgedUdpPath";
            case "macvlan" -> "MacvlanUdpPath";
            case "nat" -> "NatUdpPath";
            default -> throw new IllegalArgumentException("path: overlay, overlay-dockerd, bridged, macvlan or nat; got " + path);
        };
        Object[] paths = new Object[2];
        MethodHandle[] send = new MethodHandle[2];
        for (int k = 0; k < 2; k++) {
            Class<?> c = loader(args[2 + k]).loadClass("dev.dockwire.bench." + cls);
            // overlay-dockerd: OverlayUdpPath with dockerd's start rules on both hosts (UdpPathBench's path of that name).
            paths[k] = path.equals("overlay-dockerd") ? c.getConstructor(boolean.class).newInstance(true)
                    : c.getConstructor().newInstance();
            send[k] = MethodHandles.publicLookup().findVirtual(c, "sendBatch", MethodType.methodType(void.class, int.class))
                    .bindTo(paths[k]);
        }
        double[][] ns = alternate(send, windows, BATCH, WARM_UP);
        double[] ratio = ns[2];
        System.out.printf("%s: A %.1f ns " + (WALL ? "wall" : "CPU") + " per frame (min %.1f), B %.1f (min %.1f); B/A per window: median %.3f, quartiles %.3f–%.3f%n",
                path, ns[0][windows / 2], ns[0][0], ns[1][windows / 2], ns[1][0],
                ratio[windows / 2], ratio[windows / 4], ratio[3 * windows / 4]);
    }

    /**
     * Drives {@code send[0]} and {@code send[1]} (each sending {@code batch} frames a call) in turn in
     * half-second windows of this thread's CPU time, A B then B A, the first {@code warmUp} rounds
     * dropped: A's and B's CPU ns per frame and B/A per window, each sorted.
     */
    static double[][] alternate(MethodHandle[] send, int windows, int batch, int warmUp) throws Throwable {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[][] ns = new double[2][windows];
        for (int w = 0; w < windows + warmUp; w++) {
            for (int turn = 0; turn < 2; turn++) {
                int k = w % 2 == 0 ? turn : 1 - turn;
                long frames = 0;
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                while (System.nanoTime() - start < WINDOW_NANOS) {
                    send[k].invokeExact(batch);
                    frames += batch;
                }
                if (w >= warmUp) {
                    long spent = WALL ? System.nanoTime() - start : threads.getCurrentThreadCpuTime() - cpu;
                    ns[k][w - warmUp] = spent / (double) frames;
                }
            }
        }
        double[] ratio = new double[windows];
        for (int i = 0; i < windows; i++) {
            ratio[i] = ns[1][i] / ns[0][i];
        }
        Arrays.sort(ratio);
        Arrays.sort(ns[0]);
        Arrays.sort(ns[1]);
        return new double[][] {ns[0], ns[1], ratio};
    }

    /** A build's classes and tests, then every dependency of {@code -Ddeps}, under the platform loader. */
    static ClassLoader loader(String target) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(new File(target, "test-classes/").toURI().toURL());
        urls.add(new File(target, "classes/").toURI().toURL());
        for (String jar : System.getProperty("deps").split(File.pathSeparator)) {
            urls.add(new File(jar).toURI().toURL());
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }
}
