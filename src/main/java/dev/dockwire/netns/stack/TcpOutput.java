package dev.dockwire.netns.stack;

import dev.dockwire.link.Frames;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.TcpOptions;
import dev.dockwire.wire.TcpSegment;
import io.netty.buffer.ByteBuf;

/**
 * Everything a namespace's TCP sends (the kernel's tcp_output.c): the transmit loop that fills the
 * send and congestion windows ({@link #push}), SYN, SYN-ACK, ACK, FIN, retransmissions, window
 * probes and resets. A segment is built in a {@link Frames} buffer with reused flyweights, its
 * options laid out as Linux lays them out, and handed to {@link IpLayer#output} with DF set.
 */
final class TcpOutput {
    private final Tcp tcp;
    /** The views of the segment being built, made with the first segment sent ({@link #views}). */
    private TcpSegment seg;
    private TcpOptions opts;
    /** MAX_TCP_HEADER on x86-64: the room the kernel keeps for headers below a GSO packet. */
    static final int MAX_TCP_HEADER = 320;
    /** sk_pacing_shift: a GSO packet holds about 2^-10 s (1 ms) of the pacing rate. */
    static final int PACING_SHIFT = 10;
    /** net.ipv4.tcp_min_tso_segs. */
    static final int MIN_TSO_SEGS = 2;

    TcpOutput(Tcp tcp) {
        this.tcp = tcp;
    }

    // ---- the transmit loop ------------------------------------------------------------------

    /** Whether data or a FIN waits to be sent from SND.NXT. */
    boolean hasUnsent(TcpConnection c) {
        int end = c.finSeq() + (c.finQueued ? 1 : 0);
        return Seq.lt(c.sndNxt, end);
    }

    /**
     * tcp_write_xmit: sends new data (and the FIN after it) while the send window and the
     * congestion window allow, full segments first, as GSO packets of up to {@link #sizeGoal}
     * bytes (TCP always builds them: sk_setup_caps gives every TCP socket NETIF_F_GSO; a device
     * without TSO segments them, see NetDevice). No Nagle (TCP_NODELAY): a short segment goes
     * out when it carries all that is queued. Sender silly-window avoidance (RFC 9293 3.8.6.2.1):
     * a segment cut short by the peer's window only when that is at least half of the largest
     * window it offered; otherwise the persist timer takes over. Returns whether anything went out.
     */
    boolean push(TcpConnection c) {
        TcpState s = c.state;
        if (s != TcpState.ESTABLISHED && s != TcpState.CLOSE_WAIT && s != TcpState.FIN_WAIT_1
                && s != TcpState.CLOSING && s != TcpState.LAST_ACK) {
            return false;
        }
        long now = tcp.loop.nanos();
        boolean idle = c.sndUna == c.sndMax;
        if (idle && now - c.lastSend > c.rtt.rto() && c.lastSend != 0) {
            c.cc.restartAfterIdle();
        }
        if (c.sackRecovery.active) {
            return recover(c);
        }
        boolean sent = false;
        while (true) {
            int dataEnd = c.finSeq();
            int wndEnd = c.sndUna + c.sndWnd;
            int cwndEnd = c.sndUna + c.cc.cwnd;
            int limitEnd = Seq.min(wndEnd, cwndEnd);
            int left = dataEnd - c.sndNxt;
            if (left <= 0) {
                if (c.finQueued && c.sndNxt == dataEnd && Seq.lt(c.sndNxt, limitEnd)) {
                    send(c, c.sndNxt, TcpSegment.FLAG_ACK | TcpSegment.FLAG_FIN, 0);
                    advance(c, 1);
                    sent = true;
                }
                break;
            }
            int mss = maxPayload(c);
            int len = Math.min(left, sizeGoal(c, mss));
            int usable = limitEnd - c.sndNxt;
            if (len > usable) {
                if (usable >= mss) {
                    len = usable - usable % mss; // tcp_cwnd_test, tcp_mss_split_point: the whole segments that fit
                } else {
                    boolean peerLimited = Seq.le(wndEnd, cwndEnd);
                    if (!peerLimited || usable <= 0 || usable < c.maxSndWnd / 2) {
                        break;
                    }
                    len = usable;
                }
            }
            sendData(c, len, wndEnd);
            sent = true;
        }
        if (sent && idle && c.lastSend != 0) {
            // tcp_event_data_sent: CA_EVENT_TX_START, the first data after nothing was in flight
            c.cc.cubic.onTxStart((int) (now / 1_000_000L), (int) (c.lastSend / 1_000_000L));
        }
        afterSend(c, sent);
        return sent;
    }

