package dev.dockwire.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Frame buffers: heap {@link ByteBuf}s (from the thread's {@link FrameCache} up to
 * {@link FrameCache#LARGE} bytes, Netty's pooled allocator above) with {@link #HEADROOM} bytes reserved in front of
 * the reader index, so encapsulation (802.1Q, VXLAN's 50 bytes) and the Ethernet header of a
 * locally built packet are prepended without copying. A frame's readable bytes are exactly the
 * Ethernet frame (no FCS).
 *
 * <p>The skb metadata a frame carries (GSO and checksum offload, {@code skb_shinfo(skb)->gso_size},
 * {@code skb->ip_summed}) is read and written through the static helpers here: a buffer that is
 * not one of ours (a test's {@code Unpooled} buffer) reads as a plain packet with its checksum
 * complete (gso_size 0, CHECKSUM_NONE).
 */
public final class Frames {
    /** Room in front of the first byte: enough for Ethernet + two VXLAN encapsulations. */
    public static final int HEADROOM = 128;
    private static final PooledByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;
    /** {@code ip_summed}: the checksum is complete, or nobody vouched for it (include/linux/skbuff.h). */
    public static final int CHECKSUM_NONE = 0;
    /**
     * {@code ip_summed}: only the pseudo-header sum is in the checksum field, to be completed over
     * {@code [csum_start, end)} and stored at {@code csum_start + csum_offset} by whoever needs it
     * whole (the device, or {@link Gso#checksumHelp}).
     */
    public static final int CHECKSUM_PARTIAL = 3;
    /** The largest GSO packet, IP header to the end (GSO_LEGACY_MAX_SIZE, {@code gso_max_size}). */
    public static final int GSO_MAX_SIZE = 65536;

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

    /** A private copy of {@code frame}'s readable bytes, with fresh headroom and its skb metadata (skb_copy). */
    public static ByteBuf copy(ByteBuf frame) {
        int len = frame.readableBytes();
        ByteBuf copy = allocate(len);
        copy.writeBytes(frame, frame.readerIndex(), len);
        if (frame instanceof FrameCache.Frame f && copy instanceof FrameCache.Frame c) {
            c.gsoSize = f.gsoSize;
            c.gsoSegs = f.gsoSegs;
            c.ipSummed = f.ipSummed;
            c.csumStart = f.csumStart - frame.readerIndex() + copy.readerIndex();
            c.csumOffset = f.csumOffset;
        }
        return copy;
    }

    // ---- skb metadata -------------------------------------------------------------------------

    /** {@code skb_shinfo(skb)->gso_size}: the payload of each segment of a GSO packet, 0 for a plain one. */
    public static int gsoSize(ByteBuf frame) {
        return frame instanceof FrameCache.Frame f ? f.gsoSize : 0;
    }

    /** {@code skb_shinfo(skb)->gso_segs}: the segments a GSO packet stands for (1 for a plain one). */
    public static int gsoSegs(ByteBuf frame) {
        return frame instanceof FrameCache.Frame f && f.gsoSize > 0 ? f.gsoSegs : 1;
    }

    /** {@code skb_is_gso}. */
    public static boolean isGso(ByteBuf frame) {
        return frame instanceof FrameCache.Frame f && f.gsoSize > 0;
    }

    /**
     * Marks {@code frame} a TCPv4 GSO packet (SKB_GSO_TCPV4) of {@code segs} segments of
     * {@code size} bytes of payload (tcp_set_skb_tso_segs); {@code segs} 1 makes it plain again.
     * The frame must come from {@link #allocate}.
     */
    public static void gso(ByteBuf frame, int size, int segs) {
        FrameCache.Frame f = (FrameCache.Frame) frame;
        f.gsoSize = segs > 1 ? size : 0;
        f.gsoSegs = segs > 1 ? segs : 0;
    }

    /** {@code skb->ip_summed}: {@link #CHECKSUM_PARTIAL} or {@link #CHECKSUM_NONE}. */
    public static int ipSummed(ByteBuf frame) {
        return frame instanceof FrameCache.Frame f ? f.ipSummed : CHECKSUM_NONE;
    }

    /** Whether the frame's transport checksum holds only the pseudo-header sum (CHECKSUM_PARTIAL). */
    public static boolean checksumPartial(ByteBuf frame) {
        return frame instanceof FrameCache.Frame f && f.ipSummed == CHECKSUM_PARTIAL;
    }

    /** {@code skb->csum_start}: index in the buffer where the checksummed bytes begin (the transport header). */
    public static int csumStart(ByteBuf frame) {
        return ((FrameCache.Frame) frame).csumStart;
    }

    /** {@code skb->csum_offset}: where in them the checksum field is. */
    public static int csumOffset(ByteBuf frame) {
        return ((FrameCache.Frame) frame).csumOffset;
    }

    /**
     * CHECKSUM_PARTIAL (skb_partial_csum_set): the checksum field at {@code start + offset} holds
     * the pseudo-header sum; the bytes from {@code start} to the end are left to sum. The frame
     * must come from {@link #allocate}.
     */
    public static void checksumPartial(ByteBuf frame, int start, int offset) {
        FrameCache.Frame f = (FrameCache.Frame) frame;
        f.ipSummed = CHECKSUM_PARTIAL;
        f.csumStart = start;
        f.csumOffset = offset;
    }

    /** The checksum is complete (CHECKSUM_NONE), after skb_checksum_help. */
    public static void checksumComplete(ByteBuf frame) {
        if (frame instanceof FrameCache.Frame f) {
            f.ipSummed = CHECKSUM_NONE;
        }
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
