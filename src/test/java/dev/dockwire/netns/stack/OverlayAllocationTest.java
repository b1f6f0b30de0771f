package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.bench.MacvlanUdpPath;
import dev.dockwire.bench.OverlayUdpPath;
import dev.dockwire.bench.UdpPath;
import dev.dockwire.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * The steady-state overlay and macvlan paths allocate nothing per frame, socket to socket: across
 * two hosts through VXLAN encapsulation in the frame's headroom, the underlay and decapsulation,
 * also with dockerd's rules on both hosts; and between macvlan siblings. Measured with the JVM's per-thread allocation counter over 200,000
 * frames after warm-up (JIT done).
 */
class OverlayAllocationTest {
    private static final int WARMUP = 300_000;
    private static final int FRAMES = 200_000;

    @Test
    void theOverlayPathAllocatesNothingPerFrame() throws Throwable {
        assertNoAllocationPerFrame(new OverlayUdpPath());
    }

    /** On Docker hosts: the sender's hooks replayed by its VTEP's cached output, the receiver's by LocalInFlows. */
    @Test
    void theOverlayPathUnderDockerdsRulesAllocatesNothingPerFrame() throws Throwable {
        assertNoAllocationPerFrame(new OverlayUdpPath(true));
    }

    @Test
    void theMacvlanSiblingPathAllocatesNothingPerFrame() throws Throwable {
        assertNoAllocationPerFrame(new MacvlanUdpPath());
    }

    private static void assertNoAllocationPerFrame(UdpPath path) throws Throwable {
        try {
            long allocated = Allocations.measure(WARMUP, FRAMES, path::sendOne);
            assertEquals(2 + WARMUP + FRAMES, path.received);
            // A few hundred bytes of slack for the counter's own bookkeeping; one object per frame would be 3.2 MB.
            assertTrue(allocated < 4_096, "allocated " + allocated + " bytes over " + FRAMES + " frames ("
                    + (double) allocated / FRAMES + " per frame)");
        } finally {
            path.close();
        }
    }
}