    /**
     * Sending during SACK recovery (RFC 6675 section 5 step (C), tcp_xmit_retransmit_queue then
     * tcp_write_xmit): while PRR's quota holds a segment, NextSeg's rule 1 retransmits the lost
     * bytes above HighRxt, rule 2 sends new data the peer's window allows, rule 3 retransmits the
     * unSACKed bytes below the highest SACKed one. Runs of segments go as one GSO packet.
     */
    private boolean recover(TcpConnection c) {
        SackRecovery r = c.sackRecovery;
        SackScoreboard board = c.sacks;
        int mss = maxPayload(c);
        boolean sent = false;
        int quota;
        while ((quota = r.quota()) >= mss) {
            int budget = Math.max(mss, quota - quota % mss);
            int s = r.nextRetransmit(c.sndUna);
            int lostEnd = r.lostEnd(s);
            int dataEnd = c.finSeq();
            if (Seq.lt(s, lostEnd) || (Seq.lt(s, board.highSacked(c.sndUna)) && !hasNewData(c, dataEnd))) {
                // rule 1, or rule 3 when rule 2 has nothing to send
                int holeEnd = Seq.min(board.holeEnd(s, Seq.lt(s, lostEnd) ? lostEnd : c.sndMax), dataEnd);
                int len = Math.min(holeEnd - s, Math.min(budget, sizeGoal(c, mss)));
                if (len <= 0) {
                    break;
                }
                c.rttTiming = false;
                int segs = (len + mss - 1) / mss;
                tcp.counters().fastRetransmits += segs; // LINUX_MIB_TCPFASTRETRANS, per segment
                send(c, s, TcpSegment.FLAG_ACK, len);
                r.retransmitted(s, s + len, c.sndMax, tcp.loop.nanos(), c.lastDataSend);
                sent = true;
                continue;
            }
            if (!hasNewData(c, dataEnd)) {
                break;
            }
            // rule 2: new data within the peer's window
            int wndEnd = c.sndUna + c.sndWnd;
            int len = Math.min(Math.min(dataEnd - c.sndNxt, wndEnd - c.sndNxt), Math.min(budget, sizeGoal(c, mss)));
            if (len <= 0) {
                break;
            }
            sendData(c, len, wndEnd);
            r.sent(len);
            sent = true;
        }
        afterSend(c, sent);
        return sent;
    }

    /** Whether data never sent waits and the peer's window has room for some of it. */
    private static boolean hasNewData(TcpConnection c, int dataEnd) {
        return Seq.lt(c.sndNxt, dataEnd) && Seq.lt(c.sndNxt, c.sndUna + c.sndWnd);
    }

    /**
     * The persist timer's override (RFC 9293 3.8.6.2.1 (d)): sends what the window allows even if
     * small. False when the window is closed.
     */
    boolean forceSend(TcpConnection c) {
        int wndEnd = c.sndUna + c.sndWnd;
        int usable = wndEnd - c.sndNxt;
        if (usable <= 0) {
            return false;
        }
        int left = c.finSeq() - c.sndNxt;
        if (left <= 0) {
            send(c, c.sndNxt, TcpSegment.FLAG_ACK | TcpSegment.FLAG_FIN, 0);
            advance(c, 1);
        } else {
            sendData(c, Math.min(Math.min(left, usable), maxPayload(c)), wndEnd);
        }
        afterSend(c, true);
        return true;
    }

    private void sendData(TcpConnection c, int len, int wndEnd) {
        int dataEnd = c.finSeq();
        int end = c.sndNxt + len;
        boolean fin = c.finQueued && end == dataEnd && Seq.lt(end, wndEnd);
        int flags = TcpSegment.FLAG_ACK | (end == dataEnd ? TcpSegment.FLAG_PSH : 0) | (fin ? TcpSegment.FLAG_FIN : 0);
        if (!c.rttTiming && !c.tsOk && c.sndNxt == c.sndMax) {
            // Karn: time one first-transmission segment at a time.
            c.startRttTiming(end);
        }
        if (len > 0) {
            c.dataSent();
            c.lastDataSend = tcp.loop.nanos();
        }
        send(c, c.sndNxt, flags, len);
        advance(c, len + (fin ? 1 : 0));
    }

    private static void advance(TcpConnection c, int n) {
        c.sndNxt += n;
        if (Seq.gt(c.sndNxt, c.sndMax)) {
            c.sndMax = c.sndNxt;
        }
    }

