package dev.dockwire.netns.stack;

/**
 * Congestion control, in bytes: slow start and congestion avoidance (RFC 5681 section 3.1, with
 * byte counting as Linux's tcp_slow_start does it), an initial window of 10 segments (RFC 6928, Linux's
 * {@code TCP_INIT_CWND}), fast retransmit on the third duplicate ACK and NewReno fast recovery
 * (RFC 6582), and the loss window after a retransmission timeout. The window grows in congestion
 * avoidance and shrinks on loss as {@link Cubic} says, Linux's default congestion control, which
 * also ends slow start early (HyStart); recovery is this class's (tcp_input.c), as Linux keeps
 * tcp_cong_ops apart from recovery. With a peer that agreed to SACK, {@link SackRecovery}
 * recovers instead (RFC 6675) and sets cwnd and ssthresh here.
 */
final class NewReno {
    static final int INITIAL_WINDOW_SEGMENTS = 10;
    static final int DUPACK_THRESHOLD = 3;
    private int smss;
    int cwnd;
    int ssthresh = Integer.MAX_VALUE;
    int dupAcks;
    boolean inRecovery;
    /** SND.MAX when recovery (or the last timeout) began: RFC 6582's "recover" plus one. */
    int recover;
    private int bytesAcked;
    final Cubic cubic = new Cubic();
    /** A retransmission timeout's repair is under way (TCP_CA_Loss) until SND.UNA passes {@link #recover}. */
    boolean inLoss;
    /**
     * tcp_init_undo's undo_marker: this episode's window reduction may still be undone. The
     * cwnd and ssthresh before it (prior_cwnd, prior_ssthresh), and the timestamp of its first
     * retransmission (retrans_stamp), which an ACK echoing an older one proves needless.
     */
    boolean undoMarker;
    private int priorCwnd;
    private int priorSsthresh;
    private boolean retransStamped;
    private int retransStamp;

    void init(int smss, int iss) {
        this.smss = smss;
        this.cwnd = INITIAL_WINDOW_SEGMENTS * smss;
        this.recover = iss;
        cubic.init(iss);
    }

    /** The slow-start threshold after a loss: CUBIC's beta times cwnd (cubictcp_recalc_ssthresh). */
    int lossSsthresh() {
        return cubic.recalcSsthresh(cwnd / smss) * smss;
    }

    /**
     * An RTT sample of {@code rttUs} for an ACK of new data at jiffy {@code now}, µs {@code nowUs}
     * (cubictcp_acked): HyStart ends slow start here when an ACK train lasted half the minimum
     * RTT or the delay grew (tp->snd_ssthresh = cwnd). Returns what found the exit
     * ({@code Cubic.HYSTART_*} bits), 0 when nothing did.
     */
    int onRttSample(int rttUs, int now, int nowUs, int ackDelayUs, int sndUna, int sndNxt) {
        int detected = cubic.acked(rttUs, now, nowUs, ackDelayUs, cwnd / smss, cwnd < ssthresh, sndUna, sndNxt);
        if (detected != 0) {
            ssthresh = cwnd;
        }
        return detected;
    }

    int smss() {
        return smss;
    }

    /**
     * New data acknowledged outside recovery: grow the window (cubictcp_cong_avoid), but only
     * while it is what limits the sender (RFC 7661; Linux's tcp_is_cwnd_limited: in slow start
     * while cwnd is below twice the flight). In slow start every byte ACKed adds one to cwnd, up
     * to ssthresh, and what is left over grows it as congestion avoidance does (tcp_slow_start:
     * Linux has no RFC 3465 limit of L SMSS per ACK, so a stretch ACK of a GRO'd super-packet
     * counts whole). {@code flight} is what was outstanding before the ACK; {@code now} the jiffy
     * (millisecond) of CUBIC's clock.
     */
    void onAck(int acked, int flight, int now) {
        dupAcks = 0;
        boolean slowStart = cwnd < ssthresh;
        if (slowStart ? cwnd >= 2 * (long) flight : flight + smss < cwnd) {
            return;
        }
        if (slowStart) {
            int grown = (int) Math.min((long) cwnd + acked, ssthresh);
            acked -= grown - cwnd;
            cwnd = grown;
            if (acked == 0) {
                return;
            }
        }
        bytesAcked += acked;
        int segments = bytesAcked / smss;
        bytesAcked -= segments * smss;
        if (segments > 0) {
            int pkts = cwnd / smss;
            cwnd += (cubic.congAvoid(pkts, segments, now) - pkts) * smss;
        }
    }

