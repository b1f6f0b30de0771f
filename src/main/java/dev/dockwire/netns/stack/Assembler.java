package dev.dockwire.netns.stack;

/**
 * The out-of-order ranges received beyond {@code RCV.NXT} (the kernel's out_of_order_queue, as
 * ranges only: the bytes sit in the {@link ReceiveBuffer}), held as {@link SeqRanges}: a new
 * one merges with those it touches. They are also the SACK blocks
 * (RFC 2018 section 4): the range holding the latest segment first, then the others.
 */
final class Assembler {
    /**
     * Ranges kept; a segment that would need more is dropped and comes again later. Linux's queue
     * is bounded by the receive buffer only: 6 MiB (tcp_rmem[2]) of alternate 1448-byte segments
     * make about 2,200 ranges. The arrays start small and double when a connection needs more.
     */
    static final int MAX_RANGES = 4096;
    private final SeqRanges ranges = new SeqRanges(MAX_RANGES);
    private int latest;

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    int count() {
        return ranges.count();
    }

    /** Adds {@code [from, to)}; false (nothing kept) when the ranges are full. */
    boolean add(int from, int to) {
        if (ranges.add(from, to) < 0) {
            return false;
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
        while (!ranges.isEmpty() && Seq.le(ranges.start(0), next)) {
            next = Seq.max(next, ranges.end(0));
            ranges.trimBelow(next);
        }
        return next;
    }

    /** SACK block {@code i}: block 0 holds the most recently added range. */
    int sackLeft(int i) {
        return ranges.start(sackIndex(i));
    }

    int sackRight(int i) {
        return ranges.end(sackIndex(i));
    }

    private int sackIndex(int i) {
        int first = Math.max(0, ranges.indexOf(latest));
        if (i == 0) {
            return first;
        }
        return i <= first ? i - 1 : i;
    }
}
