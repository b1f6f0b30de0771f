package dev.dockwire.netns.stack;

import dev.dockwire.socket.SocketError;
import dev.dockwire.wire.TcpOptions;
import dev.dockwire.wire.TcpSegment;
import io.netty.buffer.ByteBuf;

/**
 * SEGMENT ARRIVES for a connection (RFC 9293 section 3.10.7.3 and 3.10.7.4; the kernel's
 * tcp_rcv_synsent_state_process and tcp_rcv_state_process): sequence check, RST, SYN, ACK, text
 * and FIN, in the RFC's order, with RFC 5961's exact-RST rule and challenge ACKs. LISTEN is
 * {@link TcpListenerImpl}'s, CLOSED is {@link Tcp}'s.
 */
final class TcpInput {
    private final Tcp tcp;
    private final TcpOutput out;
    /** A listener whose accept queue gained a connection while this segment was processed. */
    private TcpListenerImpl accepting;

    TcpInput(Tcp tcp) {
        this.tcp = tcp;
        this.out = tcp.output;
    }

    /**
     * Processes {@code seg} (its payload in {@code packet}) for {@code c}, then tells the program.
     * Returns false when the segment is a new SYN for a connection in TIME-WAIT, which is then
     * closed: the caller hands the SYN to the listener (RFC 9293 3.6.1, tcp_timewait_state_process).
     */
    boolean segmentArrives(TcpConnection c, ByteBuf packet, TcpSegment seg, TcpOptions opts) {
        if (c.state == TcpState.SYN_SENT) {
            synSent(c, seg, opts);
        } else if (c.state == TcpState.TIME_WAIT && reopens(c, seg, opts)) {
            c.destroy();
            return false;
        } else {
            boolean finBefore = c.finReceived;
            otherStates(c, packet, seg, opts);
            if (c.ackNow && c.finReceived == finBefore) {
                // Linux sends an ACK that is due at once (quickack, two full segments, out of order)
                // from softirq, before the program runs and could have it ride on a reply
                // (tcp_rcv_established: tcp_data_snd_check, then __tcp_ack_snd_check). The ACK of
                // a FIN may wait: tcp_fin enters pingpong mode, so the program's own FIN carries it.
                c.afterProgram();
            }
        }
        c.deliver();
        c.afterProgram();
        if (accepting != null) {
            TcpListenerImpl l = accepting;
            accepting = null;
            l.drain();
        }
        return true;
    }

    /**
     * A SYN that may reuse a pair in TIME-WAIT (tcp_timewait_state_process): its sequence number
     * is past the old connection's RCV.NXT, or its timestamp newer than TS.Recent (RFC 6191).
     */
    private static boolean reopens(TcpConnection c, TcpSegment seg, TcpOptions opts) {
        if (!seg.syn() || seg.ackFlag() || seg.rst()) {
            return false;
        }
        return Seq.gt(seg.seq(), c.rcvNxt) || (c.tsOk && opts.hasTimestamps() && opts.tsVal() - c.tsRecent > 0);
    }

    /** RFC 9293 3.10.7.3: the answer to our SYN. */
    private void synSent(TcpConnection c, TcpSegment seg, TcpOptions opts) {
        int seq = seg.seq();
        int ack = seg.ack();
        if (seg.ackFlag() && (Seq.le(ack, c.iss) || Seq.gt(ack, c.sndMax))) {
            out.resetFor(c.localAddr, c.localPort, c.remoteAddr, c.remotePort, seg);
            return;
        }
        if (seg.rst()) {
            if (seg.ackFlag()) {
                c.fail(SocketError.ECONNREFUSED);
            }
            return;
        }
        if (!seg.syn()) {
            return;
        }
        c.irs = seq;
        c.rcvNxt = seq + 1;
        c.rcvWup = c.rcvNxt;
        c.negotiate(opts);
        if (!c.wsOk) {
            c.rwin.unscaled();
        }
        c.rcvAdv = c.rcvNxt + c.rwin.wnd; // what our SYN offered
        if (seg.ackFlag()) {
            ackOfSyn(c, ack, opts);
            c.established(seq, ack, seg.window()); // the window of a SYN is not scaled
            out.ack(c);
        } else {
            // Simultaneous open: SYN-RECEIVED, our SYN again with an ACK.
            c.state = TcpState.SYN_RECEIVED;
            c.sndWnd = seg.window();
            out.synAck(c);
        }
    }

