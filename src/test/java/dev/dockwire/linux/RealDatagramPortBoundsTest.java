package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import dev.dockwire.wire.Ipv4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.junit.jupiter.api.Test;

/**
 * A VTEP's real UDP port under a flood faster than its loop: what waits for the loop stays within
 * a receive buffer (net.core.rmem_default), the rest is dropped as the kernel drops it, and the
 * port goes on receiving. Runs unprivileged: the port is bound on 127.0.0.1 of this namespace.
 */
class RealDatagramPortBoundsTest {
    @Test
    void aFloodWhileTheLoopIsBusyIsDroppedPastTheReceiveBuffer() throws Exception {
        EventLoop loop = new EventLoop(Pacing.WALL);
        long[] bytes = {0};
        int localhost = Ipv4Address.parse("127.0.0.1").bits();
        try (RealDatagramPort port = RealDatagramPort.bind(null, localhost, 0, loop, (ip, p, payload) -> bytes[0] += payload.readableBytes());
             DatagramChannel sender = DatagramChannel.open()) {
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", port.localPort());
            // The loop does not run: nothing is delivered. The port's reader queues what fits and drops
            // the rest; a reader slow to start on a busy machine leaves the kernel's own buffer to drop
            // a burst before the port sees it, so bursts go on until the port has dropped some.
            long until = System.nanoTime() + 5_000_000_000L;
            do {
                for (int i = 0; i < 2_000; i++) {
                    sender.send(ByteBuffer.allocate(1000), to);
                }
                Thread.sleep(10);
            } while (port.dropped() == 0 && System.nanoTime() < until);
            Thread.sleep(200);
            assertTrue(port.queued() <= ReceiveBudget.RMEM_DEFAULT, "queued for the loop: " + port.queued());
            assertTrue(port.dropped() > 0, "the rest dropped");
            loop.runFor(100_000_000L);
            assertEquals(0, port.queued(), "all delivered");
            assertTrue(port.received() > 0 && port.received() <= ReceiveBudget.RMEM_DEFAULT / 1000 + 1,
                    "received " + port.received());
            assertEquals(port.received() * 1000, bytes[0]);
            sender.send(ByteBuffer.allocate(10), to);
            long at = port.received();
            loop.runFor(200_000_000L);
            assertEquals(at + 1, port.received(), "the port lives on");
        }
    }
}
