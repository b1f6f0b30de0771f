package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over an IEEE 802.1Q tag where it sits in a frame: the TPID takes the place of the
 * EtherType (frame offset 12), followed by the tag control information and the inner EtherType.
 * {@link #push} and {@link #pop} insert and remove a tag in place, like the kernel's
 * {@code vlan_insert_tag} and {@code skb_vlan_pop}: the two MAC addresses move by 4 bytes into
 * the frame's headroom (or back), the payload is not copied.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         TPID (0x8100)         | PCP |D|         VID           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Inner EtherType        |   Payload ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class VlanTag {
    public static final int TPID = 0;
    public static final int TCI = 2;
    public static final int INNER_ETHERTYPE = 4;
    /** Bytes a tag adds to a frame: TPID and TCI. */
    public static final int TAG_LENGTH = 4;
    /** Bytes this view covers: TPID, TCI and the inner EtherType. */
    public static final int HEADER_LENGTH = 6;
    /** Where the tag starts in an Ethernet frame: right after the two MAC addresses. */
    public static final int FRAME_OFFSET = EthernetFrame.ETHERTYPE;

    public static final int PCP_SHIFT = 13;
    public static final int DEI_BIT = 0x1000;
    public static final int VID_MASK = 0x0FFF;

    private ByteBuf buf;
    private int offset;

    /** Points at the tag starting at {@code offset} (the TPID); the caller has checked the length. */
    public VlanTag wrap(ByteBuf buf, int offset) {
        this.buf = buf;
        this.offset = offset;
        return this;
    }

    /** Points at {@code available} bytes at {@code offset}; false unless they hold a whole 802.1Q tag. */
    public boolean wrapChecked(ByteBuf buf, int offset, int available) {
        if (available < HEADER_LENGTH) {
            return false;
        }
        wrap(buf, offset);
        return tpid() == EtherType.VLAN;
    }

    public int offset() {
        return offset;
    }

    public int tpid() {
        return buf.getUnsignedShort(offset + TPID);
    }

    public int tci() {
        return buf.getUnsignedShort(offset + TCI);
    }

    /** Priority code point (IEEE 802.1p), 0-7. */
    public int pcp() {
        return tci() >>> PCP_SHIFT;
    }

    /** Drop eligible indicator (formerly CFI). */
    public boolean dei() {
        return (tci() & DEI_BIT) != 0;
    }

    /** VLAN identifier, 0-4095 (0: priority tag only; 4095 reserved). */
    public int vid() {
        return tci() & VID_MASK;
    }

    public int innerEtherType() {
        return buf.getUnsignedShort(offset + INNER_ETHERTYPE);
    }

    public int payloadOffset() {
        return offset + HEADER_LENGTH;
    }

    /** Writes TPID 0x8100, the TCI and the inner EtherType. */
    public VlanTag set(int tci, int innerEtherType) {
        buf.setShort(offset + TPID, EtherType.VLAN);
        buf.setShort(offset + TCI, tci);
        buf.setShort(offset + INNER_ETHERTYPE, innerEtherType);
        return this;
    }

    public VlanTag tci(int tci) {
        buf.setShort(offset + TCI, tci);
        return this;
    }

    /** Rewrites the VID, keeping PCP and DEI. */
    public VlanTag vid(int vid) {
        return tci((tci() & ~VID_MASK) | (vid & VID_MASK));
    }

    public VlanTag innerEtherType(int type) {
        buf.setShort(offset + INNER_ETHERTYPE, type);
        return this;
    }

    /** The TCI for the given fields. */
    public static int tci(int pcp, boolean dei, int vid) {
        return ((pcp & 0x7) << PCP_SHIFT) | (dei ? DEI_BIT : 0) | (vid & VID_MASK);
    }

    /** True when the frame in {@code frame}'s readable bytes carries an 802.1Q tag. */
    public static boolean isTagged(ByteBuf frame) {
        return frame.readableBytes() >= FRAME_OFFSET + HEADER_LENGTH
                && frame.getUnsignedShort(frame.readerIndex() + FRAME_OFFSET) == EtherType.VLAN;
    }

    /**
     * Tags the frame in {@code frame}'s readable bytes: moves the MAC addresses 4 bytes into the
     * headroom and writes TPID and {@code tci} behind them; the old EtherType becomes the inner one.
     * False (frame untouched) without 4 bytes of headroom or a whole Ethernet header.
     */
    public static boolean push(ByteBuf frame, int tci) {
        int from = frame.readerIndex();
        if (from < TAG_LENGTH || frame.readableBytes() < EthernetFrame.HEADER_LENGTH) {
            return false;
        }
        int to = from - TAG_LENGTH;
        moveMacs(frame, from, to);
        frame.setShort(to + FRAME_OFFSET + TPID, EtherType.VLAN);
        frame.setShort(to + FRAME_OFFSET + TCI, tci);
        frame.readerIndex(to);
        return true;
    }

    /**
     * Untags the frame in {@code frame}'s readable bytes: moves the MAC addresses 4 bytes forward
     * over the tag, so the inner EtherType becomes the frame's. Returns the removed TCI, or -1
     * (frame untouched) when the frame is not 802.1Q tagged.
     */
    public static int pop(ByteBuf frame) {
        if (!isTagged(frame)) {
            return -1;
        }
        int from = frame.readerIndex();
        int tci = frame.getUnsignedShort(from + FRAME_OFFSET + TCI);
        int to = from + TAG_LENGTH;
        moveMacs(frame, from, to);
        frame.readerIndex(to);
        return tci;
    }

    /** Copies the 12 address bytes; both are read before either is written, so overlap is safe. */
    private static void moveMacs(ByteBuf frame, int from, int to) {
        long head = frame.getLong(from);
        int tail = frame.getInt(from + 8);
        frame.setLong(to, head);
        frame.setInt(to + 8, tail);
    }
}
