package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over an Ethernet II header (IEEE 802.3 / RFC 894). Reusable: {@link #wrap} points it
 * at a new frame without allocating.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Destination MAC (6 octets)                    |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                   Source MAC (6 octets)                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           EtherType           |   Payload ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class EthernetFrame {
    public static final int DST = 0;
    public static final int SRC = 6;
    public static final int ETHERTYPE = 12;
    public static final int HEADER_LENGTH = 14;
    /** Minimum frame length without FCS; shorter frames are padded on transmit. */
    public static final int MIN_LENGTH = 60;

    // Static access for the per-packet path, as Ipv4Packet's: no flyweight pointed (and no G1 card-mark fence).

    /** The destination address of the header at {@code off}. */
    public static long dst(ByteBuf buf, int off) {
        return Bytes.u48(buf, off + DST);
    }

    /** The source address of the header at {@code off}. */
    public static long src(ByteBuf buf, int off) {
        return Bytes.u48(buf, off + SRC);
    }

    public static int etherType(ByteBuf buf, int off) {
        return Bytes.u16(buf, off + ETHERTYPE);
    }

    /** Writes the header at {@code off}. */
    public static void write(ByteBuf buf, int off, long dst, long src, int etherType) {
        // Three words (destination and the source's first two bytes, the source's last four, the
        // type) stored after one bounds check, as neigh_hh_output copies the cached header whole.
        Bytes.put64x32x16(buf, off + DST, dst << 16 | (src >>> 32) & 0xFFFF, (int) src, etherType);
    }

    private ByteBuf buf;
    private int offset;

    /** Points at the header starting at {@code offset}; the caller has checked the length. */
    public EthernetFrame wrap(ByteBuf buf, int offset) {
        this.buf = buf;
        this.offset = offset;
        return this;
    }

    /** Points at the frame in {@code buf}'s readable bytes; false when shorter than a header. */
    public boolean wrapChecked(ByteBuf buf) {
        if (buf.readableBytes() < HEADER_LENGTH) {
            return false;
        }
        wrap(buf, buf.readerIndex());
        return true;
    }

    public int offset() {
        return offset;
    }

    public long dst() {
        return get48(offset + DST);
    }

    public long src() {
        return get48(offset + SRC);
    }

    public int etherType() {
        return Bytes.u16(buf, offset + ETHERTYPE);
    }

    public int payloadOffset() {
        return offset + HEADER_LENGTH;
    }

    public EthernetFrame dst(long mac) {
        set48(offset + DST, mac);
        return this;
    }

    public EthernetFrame src(long mac) {
        set48(offset + SRC, mac);
        return this;
    }

    public EthernetFrame etherType(int type) {
        Bytes.put16(buf, offset + ETHERTYPE, type);
        return this;
    }

    private long get48(int at) {
        return Bytes.u48(buf, at);
    }

    private void set48(int at, long v) {
        Bytes.put48(buf, at, v);
    }
}
