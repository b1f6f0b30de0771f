package dev.dockwire.netns.stack;

/**
 * The out-of-order ranges received beyond {@code RCV.NXT} (the kernel's out_of_order_queue, as
 * ranges only: the bytes sit in the {@link ReceiveBuffer}). Ranges are disjoint, sorted and
 * never adjacent; a new one merges with those it touches. They are also the SACK blocks
 * (RFC 2018 section 4): the range holding the latest segment first, then the others.
 */
final class Assembler {
    /**
     * Ranges kept; a segment that would need more is dropped and comes again later. Linux's queue
     * is bounded by the receive buffer only: 6 MiB (tcp_rmem[2]) of alternate 1448-byte segments
     * make about 2,200 ranges. The arrays start small and double when a connection needs more.
     */
    static final int MAX_RANGES = 4096;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int count;
    private int latest;

    boolean isEmpty() {
        return count == 0;
    }

    int count() {
        return count;
    }

    /** Adds {@code [from, to)}; false (nothing kept) when the ranges are full. */
    boolean add(int from, int to) {
        int i = 0;
        while (i < count && Seq.lt(end[i], from)) {
            i++;
        }
        int j = i;
        while (j < count && Seq.le(start[j], to)) {
            j++;
        }
        // ranges [i, j) touch [from, to): merge them into one
        if (i == j) {
            if (count == start.length) {
                if (count == MAX_RANGES) {
                    return false;
                }
                start = java.util.Arrays.copyOf(start, count * 2);
                end = java.util.Arrays.copyOf(end, count * 2);
            }
            System.arraycopy(start, i, start, i + 1, count - i);
            System.arraycopy(end, i, end, i + 1, count - i);
            start[i] = from;
            end[i] = to;
            count++;
        } else {
            start[i] = Seq.min(start[i], from);
            end[i] = Seq.max(end[j - 1], to);
            int removed = j - i - 1;
            if (removed > 0) {
                System.arraycopy(start, j, start, i + 1, count - j);
                System.arraycopy(end, j, end, i + 1, count - j);
                count -= removed;
            }
        }
        latest = from;
        return true;
    }

    /**
     * Removes the ranges {@code rcvNxt} reaches and returns the new {@code RCV.NXT}: the end of
     * the range that starts at or before it, or {@code rcvNxt} unchanged.
     */
    int advance(int rcvNxt) {
        int next = rcvNxt;
        int k = 0;
        while (k < count && Seq.le(start[k], next)) {
            next = Seq.max(next, end[k]);
            k++;
        }
        if (k > 0) {
            System.arraycopy(start, k, start, 0, count - k);
            System.arraycopy(end, k, end, 0, count - k);
            count -= k;
        }
        return next;
    }

    /** SACK block {@code i}: block 0 holds the most recently added range. */
    int sackLeft(int i) {
        return start[sackIndex(i)];
    }

    int sackRight(int i) {
        return end[sackIndex(i)];
    }

    private int sackIndex(int i) {
        int first = 0;
        for (int k = 0; k < count; k++) {
            if (Seq.le(start[k], latest) && Seq.lt(latest, end[k])) {
                first = k;
                break;
            }
        }
        if (i == 0) {
            return first;
        }
        return i <= first ? i - 1 : i;
    }
}
