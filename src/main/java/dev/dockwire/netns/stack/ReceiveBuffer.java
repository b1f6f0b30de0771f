package dev.dockwire.netns.stack;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The receive buffer ({@code SO_RCVBUF}): a byte ring addressed from its first unread byte.
 * Offsets {@code [0, buffered)} hold in-order data the program has not read yet; out-of-order
 * segments are written further on, at their distance from {@code RCV.NXT}, and become readable
 * when the gap before them fills ({@link Assembler} tracks which ranges are there). Its capacity is
 * tcp_rmem[2]: what is buffered and the window offered beyond it together stay within the socket's
 * {@code sk_rcvbuf} ({@link ReceiveWindow} offers at most half of its free memory), so every
 * acceptable segment fits. Grows on demand: a connection whose program reads as data arrives
 * never allocates it.
 */
final class ReceiveBuffer {
    private static final int MIN_RING = 2048;
    private final int maxRing;
    private byte[] ring = new byte[0];
    private ByteBuf view = Unpooled.EMPTY_BUFFER;
    private int head;
    private int buffered;

    ReceiveBuffer(int capacity) {
        this.maxRing = Integer.highestOneBit(capacity - 1) << 1;
    }

    /** In-order bytes waiting for the program. */
    int buffered() {
        return buffered;
    }

    /** Copies {@code len} bytes of {@code src} at {@code srcIndex} to {@code offset} from the first unread byte. */
    void write(int offset, ByteBuf src, int srcIndex, int len) {
        ensure(offset + len);
        int mask = ring.length - 1;
        int to = (head + offset) & mask;
        int first = Math.min(len, ring.length - to);
        src.getBytes(srcIndex, ring, to, first);
        if (first < len) {
            src.getBytes(srcIndex + first, ring, 0, len - first);
        }
    }

    /** {@code n} more bytes after the buffered ones are now in order. */
    void commit(int n) {
        buffered += n;
    }

    /**
     * The first contiguous run of buffered bytes as a view (up to the ring's end), valid until the
     * next call on this buffer; consume what was read with {@link #consume}.
     */
    ByteBuf peek() {
        int n = Math.min(buffered, ring.length - head);
        return view.setIndex(head, head + n);
    }

    void consume(int n) {
        buffered -= n;
        head = (head + n) & (ring.length - 1);
    }

    /** Gives the ring back when nothing waits to be read. */
    void trim() {
        if (buffered == 0) {
            ring = new byte[0];
            view = Unpooled.EMPTY_BUFFER;
            head = 0;
        }
    }

    private void ensure(int needed) {
        if (needed <= ring.length) {
            return;
        }
        if (needed > maxRing) {
            throw new IllegalStateException("segment beyond the receive buffer: " + needed + " > " + maxRing);
        }
        int len = Math.min(maxRing, Math.max(MIN_RING, Integer.highestOneBit(needed - 1) << 1));
        byte[] grown = new byte[len];
        if (ring.length > 0) {
            // Out-of-order data may sit anywhere in the ring: keep all of it, in offset order.
            int first = ring.length - head;
            System.arraycopy(ring, head, grown, 0, first);
            System.arraycopy(ring, 0, grown, first, head);
        }
        ring = grown;
        head = 0;
        view = Unpooled.wrappedBuffer(ring);
    }
}
