package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.bench.NatUdpPath;
import io.netty.util.ResourceLeakDetector;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * An established DNAT flow allocates nothing per frame: socket send, IPv4 output, veth, bridge,
 * the router's PRE_ROUTING (conntrack hit, DNAT rewrite), FORWARD (filter rule walk),
 * POST_ROUTING, forwarding, veth, bridge, delivery. Measured like ForwardingAllocationTest.
 */
class NatAllocationTest {

    @Test
    void anEstablishedDnatFlowAllocatesNothingPerFrame() {
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        NatUdpPath path = new NatUdpPath();
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
            assertEquals(1, path.router().conntrack().count());
            assertTrue(allocated < 4_096, "allocated " + allocated + " bytes over " + frames + " frames ("
                    + (double) allocated / frames + " per frame)");
        } finally {
            path.close();
            ResourceLeakDetector.setLevel(level);
        }
    }
}
