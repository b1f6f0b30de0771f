package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The receive queue of a socket whose process does not read: truesize charging and the SO_RCVBUF limit. */
class UdpReceiveQueueTest {
    @Test
    void truesizeIsTheSkbAndItsKmallocedDataArea() {
        assertEquals(768, UdpReceiveQueue.truesize(5), "a short datagram: 512-byte data area and the sk_buff");
        assertEquals(768, UdpReceiveQueue.truesize(128));
        assertEquals(1280, UdpReceiveQueue.truesize(200));
        assertEquals(2304, UdpReceiveQueue.truesize(1472), "a full datagram on a 1500-byte MTU: 2048 and the sk_buff");
    }

    @Test
    void admitsWhileTheChargeIsWithinRcvbufSoTheLastOneGoesPastIt() {
        UdpReceiveQueue q = new UdpReceiveQueue();
        ByteBuf d = Unpooled.wrappedBuffer(new byte[5]);
        int admitted = 0;
        while (q.offer(1, 2, d)) {
            admitted++;
        }
        assertEquals(278, admitted, "212992 / 768 = 277.3: the 278th is admitted at 212736");
        assertEquals(278 * 768, q.rmemAlloc());
        assertFalse(q.offer(1, 2, d));
        int[] read = {0};
        q.deliverOldest(null, (s, src, port, data) -> read[0] = data.readableBytes());
        assertEquals(5, read[0]);
        assertEquals(277 * 768, q.rmemAlloc());
        q.purge();
        assertTrue(q.isEmpty());
        assertEquals(0, q.rmemAlloc());
    }
}