    /** Starts the retransmission timer for what is in flight, or the persist timer when stuck. */
    private void afterSend(TcpConnection c, boolean sent) {
        if (sent) {
            c.lastSend = tcp.loop.nanos();
            c.persistBackoff = 0;
            if (!c.rtxTimer.armed() || c.persisting) {
                c.persisting = false;
                c.rtxTimer.arm(c.rtt.rto());
            }
        } else if (c.sndNxt == c.sndUna && !c.rtxTimer.armed() && hasUnsent(c)) {
            tcp.timers.armPersist(c);
        }
    }

    /** Retransmits the first unacknowledged segment (fast retransmit, NewReno partial ACK). */
    void retransmitHead(TcpConnection c) {
        int dataEnd = c.finSeq();
        int len = Math.min(dataEnd - c.sndUna, maxPayload(c));
        if (len < 0) {
            return;
        }
        boolean fin = c.finQueued && c.sndUna + len == dataEnd;
        if (len == 0 && !fin) {
            return;
        }
        c.rttTiming = false;
        send(c, c.sndUna, TcpSegment.FLAG_ACK | (fin ? TcpSegment.FLAG_FIN : 0), len);
    }

    /**
     * How much payload one GSO packet carries, a multiple of {@code mss}: tcp_xmit_size_goal (below
     * gso_max_size less MAX_TCP_HEADER, 45 segments of 1448 bytes, 65,160; at most half the largest
     * window the peer offered, tcp_bound_to_half_wnd) capped by tcp_tso_autosize, which sends
     * about a millisecond of the pacing rate per packet and at least two segments
     * ({@code tcp_min_tso_segs}). At least one segment.
     */
    static int sizeGoal(TcpConnection c, int mss) {
        int goal = Frames.GSO_MAX_SIZE - 1 - MAX_TCP_HEADER;
        int cutoff = c.maxSndWnd > TcpConnection.DEFAULT_MSS ? c.maxSndWnd >> 1 : c.maxSndWnd;
        if (cutoff > 0 && goal > cutoff) {
            goal = cutoff;
        }
        int segs = goal / mss;
        long auto = pacingRate(c) >> PACING_SHIFT;
        if (auto < (long) segs * mss) {
            segs = Math.min(segs, Math.max(MIN_TSO_SEGS, (int) (auto / mss)));
        }
        return Math.max(segs, 1) * mss;
    }

    /**
     * tcp_update_pacing_rate, in bytes per second: twice the congestion window per smoothed RTT
     * in slow start, 1.2 times in congestion avoidance (tcp_pacing_ss_ratio, tcp_pacing_ca_ratio);
     * unlimited before the first RTT sample or when the RTT is below the clock's resolution.
     */
    static long pacingRate(TcpConnection c) {
        long srtt = c.rtt.srtt();
        if (srtt <= 0) {
            return Long.MAX_VALUE;
        }
        int ratio = c.cc.cwnd < c.cc.ssthresh / 2 ? 200 : 120;
        return (long) (c.cc.cwnd * (double) ratio / 100 * 1e9 / srtt);
    }

    /**
     * hystart_ack_delay, in µs: how late the pacing rate may send a GSO packet's ACK, the time of
     * 4 x gso_max_size at that rate, at most 1 ms; none before the first RTT sample.
     */
    static int hystartAckDelayUs(TcpConnection c) {
        long rate = pacingRate(c);
        return rate == Long.MAX_VALUE || rate <= 0 ? 0 : (int) Math.min(1000, Frames.GSO_MAX_SIZE * 4L * 1_000_000L / rate);
    }

    /** Payload that fits in one segment next to the options it carries. */
    int maxPayload(TcpConnection c) {
        int optLen = c.tsOk ? TcpConnection.TS_OPTION_LENGTH : 0;
        int blocks = c.sackOk ? c.ooo.count() : 0;
        if (blocks > 0) {
            int fit = (TcpOptions.MAX_LENGTH - optLen - 4) / 8;
            optLen += 4 + 8 * Math.min(blocks, fit);
        }
        return c.mssClamp - optLen;
    }

    // ---- single segments --------------------------------------------------------------------

    /** The SYN of an active open: MSS, SACK_PERM, TS, NOP, WS as Linux sends them. */
    void syn(TcpConnection c) {
        c.sndNxt = c.iss + 1;
        c.sndMax = c.iss + 1;
        send(c, c.iss, TcpSegment.FLAG_SYN, 0);
    }

