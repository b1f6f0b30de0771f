package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Flyweight over an IPv4 header (RFC 791). Options are skipped by honouring IHL; the header
 * checksum can be verified, recomputed, or updated incrementally (RFC 1624) when a field changes.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |   DSCP/ECN    |          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (IHL > 5)                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class Ipv4Packet {
    public static final int VER_IHL = 0;
    public static final int TOS = 1;
    public static final int TOTAL_LENGTH = 2;
    public static final int IDENT = 4;
    public static final int FLAGS_FRAG = 6;
    public static final int TTL = 8;
    public static final int PROTOCOL = 9;
    public static final int CHECKSUM = 10;
    public static final int SRC = 12;
    public static final int DST = 16;
    public static final int MIN_HEADER_LENGTH = 20;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    public static final int FLAG_DF = 0x4000;
    public static final int FLAG_MF = 0x2000;
    public static final int FRAG_OFFSET_MASK = 0x1FFF;

    // ---- Static access to the header at an offset, for the per-packet forwarding path: pointing
    // a flyweight at each packet is a reference store into a long-lived object, which under G1
    // costs a card-mark fence (StoreLoad) every time; these read and patch without one.

    /** ip_rcv's checks (as {@link #wrapChecked}) and the header checksum, for the packet at {@code off}. */
    public static boolean valid(ByteBuf buf, int off, int available) {
        if (available < MIN_HEADER_LENGTH) {
            return false;
        }
        int first = firstWord(buf, off); // version and IHL, TOS, total length: one load
        int verIhl = first >>> 24;
        int ihl = (verIhl & 0xF) * 4;
        int total = first & 0xFFFF;
        return (verIhl >>> 4) == 4 && ihl >= MIN_HEADER_LENGTH && total >= ihl && total <= available
                && Checksum.fold(Checksum.sum(buf, off, ihl, 0)) == 0xFFFF;
    }

    /** The header's first word: version and IHL (the top byte), TOS, total length (the low 16 bits). */
    public static int firstWord(ByteBuf buf, int off) {
        return Bytes.i32(buf, off + VER_IHL);
    }

    public static int headerLength(ByteBuf buf, int off) {
        return (Bytes.u8(buf, off + VER_IHL) & 0xF) * 4;
    }

    public static int totalLength(ByteBuf buf, int off) {
        return Bytes.u16(buf, off + TOTAL_LENGTH);
    }

    public static int flagsFrag(ByteBuf buf, int off) {
        return Bytes.u16(buf, off + FLAGS_FRAG);
    }

    public static int ttl(ByteBuf buf, int off) {
        return Bytes.u8(buf, off + TTL);
    }

    public static int protocol(ByteBuf buf, int off) {
        return Bytes.u8(buf, off + PROTOCOL);
    }

    public static int src(ByteBuf buf, int off) {
        return Bytes.i32(buf, off + SRC);
    }

    public static int dst(ByteBuf buf, int off) {
        return Bytes.i32(buf, off + DST);
    }

    /** Rewrites the source address with an incremental checksum update (RFC 1624). */
    public static void rewriteSrc(ByteBuf buf, int off, int address) {
        rewrite(buf, off + SRC, off, address);
    }

    /** Rewrites the destination address with an incremental checksum update (RFC 1624). */
    public static void rewriteDst(ByteBuf buf, int off, int address) {
        rewrite(buf, off + DST, off, address);
    }

    private static void rewrite(ByteBuf buf, int at, int off, int address) {
        int old = Bytes.i32(buf, at);
        Bytes.put32(buf, at, address);
        Bytes.put16(buf, off + CHECKSUM, Checksum.update32(Bytes.u16(buf, off + CHECKSUM), old, address));
    }

    /** ip_decrease_ttl: the TTL less one, the checksum patched incrementally (RFC 1624). */
    public static void decrementTtl(ByteBuf buf, int off) {
        int word = Bytes.u16(buf, off + TTL);
        int next = word - 0x0100;
        Bytes.put16(buf, off + TTL, next);
        Bytes.put16(buf, off + CHECKSUM, Checksum.update16(Bytes.u16(buf, off + CHECKSUM), word, next));
    }

    /**
     * {@link #decrementTtl}, the checksum's update also adding {@code headerSum}, the RFC 1624 sum
     * (~old + new words) of other changes to the header made without updating it (a NAT rewrite's
     * address): one fold where two updates in turn make two, and the same 16 bits, since the TTL's
     * sum is never zero and a fold of a non-zero sum is its one value in 1..0xFFFF modulo 0xFFFF.
     */
    public static void decrementTtl(ByteBuf buf, int off, long headerSum) {
        int word = Bytes.u16(buf, off + TTL);
        int next = word - 0x0100;
        Bytes.put16(buf, off + TTL, next);
        long sum = (~Bytes.u16(buf, off + CHECKSUM) & 0xFFFF) + (~word & 0xFFFF) + next + headerSum;
        Bytes.put16(buf, off + CHECKSUM, ~Checksum.fold(sum) & 0xFFFF);
    }

    /** {@link #decrementTtl(ByteBuf, int, long)} of the header at {@code a[i]} in a heap frame's array, its bounds checked by the caller. */
    public static void decrementTtl(byte[] a, int i, long headerSum) {
        // TTL, protocol and checksum read and written as one word: the next hop's ip_rcv reads that word
        // whole (valid's checksum sum), which a load is given straight from one store, not from two.
        int w = (int) INT.get(a, i + TTL);
        int word = w >>> 16;
        int next = word - 0x0100;
        long sum = (~w & 0xFFFF) + (~word & 0xFFFF) + next + headerSum;
        INT.set(a, i + TTL, next << 16 | ~Checksum.fold(sum) & 0xFFFF);
    }

    /** Writes a 20-byte header without options, its checksum filled in (as {@link #set} then {@link #fillChecksum}). */
    public static void write(ByteBuf buf, int off, int tos, int totalLength, int ident, int flagsFrag, int ttl,
                             int protocol, int src, int dst) {
        int verTos = 0x4500 | tos & 0xFF;
        int length = totalLength & 0xFFFF;
        int id = ident & 0xFFFF;
        int frag = flagsFrag & 0xFFFF;
        int ttlProto = (ttl & 0xFF) << 8 | protocol & 0xFF;
        // The checksum of the words about to be written (ip_send_check), summed from the values
        // rather than read back: the one's complement sum does not care where a word sits.
        long sum = verTos + length + id + frag + ttlProto + (src >>> 16) + (src & 0xFFFF) + (dst >>> 16) + (dst & 0xFFFF);
        int checksum = ~Checksum.fold(sum) & 0xFFFF;
        // Five words stored as two longs and an int after one bounds check.
        Bytes.put64x64x32(buf, off + VER_IHL, (long) (verTos << 16 | length) << 32 | Integer.toUnsignedLong(id << 16 | frag),
                (long) (ttlProto << 16 | checksum) << 32 | Integer.toUnsignedLong(src), dst);
    }

    private ByteBuf buf;
    private int offset;

    public Ipv4Packet wrap(ByteBuf buf, int offset) {
        this.buf = buf;
        this.offset = offset;
        return this;
    }

    /**
     * Points at a packet of at most {@code available} bytes and checks what the kernel's ip_rcv
     * checks before looking further: version 4, IHL at least 5, header and total length within
     * what was received. Does not verify the checksum ({@link #verifyChecksum()}).
     */
    public boolean wrapChecked(ByteBuf buf, int offset, int available) {
        if (available < MIN_HEADER_LENGTH) {
            return false;
        }
        wrap(buf, offset);
        int verIhl = Bytes.u8(buf, offset + VER_IHL);
        int ihl = (verIhl & 0xF) * 4;
        int total = totalLength();
        return (verIhl >>> 4) == 4 && ihl >= MIN_HEADER_LENGTH && total >= ihl && total <= available;
    }

    public int offset() {
        return offset;
    }

    public int version() {
        return Bytes.u8(buf, offset + VER_IHL) >>> 4;
    }

    /** Header length in bytes (IHL * 4), options included. */
    public int headerLength() {
        return (Bytes.u8(buf, offset + VER_IHL) & 0xF) * 4;
    }

    public int tos() {
        return Bytes.u8(buf, offset + TOS);
    }

    public int totalLength() {
        return Bytes.u16(buf, offset + TOTAL_LENGTH);
    }

    public int ident() {
        return Bytes.u16(buf, offset + IDENT);
    }

    public boolean dontFragment() {
        return (Bytes.u16(buf, offset + FLAGS_FRAG) & FLAG_DF) != 0;
    }

    public boolean moreFragments() {
        return (Bytes.u16(buf, offset + FLAGS_FRAG) & FLAG_MF) != 0;
    }

    /** Fragment offset in bytes. */
    public int fragmentOffset() {
        return (Bytes.u16(buf, offset + FLAGS_FRAG) & FRAG_OFFSET_MASK) * 8;
    }

    /** The flags and fragment offset word as on the wire (DF, MF, offset in 8-byte units). */
    public int flagsFrag() {
        return Bytes.u16(buf, offset + FLAGS_FRAG);
    }

    /** Sets the flags and fragment offset word; call {@link #fillChecksum()} afterwards. */
    public Ipv4Packet flagsFrag(int word) {
        Bytes.put16(buf, offset + FLAGS_FRAG, word);
        return this;
    }

    public boolean isFragment() {
        return (Bytes.u16(buf, offset + FLAGS_FRAG) & (FLAG_MF | FRAG_OFFSET_MASK)) != 0;
    }

    public int ttl() {
        return Bytes.u8(buf, offset + TTL);
    }

    public int protocol() {
        return Bytes.u8(buf, offset + PROTOCOL);
    }

    public int checksum() {
        return Bytes.u16(buf, offset + CHECKSUM);
    }

    public int src() {
        return Bytes.i32(buf, offset + SRC);
    }

    public int dst() {
        return Bytes.i32(buf, offset + DST);
    }

    public int payloadOffset() {
        return offset + headerLength();
    }

    public int payloadLength() {
        return totalLength() - headerLength();
    }

    public boolean verifyChecksum() {
        return Checksum.fold(Checksum.sum(buf, offset, headerLength(), 0)) == 0xFFFF;
    }

    /** Writes a 20-byte header without options; call {@link #fillChecksum()} after the last field. */
    public Ipv4Packet set(int tos, int totalLength, int ident, int flagsFrag, int ttl, int protocol,
                          int src, int dst) {
        Bytes.put8(buf, offset + VER_IHL, 0x45);
        Bytes.put8(buf, offset + TOS, tos);
        Bytes.put16(buf, offset + TOTAL_LENGTH, totalLength);
        Bytes.put16(buf, offset + IDENT, ident);
        Bytes.put16(buf, offset + FLAGS_FRAG, flagsFrag);
        Bytes.put8(buf, offset + TTL, ttl);
        Bytes.put8(buf, offset + PROTOCOL, protocol);
        Bytes.put16(buf, offset + CHECKSUM, 0);
        Bytes.put32(buf, offset + SRC, src);
        Bytes.put32(buf, offset + DST, dst);
        return this;
    }

    public Ipv4Packet fillChecksum() {
        Bytes.put16(buf, offset + CHECKSUM, 0);
        Bytes.put16(buf, offset + CHECKSUM, Checksum.compute(buf, offset, headerLength()));
        return this;
    }

    public Ipv4Packet totalLength(int length) {
        int old = Bytes.u16(buf, offset + TOTAL_LENGTH);
        Bytes.put16(buf, offset + TOTAL_LENGTH, length);
        Bytes.put16(buf, offset + CHECKSUM, Checksum.update16(checksum(), old, length));
        return this;
    }

    /** Decrements TTL and patches the checksum incrementally (RFC 1624), as ip_decrease_ttl does. */
    public Ipv4Packet decrementTtl() {
        int word = Bytes.u16(buf, offset + TTL);
        int next = word - 0x0100;
        Bytes.put16(buf, offset + TTL, next);
        Bytes.put16(buf, offset + CHECKSUM, Checksum.update16(checksum(), word, next));
        return this;
    }

    /** Rewrites the source address with an incremental checksum update (NAT). */
    public Ipv4Packet src(int address) {
        int old = src();
        Bytes.put32(buf, offset + SRC, address);
        Bytes.put16(buf, offset + CHECKSUM, Checksum.update32(checksum(), old, address));
        return this;
    }

    /** Rewrites the destination address with an incremental checksum update (NAT). */
    public Ipv4Packet dst(int address) {
        int old = dst();
        Bytes.put32(buf, offset + DST, address);
        Bytes.put16(buf, offset + CHECKSUM, Checksum.update32(checksum(), old, address));
        return this;
    }

    /** The pseudo-header sum for the transport checksum over this packet's payload. */
    public long pseudoHeaderSum() {
        return Checksum.pseudoHeader(src(), dst(), protocol(), payloadLength());
    }
}
