package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.bench.BridgedUdpPath;
import dev.dockwire.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * The steady-state bridged path allocates nothing per frame: socket send, IPv4 output, neighbour
 * output, veth, backlog, bridge FDB, veth, IPv4 input, UDP demux, delivery. Measured with the
 * JVM's per-thread allocation counter over 200,000 frames after warm-up (JIT done).
 */
class ForwardingAllocationTest {

    @Test
    void theBridgedUdpPathAllocatesNothingPerFrame() throws Throwable {
        BridgedUdpPath path = new BridgedUdpPath();
        try {
            int frames = 200_000;
            long allocated = Allocations.measure(300_000, frames, path::sendOne);
            assertEquals(500_002, path.received);
            // A few hundred bytes of slack for the counter's own bookkeeping; one object per frame would be 3.2 MB.
            assertTrue(allocated < 4_096, "allocated " + allocated + " bytes over " + frames + " frames ("
                    + (double) allocated / frames + " per frame)");
        } finally {
            path.close();
        }
    }
}
