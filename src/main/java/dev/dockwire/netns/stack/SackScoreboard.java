package dev.dockwire.netns.stack;

import dev.dockwire.wire.TcpOptions;

/**
 * The sender's SACK scoreboard (RFC 6675 section 3; the kernel marks TCPCB_SACKED_ACKED on the
 * skbs of its retransmit queue in tcp_sacktag_write_queue): the ranges above SND.UNA the peer
 * reported holding, as {@link SeqRanges}, and how many bytes they cover.
 */
final class SackScoreboard {
    /** RFC 6675's DupThresh (Linux: tp->reordering, net.ipv4.tcp_reordering = 3). */
    static final int DUP_THRESH = 3;
    /** The most ranges kept; a block that would need more is ignored (its bytes count as not SACKed). */
    static final int MAX_RANGES = 4096;
    private final SeqRanges ranges = new SeqRanges(MAX_RANGES);
    /** Bytes SACKed above SND.UNA (the kernel's sacked_out, in bytes). */
    private int sacked;

    int count() {
        return ranges.count();
    }

    int sacked() {
        return sacked;
    }

    /** The highest sequence number SACKed plus one (RFC 6675's "highest octet covered by any received SACK"), or {@code sndUna}. */
    int highSacked(int sndUna) {
        int n = ranges.count();
        return n == 0 ? sndUna : ranges.end(n - 1);
    }

    void clear() {
        ranges.clear();
        sacked = 0;
    }

    /**
     * Records the SACK blocks of an ACK (tcp_sacktag_write_queue, with tcp_is_sackblock_valid's
     * checks: blocks at or below SND.UNA, D-SACKs, and blocks beyond SND.MAX are not used).
     * Returns the bytes newly SACKed.
     */
    int update(TcpOptions o, int sndUna, int sndMax) {
        int before = sacked;
        for (int b = 0, n = o.sackBlockCount(); b < n; b++) {
            int l = o.sackLeft(b);
            int r = o.sackRight(b);
            if (!Seq.lt(l, r) || Seq.le(r, sndUna) || Seq.gt(r, sndMax)) {
                continue;
            }
            sacked += Math.max(0, ranges.add(Seq.max(l, sndUna), r));
        }
        return sacked - before;
    }

    /** SND.UNA moved to {@code sndUna}: what it covers leaves the board. */
    void ack(int sndUna) {
        sacked -= ranges.trimBelow(sndUna);
    }

    /**
     * RFC 6675's IsLost for every byte at once: an unSACKed byte is lost when DupThresh
     * discontiguous SACKed ranges, or more than (DupThresh - 1) × SMSS SACKed bytes, lie above it
     * (the kernel's tcp_mark_head_lost with tp->reordering = 3). Both only shrink as the byte
     * rises, so the lost bytes are the unSACKed ones below the returned sequence number
     * ({@code sndUna} when none is).
     */
    int lostEdge(int sndUna, int smss) {
        long above = 0;
        int count = ranges.count();
        for (int k = count - 1; k >= 0; k--) {
            above += ranges.end(k) - ranges.start(k);
            if (count - k >= DUP_THRESH || above > (long) (DUP_THRESH - 1) * smss) {
                return ranges.start(k);
            }
        }
        return sndUna;
    }

    /** Bytes SACKed below {@code seq}. */
    int sackedBelow(int seq) {
        return ranges.coveredBelow(seq);
    }

    /** Whether {@code seq} is SACKed. */
    boolean isSacked(int seq) {
        return ranges.contains(seq);
    }

    /** The first byte at or after {@code seq} that is not SACKed. */
    int nextUnsacked(int seq) {
        return ranges.nextUncovered(seq);
    }

    /** Where the hole holding the unSACKed byte {@code seq} ends: the next SACKed range's start, at most {@code limit}. */
    int holeEnd(int seq, int limit) {
        return ranges.nextStart(seq, limit);
    }
}