    /**
     * A duplicate ACK (RFC 5681 section 2 definition). Returns true when it is the third and the
     * first unacknowledged segment must be retransmitted now (RFC 6582 section 3.2 steps 1-2).
     */
    boolean onDupAck(int sndUna, int sndMax) {
        dupAcks++;
        if (inRecovery) {
            cwnd += smss; // step 3: inflate for each segment that left the network
            return false;
        }
        // "covers more than recover": recover is kept as SND.MAX, one past the highest byte sent
        if (dupAcks != DUPACK_THRESHOLD || Seq.lt(sndUna, recover)) {
            return false;
        }
        initUndo();
        ssthresh = lossSsthresh();
        recover = sndMax;
        cwnd = ssthresh + DUPACK_THRESHOLD * smss;
        inRecovery = true;
        return true;
    }

    /**
     * New data acknowledged during recovery. Returns true for a partial ACK (RFC 6582 step 5:
     * retransmit the next unacknowledged segment); a full ACK ends recovery (step 6, option 1).
     */
    boolean onRecoveryAck(int ack, int acked, int flightAfter) {
        if (Seq.ge(ack, recover)) {
            cwnd = Math.min(ssthresh, Math.max(flightAfter, smss) + smss);
            inRecovery = false;
            dupAcks = 0;
            bytesAcked = 0;
            return false;
        }
        cwnd = Math.max(smss, cwnd - acked + (acked >= smss ? smss : 0));
        return true;
    }

    /**
     * The retransmission timer expired (RFC 5681 section 3.1 equation 4, RFC 6582 section 4):
     * tcp_enter_loss takes a new ssthresh unless an earlier timeout or recovery is still repairing
     * (SND.UNA below its recovery point), and CUBIC forgets its curve (cubictcp_state).
     */
    void onTimeout(int flight, int sndMax, int nowUs) {
        if (Seq.ge(sndMax - flight, recover)) {
            initUndo(); // tcp_enter_loss: a new episode; one still repairing keeps its undo state
            ssthresh = lossSsthresh();
        }
        inLoss = true;
        cubic.onLoss(sndMax, nowUs);
        cwnd = smss;
        inRecovery = false;
        dupAcks = 0;
        bytesAcked = 0;
        recover = sndMax;
    }

    /** Restart after an idle period longer than the RTO (RFC 5681 section 4.1, tcp_slow_start_after_idle). */
    void restartAfterIdle() {
        cwnd = Math.min(cwnd, INITIAL_WINDOW_SEGMENTS * smss);
    }

    /**
     * tcp_init_undo and the prior_cwnd/prior_ssthresh that tcp_enter_recovery and tcp_enter_loss
     * save before the window shrinks; prior_ssthresh is tcp_current_ssthresh, in the Open state
     * at least three quarters of cwnd.
     */
    void initUndo() {
        int pkts = cwnd / smss;
        priorCwnd = cwnd;
        priorSsthresh = inRecovery ? ssthresh : Math.max(ssthresh, ((pkts >> 1) + (pkts >> 2)) * smss);
        undoMarker = true;
        retransStamped = false;
    }

    /** tcp_retransmit_skb: the first retransmission of the episode stamps retrans_stamp with its TSval. */
    void retransmitted(int tsVal) {
        if (!retransStamped) {
            retransStamped = true;
            retransStamp = tsVal;
        }
    }

    /**
     * tcp_packet_delayed with timestamps (Eifel detection, RFC 3522): the ACK echoes a TSval
     * older than the first retransmission's, so an original transmission, not the retransmission,
     * reached the peer. ({@code tsEcr} 0 means none.)
     */
    boolean packetDelayed(int tsEcr) {
        return retransStamped && tsEcr != 0 && Seq.lt(tsEcr, retransStamp);
    }

    /**
     * tcp_may_undo (undo_retrans is not counted: no DSACK is read) then tcp_undo_cwnd_reduction
     * with CUBIC's undo_cwnd, tcp_reno_undo_cwnd: cwnd back to at least prior_cwnd, ssthresh to
     * prior_ssthresh when that was higher. Returns whether it undid.
     */
    boolean tryUndo(int tsEcr) {
        if (!undoMarker || !packetDelayed(tsEcr)) {
            return false;
        }
        cwnd = Math.max(cwnd, priorCwnd);
        if (priorSsthresh > ssthresh) {
            ssthresh = priorSsthresh;
        }
        undoMarker = false;
        return true;
    }
}
