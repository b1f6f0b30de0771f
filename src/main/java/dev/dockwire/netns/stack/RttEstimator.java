package dev.dockwire.netns.stack;

/**
 * The retransmission timeout of RFC 6298: {@code srtt} and {@code rttvar} from RTT samples
 * (section 2), {@code rto = srtt + max(G, 4 * rttvar)} kept within Linux's bounds
 * ({@code TCP_RTO_MIN} 200 ms, {@code TCP_RTO_MAX} 120 s), 1 s before the first sample
 * (section 2.1), doubled on each expiry (section 5.5) until a new sample recomputes it.
 */
final class RttEstimator {
    static final long RTO_INITIAL = 1_000_000_000L;
    static final long RTO_MIN = 200_000_000L;
    static final long RTO_MAX = 120_000_000_000L;
    /** Clock granularity G: the timestamp clock ticks in milliseconds, as Linux's does. */
    static final long GRANULARITY = 1_000_000L;

    private long srtt;
    private long rttvar;
    private long rto = RTO_INITIAL;
    private boolean measured;

    /** Takes an RTT measurement in nanoseconds (RFC 6298 sections 2.2 and 2.3). */
    void sample(long rtt) {
        if (!measured) {
            srtt = rtt;
            rttvar = rtt / 2;
            measured = true;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - rtt)) / 4;
            srtt = (7 * srtt + rtt) / 8;
        }
        rto = Math.min(RTO_MAX, Math.max(RTO_MIN, srtt + Math.max(GRANULARITY, 4 * rttvar)));
    }

    /** Exponential backoff after the timer expired (RFC 6298 section 5.5). */
    void backoff() {
        rto = Math.min(RTO_MAX, rto * 2);
    }

    long rto() {
        return rto;
    }

    long srtt() {
        return srtt;
    }
}
