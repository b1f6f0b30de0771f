package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.bench.NatUdpPath;
import dev.dockwire.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * An established DNAT flow allocates nothing per frame: socket send, IPv4 output, veth, bridge,
 * the router's PRE_ROUTING (conntrack hit, DNAT rewrite), FORWARD (filter rule walk),
 * POST_ROUTING, forwarding, veth, bridge, delivery. Measured like ForwardingAllocationTest.
 */
class NatAllocationTest {

    @Test
    void anEstablishedDnatFlowAllocatesNothingPerFrame() throws Throwable {
        NatUdpPath path = new NatUdpPath();
        try {
            int frames = 200_000;
            long allocated = Allocations.measure(300_000, frames, path::sendOne);
            assertEquals(500_002, path.received());
            assertEquals(1, path.router().conntrack().count());
            assertTrue(allocated < 4_096, "allocated " + allocated + " bytes over " + frames + " frames ("
                    + (double) allocated / frames + " per frame)");
        } finally {
            path.close();
        }
    }
}
