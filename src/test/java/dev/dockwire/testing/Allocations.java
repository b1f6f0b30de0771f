package dev.dockwire.testing;

import io.netty.util.ResourceLeakDetector;
import java.lang.management.ManagementFactory;

/**
 * Bytes a code path allocates, by the JVM's per-thread counter: {@code warmup} runs first (JIT),
 * then {@code runs} measured ones, on a fresh thread with leak tracking off. A fresh thread
 * because Netty's Recycler keeps per-thread pools whose queues allocate a chunk whenever their fill
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
                long before = mx.getThreadAllocatedBytes(tid);
                for (int i = 0; i < runs; i++) {
                    step.run();
                }
                bytes[0] = mx.getThreadAllocatedBytes(tid) - before;
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
