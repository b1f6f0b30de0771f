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

    private Bytes() {
    }

    /** The array index of {@code buf}'s byte {@code index}, checked that {@code n} bytes lie within its capacity. */
    private static int at(ByteBuf buf, int index, int n) {
        if ((index | (buf.capacity() - n - index)) < 0) {
            throw new IndexOutOfBoundsException("index " + index + " length " + n + " of a " + buf.capacity() + "-byte buffer");
        }
        return buf.arrayOffset() + index;
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
        if (buf.hasArray()) {
            byte[] a = buf.array();
            int i = at(buf, index, 6);
            return ((long) ((short) SHORT.get(a, i) & 0xFFFF) << 32) | Integer.toUnsignedLong((int) INT.get(a, i + 2));
        }
        return ((long) buf.getUnsignedShort(index) << 32) | buf.getUnsignedInt(index + 2);
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
            buf.setShort(index, v);
        }
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
            byte[] a = buf.array();
            int i = at(buf, index, 6);
            SHORT.set(a, i, (short) (v >>> 32));
            INT.set(a, i + 2, (int) v);
        } else {
            buf.setShort(index, (int) (v >>> 32));
            buf.setInt(index + 2, (int) v);
        }
    }
}