    /** The peer acknowledged our SYN: SND.UNA moves, the handshake RTT is a sample. */
    private void ackOfSyn(TcpConnection c, int ack, TcpOptions opts) {
        c.sndUna = ack;
        rttSample(c, ack, opts); // not CUBIC's: Linux initialises it after the handshake (tcp_init_transfer)
        c.retransmits = 0;
        c.rtxTimer.stop();
    }

    /** RFC 9293 3.10.7.4: SYN-RECEIVED and the synchronized states. */
    private void otherStates(TcpConnection c, ByteBuf packet, TcpSegment seg, TcpOptions opts) {
        int seq = seg.seq();
        int dataLen = seg.payloadLength();
        boolean syn = seg.syn();
        boolean fin = seg.fin();
        int segLen = dataLen + (syn ? 1 : 0) + (fin ? 1 : 0);
        if (c.state == TcpState.SYN_RECEIVED && syn && !seg.ackFlag() && !seg.rst() && seq == c.irs) {
            out.synAck(c); // the peer's SYN again: our SYN-ACK was lost (tcp_check_req)
            return;
        }
        int wnd = Math.max(0, c.rcvAdv - c.rcvNxt);
        // second: RST, accepted only at exactly RCV.NXT (RFC 5961 section 3.2)
        if (seg.rst()) {
            if (seq == c.rcvNxt) {
                reset(c);
            } else if (Seq.inWindow(seq, c.rcvNxt, c.rcvNxt + Math.max(wnd, 1))) {
                challengeAck(c);
            }
            return;
        }
        // first: the sequence number check, tcp_sequence's form of the RFC's four cases
        if (Seq.lt(seq + segLen, c.rcvWup) || Seq.gt(seq, c.rcvNxt + wnd)) {
            if (c.state == TcpState.TIME_WAIT && fin) {
                c.waitTimer.arm(TcpConnection.TIME_WAIT_NANOS);
            }
            out.ack(c);
            return;
        }
        if (c.tsOk && opts.hasTimestamps() && Seq.le(seq, c.rcvWup) && opts.tsVal() - c.tsRecent >= 0) {
            c.tsRecent = opts.tsVal(); // RFC 7323 section 4.3
        }
        // fourth: a SYN in a synchronized state gets a challenge ACK (RFC 5961 section 4)
        if (syn) {
            challengeAck(c);
            return;
        }
        // fifth: the ACK field
        if (!seg.ackFlag()) {
            return;
        }
        if (c.state == TcpState.SYN_RECEIVED && !synReceivedAck(c, seg)) {
            return;
        }
        if (!processAck(c, seg, opts, dataLen)) {
            return;
        }
        switch (c.state) {
            case FIN_WAIT_1 -> {
                if (c.finAcked()) {
                    c.state = TcpState.FIN_WAIT_2;
                    if (c.userClosed) {
                        c.waitTimer.arm(TcpConnection.FIN_TIMEOUT_NANOS);
                        // tcp_rcv_state_process: an orphan whose FIN is acked by a segment without
                        // the peer's FIN becomes a timewait sock (tcp_time_wait(sk, TCP_FIN_WAIT2, tmo)).
                        c.timeWaitSock = !fin;
                    }
                }
            }
            case CLOSING -> {
                if (c.finAcked()) {
                    c.enterTimeWait();
                    c.timeWaitSock = true; // tcp_time_wait, nothing sent
                }
            }
            case LAST_ACK -> {
                if (c.finAcked()) {
                    c.destroy();
                    return;
                }
            }
            default -> {
            }
        }
        // sixth (URG) is not modelled: urgent data is read inline, as with SO_OOBINLINE.
        text(c, packet, seg, opts, seq, dataLen, fin);
    }

