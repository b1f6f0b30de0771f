package dev.dockwire.netns.stack;

/**
 * A connection's receive window as Linux 6.1 sizes it (Debian 12's kernel): the socket's receive
 * buffer {@code sk_rcvbuf} (tcp_rmem's 128 KiB to start) of which a window may offer half
 * ({@code tcp_adv_win_scale} 1, tcp_win_from_space); the first window, a whole number of segments
 * (tcp_select_initial_window: 64,240 in a SYN, 65,160 in a SYN-ACK with timestamps); the clamp that
 * keeps one segment in reserve (tcp_init_buffer_space); the window offered in each segment, which
 * grows with {@code rcv_ssthresh} as data arrives (tcp_grow_window) and never moves its right edge
 * left (__tcp_select_window, tcp_select_window); and the buffer's autotuning from what the program
 * read per round trip, as the receiver measures it (tcp_rcv_space_adjust, tcp_rcv_rtt_measure).
 *
 * <p>The memory a queued segment charges ({@code skb->truesize}) is its payload and a head of
 * {@value #SKB_HEAD} bytes, what a segment a local sender built carries across a veth: an estimate.
 */
final class ReceiveWindow {
    /** tcp_rmem[1]: the buffer a socket starts with. */
    static final int RMEM_DEFAULT = 131072;
    /** A queued segment's truesize beyond its payload (sk_buff, skb_shared_info, the head): an estimate. */
    static final int SKB_HEAD = 768;
    /** SKB_TRUESIZE(advmss + MAX_TCP_HEADER) less advmss, on x86-64: an estimate for autotuning's per-segment memory. */
    private static final int SEGMENT_OVERHEAD = 320 + 576;
    private static final int TCP_INIT_CWND = 10;
    private static final int TCP_MAX_WSCALE = 14;

    /** sk_rcvbuf. */
    private int rcvbuf = RMEM_DEFAULT;
    /** sk_rmem_alloc: what queued segments charge, in order or not. */
    private int rmemAlloc;
    /** rcv_ssthresh: the most the offered window may grow to now. */
    int ssthresh;
    /** window_clamp: the most it may ever grow to at this buffer size. */
    int clamp;
    /** rcv_wnd: the window offered last, in bytes. */
    int wnd;
    // tcp_rcv_space_adjust's measure: bytes the program read in the last round trip (rcvq_space).
    private int spaceBytes;
    private int spaceSeq;
    private long spaceTimeUs;
    // The receiver's round-trip estimate, in µs scaled by 8 (rcv_rtt_est), and its measure.
    private int rttUs8;
    private int rttLastTsecr;
    private int rttSeq;
    private long rttTimeUs;

    /** tcp_win_from_space with tcp_adv_win_scale 1: half of the memory is window. */
    static int winFromSpace(int space) {
        return space - (space >> 1);
    }

    /** tcp_full_space. */
    private int fullSpace() {
        return winFromSpace(rcvbuf);
    }

    /** tcp_space: the window the buffer's free memory allows. */
    private int space() {
        return winFromSpace(rcvbuf - rmemAlloc);
    }

    /** The memory the receive queue may hold: sk_rcvbuf. */
    int rcvbuf() {
        return rcvbuf;
    }

    private static int align(int bytes, int wscale) {
        int unit = 1 << wscale;
        return (bytes + unit - 1) & -unit;
    }

    /**
     * tcp_select_initial_window: the window of our SYN ({@code mss} the MSS we offer) or SYN-ACK
     * ({@code mss} less the timestamp option when both use it), whole segments up to 65,535.
     */
    void initial(int mss, int wscale) {
        int space = fullSpace();
        if (space > mss) {
            space = space / mss * mss;
        }
        wnd = Math.min(space, 0xFFFF);
        ssthresh = wnd;
        clamp = 0xFFFF << Math.min(wscale, TCP_MAX_WSCALE);
    }

    /** The peer's SYN-ACK had no window scale: nothing beyond 65,535 can be offered. */
    void unscaled() {
        clamp = Math.min(clamp, 0xFFFF);
    }

    /**
     * tcp_init_buffer_space at ESTABLISHED: the clamp at the buffer's window less one segment's
     * reserve (tcp_app_win 31), {@code rcv_ssthresh} within it, autotuning's first measure.
     */
    void established(int advmss, int copiedSeq, long nowUs) {
        spaceTimeUs = nowUs;
        spaceSeq = copiedSeq;
        int maxwin = fullSpace();
        if (clamp >= maxwin) {
            clamp = maxwin; // less maxwin >> tcp_app_win, which is 0 at 31
        }
        if (clamp > 2 * advmss && clamp + advmss > maxwin) {
            clamp = Math.max(2 * advmss, maxwin - advmss);
        }
        ssthresh = Math.min(ssthresh, clamp);
        spaceBytes = Math.min(Math.min(ssthresh, wnd), TCP_INIT_CWND * advmss);
    }

    /** A segment of {@code len} payload bytes was queued (skb_set_owner_r). */
    void charge(int len) {
        rmemAlloc += len + SKB_HEAD;
    }

    /**
     * The program read {@code len} bytes (skb_rfree); {@code empty}: nothing is queued any more,
     * so every segment's memory is back.
     */
    void uncharge(int len, boolean empty) {
        rmemAlloc = empty ? 0 : Math.max(0, rmemAlloc - len);
    }

