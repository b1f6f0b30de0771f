package dev.dockwire.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Frame buffers: heap {@link ByteBuf}s (from the thread's {@link FrameCache} up to
 * {@link FrameCache#LARGE} bytes, Netty's pooled allocator above) with {@link #HEADROOM} bytes reserved in front of
 * the reader index, so encapsulation (802.1Q, VXLAN's 50 bytes) and the Ethernet header of a
 * locally built packet are prepended without copying. A frame's readable bytes are exactly the
 * Ethernet frame (no FCS).
 */
public final class Frames {
    /** Room in front of the first byte: enough for Ethernet + two VXLAN encapsulations. */
    public static final int HEADROOM = 128;
    private static final PooledByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;

    private Frames() {
    }

    /** A new empty frame with headroom and room for {@code capacity} bytes after it. */
    public static ByteBuf allocate(int capacity) {
        ByteBuf buf = FrameCache.take(HEADROOM + capacity);
        if (buf == null) {
            buf = ALLOC.heapBuffer(HEADROOM + capacity);
        }
        buf.setIndex(HEADROOM, HEADROOM);
        return buf;
    }

    /** A private copy of {@code frame}'s readable bytes, with fresh headroom. */
    public static ByteBuf copy(ByteBuf frame) {
        int len = frame.readableBytes();
        ByteBuf copy = allocate(len);
        copy.writeBytes(frame, frame.readerIndex(), len);
        return copy;
    }

    /** Makes sure {@code n} bytes can be prepended; returns the frame, or a copy if it had to grow. */
    public static ByteBuf ensureHeadroom(ByteBuf frame, int n) {
        if (frame.readerIndex() >= n) {
            return frame;
        }
        ByteBuf copy = copy(frame);
        frame.release();
        return copy;
    }

    /** Moves the reader index back by {@code n} bytes to make room for a header; returns its offset. */
    public static int prepend(ByteBuf frame, int n) {
        int at = frame.readerIndex() - n;
        frame.readerIndex(at);
        return at;
    }
}