    /** The SYN-ACK of a passive open (or a simultaneous one), offering what the peer offered. */
    void synAck(TcpConnection c) {
        c.sndNxt = c.iss + 1;
        c.sndMax = c.iss + 1;
        send(c, c.iss, TcpSegment.FLAG_SYN | TcpSegment.FLAG_ACK, 0);
    }

    /** A bare ACK {@code <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>}. */
    void ack(TcpConnection c) {
        send(c, c.sndNxt, TcpSegment.FLAG_ACK, 0);
    }

    /** Linux's zero-window probe (tcp_xmit_probe_skb): an old sequence number that forces an ACK. */
    void windowProbe(TcpConnection c) {
        send(c, c.sndUna - 1, TcpSegment.FLAG_ACK, 0);
    }

    /** RFC 9293 3.10.5: {@code <SEQ=SND.NXT><CTL=RST>}, with an ACK as tcp_send_active_reset adds. */
    void activeReset(TcpConnection c) {
        tcp.counters().outRsts++;
        send(c, c.sndNxt, TcpSegment.FLAG_RST | TcpSegment.FLAG_ACK, 0);
    }

    /**
     * tcp_cleanup_rbuf: whether reading opened the window enough to announce it at once (receiver
     * SWS avoidance, RFC 9293 3.8.6.2.2): what is left of the offered window is at most half the
     * clamp and the window now is at least twice that.
     */
    boolean windowUpdateDue(TcpConnection c) {
        int cur = Math.max(0, c.rcvAdv - c.rcvNxt);
        if (2L * cur > c.rwin.clamp) {
            return false;
        }
        int now = c.rwin.select(c.rcvMss, c.rcvWscale);
        return now != 0 && now >= 2L * cur;
    }

    /** tcp_select_window: the window field, scaled; its right edge becomes {@code rcvAdv} (RCV.NXT + rcv_wnd). */
    private int selectWindow(TcpConnection c) {
        int cur = Math.max(0, c.rcvAdv - c.rcvNxt);
        int field = c.rwin.next(cur, c.rcvMss, c.rcvWscale);
        c.rcvAdv = c.rcvNxt + c.rwin.wnd;
        return field;
    }

    /** Builds and sends one segment of {@code c}; {@code len} data bytes come from the send buffer at {@code seq}. */
    private void views() {
        if (seg == null) {
            seg = new TcpSegment();
            opts = new TcpOptions();
        }
    }

