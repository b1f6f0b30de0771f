package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.bench.BridgedUdpPath;
import io.netty.util.ResourceLeakDetector;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The steady-state bridged path allocates nothing per frame: socket send, IPv4 output, neighbour
 * output, veth, backlog, bridge FDB, veth, IPv4 input, UDP demux, delivery. Measured with the
 * JVM's per-thread allocation counter over 200,000 frames after warm-up (JIT done).
 */
class ForwardingAllocationTest {

    @Test
    void theBridgedUdpPathAllocatesNothingPerFrame() throws Throwable {
        // Netty's Recycler keeps per-thread pools, and their queues allocate a chunk whenever their
        // fill level crosses a chunk boundary; that level depends on how many buffers earlier tests
        // on the same thread held at once (a TCP burst holds hundreds). A fresh thread measures
        // the path, not that history.
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                measure();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "allocation-test");
        t.start();
        t.join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void measure() {
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        // Leak tracking itself allocates a record per buffer; measure the path, not the detector.
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        BridgedUdpPath path = new BridgedUdpPath();
        try {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            for (int i = 0; i < 300_000; i++) {
                path.sendOne();
            }
            int frames = 200_000;
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < frames; i++) {
                path.sendOne();
            }
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            assertEquals(500_002, path.received);
            // A few hundred bytes of slack for the counter's own bookkeeping; one object per frame would be 3.2 MB.
            assertTrue(allocated < 4_096, "allocated " + allocated + " bytes over " + frames + " frames ("
                    + (double) allocated / frames + " per frame)");
        } finally {
            path.close();
            ResourceLeakDetector.setLevel(level);
        }
    }
}
