package dev.dockwire.netns.stack;

/**
 * Ranges {@code [start, end)} of sequence numbers, sorted, disjoint and never adjacent, compared
 * modulo 2^32 ({@link Seq}): the receiver's out-of-order ranges ({@link Assembler}, the kernel's
 * out_of_order_queue) and the sender's SACKed ranges ({@link SackScoreboard}, the skbs marked
 * TCPCB_SACKED_ACKED) alike. A range added merges with those it overlaps or touches, as
 * tcp_data_queue_ofo coalesces skbs and tcp_sacktag_walk marks them. Primitive arrays that double
 * only when a connection first needs more ranges (at most {@code maxRanges}), so adding, trimming
 * and the lookups allocate nothing per segment or ACK.
 */
final class SeqRanges {
    private static final int INITIAL = 16;
    private final int maxRanges;
    private int[] start = new int[INITIAL];
    private int[] end = new int[INITIAL];
    private int count;

    SeqRanges(int maxRanges) {
        this.maxRanges = maxRanges;
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Range {@code k}'s first sequence number, ranges in sequence order. */
    int start(int k) {
        return start[k];
    }

    /** One past range {@code k}'s last sequence number. */
    int end(int k) {
        return end[k];
    }

    void clear() {
        count = 0;
    }

    /**
     * Adds {@code [from, to)} ({@code from} before {@code to}), merging with the ranges it overlaps
     * or touches. Returns the bytes newly covered (0 when all were already), or -1 when it would
     * need a range beyond {@code maxRanges} (then nothing changed).
     */
    int add(int from, int to) {
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
                return -1;
            }
            System.arraycopy(start, i, start, i + 1, count - i);
            System.arraycopy(end, i, end, i + 1, count - i);
            start[i] = from;
            end[i] = to;
            count++;
            return to - from;
        }
        // ranges [i, j) touch [from, to): they become range i
        int covered = 0;
        for (int k = i; k < j; k++) {
            covered += end[k] - start[k];
        }
        start[i] = Seq.min(start[i], from);
        end[i] = Seq.max(end[j - 1], to);
        int added = end[i] - start[i] - covered;
        int removed = j - i - 1;
        if (removed > 0) {
            System.arraycopy(start, j, start, i + 1, count - j);
            System.arraycopy(end, j, end, i + 1, count - j);
            count -= removed;
        }
        return added;
    }

    private boolean grow() {
        if (start.length >= maxRanges) {
            return false;
        }
        int n = Math.min(maxRanges, start.length * 2);
        start = java.util.Arrays.copyOf(start, n);
        end = java.util.Arrays.copyOf(end, n);
        return true;
    }

    /** Removes every byte below {@code seq}; returns how many were covered. */
    int trimBelow(int seq) {
        int removed = 0;
        int k = 0;
        while (k < count && Seq.le(end[k], seq)) {
            removed += end[k] - start[k];
            k++;
        }
        if (k > 0) {
            System.arraycopy(start, k, start, 0, count - k);
            System.arraycopy(end, k, end, 0, count - k);
            count -= k;
        }
        if (count > 0 && Seq.lt(start[0], seq)) {
            removed += seq - start[0];
            start[0] = seq;
        }
        return removed;
    }

    /** The index of the range holding {@code seq}, or -1. */
    int indexOf(int seq) {
        for (int k = 0; k < count && Seq.le(start[k], seq); k++) {
            if (Seq.lt(seq, end[k])) {
                return k;
            }
        }
        return -1;
    }

    /** Whether a range holds {@code seq}. */
    boolean contains(int seq) {
        return indexOf(seq) >= 0;
    }

    /** The first sequence number at or after {@code seq} that no range holds. */
    int nextUncovered(int seq) {
        int k = indexOf(seq);
        return k < 0 ? seq : end[k];
    }

    /** The start of the first range after {@code seq}, at most {@code limit}. */
    int nextStart(int seq, int limit) {
        for (int k = 0; k < count; k++) {
            if (Seq.gt(start[k], seq)) {
                return Seq.min(start[k], limit);
            }
        }
        return limit;
    }

    /** Bytes the ranges hold below {@code seq}. */
    int coveredBelow(int seq) {
        int n = 0;
        for (int k = 0; k < count && Seq.lt(start[k], seq); k++) {
            n += Seq.min(end[k], seq) - start[k];
        }
        return n;
    }
}