    private void send(TcpConnection c, int seq, int flags, int len) {
        boolean syn = (flags & TcpSegment.FLAG_SYN) != 0;
        boolean ack = (flags & TcpSegment.FLAG_ACK) != 0;
        views();
        TcpOptions o = opts.clear();
        if (syn) {
            boolean offer = !ack; // a SYN offers everything; a SYN-ACK answers what was offered
            o.mss(c.advMss);
            if (offer ? tcp.sack : c.sackOk) {
                o.sackPermitted(true);
            }
            if (offer ? tcp.timestamps : c.tsOk) {
                o.timestamps(c.tsNow(), ack ? c.tsRecent : 0);
            }
            if (offer ? tcp.windowScaling : c.wsOk) {
                o.windowScale(tcp.rcvWscale);
            }
        } else {
            if (c.tsOk) {
                o.timestamps(c.tsNow(), c.tsRecent);
            }
            if (c.sackOk && (flags & TcpSegment.FLAG_RST) == 0) {
                for (int i = 0, n = Math.min(c.ooo.count(), TcpOptions.MAX_SACK_BLOCKS); i < n; i++) {
                    o.addSack(c.ooo.sackLeft(i), c.ooo.sackRight(i));
                }
            }
        }
        int hl = TcpSegment.MIN_HEADER_LENGTH + o.length();
        int window;
        if (syn) {
            window = c.rwin.wnd; // tcp_select_initial_window's; a SYN's window is never scaled (RFC 7323 2.2)
        } else {
            window = selectWindow(c);
        }
        ByteBuf b = Frames.allocate(hl + len);
        int at = b.readerIndex();
        b.writerIndex(at + hl + len);
        seg.wrap(b, at, hl + len).set(c.localPort, c.remotePort, seq, ack ? c.rcvNxt : 0, hl, flags, window, 0);
        o.emit(b, at + TcpSegment.MIN_HEADER_LENGTH);
        if (len > 0) {
            c.sndBuf.copyTo(seq - c.sndBufSeq, b, at + hl, len);
        }
        int segs = 1;
        if (len > 0) {
            int mss = maxPayload(c);
            segs = (len + mss - 1) / mss;
            if (segs > 1) {
                Frames.gso(b, mss, segs); // tcp_set_skb_tso_segs
            }
        }
        if (miniSocket(c, syn)) {
            // ip_send_unicast_reply (tcp_v4_send_ack of a timewait or request sock): summed in software.
            seg.fillChecksum(c.localAddr, c.remoteAddr);
        } else {
            // tcp_v4_send_check: every segment of a full socket leaves CHECKSUM_PARTIAL, only the
            // pseudo-header sum in the field; the device (or skb_checksum_help before one without
            // tx-checksumming, fragmentation, segmentation) completes it.
            seg.checksum(Checksum.fold(Checksum.pseudoHeader(c.localAddr, c.remoteAddr, IpProtocol.TCP, hl + len)));
            Frames.checksumPartial(b, at, TcpSegment.CHECKSUM);
        }
        if (ack) {
            if (syn) {
                c.rcvAdv = c.rcvNxt + window;
            }
            c.ackSent();
        }
        tcp.counters().outSegs += segs; // counted per segment, tcp_skb_pcount
        if ((len > 0 || (flags & (TcpSegment.FLAG_SYN | TcpSegment.FLAG_FIN)) != 0) && Seq.lt(seq, c.sndMax)
                && !(syn && c.retransmits == 0)) {
            tcp.counters().retransSegs += segs;
            c.cc.retransmitted(c.tsNow()); // tcp_retransmit_skb's retrans_stamp
        } else if ((len > 0 || (flags & TcpSegment.FLAG_FIN) != 0) && !syn && !miniSocket(c, false)) {
            tcp.counters().origDataSent += segs;
        }
        if (c.state == TcpState.TIME_WAIT) {
            c.timeWaitSock = true; // tcp_fin's ACK went from the full socket; tcp_time_wait replaces it now
        }
        transmit(b, c.localAddr, c.remoteAddr, c);
    }

    /**
     * Whether {@code c} stands for one of Linux's mini sockets, whose segments (other than a
     * SYN-ACK, which tcp_v4_send_synack checks as a full socket's) go out by ip_send_unicast_reply
     * with the sum complete: an inet_timewait_sock (tcp_v4_timewait_ack), or a request sock before
     * the handshake completes (tcp_v4_reqsk_send_ack).
     */
    private static boolean miniSocket(TcpConnection c, boolean syn) {
        return c.timeWaitSock || (c.passive && c.state == TcpState.SYN_RECEIVED && !syn);
    }

    /**
     * A reset for a segment that found no connection, or an unacceptable one (RFC 9293
     * 3.10.7.1): {@code <SEQ=SEG.ACK><CTL=RST>} when it carried an ACK, else
     * {@code <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>}.
     */
    void resetFor(int localAddr, int localPort, int remoteAddr, int remotePort, TcpSegment in) {
        views();
        if (in.rst()) {
            return;
        }
        int seq;
        int ackNo;
        int flags;
        if (in.ackFlag()) {
            seq = in.ack();
            ackNo = 0;
            flags = TcpSegment.FLAG_RST;
        } else {
            seq = 0;
            ackNo = in.seq() + in.payloadLength() + (in.syn() ? 1 : 0) + (in.fin() ? 1 : 0);
            flags = TcpSegment.FLAG_RST | TcpSegment.FLAG_ACK;
        }
        int hl = TcpSegment.MIN_HEADER_LENGTH;
        ByteBuf b = Frames.allocate(hl);
        int at = b.readerIndex();
        b.writerIndex(at + hl);
        seg.wrap(b, at, hl).set(localPort, remotePort, seq, ackNo, hl, flags, 0, 0).fillChecksum(localAddr, remoteAddr);
        tcp.counters().outSegs++;
        tcp.counters().outRsts++;
        transmit(b, localAddr, remoteAddr, null);
    }

    private void transmit(ByteBuf b, int src, int dst, TcpConnection c) {
        try {
            tcp.stack.output(b, src, dst, IpProtocol.TCP, tcp.stack.defaultTtl(), true);
        } catch (SocketException e) {
            // No route or device down: the segment is lost and the timers try again; the error is
            // what the connection reports if it gives up (tcp_write_err uses sk_err_soft).
            if (c != null) {
                c.softError = e.error();
            }
        }
    }
}
