package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/**
 * The Internet checksum (RFC 1071): one's-complement sum of 16-bit words, and the incremental
 * update of RFC 1624 eqn. 3 ({@code HC' = ~(~HC + ~m + m')}) that NAT and TTL decrement use.
 */
public final class Checksum {
    private Checksum() {
    }

    /** Adds the 16-bit big-endian words of {@code buf[offset, offset+length)} to {@code sum}, unfolded. */
    public static long sum(ByteBuf buf, int offset, int length, long sum) {
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

    /** Folds a wide sum into 16 bits (end-around carry). */
    public static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
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
