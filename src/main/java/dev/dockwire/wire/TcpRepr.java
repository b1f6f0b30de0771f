package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Value form of a TCP segment (RFC 9293) with its options as typed fields: {@code mss} and
 * {@code windowScale} are -1 when absent, {@code timestamps} is null when absent. Unknown options
 * are not kept. {@link #emit} lays options out as Linux does (see {@link TcpOptions#emit}), leaving
 * out the SACK blocks that do not fit in 40 bytes.
 */
public record TcpRepr(int srcPort, int dstPort, int seq, int ack, int flags, int window, int urgent,
                      int mss, int windowScale, boolean sackPermitted, List<SackBlock> sackBlocks,
                      Timestamps timestamps, byte[] payload) {

    /** One SACK block: the sequence space {@code [left, right)} received (RFC 2018). */
    public record SackBlock(int left, int right) {
    }

    /** The timestamps option (RFC 7323 section 3). */
    public record Timestamps(int tsVal, int tsEcr) {
    }

    public TcpRepr {
        sackBlocks = List.copyOf(sackBlocks);
        Objects.requireNonNull(payload, "payload");
        if (sackBlocks.size() > TcpOptions.MAX_SACK_BLOCKS) {
            throw new IllegalArgumentException("at most 4 SACK blocks fit in a TCP header, got " + sackBlocks.size());
        }
    }

    /** A segment without options. */
    public static TcpRepr of(int srcPort, int dstPort, int seq, int ack, int flags, int window, byte[] payload) {
        return new TcpRepr(srcPort, dstPort, seq, ack, flags, window, 0, -1, -1, false, List.of(), null, payload);
    }

    /**
     * Parses the segment that fills {@code length} bytes at {@code offset}; null when the header is
     * malformed, the checksum does not match the pseudo-header of {@code src}/{@code dst}, or an
     * option is malformed.
     */
    public static TcpRepr parse(ByteBuf buf, int offset, int length, int src, int dst) {
        TcpSegment s = new TcpSegment();
        TcpOptions o = new TcpOptions();
        if (!s.wrapChecked(buf, offset, length) || !s.verifyChecksum(src, dst) || !s.options(o)) {
            return null;
        }
        List<SackBlock> sacks = new ArrayList<>(o.sackBlockCount());
        for (int b = 0; b < o.sackBlockCount(); b++) {
            sacks.add(new SackBlock(o.sackLeft(b), o.sackRight(b)));
        }
        Timestamps ts = o.hasTimestamps() ? new Timestamps(o.tsVal(), o.tsEcr()) : null;
        return new TcpRepr(s.srcPort(), s.dstPort(), s.seq(), s.ack(), s.flags(), s.window(), s.urgent(),
                o.mss(), o.windowScale(), o.sackPermitted(), sacks, ts,
                ByteBufUtil.getBytes(buf, s.payloadOffset(), s.payloadLength()));
    }

    public boolean has(int flag) {
        return (flags & flag) == flag;
    }

    /** The options as a {@link TcpOptions} ready to emit. */
    public TcpOptions options() {
        return toOptions(mss, windowScale, sackPermitted, sackBlocks, timestamps);
    }

    private static TcpOptions toOptions(int mss, int windowScale, boolean sackPermitted, List<SackBlock> sackBlocks,
                                        Timestamps timestamps) {
        TcpOptions o = new TcpOptions().mss(mss).windowScale(windowScale).sackPermitted(sackPermitted);
        if (timestamps != null) {
            o.timestamps(timestamps.tsVal(), timestamps.tsEcr());
        }
        for (SackBlock b : sackBlocks) {
            o.addSack(b.left(), b.right());
        }
        return o;
    }

    public int headerLength() {
        return TcpSegment.MIN_HEADER_LENGTH + options().length();
    }

    /** Segment length in bytes: header, options and payload. */
    public int length() {
        return headerLength() + payload.length;
    }

    /** Sequence space the segment occupies: payload, plus one each for SYN and FIN (RFC 9293 3.4). */
    public int sequenceLength() {
        return payload.length + ((flags & TcpSegment.FLAG_SYN) != 0 ? 1 : 0) + ((flags & TcpSegment.FLAG_FIN) != 0 ? 1 : 0);
    }

    /** Writes header, options and payload and fills the checksum for {@code src}/{@code dst}. */
    public void emit(ByteBuf buf, int offset, int src, int dst) {
        TcpOptions o = options();
        int hl = TcpSegment.MIN_HEADER_LENGTH + o.length();
        TcpSegment s = new TcpSegment().wrap(buf, offset, hl + payload.length)
                .set(srcPort, dstPort, seq, ack, hl, flags, window, urgent);
        o.emit(buf, s.optionsOffset());
        buf.setBytes(s.payloadOffset(), payload);
        s.fillChecksum(src, dst);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcpRepr r && srcPort == r.srcPort && dstPort == r.dstPort && seq == r.seq && ack == r.ack
                && flags == r.flags && window == r.window && urgent == r.urgent && mss == r.mss
                && windowScale == r.windowScale && sackPermitted == r.sackPermitted && sackBlocks.equals(r.sackBlocks)
                && Objects.equals(timestamps, r.timestamps) && Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(srcPort, dstPort, seq, ack, flags, window, urgent, mss, windowScale, sackPermitted,
                sackBlocks, timestamps, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "TcpRepr[" + srcPort + " > " + dstPort + " flags=0x" + Integer.toHexString(flags)
                + " seq=" + Integer.toUnsignedString(seq) + " ack=" + Integer.toUnsignedString(ack)
                + " win=" + window + " urg=" + urgent + " mss=" + mss + " ws=" + windowScale
                + " sackOK=" + sackPermitted + " sack=" + sackBlocks + " ts=" + timestamps
                + " len=" + payload.length + "]";
    }
}
