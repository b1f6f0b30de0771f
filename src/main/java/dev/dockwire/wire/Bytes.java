package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Big-endian header field loads and stores for the flyweights on the forwarding path (Ethernet,
 * IPv4, UDP, VXLAN). A frame is a heap buffer: the field is read straight from its array after one
 * bounds check against the buffer's capacity, where {@link ByteBuf#getUnsignedShort} goes five calls
 * deep (bounds, accessibility, unsafe access) on every field and, deep in a path of many hops, past
 * the JIT's inlining depth; other buffers take Netty's accessors. The array is looked up on every
 * access, never kept, so a buffer that grew (a new array) between two accesses is still read right.
 * Out of bounds is an {@link IndexOutOfBoundsException} as with Netty's accessors.
 */
final class Bytes {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    /** The array index of {@code buf}'s byte {@code index}, checked that {@code n} bytes lie within its capacity. */
    private static int at(ByteBuf buf, int index, int n) {
        if ((index | (buf.capacity() - n - index)) < 0) {
            throw outOfBounds(buf, index, n);
        }
        return buf.arrayOffset() + index;
    }

    /**
     * The exception, built apart from {@link #at} so that {@code at} stays under the JIT's size
     * for inlining a call site however cold (MaxInlineSize, 35 bytecodes); with the message's
     * string concatenation inline it was 39 and was called, not inlined, from cold callers.
     */
    private static IndexOutOfBoundsException outOfBounds(ByteBuf buf, int index, int n) {
        return new IndexOutOfBoundsException("index " + index + " length " + n + " of a " + buf.capacity() + "-byte buffer");
    }

    static int u8(ByteBuf buf, int index) {
        if (buf.hasArray()) {
            return buf.array()[at(buf, index, 1)] & 0xFF;
        }
        return buf.getUnsignedByte(index);
    }

    static int u16(ByteBuf buf, int index) {
        if (buf.hasArray()) {
            return (short) SHORT.get(buf.array(), at(buf, index, 2)) & 0xFFFF;
        }
        return buf.getUnsignedShort(index);
    }

    static int i32(ByteBuf buf, int index) {
        if (buf.hasArray()) {
            return (int) INT.get(buf.array(), at(buf, index, 4));
        }
        return buf.getInt(index);
    }

    /** A 48-bit field (a MAC address) as the low bits of a long. */
    static long u48(ByteBuf buf, int index) {
        return buf.hasArray() ? u48(buf.array(), at(buf, index, 6)) : u48Netty(buf, index);
    }

    /** The halves of {@link #u48}, apart so that each stays small enough for the JIT to inline anywhere. */
    private static long u48Netty(ByteBuf buf, int index) {
        return ((long) buf.getUnsignedShort(index) << 32) | buf.getUnsignedInt(index + 2);
    }

    private static long u48(byte[] a, int i) {
        return ((long) ((short) SHORT.get(a, i) & 0xFFFF) << 32) | Integer.toUnsignedLong((int) INT.get(a, i + 2));
    }

    static void put8(ByteBuf buf, int index, int v) {
        if (buf.hasArray()) {
            buf.array()[at(buf, index, 1)] = (byte) v;
        } else {
            buf.setByte(index, v);
        }
    }

    static void put16(ByteBuf buf, int index, int v) {
        if (buf.hasArray()) {
            SHORT.set(buf.array(), at(buf, index, 2), (short) v);
        } else {
            put16Netty(buf, index, v);
        }
    }

    /** Netty's store, apart so that {@link #put16} stays within 35 bytecodes (it was 36). */
    private static void put16Netty(ByteBuf buf, int index, int v) {
        buf.setShort(index, v);
    }

    static void put32(ByteBuf buf, int index, int v) {
        if (buf.hasArray()) {
            INT.set(buf.array(), at(buf, index, 4), v);
        } else {
            buf.setInt(index, v);
        }
    }

    static void put48(ByteBuf buf, int index, long v) {
        if (buf.hasArray()) {
            put48(buf.array(), at(buf, index, 6), v);
        } else {
            put48Netty(buf, index, v);
        }
    }

    private static void put48Netty(ByteBuf buf, int index, long v) {
        buf.setShort(index, (int) (v >>> 32));
        buf.setInt(index + 2, (int) v);
    }

    /** A 64-bit word (a whole UDP header) after one array lookup and one bounds check. */
    static void put64(ByteBuf buf, int index, long v) {
        if (buf.hasArray()) {
            LONG.set(buf.array(), at(buf, index, 8), v);
        } else {
            buf.setLong(index, v);
        }
    }

    /**
     * A whole header of 64, 32 and 16 bits (an Ethernet header's 14 bytes) after one array lookup and
     * one bounds check: stored field by field, each store looked the array up and checked again.
     */
    static void put64x32x16(ByteBuf buf, int index, long a, int b, int c) {
        if (buf.hasArray()) {
            put64x32x16(buf.array(), at(buf, index, 14), a, b, c);
        } else {
            buf.setLong(index, a).setInt(index + 8, b).setShort(index + 12, c);
        }
    }

    private static void put64x32x16(byte[] array, int i, long a, int b, int c) {
        LONG.set(array, i, a);
        INT.set(array, i + 8, b);
        SHORT.set(array, i + 12, (short) c);
    }

    /** A whole header of 64, 64 and 32 bits (an IPv4 header's 20 bytes) after one array lookup and one bounds check. */
    static void put64x64x32(ByteBuf buf, int index, long a, long b, int c) {
        if (buf.hasArray()) {
            put64x64x32(buf.array(), at(buf, index, 20), a, b, c);
        } else {
            buf.setLong(index, a).setLong(index + 8, b).setInt(index + 16, c);
        }
    }

    private static void put64x64x32(byte[] array, int i, long a, long b, int c) {
        LONG.set(array, i, a);
        LONG.set(array, i + 8, b);
        INT.set(array, i + 16, c);
    }

    /** Two 64-bit words (a UDP header and the VXLAN header after it) after one array lookup and one bounds check. */
    static void put64x64(ByteBuf buf, int index, long a, long b) {
        if (buf.hasArray()) {
            put64x64(buf.array(), at(buf, index, 16), a, b);
        } else {
            buf.setLong(index, a).setLong(index + 8, b);
        }
    }

    private static void put64x64(byte[] array, int i, long a, long b) {
        LONG.set(array, i, a);
        LONG.set(array, i + 8, b);
    }

    private static void put48(byte[] a, int i, long v) {
        SHORT.set(a, i, (short) (v >>> 32));
        INT.set(a, i + 2, (int) v);
    }
}
