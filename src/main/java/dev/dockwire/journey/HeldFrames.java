package dev.dockwire.journey;

import dev.dockwire.kernel.CaptureSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * The frames commenting captures hold until the loop is idle, first in first out: each frame's
 * bytes copied once into one byte array, beside it in parallel arrays its capture, interface,
 * timestamp, direction and packet identity ({@link PacketKey#hi}, {@link PacketKey#lo}). The
 * arrays grow while needed and are reused afterwards, so holding a frame allocates nothing in a
 * steady run. Not thread-safe.
 */
final class HeldFrames {
    private static final CaptureSink.Direction[] DIRECTIONS = CaptureSink.Direction.values();

    private Object[] sink = new Object[1 << 8];
    private int[] iface = new int[1 << 8];
    private long[] nanos = new long[1 << 8];
    private byte[] direction = new byte[1 << 8];
    private int[] offset = new int[1 << 8];
    private int[] length = new int[1 << 8];
    private long[] hi = new long[1 << 8];
    private long[] lo = new long[1 << 8];
    private byte[] bytes = new byte[1 << 16];
    /** {@link #bytes} as a buffer, whose indices are set to each frame it hands out. */
    private ByteBuf view = Unpooled.wrappedBuffer(bytes);
    /** Frames from {@code head} (inclusive) to {@code tail} (exclusive) are held; bytes from {@code offset[head]} to {@code end}. */
    private int head;
    private int tail;
    private int end;

    int size() {
        return tail - head;
    }

    /** Holds a copy of {@code frame} for {@code owner}; {@code keyed} false when it has no identity. */
    void add(Object owner, int ifc, long time, ByteBuf frame, CaptureSink.Direction dir, boolean keyed, long keyHi, long keyLo) {
        int n = frame.readableBytes();
        if (tail == sink.length) {
            compact();
            if (tail == sink.length) {
                growFrames();
            }
        }
        if (end + n > bytes.length) {
            compact();
            if (end + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, end + n));
                view = Unpooled.wrappedBuffer(bytes);
            }
        }
        frame.getBytes(frame.readerIndex(), bytes, end, n);
        sink[tail] = owner;
        iface[tail] = ifc;
        nanos[tail] = time;
        direction[tail] = (byte) dir.ordinal();
        offset[tail] = end;
        length[tail] = n;
        hi[tail] = keyed ? keyHi : 0;
        lo[tail] = keyed ? keyLo : 0;
        tail++;
        end += n;
    }

    /** Moves what is held to the front of the arrays. */
    private void compact() {
        if (head == 0) {
            return;
        }
        int n = tail - head;
        int from = n == 0 ? end : offset[head];
        System.arraycopy(bytes, from, bytes, 0, end - from);
        for (int i = 0; i < n; i++) {
            offset[i] = offset[head + i] - from;
        }
        System.arraycopy(sink, head, sink, 0, n);
        Arrays.fill(sink, n, tail, null);
        System.arraycopy(iface, head, iface, 0, n);
        System.arraycopy(nanos, head, nanos, 0, n);
        System.arraycopy(direction, head, direction, 0, n);
        System.arraycopy(length, head, length, 0, n);
        System.arraycopy(hi, head, hi, 0, n);
        System.arraycopy(lo, head, lo, 0, n);
        end -= from;
        head = 0;
        tail = n;
    }

    private void growFrames() {
        int n = 2 * sink.length;
        sink = Arrays.copyOf(sink, n);
        iface = Arrays.copyOf(iface, n);
        nanos = Arrays.copyOf(nanos, n);
        direction = Arrays.copyOf(direction, n);
        offset = Arrays.copyOf(offset, n);
        length = Arrays.copyOf(length, n);
        hi = Arrays.copyOf(hi, n);
        lo = Arrays.copyOf(lo, n);
    }

    // The oldest frame held, valid until {@link #remove}.

    Object owner() {
        return sink[head];
    }

    int iface() {
        return iface[head];
    }

    long nanos() {
        return nanos[head];
    }

    CaptureSink.Direction direction() {
        return DIRECTIONS[direction[head]];
    }

    /** Whether the oldest frame has a packet identity ({@link PacketKey#hi} is never 0 for one). */
    boolean keyed() {
        return hi[head] != 0;
    }

    long hi() {
        return hi[head];
    }

    long lo() {
        return lo[head];
    }

    /** The oldest frame's bytes, a view valid until the next {@link #add}. */
    ByteBuf frame() {
        return view.setIndex(offset[head], offset[head] + length[head]);
    }

    /** Lets go of the oldest frame. */
    void remove() {
        sink[head] = null;
        head++;
        if (head == tail) {
            head = 0;
            tail = 0;
            end = 0;
        }
    }
}
