package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over an ICMPv4 message (RFC 792): echo request/reply, destination unreachable
 * (including fragmentation needed with the next-hop MTU, RFC 1191) and time exceeded.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  echo: Identifier / Sequence; frag-needed: unused / Next-Hop MTU|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  echo: data; errors: original IP header + first 8 data octets |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class IcmpPacket {
    public static final int TYPE = 0;
    public static final int CODE = 1;
    public static final int CHECKSUM = 2;
    public static final int IDENT = 4;
    public static final int SEQUENCE = 6;
    public static final int NEXT_HOP_MTU = 6;
    public static final int HEADER_LENGTH = 8;

    public static final int TYPE_ECHO_REPLY = 0;
    public static final int TYPE_DEST_UNREACHABLE = 3;
    public static final int TYPE_ECHO_REQUEST = 8;
    public static final int TYPE_TIME_EXCEEDED = 11;

    public static final int CODE_NET_UNREACHABLE = 0;
    public static final int CODE_HOST_UNREACHABLE = 1;
    public static final int CODE_PROTOCOL_UNREACHABLE = 2;
    public static final int CODE_PORT_UNREACHABLE = 3;
    public static final int CODE_FRAG_NEEDED = 4;
    public static final int CODE_ADMIN_PROHIBITED = 13;
    public static final int CODE_TTL_EXCEEDED = 0;
    /** Time exceeded code 1: fragment reassembly time exceeded (RFC 792). */
    public static final int CODE_FRAG_REASSEMBLY = 1;

    private ByteBuf buf;
    private int offset;
    private int length;

    public IcmpPacket wrap(ByteBuf buf, int offset, int length) {
        this.buf = buf;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /** False when shorter than the 8-byte header. */
    public boolean wrapChecked(ByteBuf buf, int offset, int length) {
        wrap(buf, offset, length);
        return length >= HEADER_LENGTH;
    }

    public int length() {
        return length;
    }

    public int type() {
        return buf.getUnsignedByte(offset + TYPE);
    }

    public int code() {
        return buf.getUnsignedByte(offset + CODE);
    }

    public int checksum() {
        return buf.getUnsignedShort(offset + CHECKSUM);
    }

    public int ident() {
        return buf.getUnsignedShort(offset + IDENT);
    }

    public int sequence() {
        return buf.getUnsignedShort(offset + SEQUENCE);
    }

    public int nextHopMtu() {
        return buf.getUnsignedShort(offset + NEXT_HOP_MTU);
    }

    public int dataOffset() {
        return offset + HEADER_LENGTH;
    }

    public int dataLength() {
        return length - HEADER_LENGTH;
    }

    /** True for the error types whose data is the offending IP header (RFC 792). */
    public boolean isError() {
        int t = type();
        return t == TYPE_DEST_UNREACHABLE || t == TYPE_TIME_EXCEEDED;
    }

    public boolean verifyChecksum() {
        return Checksum.fold(Checksum.sum(buf, offset, length, 0)) == 0xFFFF;
    }

    public IcmpPacket type(int type) {
        buf.setByte(offset + TYPE, type);
        return this;
    }

    public IcmpPacket code(int code) {
        buf.setByte(offset + CODE, code);
        return this;
    }

    /** Writes the 4-byte rest-of-header word (identifier/sequence, or unused/MTU). */
    public IcmpPacket restOfHeader(int hi, int lo) {
        buf.setShort(offset + IDENT, hi);
        buf.setShort(offset + SEQUENCE, lo);
        return this;
    }

    public IcmpPacket fillChecksum() {
        buf.setShort(offset + CHECKSUM, 0);
        buf.setShort(offset + CHECKSUM, Checksum.compute(buf, offset, length));
        return this;
    }
}
