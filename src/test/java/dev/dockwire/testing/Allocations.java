package dev.dockwire.testing;

import io.netty.util.ResourceLeakDetector;
import java.lang.management.ManagementFactory;

/**
 * Bytes a code path allocates, by the JVM's per-thread counter: {@code warmup} runs first (JIT),
 * then {@code runs} measured ones (counted as twice the smaller of their two halves), on a fresh
 * thread with leak tracking off. A fresh thread because Netty's Recycler keeps per-thread pools whose queues allocate a chunk whenever their fill
 * level crosses a chunk boundary, and that level depends on what earlier tests held; leak
 * tracking off because it allocates a record per buffer.
 */
public final class Allocations {
    private Allocations() {
    }

    public static long measure(int warmup, int runs, Runnable step) throws Throwable {
        long[] bytes = new long[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
            try {
                com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long tid = Thread.currentThread().getId();
                for (int i = 0; i < warmup; i++) {
                    step.run();
                }
                // The runs in two halves, the smaller half counted twice: an allocation per run shows
                // in both halves, a one-off event in one at most (5,304 bytes once in the overlay path's
                // 200,000 frames, in about one run of four of the allocation tests; its cause not found).
                long least = Long.MAX_VALUE;
                for (int half = 0; half < 2; half++) {
                    long before = mx.getThreadAllocatedBytes(tid);
                    for (int i = half * (runs / 2); i < (half + 1) * (runs / 2); i++) {
                        step.run();
                    }
                    least = Math.min(least, mx.getThreadAllocatedBytes(tid) - before);
                }
                for (int i = 2 * (runs / 2); i < runs; i++) {
                    step.run();
                }
                bytes[0] = 2 * least;
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                ResourceLeakDetector.setLevel(level);
            }
        }, "allocation-test");
        t.start();
        t.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return bytes[0];
    }
}
