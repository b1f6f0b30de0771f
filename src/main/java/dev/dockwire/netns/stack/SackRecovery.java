package dev.dockwire.netns.stack;

/**
 * Loss recovery with SACK (RFC 6675), the rate of Proportional Rate Reduction (RFC 6937): what
 * Linux does in tcp_fastretrans_alert for a peer that agreed to SACK. Recovery starts when
 * DupThresh duplicate ACKs arrived or the first unacknowledged byte is lost by the scoreboard
 * (tcp_time_to_recover); while it lasts every ACK recomputes the scoreboard's lost bytes and
 * {@code pipe} (tcp_packets_in_flight), and PRR sets the congestion window to {@code pipe} plus
 * what may be sent now (tcp_cwnd_reduction); {@link TcpOutput} then sends NextSeg's segments. It
 * ends when SND.UNA passes the recovery point, with cwnd = ssthresh (tcp_end_cwnd_reduction).
 * {@link NewReno} keeps cwnd and ssthresh, and recovers alone for peers without SACK.
 */
final class SackRecovery {
    private final SackScoreboard board;
    private final NewReno cc;
    boolean active;
    /** RFC 6675's HighRxt plus one: the end of the last retransmission, rules 1 and 3 start above it. */
    int highRxt;
    /** The unSACKed bytes below this are lost (RFC 6675 IsLost, see {@link SackScoreboard#lostEdge}). */
    int lostEdge;
    /** RFC 6675's pipe in bytes, counted up by each segment sent until the next ACK recounts it. */
    int pipe;
    /**
     * The retransmissions in flight, oldest first, with SND.MAX when each went (the kernel's
     * ack_seq of tcp_mark_lost_retrans): one is lost once data sent after it is SACKed while it
     * is not. A ring of {@link #RETRANSMITS} runs; one that does not fit is left to the timer.
     */
    static final int RETRANSMITS = 256;
    private final int[] rxtStart = new int[RETRANSMITS];
    private final int[] rxtEnd = new int[RETRANSMITS];
    private final int[] rxtMark = new int[RETRANSMITS];
    /** When each went, and when new data had last gone before it. */
    private final long[] rxtTime = new long[RETRANSMITS];
    private final long[] rxtNewDataTime = new long[RETRANSMITS];
    private int rxtHead;
    private int rxtCount;
    /** Lost retransmissions are sent again up to {@code redoEnd}; then HighRxt goes back to {@code resumeRxt}. */
    private boolean redo;
    private int redoEnd;
    private int resumeRxt;
    /** RFC 6937: FlightSize when recovery began, data delivered since, and data sent since. */
    private int recoverFs;
    private long prrDelivered;
    private long prrOut;

    SackRecovery(SackScoreboard board, NewReno cc) {
        this.board = board;
        this.cc = cc;
    }

    /** A new connection: nothing retransmitted yet. */
    void init(int iss) {
        reset(iss);
    }

    /**
     * After an ACK moved SND.UNA (or not) and the scoreboard took its blocks: counts a duplicate
     * ACK, enters recovery, or ends it, and gives PRR's send quota. {@code delivered} is RFC
     * 6937's DeliveredData (SND.UNA's advance plus the change in SACKed bytes); {@code dupAck}
     * RFC 6675's DupAck (new SACK information without SND.UNA moving, whatever the window).
     * Returns true when recovery began with this ACK.
     */
    boolean onAck(int sndUna, int sndMax, int delivered, boolean dupAck) {
        int smss = cc.smss();
        if (active && Seq.ge(sndUna, cc.recover)) {
            // RFC 6675 section 5 step (A) ends; tcp_end_cwnd_reduction
            active = false;
            cc.cwnd = cc.ssthresh;
            cc.dupAcks = 0;
        }
        boolean entered = false;
        if (!active) {
            if (dupAck) {
                cc.dupAcks++; // a new ACK resets the count in NewReno.onAck
            }
            if (sndUna == sndMax || Seq.lt(sndUna, cc.recover)) {
                return false; // nothing outstanding, or still repairing what a timeout or recovery sent
            }
            lostEdge = board.lostEdge(sndUna, smss);
            if (cc.dupAcks < SackScoreboard.DUP_THRESH && !Seq.gt(lostEdge, sndUna)) {
                return false;
            }
            // RFC 6675 section 5 step (4); RFC 6937's initialisation
            int flight = sndMax - sndUna;
            cc.initUndo(); // tcp_enter_recovery
            cc.ssthresh = cc.lossSsthresh();
            cc.recover = sndMax;
            active = true;
            entered = true;
            // what an earlier recovery retransmitted stays marked (TCPCB_SACKED_RETRANS): not sent again
            highRxt = Seq.max(highRxt, sndUna);
            recoverFs = flight;
            prrDelivered = 0;
            prrOut = 0;
            if (!Seq.gt(lostEdge, sndUna)) {
                // entered on DupThresh duplicate ACKs: the first segment is lost (RFC 6675 step 4.2)
                lostEdge = Seq.min(board.holeEnd(sndUna, sndMax), sndUna + smss);
            }
        } else {
            // a byte once lost stays lost (TCPCB_LOST) until acknowledged
            lostEdge = Seq.max(Seq.max(lostEdge, sndUna), board.lostEdge(sndUna, smss));
        }
        if (Seq.lt(highRxt, sndUna)) {
            highRxt = sndUna;
        }
        if (redo && !Seq.gt(redoEnd, sndUna)) {
            redo = false;
            highRxt = Seq.max(resumeRxt, sndUna);
        }
        markLostRetransmits(sndUna, board.highSacked(sndUna));
        pipe = pipe(sndUna, sndMax);
        prrDelivered += delivered;
        long sndcnt;
        if (pipe > cc.ssthresh) {
            sndcnt = (prrDelivered * cc.ssthresh + recoverFs - 1) / recoverFs - prrOut;
        } else {
            // PRR-SSRB: slow start back to ssthresh, at most one segment more than delivered
            sndcnt = Math.min(cc.ssthresh - pipe, Math.max(prrDelivered - prrOut, delivered) + smss);
        }
        if (prrOut == 0) {
            sndcnt = Math.max(sndcnt, smss); // the fast retransmission goes at once
        }
        cc.cwnd = pipe + (int) Math.max(sndcnt, 0);
        return entered;
    }

