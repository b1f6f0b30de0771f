package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over an ARP packet for Ethernet/IPv4 (RFC 826).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Hardware type (1)        |     Protocol type (0x0800)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  HLEN (6)     |  PLEN (4)     |          Operation            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Sender hardware address (6) | Sender protocol addr (4) |
 * |        Target hardware address (6) | Target protocol addr (4) |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class ArpPacket {
    public static final int HTYPE = 0;
    public static final int PTYPE = 2;
    public static final int HLEN = 4;
    public static final int PLEN = 5;
    public static final int OPER = 6;
    public static final int SHA = 8;
    public static final int SPA = 14;
    public static final int THA = 18;
    public static final int TPA = 24;
    public static final int LENGTH = 28;

    public static final int HTYPE_ETHERNET = 1;
    public static final int OP_REQUEST = 1;
    public static final int OP_REPLY = 2;

    private ByteBuf buf;
    private int offset;

    public ArpPacket wrap(ByteBuf buf, int offset) {
        this.buf = buf;
        this.offset = offset;
        return this;
    }

    /**
     * Points at an ARP packet of {@code length} bytes and checks it is Ethernet/IPv4 with the
     * right address lengths; false for anything else (the kernel's arp_rcv drops those too).
     */
    public boolean wrapChecked(ByteBuf buf, int offset, int length) {
        if (length < LENGTH) {
            return false;
        }
        wrap(buf, offset);
        return htype() == HTYPE_ETHERNET && ptype() == EtherType.IPV4
                && buf.getUnsignedByte(offset + HLEN) == 6 && buf.getUnsignedByte(offset + PLEN) == 4;
    }

    public int htype() {
        return buf.getUnsignedShort(offset + HTYPE);
    }

    public int ptype() {
        return buf.getUnsignedShort(offset + PTYPE);
    }

    public int operation() {
        return buf.getUnsignedShort(offset + OPER);
    }

    public long senderMac() {
        return get48(offset + SHA);
    }

    public int senderIp() {
        return buf.getInt(offset + SPA);
    }

    public long targetMac() {
        return get48(offset + THA);
    }

    public int targetIp() {
        return buf.getInt(offset + TPA);
    }

    /** Writes a complete Ethernet/IPv4 ARP packet. */
    public ArpPacket set(int operation, long senderMac, int senderIp, long targetMac, int targetIp) {
        buf.setShort(offset + HTYPE, HTYPE_ETHERNET);
        buf.setShort(offset + PTYPE, EtherType.IPV4);
        buf.setByte(offset + HLEN, 6);
        buf.setByte(offset + PLEN, 4);
        buf.setShort(offset + OPER, operation);
        set48(offset + SHA, senderMac);
        buf.setInt(offset + SPA, senderIp);
        set48(offset + THA, targetMac);
        buf.setInt(offset + TPA, targetIp);
        return this;
    }

    private long get48(int at) {
        return ((long) buf.getUnsignedShort(at) << 32) | buf.getUnsignedInt(at + 2);
    }

    private void set48(int at, long v) {
        buf.setShort(at, (int) (v >>> 32));
        buf.setInt(at + 2, (int) v);
    }
}
