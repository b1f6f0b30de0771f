package dev.dockwire.netns.stack;

import dev.dockwire.wire.TcpOptions;

/**
 * The sender's SACK scoreboard (RFC 6675 section 3; the kernel marks TCPCB_SACKED_ACKED on the
 * skbs of its retransmit queue in tcp_sacktag_write_queue): the ranges above SND.UNA the peer
 * reported holding, sorted, disjoint and never adjacent. Primitive arrays that grow only when a
 * connection first needs more ranges, so an ACK allocates nothing.
 */
final class SackScoreboard {
    /** RFC 6675's DupThresh (Linux: tp->reordering, net.ipv4.tcp_reordering = 3). */
    static final int DUP_THRESH = 3;
    /** The most ranges kept; a block that would need more is ignored (its bytes count as not SACKed). */
    static final int MAX_RANGES = 4096;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int count;
    /** Bytes SACKed above SND.UNA (the kernel's sacked_out, in bytes). */
    private int sacked;

    int count() {
        return count;
    }

    int sacked() {
        return sacked;
    }

    /** The highest sequence number SACKed plus one (RFC 6675's "highest octet covered by any received SACK"), or {@code sndUna}. */
    int highSacked(int sndUna) {
        return count == 0 ? sndUna : end[count - 1];
    }

    void clear() {
        count = 0;
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
            add(Seq.max(l, sndUna), r);
        }
        return sacked - before;
    }

    /** SND.UNA moved to {@code sndUna}: what it covers leaves the board. */
    void ack(int sndUna) {
        int k = 0;
        while (k < count && Seq.le(end[k], sndUna)) {
            sacked -= end[k] - start[k];
            k++;
        }
        if (k > 0) {
            System.arraycopy(start, k, start, 0, count - k);
            System.arraycopy(end, k, end, 0, count - k);
            count -= k;
        }
        if (count > 0 && Seq.lt(start[0], sndUna)) {
            sacked -= sndUna - start[0];
            start[0] = sndUna;
        }
    }

    private void add(int from, int to) {
        int i = 0;
        while (i < count && Seq.lt(end[i], from)) {
            i++;
        }
        int j = i;
        while (j < count && Seq.le(start[j], to)) {
            j++;
        }
        if (i == j) {
            if (count == start.length && !grow()) {
                return;
            }
            System.arraycopy(start, i, start, i + 1, count - i);
            System.arraycopy(end, i, end, i + 1, count - i);
            start[i] = from;
            end[i] = to;
            count++;
            sacked += to - from;
            return;
        }
        int covered = 0;
        for (int k = i; k < j; k++) {
            covered += end[k] - start[k];
        }
        start[i] = Seq.min(start[i], from);
        end[i] = Seq.max(end[j - 1], to);
        sacked += end[i] - start[i] - covered;
        int removed = j - i - 1;
        if (removed > 0) {
            System.arraycopy(start, j, start, i + 1, count - j);
            System.arraycopy(end, j, end, i + 1, count - j);
            count -= removed;
        }
    }

    private boolean grow() {
        if (start.length >= MAX_RANGES) {
            return false;
        }
        start = java.util.Arrays.copyOf(start, start.length * 2);
        end = java.util.Arrays.copyOf(end, end.length * 2);
        return true;
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
        for (int k = count - 1; k >= 0; k--) {
            above += end[k] - start[k];
            if (count - k >= DUP_THRESH || above > (long) (DUP_THRESH - 1) * smss) {
                return start[k];
            }
        }
        return sndUna;
    }

    /** Bytes SACKed below {@code seq}. */
    int sackedBelow(int seq) {
        int n = 0;
        for (int k = 0; k < count && Seq.lt(start[k], seq); k++) {
            n += Seq.min(end[k], seq) - start[k];
        }
        return n;
    }

    /** Whether {@code seq} is SACKed. */
    boolean isSacked(int seq) {
        for (int k = 0; k < count && Seq.le(start[k], seq); k++) {
            if (Seq.lt(seq, end[k])) {
                return true;
            }
        }
        return false;
    }

    /** The first byte at or after {@code seq} that is not SACKed. */
    int nextUnsacked(int seq) {
        for (int k = 0; k < count && Seq.le(start[k], seq); k++) {
            if (Seq.lt(seq, end[k])) {
                return end[k];
            }
        }
        return seq;
    }

    /** Where the hole holding the unSACKed byte {@code seq} ends: the next SACKed range's start, at most {@code limit}. */
    int holeEnd(int seq, int limit) {
        for (int k = 0; k < count; k++) {
            if (Seq.gt(start[k], seq)) {
                return Seq.min(start[k], limit);
            }
        }
        return limit;
    }
}