    /**
     * RFC 6675 SetPipe: the bytes outstanding less those SACKed and those lost, plus the lost
     * ones retransmitted (tcp_packets_in_flight: packets_out - left_out + retrans_out).
     */
    private int pipe(int sndUna, int sndMax) {
        int lost = unsackedBelow(lostEdge, sndUna);
        int retrans;
        if (redo) {
            // sent again up to HighRxt; [HighRxt, redoEnd) lost and waiting; above it still in flight
            retrans = unsackedBelow(resumeRxt, sndUna) - (unsackedBelow(redoEnd, sndUna) - unsackedBelow(highRxt, sndUna));
        } else {
            retrans = unsackedBelow(highRxt, sndUna);
        }
        return Math.max(0, (sndMax - sndUna) - board.sacked() - lost + retrans);
    }

    private int unsackedBelow(int seq, int sndUna) {
        return Seq.gt(seq, sndUna) ? (seq - sndUna) - board.sackedBelow(seq) : 0;
    }

    /**
     * Time-ordered loss detection over the retransmissions in flight (RACK, RFC 8985, without its
     * reordering window; the kernel's tcp_rack_detect_loss): once a retransmission is delivered
     * (SACKed or acknowledged), everything sent before it and still unSACKed is lost, the
     * original transmissions below the SND.MAX it went at included (the tail after the last
     * SACKed byte that RFC 6675 cannot see); a retransmission is also lost once data sent after
     * it is SACKed (tcp_mark_lost_retrans). Lost retransmissions are sent again.
     */
    private void markLostRetransmits(int sndUna, int highSacked) {
        boolean delivered = false;
        int deliveredMark = 0;
        while (rxtCount > 0 && !Seq.gt(rxtEnd[rxtHead], sndUna)) {
            delivered = true;
            deliveredMark = sentBefore(rxtHead);
            rxtHead = (rxtHead + 1) % RETRANSMITS;
            rxtCount--;
        }
        // the prefix to settle: up to the newest delivered entry, and the entries whose mark was passed
        int settle = 0;
        for (int n = 0; n < rxtCount; n++) {
            int i = (rxtHead + n) % RETRANSMITS;
            if (Seq.gt(highSacked, rxtMark[i]) || !unsacked(rxtStart[i], rxtEnd[i], sndUna)) {
                settle = n + 1;
                if (!unsacked(rxtStart[i], rxtEnd[i], sndUna)) {
                    delivered = true;
                    deliveredMark = sentBefore(i);
                }
            }
        }
        boolean lost = false;
        int lostFrom = 0;
        int lostTo = 0;
        for (int n = 0; n < settle; n++) {
            int i = (rxtHead + n) % RETRANSMITS;
            if (unsacked(rxtStart[i], rxtEnd[i], sndUna)) {
                if (!lost || Seq.lt(Seq.max(rxtStart[i], sndUna), lostFrom)) {
                    lostFrom = Seq.max(rxtStart[i], sndUna);
                }
                lostTo = lost ? Seq.max(lostTo, rxtEnd[i]) : rxtEnd[i];
                lost = true;
            }
        }
        rxtHead = (rxtHead + settle) % RETRANSMITS;
        rxtCount -= settle;
        if (delivered && Seq.gt(deliveredMark, lostEdge)) {
            lostEdge = deliveredMark;
        }
        if (!lost) {
            return;
        }
        if (!redo) {
            redo = true;
            resumeRxt = highRxt;
            redoEnd = lostTo;
        } else {
            redoEnd = Seq.max(redoEnd, lostTo);
        }
        highRxt = Seq.min(highRxt, lostFrom);
    }

