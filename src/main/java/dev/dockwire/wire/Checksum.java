package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071): one's-complement sum of 16-bit words, and the incremental
 * update of RFC 1624 eqn. 3 ({@code HC' = ~(~HC + ~m + m')}) that NAT and TTL decrement use.
 */
public final class Checksum {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private Checksum() {
    }

    /** Adds the 16-bit big-endian words of {@code buf[offset, offset+length)} to {@code sum}, unfolded. */
    public static long sum(ByteBuf buf, int offset, int length, long sum) {
        if (buf.hasArray()) {
            // Frames are pooled heap buffers: sum the backing array without per-access buffer checks.
            if (offset < 0 || length < 0 || offset + length > buf.capacity()) {
                throw new IndexOutOfBoundsException("checksum over " + offset + "+" + length + " of a " + buf.capacity() + "-byte buffer");
            }
            return sum(buf.array(), buf.arrayOffset() + offset, length, sum);
        }
        int i = offset;
        int end = offset + length;
        while (end - i >= 4) {
            sum += buf.getUnsignedInt(i);
            i += 4;
        }
        if (end - i >= 2) {
            sum += buf.getUnsignedShort(i);
            i += 2;
        }
        if (i < end) {
            sum += (buf.getUnsignedByte(i) << 8);
        }
        return sum;
    }

    /** As {@link #sum(ByteBuf, int, int, long)} over {@code a[offset, offset+length)}. */
    public static long sum(byte[] a, int offset, int length, long sum) {
        if (length == 20) {
            // An IPv4 header without options (ip_fast_csum's case): five words, no loop.
            return sum + Integer.toUnsignedLong((int) INT_BE.get(a, offset)) + Integer.toUnsignedLong((int) INT_BE.get(a, offset + 4))
                    + Integer.toUnsignedLong((int) INT_BE.get(a, offset + 8)) + Integer.toUnsignedLong((int) INT_BE.get(a, offset + 12))
                    + Integer.toUnsignedLong((int) INT_BE.get(a, offset + 16));
        }
        int i = offset;
        int end = offset + length;
        // Eight bytes per load; adding both 32-bit halves keeps the one's-complement sum (RFC 1071 2(C)).
        for (; end - i >= 8; i += 8) {
            long v = (long) LONG_BE.get(a, i);
            sum += (v >>> 32) + (v & 0xFFFF_FFFFL);
        }
        if (end - i >= 4) {
            sum += Integer.toUnsignedLong((int) INT_BE.get(a, i));
            i += 4;
        }
        if (end - i >= 2) {
            sum += ((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF);
            i += 2;
        }
        if (i < end) {
            sum += (a[i] & 0xFF) << 8;
        }
        return sum;
    }

    /**
     * Folds a wide sum (non-negative) into 16 bits (end-around carry), as csum_fold does: without a
     * loop, 32 bits then 16 three times (each step keeps the sum modulo 0xFFFF and never makes a
     * non-zero sum zero).
     */
    public static int fold(long sum) {
        sum = (sum & 0xFFFF_FFFFL) + (sum >>> 32);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) ((sum & 0xFFFF) + (sum >>> 16));
    }

    /** The checksum field value for the given range: {@code ~fold(sum)}. */
    public static int compute(ByteBuf buf, int offset, int length) {
        return ~fold(sum(buf, offset, length, 0)) & 0xFFFF;
    }

    /** The IPv4 pseudo-header sum (RFC 768, RFC 9293 section 3.1) for UDP and TCP. */
    public static long pseudoHeader(int src, int dst, int protocol, int length) {
        return (src >>> 16) + (src & 0xFFFF) + (dst >>> 16) + (dst & 0xFFFF) + protocol + length;
    }

    /** RFC 1624: the new checksum after a 16-bit field changed from {@code oldWord} to {@code newWord}. */
    public static int update16(int checksum, int oldWord, int newWord) {
        long sum = (~checksum & 0xFFFF) + (~oldWord & 0xFFFF) + (newWord & 0xFFFF);
        return ~fold(sum) & 0xFFFF;
    }

    /** RFC 1624 for a 32-bit field (an address): two 16-bit updates. */
    public static int update32(int checksum, int oldValue, int newValue) {
        long sum = (~checksum & 0xFFFF)
                + (~(oldValue >>> 16) & 0xFFFF) + (~oldValue & 0xFFFF)
                + ((newValue >>> 16) & 0xFFFF) + (newValue & 0xFFFF);
        return ~fold(sum) & 0xFFFF;
    }
}