    /**
     * __tcp_select_window: the window the buffer allows now, in bytes, aligned up to the scale
     * unit; 0 when less than a segment, or a sixteenth of the buffer, is free.
     */
    int select(int rcvMss, int wscale) {
        int mss = rcvMss;
        int free = space();
        int allowed = fullSpace();
        int full = Math.min(clamp, allowed);
        if (mss > full) {
            mss = full;
            if (mss <= 0) {
                return 0;
            }
        }
        if (free < (full >> 1)) {
            free &= -(1 << wscale);
            if (free < (allowed >> 4) || free < mss) {
                return 0;
            }
        }
        if (free > ssthresh) {
            free = ssthresh;
        }
        if (wscale != 0) {
            return align(free, wscale);
        }
        int window = wnd;
        if (window <= free - mss || window > free) {
            return free / mss * mss;
        }
        if (mss == full && free > window + (full >> 1)) {
            return free;
        }
        return window;
    }

    /**
     * tcp_select_window: the window field of the next segment. A window smaller than what is left
     * of the last one ({@code current}) is not offered: the right edge stays, aligned up.
     */
    int next(int current, int rcvMss, int wscale) {
        int w = select(rcvMss, wscale);
        if (w < current) {
            w = align(current, wscale);
        }
        wnd = w;
        return Math.min(w, 0xFFFF << wscale) >>> wscale;
    }

    /**
     * tcp_grow_window after a segment of {@code len} bytes was queued: {@code rcv_ssthresh} grows
     * by at least two segments while memory allows. {@code inOrder}: the segment's head is
     * discounted (truesize_adjust), as for in-order data; out-of-order data is charged whole.
     */
    void grow(int len, boolean inOrder, int advmss, int rcvMss) {
        int room = Math.min(clamp, space()) - ssthresh;
        if (room <= 0) {
            return;
        }
        int truesize = inOrder ? len : len + SKB_HEAD;
        int incr;
        if (winFromSpace(truesize) <= len) {
            incr = 2 * advmss;
        } else {
            incr = growWithin(len, truesize, rcvMss);
        }
        if (incr != 0) {
            ssthresh += Math.min(room, Math.max(incr, 2 * len));
        }
    }

    /** __tcp_grow_window: a segment with much overhead grows the window only while it is small. */
    private int growWithin(int len, int skbTruesize, int rcvMss) {
        int truesize = winFromSpace(skbTruesize) >> 1;
        int window = winFromSpace(Tcp.RMEM_MAX) >> 1;
        while (ssthresh <= window) {
            if (truesize <= len) {
                return 2 * rcvMss;
            }
            truesize >>= 1;
            window >>= 1;
        }
        return 0;
    }

    /**
     * tcp_rcv_rtt_measure_ts: a full-sized in-order segment echoing a timestamp not seen before
     * is a round-trip sample of its age, in milliseconds (at least 1, tcp_rtt_tsopt_us).
     */
    void measureTs(int tsNow, int tsEcr, int len, int rcvMss) {
        if (tsEcr == rttLastTsecr) {
            return;
        }
        rttLastTsecr = tsEcr;
        if (len >= rcvMss) {
            int ms = tsNow - tsEcr;
            if (ms >= 0) {
                update(Math.max(ms, 1) * 1000, false);
            }
        }
    }

    /**
     * tcp_rcv_rtt_measure: without timestamps, the time for a window's worth of data to arrive
     * is an upper bound of the round trip (win_dep).
     */
    void measure(int rcvNxt, long nowUs) {
        if (rttTimeUs != 0) {
            if (Seq.lt(rcvNxt, rttSeq)) {
                return;
            }
            update((int) Math.max(1, nowUs - rttTimeUs), true);
        }
        rttSeq = rcvNxt + wnd;
        rttTimeUs = nowUs;
    }

    /** tcp_rcv_rtt_update. */
    private void update(int sampleUs, boolean winDep) {
        long m = sampleUs;
        long est = rttUs8;
        if (est != 0) {
            if (!winDep) {
                m -= est >> 3;
                est += m;
            } else {
                m <<= 3;
                if (m < est) {
                    est = m;
                }
            }
        } else {
            est = m << 3;
        }
        rttUs8 = (int) Math.min(Integer.MAX_VALUE, Math.max(0, est));
    }

    /**
     * tcp_rcv_space_adjust, after the program read up to {@code copiedSeq}: once per measured
     * round trip, a buffer for twice what it read then (more while that grows), at most
     * tcp_rmem[2], and the clamp follows.
     */
    void adjust(int copiedSeq, long nowUs, int advmss) {
        if (rttUs8 == 0 || nowUs - spaceTimeUs < (rttUs8 >> 3)) {
            return;
        }
        int copied = copiedSeq - spaceSeq;
        if (copied > spaceBytes) {
            long rcvwin = ((long) copied << 1) + 16L * advmss;
            long grow = rcvwin * (copied - spaceBytes) / Math.max(1, spaceBytes);
            rcvwin += grow << 1;
            int rcvmem = advmss + SEGMENT_OVERHEAD;
            while (winFromSpace(rcvmem) < advmss) {
                rcvmem += 128;
            }
            int buf = (int) Math.min(rcvwin / advmss * rcvmem, Tcp.RMEM_MAX);
            if (buf > rcvbuf) {
                rcvbuf = buf;
                clamp = winFromSpace(buf);
            }
            spaceBytes = copied;
        }
        spaceSeq = copiedSeq;
        spaceTimeUs = nowUs;
    }
}
