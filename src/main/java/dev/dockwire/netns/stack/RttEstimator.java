package dev.dockwire.netns.stack;

/**
 * The retransmission timeout as Linux 6.1 computes it, which departs from RFC 6298: tcp_rtt_estimator
 * keeps the smoothed RTT (srtt_us, 1/8 gain), the mean deviation {@code mdev_us} (4 x the
 * deviation, 1/4 gain, but 1/32 when the RTT falls, so a falling RTT does not raise the RTO), its
 * largest value this round trip ({@code mdev_max_us}, at least {@code tcp_rto_min}) and
 * {@code rttvar_us}, which rises at once to {@code mdev_max_us} and falls towards it by a quarter
 * once a round trip (when SND.UNA passes {@code rtt_seq}). tcp_set_rto (__tcp_set_rto) makes the
 * RTO {@code srtt + rttvar}, in jiffies rounded up: srtt + max(4 x deviation, 200 ms), where RFC
 * 6298 has max(200 ms, srtt + 4 x rttvar), 200 ms earlier on a queue that holds the RTT steady.
 * 1 s before the first sample (TCP_TIMEOUT_INIT), doubled on each expiry up to TCP_RTO_MAX 120 s
 * (tcp_retransmit_timer) until a new sample recomputes it (tcp_ack_update_rtt).
 */
final class RttEstimator {
    static final long RTO_INITIAL = 1_000_000_000L;
    static final long RTO_MIN = 200_000_000L;
    static final long RTO_MAX = 120_000_000_000L;
    /** tcp_rto_min_us: TCP_RTO_MIN, no route sets RTAX_RTO_MIN. */
    private static final long RTO_MIN_US = RTO_MIN / 1000;
    /** A jiffy of HZ = 1000, in nanoseconds: the RTO is whole jiffies (usecs_to_jiffies). */
    private static final long JIFFY = 1_000_000L;

    /** srtt_us: the smoothed RTT in µs, times 8. */
    private long srtt8;
    private long mdev;
    private long mdevMax;
    private long rttvar;
    /** SND.NXT when the round trip that decays rttvar began. */
    private int rttSeq;
    private long rto = RTO_INITIAL;

    /**
     * Takes an RTT measurement in nanoseconds for an ACK that moved SND.UNA to {@code sndUna}
     * while SND.NXT is {@code sndNxt} (tcp_rtt_estimator, then tcp_set_rto).
     */
    void sample(long rttNanos, int sndUna, int sndNxt) {
        long m = rttNanos / 1000;
        long srtt = srtt8;
        if (srtt != 0) {
            m -= srtt >> 3; // the error of the estimate
            srtt += m; // srtt = 7/8 srtt + 1/8 new
            if (m < 0) {
                m = -m - (mdev >> 2);
                if (m > 0) {
                    m >>= 3; // the RTT fell: a finer gain, as Eifel would not raise the RTO
                }
            } else {
                m -= mdev >> 2;
            }
            mdev += m; // mdev = 3/4 mdev + 1/4 new
            if (mdev > mdevMax) {
                mdevMax = mdev;
                if (mdevMax > rttvar) {
                    rttvar = mdevMax;
                }
            }
            if (Seq.gt(sndUna, rttSeq)) {
                if (mdevMax < rttvar) {
                    rttvar -= (rttvar - mdevMax) >> 2;
                }
                rttSeq = sndNxt;
                mdevMax = RTO_MIN_US;
            }
        } else {
            srtt = m << 3;
            mdev = m << 1; // so that the first RTO is 3 x RTT
            rttvar = Math.max(mdev, RTO_MIN_US);
            mdevMax = rttvar;
            rttSeq = sndNxt;
        }
        srtt8 = Math.max(1, srtt);
        long rtoUs = (srtt8 >> 3) + rttvar;
        rto = Math.min(RTO_MAX, (rtoUs * 1000 + JIFFY - 1) / JIFFY * JIFFY);
    }

    /** Exponential backoff after the timer expired (tcp_retransmit_timer, RFC 6298 section 5.5). */
    void backoff() {
        rto = Math.min(RTO_MAX, rto * 2);
    }

    long rto() {
        return rto;
    }

    /** The smoothed RTT in nanoseconds (µs precision), 0 before the first sample. */
    long srtt() {
        return (srtt8 >> 3) * 1000;
    }

    /** rttvar_us in nanoseconds: what the RTO adds to the smoothed RTT. */
    long rttvar() {
        return rttvar * 1000;
    }
}
