package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over a UDP header (RFC 768). A zero checksum means "none" over IPv4 and is accepted;
 * a computed checksum of zero is sent as 0xFFFF.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Length             |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class UdpPacket {
    public static final int SRC_PORT = 0;
    public static final int DST_PORT = 2;
    public static final int LENGTH = 4;
    public static final int CHECKSUM = 6;
    public static final int HEADER_LENGTH = 8;

    // Static access for the per-packet path, as Ipv4Packet's: no flyweight pointed at each datagram.

    /** The 32 bits of both ports of the header at {@code off}: the source's in the high half. */
    public static int ports(ByteBuf buf, int off) {
        return Bytes.i32(buf, off + SRC_PORT);
    }

    public static int length(ByteBuf buf, int off) {
        return Bytes.u16(buf, off + LENGTH);
    }

    /** Writes the header at {@code off}. */
    public static void write(ByteBuf buf, int off, int srcPort, int dstPort, int length, int checksum) {
        // The whole header as one word after one bounds check.
        Bytes.put64(buf, off + SRC_PORT, (long) (srcPort << 16 | dstPort & 0xFFFF) << 32
                | Integer.toUnsignedLong(length << 16 | checksum & 0xFFFF));
    }

    private ByteBuf buf;
    private int offset;

    public UdpPacket wrap(ByteBuf buf, int offset) {
        this.buf = buf;
        this.offset = offset;
        return this;
    }

    /** Checks the header fits and its length field lies within {@code available} bytes. */
    public boolean wrapChecked(ByteBuf buf, int offset, int available) {
        if (available < HEADER_LENGTH) {
            return false;
        }
        wrap(buf, offset);
        int len = length();
        return len >= HEADER_LENGTH && len <= available;
    }

    public int srcPort() {
        return Bytes.u16(buf, offset + SRC_PORT);
    }

    public int dstPort() {
        return Bytes.u16(buf, offset + DST_PORT);
    }

    public int length() {
        return Bytes.u16(buf, offset + LENGTH);
    }

    public int checksum() {
        return Bytes.u16(buf, offset + CHECKSUM);
    }

    public int payloadOffset() {
        return offset + HEADER_LENGTH;
    }

    public int payloadLength() {
        return length() - HEADER_LENGTH;
    }

    /** Verifies against the pseudo-header of {@code src}/{@code dst}; a zero checksum passes. */
    public boolean verifyChecksum(int src, int dst) {
        if (checksum() == 0) {
            return true;
        }
        long sum = Checksum.pseudoHeader(src, dst, IpProtocol.UDP, length());
        return Checksum.fold(Checksum.sum(buf, offset, length(), sum)) == 0xFFFF;
    }

    public UdpPacket set(int srcPort, int dstPort, int length) {
        Bytes.put16(buf, offset + SRC_PORT, srcPort);
        Bytes.put16(buf, offset + DST_PORT, dstPort);
        Bytes.put16(buf, offset + LENGTH, length);
        Bytes.put16(buf, offset + CHECKSUM, 0);
        return this;
    }

    public UdpPacket srcPort(int port) {
        Bytes.put16(buf, offset + SRC_PORT, port);
        return this;
    }

    public UdpPacket dstPort(int port) {
        Bytes.put16(buf, offset + DST_PORT, port);
        return this;
    }

    public UdpPacket checksum(int checksum) {
        Bytes.put16(buf, offset + CHECKSUM, checksum);
        return this;
    }

    /** Computes the checksum over header and payload with the IPv4 pseudo-header. */
    public UdpPacket fillChecksum(int src, int dst) {
        Bytes.put16(buf, offset + CHECKSUM, 0);
        long sum = Checksum.pseudoHeader(src, dst, IpProtocol.UDP, length());
        int c = ~Checksum.fold(Checksum.sum(buf, offset, length(), sum)) & 0xFFFF;
        Bytes.put16(buf, offset + CHECKSUM, c == 0 ? 0xFFFF : c);
        return this;
    }
}