    /** The ACK that completes a passive (or simultaneous) open; false drops the segment. */
    private boolean synReceivedAck(TcpConnection c, TcpSegment seg) {
        int ack = seg.ack();
        if (!(Seq.lt(c.sndUna, ack) && Seq.le(ack, c.sndMax))) {
            out.resetFor(c.localAddr, c.localPort, c.remoteAddr, c.remotePort, seg);
            return false;
        }
        if (c.passive && !c.listener.hasRoom()) {
            // Accept queue full: drop the ACK and stay in SYN-RECEIVED (tcp_abort_on_overflow=0).
            tcp.counters().listenOverflows++;
            tcp.counters().listenDrops++;
            return false;
        }
        c.established(seg.seq(), ack, seg.window() << c.sndWscale);
        if (c.passive) {
            c.listener.enqueue(c);
            accepting = c.listener;
        }
        return true;
    }

    /**
     * The ACK field in ESTABLISHED and later states: SND.UNA and the send buffer, the send window
     * (SND.WL1/WL2), RTT, congestion control, duplicate ACKs. False when the segment must be
     * dropped (it acknowledges data never sent).
     */
    private boolean processAck(TcpConnection c, TcpSegment seg, TcpOptions opts, int dataLen) {
        int ack = seg.ack();
        int seq = seg.seq();
        if (Seq.gt(ack, c.sndMax)) {
            out.ack(c);
            return false;
        }
        if (Seq.lt(ack, c.sndUna)) {
            return true; // an old ACK: ignored
        }
        int window = seg.window() << c.sndWscale;
        boolean windowChanged = window != c.sndWnd;
        c.probesOut = 0;
        if (Seq.lt(c.sndWl1, seq) || (c.sndWl1 == seq && Seq.le(c.sndWl2, ack))) {
            c.sndWnd = window;
            c.sndWl1 = seq;
            c.sndWl2 = ack;
            c.maxSndWnd = Math.max(c.maxSndWnd, window);
        }
        if (c.sackOk) {
            sackAck(c, seg, opts);
        } else if (Seq.gt(ack, c.sndUna)) {
            newAck(c, ack, opts);
        } else if (dataLen == 0 && !seg.fin() && !windowChanged && c.sndMax != c.sndUna) {
            // RFC 5681 section 2: a duplicate ACK
            if (c.cc.onDupAck(c.sndUna, c.sndMax)) {
                tcp.counters().renoRecovery++; // tcp_enter_recovery: LINUX_MIB_TCPRENORECOVERY
                tcp.counters().fastRetransmits++;
                out.retransmitHead(c);
                c.rtxTimer.arm(c.rtt.rto());
            }
        }
        return true;
    }

    /**
     * The ACK of a peer that agreed to SACK (tcp_ack, tcp_sacktag_write_queue, tcp_fastretrans_alert):
     * SND.UNA moves, the scoreboard takes the blocks, and an ACK with new SACK information is a
     * duplicate ACK even when its window changed (RFC 6675 section 2), as a Linux receiver's does
     * while tcp_grow_window raises rcv_ssthresh for out-of-order data.
     */
    private void sackAck(TcpConnection c, TcpSegment seg, TcpOptions opts) {
        int ack = seg.ack();
        int una = c.sndUna;
        int sackedBefore = c.sacks.sacked();
        if (Seq.gt(ack, una)) {
            newAck(c, ack, opts);
            c.sacks.ack(ack);
        }
        int newly = c.sacks.update(opts, c.sndUna, c.sndMax);
        boolean dupAck = ack == una && newly > 0;
        int delivered = (c.sndUna - una) + (c.sacks.sacked() - sackedBefore);
        if (c.sackRecovery.active && Seq.gt(c.sndUna, una)) {
            // tcp_try_undo_recovery at the recovery point, tcp_try_undo_partial below it
            int undone = c.sackRecovery.tryUndo(c.sndUna, c.tsOk && opts.hasTimestamps() ? opts.tsEcr() : 0);
            if (undone == SackRecovery.FULL_UNDO) {
                tcp.counters().fullUndo++;
            } else if (undone == SackRecovery.PARTIAL_UNDO) {
                tcp.counters().partialUndo++;
            }
            if (undone != SackRecovery.NO_UNDO) {
                // tcp_cong_control after tcp_fastretrans_alert: out of the reduction, this ACK grows cwnd
                c.cc.onAck(c.sndUna - una, c.sndMax - una, (int) (tcp.loop.nanos() / 1_000_000L));
            }
        }
        if (c.sackRecovery.onAck(c.sndUna, c.sndMax, delivered, dupAck)) {
            tcp.counters().sackRecovery++; // tcp_enter_recovery: LINUX_MIB_TCPSACKRECOVERY
            c.rtxTimer.arm(c.rtt.rto());
        }
    }

