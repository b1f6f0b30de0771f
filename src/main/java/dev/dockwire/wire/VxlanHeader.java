package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/**
 * Flyweight over a VXLAN header (RFC 7348 section 5): 8 bytes in a UDP datagram to port
 * {@link #UDP_PORT}, followed by the inner Ethernet frame. Reserved bits are ignored on receipt
 * as the RFC asks; Linux's {@code vxlan_rcv} is stricter and drops them, which a caller can
 * mirror with {@link #reservedBitsClear()}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|R|R|R|I|R|R|R|                   Reserved                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       VXLAN Network Identifier (VNI)          |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class VxlanHeader {
    public static final int FLAGS = 0;
    public static final int VNI = 4;
    public static final int HEADER_LENGTH = 8;

    /** The I flag: the VNI is valid. */
    public static final int FLAG_I = 0x08;
    /** IANA-assigned VXLAN port (RFC 7348 section 5); Linux uses it for {@code dstport 4789}. */
    public static final int UDP_PORT = 4789;
    public static final int VNI_MAX = 0xFF_FFFF;

    // Static access for the per-packet path, as Ipv4Packet's: no flyweight pointed (and no G1 card-mark fence).

    /**
     * Whether the {@code available} bytes at {@code off} hold a header Linux accepts without
     * extensions (vxlan_rcv): at least 8 bytes, the I flag set and every other bit of the flags and
     * reserved fields zero ({@link #wrapChecked} and {@link #reservedBitsClear} together).
     */
    public static boolean valid(ByteBuf buf, int off, int available) {
        return available >= HEADER_LENGTH && Bytes.i32(buf, off + FLAGS) == FLAG_I << 24
                && (Bytes.i32(buf, off + VNI) & 0xFF) == 0;
    }

    /** The 24-bit VNI of the header at {@code off}. */
    public static int vni(ByteBuf buf, int off) {
        return Bytes.i32(buf, off + VNI) >>> 8;
    }

    /** Writes the whole header at {@code off}: I flag set, reserved fields zero (as {@link #set}). */
    public static void write(ByteBuf buf, int off, int vni) {
        Bytes.put32(buf, off + FLAGS, FLAG_I << 24);
        Bytes.put32(buf, off + VNI, (vni & VNI_MAX) << 8);
    }

    /**
     * The UDP header at {@code udpOff} (ports, {@code udpLength}, checksum 0) and this header after
     * it, for {@code vni}: the 16 bytes vxlan_xmit_one pushes, as two words after one bounds check.
     */
    public static void writeWithUdp(ByteBuf buf, int udpOff, int srcPort, int dstPort, int udpLength, int vni) {
        Bytes.put64x64(buf, udpOff, (long) (srcPort << 16 | dstPort & 0xFFFF) << 32 | (long) (udpLength & 0xFFFF) << 16,
                (long) FLAG_I << 56 | (long) (vni & VNI_MAX) << 8);
    }

    private ByteBuf buf;
    private int offset;

    public VxlanHeader wrap(ByteBuf buf, int offset) {
        this.buf = buf;
        this.offset = offset;
        return this;
    }

    /** Points at {@code available} bytes at {@code offset}; false when shorter than 8 or the I flag is clear. */
    public boolean wrapChecked(ByteBuf buf, int offset, int available) {
        if (available < HEADER_LENGTH) {
            return false;
        }
        wrap(buf, offset);
        return (flags() & FLAG_I) != 0;
    }

    public int offset() {
        return offset;
    }

    public int flags() {
        return Bytes.u8(buf, offset + FLAGS);
    }

    /** The 24-bit VXLAN network identifier. */
    public int vni() {
        return Bytes.i32(buf, offset + VNI) >>> 8;
    }

    /** True when every bit but I is zero, the only header Linux accepts without extensions. */
    public boolean reservedBitsClear() {
        return Bytes.i32(buf, offset + FLAGS) == FLAG_I << 24 && Bytes.u8(buf, offset + VNI + 3) == 0;
    }

    /** Offset of the inner Ethernet frame. */
    public int payloadOffset() {
        return offset + HEADER_LENGTH;
    }

    /** Writes the whole header: I flag set, reserved fields zero. */
    public VxlanHeader set(int vni) {
        Bytes.put32(buf, offset + FLAGS, FLAG_I << 24);
        Bytes.put32(buf, offset + VNI, (vni & VNI_MAX) << 8);
        return this;
    }

    /**
     * Bytes VXLAN over IPv4 adds in front of the inner frame: outer Ethernet 14, IPv4 20, UDP 8
     * and VXLAN 8, which is why Docker's overlay networks default to MTU 1450.
     */
    public static int encapsulatedOverhead() {
        return EthernetFrame.HEADER_LENGTH + Ipv4Packet.MIN_HEADER_LENGTH + UdpPacket.HEADER_LENGTH + HEADER_LENGTH;
    }
}
