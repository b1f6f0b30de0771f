package dev.dockwire.netns.stack;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;

/**
 * A UDP socket's receive queue while its process does not read (frozen by {@code docker pause}):
 * the datagrams the stack delivered, charged to {@code sk_rmem_alloc} by their skb's truesize and
 * admitted as {@code __udp_enqueue_schedule_skb} admits them, while what is queued does not exceed
 * {@code sk_rcvbuf} (so one datagram may take it past); the rest is dropped (RcvbufErrors).
 * Handed back oldest first when the process reads again.
 */
final class UdpReceiveQueue {
    /** {@code net.core.rmem_default}: the SO_RCVBUF a UDP socket gets. */
    static final int RMEM_DEFAULT = 212_992;
    /** SKB_DATA_ALIGN(sizeof(struct sk_buff)) on x86-64 (232 bytes, cache-line aligned). */
    private static final int SK_BUFF = 256;
    /** SKB_DATA_ALIGN(sizeof(struct skb_shared_info)) on x86-64. */
    private static final int SHARED_INFO = 320;
    /** The link layer's reserved headroom (LL_RESERVED_SPACE of an Ethernet device) and the IPv4 and UDP headers. */
    private static final int HEADERS = 16 + 20 + 8;

    private record Held(int src, int srcPort, ByteBuf payload, int truesize) {
    }

    private final ArrayDeque<Held> queue = new ArrayDeque<>();
    private int rmemAlloc;

    /**
     * The truesize of the skb a datagram of {@code payload} bytes arrives in, as udp_sendmsg's
     * sock_alloc_send_skb on this host sized it (veth passes the sender's skb on): the data area
     * (headroom, headers, payload, then skb_shared_info) from kmalloc's power-of-two caches, plus
     * the sk_buff. 768 for a short datagram, 2304 for a full 1472-byte one. An estimate in that
     * it ignores IP options and page-fragment data of datagrams larger than a page.
     */
    static int truesize(int payload) {
        int data = ((HEADERS + payload + 63) & ~63) + SHARED_INFO;
        return SK_BUFF + Math.max(512, Integer.highestOneBit(data - 1) << 1);
    }

    /** Queues a copy of {@code data}'s readable bytes from {@code src:srcPort}; false when the buffer is full (dropped). */
    boolean offer(int src, int srcPort, ByteBuf data) {
        if (rmemAlloc > RMEM_DEFAULT) {
            return false;
        }
        int size = truesize(data.readableBytes());
        rmemAlloc += size;
        queue.add(new Held(src, srcPort, Unpooled.buffer(data.readableBytes()).writeBytes(data, data.readerIndex(), data.readableBytes()),
                size));
        return true;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Bytes charged to the socket (sk_rmem_alloc, what ss shows as Recv-Q). */
    int rmemAlloc() {
        return rmemAlloc;
    }

    /** Hands the oldest datagram to {@code receiver} and frees it. */
    void deliverOldest(UdpSocketImpl socket, dev.dockwire.socket.UdpSocket.Receiver receiver) {
        Held h = queue.poll();
        rmemAlloc -= h.truesize();
        try {
            receiver.onDatagram(socket, h.src(), h.srcPort(), h.payload());
        } finally {
            h.payload().release();
        }
    }

    /** The socket closed: what it never read is freed. */
    void purge() {
        queue.forEach(h -> h.payload().release());
        queue.clear();
        rmemAlloc = 0;
    }
}