    private void newAck(TcpConnection c, int ack, TcpOptions opts) {
        int acked = ack - c.sndUna;
        int flight = c.sndMax - c.sndUna;
        int dataAcked = Math.min(ack - c.sndBufSeq, c.sndBuf.size());
        if (dataAcked > 0) {
            c.sndBuf.drop(dataAcked);
            c.sndBufSeq += dataAcked;
        }
        c.sndUna = ack;
        if (Seq.lt(c.sndNxt, ack)) {
            c.sndNxt = ack;
        }
        long rttNanos = rttSample(c, ack, opts);
        int jiffies = (int) (tcp.loop.nanos() / 1_000_000L);
        if (rttNanos >= 0) {
            int cwnd = c.cc.cwnd / c.cc.smss();
            int exit = c.cc.onRttSample((int) Math.min(rttNanos / 1000, Integer.MAX_VALUE), jiffies,
                    (int) (tcp.loop.nanos() / 1000), TcpOutput.hystartAckDelayUs(c), ack, c.sndNxt);
            if (exit != 0) {
                countHystart(exit, cwnd);
            }
        }
        c.retransmits = 0;
        int tsEcr = c.tsOk && opts.hasTimestamps() ? opts.tsEcr() : 0;
        if (c.cc.inLoss) {
            lossAck(c, ack, tsEcr);
        }
        if (c.cc.inRecovery && Seq.ge(ack, c.cc.recover) && c.cc.undoMarker && c.cc.packetDelayed(tsEcr)) {
            // tcp_try_undo_recovery: the full ACK echoes a time before the fast retransmission.
            // RFC 6582's inflated window goes first (Linux's PRR window never inflates), then
            // cwnd comes back to prior_cwnd. (Linux holds a Reno sender in recovery until an ACK
            // passes high_seq, with tcp_moderate_cwnd: not modelled.)
            c.cc.cwnd = c.cc.ssthresh;
            c.cc.tryUndo(tsEcr);
            c.cc.inRecovery = false;
            c.cc.dupAcks = 0;
            tcp.counters().fullUndo++;
        }
        if (c.cc.inRecovery) {
            if (c.cc.onRecoveryAck(ack, acked, c.sndMax - ack)) {
                out.retransmitHead(c); // NewReno partial ACK (RFC 6582 section 3.2 step 5)
            }
        } else if (!c.sackRecovery.active) { // in SACK recovery PRR sets the window (SackRecovery.onAck)
            c.cc.onAck(acked, flight, jiffies);
            // tcp_new_space → tcp_sndbuf_expand: room for twice the congestion window, so the
            // program can refill the buffer while a full window is in flight.
            c.sndBuf.expand((int) Math.min(Tcp.WMEM_MAX, 2L * c.cc.cwnd));
        }
        c.persisting = false;
        if (c.sndUna == c.sndMax) {
            c.rtxTimer.stop(); // RFC 6298 5.2
        } else {
            c.rtxTimer.arm(c.rtt.rto()); // RFC 6298 5.3
        }
    }

