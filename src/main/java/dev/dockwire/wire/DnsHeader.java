package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over the 12-byte DNS message header (RFC 1035 section 4.1.1; AD and CD from RFC 4035
 * section 3.2). The 4-bit RCODE here is the low part of the extended RCODE of EDNS0 (RFC 6891).
 *
 * <pre>
 *  0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                      ID                       |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                    QDCOUNT                    |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                    ANCOUNT                    |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                    NSCOUNT                    |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                    ARCOUNT                    |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * </pre>
 */
public final class DnsHeader {
    public static final int ID = 0;
    public static final int FLAGS = 2;
    public static final int QDCOUNT = 4;
    public static final int ANCOUNT = 6;
    public static final int NSCOUNT = 8;
    public static final int ARCOUNT = 10;
    public static final int LENGTH = 12;

    /** Flag bits of the 16-bit flags word. */
    public static final int FLAG_QR = 0x8000;
    public static final int FLAG_AA = 0x0400;
    public static final int FLAG_TC = 0x0200;
    public static final int FLAG_RD = 0x0100;
    public static final int FLAG_RA = 0x0080;
    public static final int FLAG_Z = 0x0040;
    public static final int FLAG_AD = 0x0020;
    public static final int FLAG_CD = 0x0010;
    public static final int OPCODE_SHIFT = 11;
    public static final int OPCODE_MASK = 0x7800;
    public static final int RCODE_MASK = 0x000F;

    public static final int OPCODE_QUERY = 0;
    public static final int OPCODE_IQUERY = 1;
    public static final int OPCODE_STATUS = 2;
    public static final int OPCODE_NOTIFY = 4;
    public static final int OPCODE_UPDATE = 5;

    private ByteBuf buf;
    private int offset;

    public DnsHeader wrap(ByteBuf buf, int offset) {
        this.buf = buf;
        this.offset = offset;
        return this;
    }

    /** False when fewer than 12 bytes are available. */
    public boolean wrapChecked(ByteBuf buf, int offset, int available) {
        if (available < LENGTH) {
            return false;
        }
        wrap(buf, offset);
        return true;
    }

    /** The flags word with opcode and rcode in place. */
    public static int flags(int bits, int opcode, int rcode) {
        return (bits & ~(OPCODE_MASK | RCODE_MASK)) | ((opcode << OPCODE_SHIFT) & OPCODE_MASK) | (rcode & RCODE_MASK);
    }

    public int id() {
        return buf.getUnsignedShort(offset + ID);
    }

    public int flags() {
        return buf.getUnsignedShort(offset + FLAGS);
    }

    public boolean response() {
        return (flags() & FLAG_QR) != 0;
    }

    public int opcode() {
        return (flags() & OPCODE_MASK) >>> OPCODE_SHIFT;
    }

    public boolean authoritative() {
        return (flags() & FLAG_AA) != 0;
    }

    public boolean truncated() {
        return (flags() & FLAG_TC) != 0;
    }

    public boolean recursionDesired() {
        return (flags() & FLAG_RD) != 0;
    }

    public boolean recursionAvailable() {
        return (flags() & FLAG_RA) != 0;
    }

    public boolean authenticData() {
        return (flags() & FLAG_AD) != 0;
    }

    public boolean checkingDisabled() {
        return (flags() & FLAG_CD) != 0;
    }

    /** The 4-bit header RCODE. */
    public int rcode() {
        return flags() & RCODE_MASK;
    }

    public int qdCount() {
        return buf.getUnsignedShort(offset + QDCOUNT);
    }

    public int anCount() {
        return buf.getUnsignedShort(offset + ANCOUNT);
    }

    public int nsCount() {
        return buf.getUnsignedShort(offset + NSCOUNT);
    }

    public int arCount() {
        return buf.getUnsignedShort(offset + ARCOUNT);
    }

    public DnsHeader set(int id, int flags, int qdCount, int anCount, int nsCount, int arCount) {
        buf.setShort(offset + ID, id);
        buf.setShort(offset + FLAGS, flags);
        buf.setShort(offset + QDCOUNT, qdCount);
        buf.setShort(offset + ANCOUNT, anCount);
        buf.setShort(offset + NSCOUNT, nsCount);
        buf.setShort(offset + ARCOUNT, arCount);
        return this;
    }

    public DnsHeader id(int id) {
        buf.setShort(offset + ID, id);
        return this;
    }

    public DnsHeader flags(int flags) {
        buf.setShort(offset + FLAGS, flags);
        return this;
    }
}
