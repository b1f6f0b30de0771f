package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over a TCP segment (RFC 9293 section 3.1). TCP carries no length of its own, so the
 * view is given the segment length (the IPv4 payload length). Options are read with
 * {@link TcpOptions}; the checksum covers the IPv4 pseudo-header (RFC 9293 section 3.1) and can be
 * patched incrementally (RFC 1624) when NAT rewrites a port or an address.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |       |C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
 * |       |       |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (Data Offset > 5)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             Data                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class TcpSegment {
    public static final int SRC_PORT = 0;
    public static final int DST_PORT = 2;
    public static final int SEQ = 4;
    public static final int ACK = 8;
    public static final int DATA_OFFSET = 12;
    public static final int FLAGS = 13;
    public static final int WINDOW = 14;
    public static final int CHECKSUM = 16;
    public static final int URGENT = 18;
    public static final int OPTIONS = 20;
    public static final int MIN_HEADER_LENGTH = 20;
    public static final int MAX_HEADER_LENGTH = 60;

    public static final int FLAG_FIN = 0x01;
    public static final int FLAG_SYN = 0x02;
    public static final int FLAG_RST = 0x04;
    public static final int FLAG_PSH = 0x08;
    public static final int FLAG_ACK = 0x10;
    public static final int FLAG_URG = 0x20;
    /** ECN-Echo (RFC 3168). */
    public static final int FLAG_ECE = 0x40;
    /** Congestion Window Reduced (RFC 3168). */
    public static final int FLAG_CWR = 0x80;

    private ByteBuf buf;
    private int offset;
    private int length;

    /** Points at a segment of {@code length} bytes; the caller has checked it. */
    public TcpSegment wrap(ByteBuf buf, int offset, int length) {
        this.buf = buf;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /**
     * Points at a segment that is the whole of {@code available} bytes (the IP payload) and checks
     * what tcp_v4_rcv checks before looking further: a full header, data offset at least 5 words
     * and within the segment. Does not verify the checksum ({@link #verifyChecksum}).
     */
    public boolean wrapChecked(ByteBuf buf, int offset, int available) {
        if (available < MIN_HEADER_LENGTH) {
            return false;
        }
        wrap(buf, offset, available);
        int hl = headerLength();
        return hl >= MIN_HEADER_LENGTH && hl <= available;
    }

    public int offset() {
        return offset;
    }

    /** Segment length: header, options and data. */
    public int length() {
        return length;
    }

    public int srcPort() {
        return buf.getUnsignedShort(offset + SRC_PORT);
    }

    public int dstPort() {
        return buf.getUnsignedShort(offset + DST_PORT);
    }

    /** Sequence number; compare with modular arithmetic ({@code a - b < 0}). */
    public int seq() {
        return buf.getInt(offset + SEQ);
    }

    public int ack() {
        return buf.getInt(offset + ACK);
    }

    /** Header length in bytes (data offset * 4), options included. */
    public int headerLength() {
        return headerLength(buf, offset);
    }

    /** The header's length in bytes (the data offset field) of the segment at {@code offset} of {@code buf}. */
    public static int headerLength(ByteBuf buf, int offset) {
        return (buf.getUnsignedByte(offset + DATA_OFFSET) >>> 4) * 4;
    }

    /** The eight flag bits CWR..FIN; test with the {@code FLAG_} constants. */
    public int flags() {
        return buf.getUnsignedByte(offset + FLAGS);
    }

    public boolean hasFlags(int mask) {
        return (flags() & mask) == mask;
    }

    public boolean fin() {
        return (flags() & FLAG_FIN) != 0;
    }

    public boolean syn() {
        return (flags() & FLAG_SYN) != 0;
    }

    public boolean rst() {
        return (flags() & FLAG_RST) != 0;
    }

    public boolean psh() {
        return (flags() & FLAG_PSH) != 0;
    }

    /** The ACK flag (the acknowledgment number is {@link #ack()}). */
    public boolean ackFlag() {
        return (flags() & FLAG_ACK) != 0;
    }

    public boolean urg() {
        return (flags() & FLAG_URG) != 0;
    }

    public boolean ece() {
        return (flags() & FLAG_ECE) != 0;
    }

    public boolean cwr() {
        return (flags() & FLAG_CWR) != 0;
    }

    /** The raw (unscaled) window field. */
    public int window() {
        return buf.getUnsignedShort(offset + WINDOW);
    }

    public int checksum() {
        return buf.getUnsignedShort(offset + CHECKSUM);
    }

    public int urgent() {
        return buf.getUnsignedShort(offset + URGENT);
    }

    public int optionsOffset() {
        return offset + OPTIONS;
    }

    public int optionsLength() {
        return headerLength() - MIN_HEADER_LENGTH;
    }

    public int payloadOffset() {
        return offset + headerLength();
    }

    public int payloadLength() {
        return length - headerLength();
    }

    /** Parses the options area into {@code into}; false when an option is malformed. */
    public boolean options(TcpOptions into) {
        return into.parse(buf, optionsOffset(), optionsLength());
    }

    /** Verifies the checksum against the pseudo-header of {@code src}/{@code dst}. */
    public boolean verifyChecksum(int src, int dst) {
        long sum = Checksum.pseudoHeader(src, dst, IpProtocol.TCP, length);
        return Checksum.fold(Checksum.sum(buf, offset, length, sum)) == 0xFFFF;
    }

    /**
     * Writes the fixed header with {@code headerLength} bytes (a multiple of 4, 20..60) and a zero
     * checksum; write options and data, then call {@link #fillChecksum}.
     */
    public TcpSegment set(int srcPort, int dstPort, int seq, int ack, int headerLength, int flags,
                          int window, int urgent) {
        buf.setShort(offset + SRC_PORT, srcPort);
        buf.setShort(offset + DST_PORT, dstPort);
        buf.setInt(offset + SEQ, seq);
        buf.setInt(offset + ACK, ack);
        buf.setByte(offset + DATA_OFFSET, (headerLength / 4) << 4);
        buf.setByte(offset + FLAGS, flags);
        buf.setShort(offset + WINDOW, window);
        buf.setShort(offset + CHECKSUM, 0);
        buf.setShort(offset + URGENT, urgent);
        return this;
    }

    /** Computes the checksum over the whole segment with the IPv4 pseudo-header. */
    public TcpSegment fillChecksum(int src, int dst) {
        buf.setShort(offset + CHECKSUM, 0);
        long sum = Checksum.pseudoHeader(src, dst, IpProtocol.TCP, length);
        buf.setShort(offset + CHECKSUM, ~Checksum.fold(Checksum.sum(buf, offset, length, sum)) & 0xFFFF);
        return this;
    }

    public TcpSegment checksum(int checksum) {
        buf.setShort(offset + CHECKSUM, checksum);
        return this;
    }

    /** Rewrites the source port and patches the checksum incrementally (NAT, RFC 1624). */
    public TcpSegment srcPort(int port) {
        int old = srcPort();
        buf.setShort(offset + SRC_PORT, port);
        buf.setShort(offset + CHECKSUM, Checksum.update16(checksum(), old, port));
        return this;
    }

    /** Rewrites the destination port and patches the checksum incrementally (NAT, RFC 1624). */
    public TcpSegment dstPort(int port) {
        int old = dstPort();
        buf.setShort(offset + DST_PORT, port);
        buf.setShort(offset + CHECKSUM, Checksum.update16(checksum(), old, port));
        return this;
    }

    /**
     * Patches the checksum after NAT changed an IPv4 address of the pseudo-header from
     * {@code oldAddress} to {@code newAddress} (RFC 1624; what inet_proto_csum_replace4 does).
     */
    public TcpSegment addressChanged(int oldAddress, int newAddress) {
        buf.setShort(offset + CHECKSUM, Checksum.update32(checksum(), oldAddress, newAddress));
        return this;
    }
}