    /**
     * tcp_process_loss: an ACK that moves SND.UNA after a retransmission timeout. When it echoes a
     * time before the first retransmission the timeout was spurious (tcp_try_undo_loss,
     * LINUX_MIB_TCPLOSSUNDO): the window comes back and the go-back-N resend stops, as
     * tcp_undo_cwnd_reduction unmarks the lost segments. The repair ends once SND.UNA passes
     * the point the timeout found.
     */
    private void lossAck(TcpConnection c, int ack, int tsEcr) {
        if (c.cc.tryUndo(tsEcr)) {
            c.cc.inLoss = false;
            c.cc.recover = ack;
            if (Seq.lt(c.sndNxt, c.sndMax)) {
                c.sndNxt = c.sndMax;
            }
            tcp.counters().lossUndo++;
        } else if (Seq.ge(ack, c.cc.recover)) {
            c.cc.inLoss = false;
        }
    }

    /** hystart_update's LINUX_MIB_TCPHYSTART{TRAIN,DELAY}{DETECT,CWND}: the exits and the windows (segments) they left at. */
    private void countHystart(int exit, int cwnd) {
        Tcp.Counters n = tcp.counters();
        if ((exit & Cubic.HYSTART_ACK_TRAIN) != 0) {
            n.hystartTrainDetect++;
            n.hystartTrainCwnd += cwnd;
        }
        if ((exit & Cubic.HYSTART_DELAY) != 0) {
            n.hystartDelayDetect++;
            n.hystartDelayCwnd += cwnd;
        }
    }

    /**
     * An RTT sample from the echoed timestamp (RFC 7323 4.1) or the timed segment (Karn), in
     * nanoseconds, or -1 when this ACK gives none.
     */
    private long rttSample(TcpConnection c, int ack, TcpOptions opts) {
        long sample = -1;
        if (c.tsOk && opts.hasTimestamps() && opts.tsEcr() != 0) {
            int ms = c.tsNow() - opts.tsEcr();
            if (ms >= 0) {
                sample = ms * 1_000_000L;
            }
        } else if (c.rttTiming && Seq.ge(ack, c.rttSeq)) {
            c.rttTiming = false;
            sample = tcp.loop.nanos() - c.rttStart;
        }
        if (sample >= 0) {
            c.rtt.sample(sample, c.sndUna, c.sndNxt);
        }
        return sample;
    }

    /**
     * Seventh and eighth: segment text and FIN. Old bytes are cut off (and re-ACKed at once),
     * bytes beyond the window dropped; in-order text is handed over or buffered, out-of-order text
     * kept in the receive buffer and ACKed at once with SACK blocks (RFC 5681 4.2, RFC 2018).
     */
    private void text(TcpConnection c, ByteBuf packet, TcpSegment seg, TcpOptions opts, int seq, int dataLen, boolean fin) {
        if (!c.state.receivesText()) {
            if (fin && Seq.lt(seq + dataLen, c.rcvNxt)) {
                duplicateFin(c); // the peer's FIN again: our ACK was lost
            }
            return;
        }
        int off = seg.payloadOffset();
        int len = dataLen;
        int dSeq = seq;
        int finSeq = seq + dataLen;
        boolean finIn = fin;
        if (len > 0 && Seq.lt(dSeq, c.rcvNxt)) {
            int cut = Math.min(len, c.rcvNxt - dSeq);
            off += cut;
            len -= cut;
            dSeq += cut;
            c.ackPending = true;
            c.ackNow = true; // a retransmission of what we have: ACK at once
        }
        if (finIn && Seq.lt(finSeq, c.rcvNxt)) {
            finIn = false;
            duplicateFin(c);
        }
        if (len > 0 && Seq.gt(dSeq + len, c.rcvAdv)) {
            len = Math.max(0, c.rcvAdv - dSeq);
            finIn = false;
            c.ackPending = true;
            c.ackNow = true;
        }
        if (finIn && Seq.gt(finSeq, c.rcvAdv)) {
            finIn = false;
        }
        if (c.userClosed && len > 0) {
            // Data for a program that closed: RFC 1122 4.2.2.13 reset (LINUX_MIB_TCPABORTONDATA).
            tcp.counters().abortOnData++;
            out.resetFor(c.localAddr, c.localPort, c.remoteAddr, c.remotePort, seg);
            c.destroy();
            return;
        }
        if (len > 0) {
            c.rcvMss = Math.min(c.advmss(), Math.max(c.rcvMss, len)); // tcp_measure_rcv_mss
            if (dSeq == c.rcvNxt) {
                if (c.tsOk && opts.hasTimestamps()) {
                    c.rwin.measureTs(c.tsNow(), opts.tsEcr(), len, c.rcvMss);
                }
                inOrder(c, packet, off, len);
            } else {
                int at = c.rcvBuf.buffered() + (dSeq - c.rcvNxt);
                if (c.ooo.add(dSeq, dSeq + len)) {
                    c.rcvBuf.write(at, packet, off, len);
                    c.rwin.charge(len);
                    if (c.sackOk) {
                        // tcp_data_queue_ofo; without SACK the window stays, so the duplicate ACKs do too
                        c.rwin.grow(len, false, c.advmss(), c.rcvMss);
                    }
                }
                c.ackPending = true;
                c.ackNow = true;
            }
        }
        if (finIn) {
            if (finSeq == c.rcvNxt) {
                fin(c);
            } else {
                c.oooFin = true;
                c.oooFinSeq = finSeq;
                c.ackPending = true;
                c.ackNow = true;
            }
        }
    }

