package dev.dockwire.netns.stack;

import io.netty.buffer.ByteBuf;

/**
 * The send buffer ({@code SO_SNDBUF}): bytes written by the program and not yet acknowledged, in
 * a byte ring that grows on demand up to its limit. Its first byte is the oldest unacknowledged
 * byte; segments (first transmissions and retransmissions) copy out of it, acknowledgments drop
 * from its front. Holds no pooled buffers, so nothing leaks when a connection dies.
 */
final class SendBuffer {
    private static final int MIN_RING = 2048;
    private int limit;
    private byte[] ring = new byte[0];
    private int head;
    private int size;

    SendBuffer(int limit) {
        this.limit = limit;
    }

    int size() {
        return size;
    }

    int limit() {
        return limit;
    }

    int free() {
        return limit - size;
    }

    /** Raises the limit to {@code newLimit} (autotuning only grows it, as tcp_sndbuf_expand does). */
    void expand(int newLimit) {
        limit = Math.max(limit, newLimit);
    }

    /** Copies up to {@link #free()} bytes from {@code src} (advancing its reader index); returns the count. */
    int append(ByteBuf src) {
        int n = Math.min(src.readableBytes(), free());
        if (n == 0) {
            return 0;
        }
        ensure(size + n);
        int mask = ring.length - 1;
        int tail = (head + size) & mask;
        int first = Math.min(n, ring.length - tail);
        src.readBytes(ring, tail, first);
        if (first < n) {
            src.readBytes(ring, 0, n - first);
        }
        size += n;
        return n;
    }

    /** Copies {@code len} bytes starting {@code offset} bytes into the buffer to {@code dst} at {@code dstIndex}. */
    void copyTo(int offset, ByteBuf dst, int dstIndex, int len) {
        int mask = ring.length - 1;
        int from = (head + offset) & mask;
        int first = Math.min(len, ring.length - from);
        dst.setBytes(dstIndex, ring, from, first);
        if (first < len) {
            dst.setBytes(dstIndex + first, ring, 0, len - first);
        }
    }

    /** Drops the {@code n} oldest bytes (acknowledged). */
    void drop(int n) {
        size -= n;
        head = size == 0 ? 0 : (head + n) & (ring.length - 1);
    }

    /** Gives the ring back when it is empty (TIME-WAIT keeps the connection, not its memory). */
    void trim() {
        if (size == 0) {
            ring = new byte[0];
            head = 0;
        }
    }

    private void ensure(int needed) {
        if (needed <= ring.length) {
            return;
        }
        int len = Math.max(MIN_RING, Integer.highestOneBit(needed - 1) << 1);
        byte[] grown = new byte[len];
        if (size > 0) {
            int first = Math.min(size, ring.length - head);
            System.arraycopy(ring, head, grown, 0, first);
            System.arraycopy(ring, 0, grown, first, size - first);
        }
        ring = grown;
        head = 0;
    }
}