    /**
     * The original transmissions sent before retransmission {@code i} end here: all below SND.MAX
     * of its time when new data last went strictly earlier; else, as tcp_rack_sent_after breaks a
     * tie of timestamps by sequence number, only those below it.
     */
    private int sentBefore(int i) {
        return rxtNewDataTime[i] < rxtTime[i] ? rxtMark[i] : rxtEnd[i];
    }

    /** Whether some byte of {@code [start, end)} at or above SND.UNA is not SACKed. */
    private boolean unsacked(int start, int end, int sndUna) {
        return Seq.lt(board.nextUnsacked(Seq.max(start, sndUna)), end);
    }

    /**
     * Where rule 1 or 3 of NextSeg looks next: the first unSACKed byte above HighRxt, past the
     * retransmissions still in flight once the lost ones have been sent again.
     */
    int nextRetransmit(int sndUna) {
        int s = board.nextUnsacked(Seq.max(highRxt, sndUna));
        if (redo && !Seq.lt(s, redoEnd)) {
            redo = false;
            highRxt = Seq.max(resumeRxt, highRxt);
            s = board.nextUnsacked(Seq.max(highRxt, sndUna));
        }
        return s;
    }

    /** The end of the run of lost bytes that starts at {@code s}: lost ones to be sent again stop at redoEnd. */
    int lostEnd(int s) {
        return redo && Seq.lt(s, redoEnd) ? Seq.max(redoEnd, lostEdge) : lostEdge;
    }

    /**
     * Bytes {@code [start, end)} were retransmitted at {@code now} while SND.MAX was
     * {@code sndMax}; new data last went at {@code newDataTime}.
     */
    void retransmitted(int start, int end, int sndMax, long now, long newDataTime) {
        highRxt = end;
        sent(end - start);
        if (rxtCount < RETRANSMITS) {
            int i = (rxtHead + rxtCount) % RETRANSMITS;
            rxtStart[i] = start;
            rxtEnd[i] = end;
            rxtMark[i] = sndMax;
            rxtTime[i] = now;
            rxtNewDataTime[i] = newDataTime;
            rxtCount++;
        }
    }

    static final int NO_UNDO = 0;
    static final int FULL_UNDO = 1;
    static final int PARTIAL_UNDO = 2;

    /**
     * An ACK that moved SND.UNA in recovery echoes {@code tsEcr}: when that proves the fast
     * retransmission needless (tcp_packet_delayed), the window reduction is undone and recovery
     * ends, at the recovery point (tcp_try_undo_recovery, TCPFullUndo) or below it once no
     * retransmission is in flight (tcp_try_undo_partial, TCPPartialUndo, then tcp_try_keep_open:
     * a later loss starts a recovery of its own). Returns which, or {@link #NO_UNDO}.
     */
    int tryUndo(int sndUna, int tsEcr) {
        boolean full = Seq.ge(sndUna, cc.recover);
        if (!full && unsackedBelow(highRxt, sndUna) > 0) {
            return NO_UNDO; // retrans_out: a retransmission still in flight may yet be needed
        }
        if (!cc.tryUndo(tsEcr)) {
            return NO_UNDO;
        }
        active = false;
        cc.dupAcks = 0;
        if (!full) {
            cc.recover = sndUna;
        }
        return full ? FULL_UNDO : PARTIAL_UNDO;
    }

    /** What PRR lets go now, in bytes. */
    int quota() {
        return cc.cwnd - pipe;
    }

    /** {@code len} bytes went out in recovery (new data or retransmitted). */
    void sent(int len) {
        pipe += len;
        prrOut += len;
    }

    /**
     * The retransmission timer expired: recovery is over and the sender goes back to SND.UNA,
     * resending what was SACKed too (RFC 6675 section 5.1 allows it), so the caller clears the
     * scoreboard.
     */
    void reset(int sndUna) {
        active = false;
        pipe = 0;
        highRxt = sndUna;
        rxtCount = 0;
        redo = false;
    }
}