    private void inOrder(TcpConnection c, ByteBuf packet, int off, int len) {
        if (c.canDeliverDirectly()) {
            c.deliverDirectly(packet, off, len);
        } else {
            c.rcvBuf.write(c.rcvBuf.buffered(), packet, off, len);
            c.rcvBuf.commit(len);
            c.rwin.charge(len);
        }
        c.rcvNxt += len;
        if (!c.ooo.isEmpty()) {
            int next = c.ooo.advance(c.rcvNxt);
            if (next != c.rcvNxt) {
                c.rcvBuf.commit(next - c.rcvNxt);
                c.rcvNxt = next;
                c.ackNow = true; // the segment filled a gap (RFC 5681 4.2)
            }
        }
        // tcp_event_data_recv
        c.rwin.measure(c.rcvNxt, tcp.loop.nanos() / 1000);
        if (len >= 128) {
            c.rwin.grow(len, true, c.advmss(), c.rcvMss);
        }
        c.scheduleAck();
        if (c.oooFin && c.rcvNxt == c.oooFinSeq) {
            c.oooFin = false;
            fin(c);
        }
    }

    /** Eighth: the peer's FIN, in order. */
    private void fin(TcpConnection c) {
        c.rcvNxt++;
        c.finReceived = true;
        c.ackPending = true;
        c.ackNow = true;
        switch (c.state) {
            case ESTABLISHED -> c.state = TcpState.CLOSE_WAIT;
            case FIN_WAIT_1 -> c.state = TcpState.CLOSING; // our FIN not acked yet: simultaneous close
            case FIN_WAIT_2 -> c.enterTimeWait();
            default -> {
            }
        }
    }

    private void duplicateFin(TcpConnection c) {
        c.ackPending = true;
        c.ackNow = true;
        if (c.state == TcpState.TIME_WAIT) {
            c.waitTimer.arm(TcpConnection.TIME_WAIT_NANOS); // restart 2 MSL
        }
    }

    /** RFC 9293 3.10.7.4 second, for an acceptable RST. */
    private void reset(TcpConnection c) {
        switch (c.state) {
            case SYN_RECEIVED -> {
                if (c.passive) {
                    c.destroy(); // back to LISTEN: the listener forgets the request
                } else {
                    c.fail(SocketError.ECONNREFUSED);
                }
            }
            case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> {
                tcp.counters().estabResets++;
                c.fail(SocketError.ECONNRESET);
            }
            default -> c.destroy();
        }
    }

    private void challengeAck(TcpConnection c) {
        tcp.counters().challengeAcks++;
        out.ack(c);
    }
}
