package dev.dockwire.netns.stack;

import dev.dockwire.socket.SocketError;

/**
 * What a connection's timers do when they expire (the kernel's tcp_timer.c): retransmission
 * (RFC 6298 section 5) with the SYN and SYN-ACK retry limits, the persist timer's zero-window
 * probes (RFC 9293 3.8.6.1), the delayed ACK, and the end of TIME-WAIT or of an orphaned
 * FIN-WAIT-2. The timers themselves are {@link TcpTimer}s in the connection.
 */
final class TcpTimers {
    private final Tcp tcp;

    TcpTimers(Tcp tcp) {
        this.tcp = tcp;
    }

    /** Retransmission timeout (RFC 6298 section 5.4-5.7), or the persist timer while probing. */
    void retransmit(TcpConnection c) {
        if (c.persisting) {
            persist(c);
            return;
        }
        switch (c.state) {
            case SYN_SENT, SYN_RECEIVED -> {
                int limit = c.passive ? tcp.synackRetries : tcp.synRetries;
                if (c.retransmits >= limit) {
                    if (c.passive) {
                        c.destroy(); // a request that never completed: forgotten silently
                    } else {
                        tcp.counters().abortOnTimeout++; // tcp_write_timeout's tcp_write_err
                        c.fail(c.softError != null ? c.softError : SocketError.ETIMEDOUT);
                        c.deliver();
                    }
                    return;
                }
                c.retransmits++;
                c.rtt.backoff();
                c.rttTiming = false;
                tcp.counters().timeouts++;
                if (c.state == TcpState.SYN_SENT) {
                    tcp.output.syn(c);
                } else {
                    tcp.output.synAck(c);
                }
                c.rtxTimer.arm(c.rtt.rto());
            }
            case ESTABLISHED, FIN_WAIT_1, CLOSE_WAIT, CLOSING, LAST_ACK -> {
                if (c.sndUna == c.sndMax) {
                    return;
                }
                if (c.retransmits >= tcp.retries2) {
                    tcp.counters().abortOnTimeout++; // tcp_write_timeout's tcp_write_err
                    c.fail(c.softError != null ? c.softError : SocketError.ETIMEDOUT);
                    c.deliver();
                    return;
                }
                c.retransmits++;
                tcp.counters().timeouts++;
                c.cc.onTimeout(c.sndMax - c.sndUna, c.sndMax, (int) (tcp.loop.nanos() / 1000));
                c.sackRecovery.reset(c.sndUna);
                c.sacks.clear();
                c.rtt.backoff();
                c.rttTiming = false;
                c.sndNxt = c.sndUna; // go back N: resend from the first unacknowledged byte in slow start
                if (!tcp.output.push(c)) {
                    // The peer's window shut meanwhile: the head goes anyway and serves as a probe
                    // (tcp_retransmit_timer).
                    tcp.output.retransmitHead(c);
                }
                c.rtxTimer.arm(c.rtt.rto());
            }
            default -> {
            }
        }
    }

    /** Starts the persist timer: unsent data, nothing in flight, no window (RFC 9293 3.8.6.1). */
    void armPersist(TcpConnection c) {
        c.persisting = true;
        c.rtxTimer.arm(Math.min(RttEstimator.RTO_MAX, c.rtt.rto() << Math.min(c.persistBackoff, 20)));
    }

    /**
     * tcp_probe_timer: send what the window allows, or a zero-window probe. The interval doubles
     * with each probe up to TCP_RTO_MAX; the connection is given up only after tcp_retries2 probes
     * in a row went unanswered (an answered probe, even with a zero window, resets that count).
     */
    private void persist(TcpConnection c) {
        c.persisting = false;
        if (!tcp.output.hasUnsent(c) || c.sndNxt != c.sndUna) {
            return;
        }
        if (tcp.output.forceSend(c)) {
            return;
        }
        if (c.probesOut >= tcp.retries2) {
            c.fail(c.softError != null ? c.softError : SocketError.ETIMEDOUT);
            c.deliver();
            return;
        }
        c.probesOut++;
        c.persistBackoff++;
        tcp.output.windowProbe(c);
        armPersist(c);
    }

    /** The delayed-ACK timer (TCP_DELACK_MIN): the ACK no outgoing segment carried. */
    void delayedAck(TcpConnection c) {
        if (c.ackPending && c.state != TcpState.CLOSED) {
            c.delayedAckMissed();
            tcp.counters().delayedAcks++;
            tcp.output.ack(c);
        }
    }

    /** End of TIME-WAIT, or of an orphaned FIN-WAIT-2 (tcp_fin_timeout). */
    void waitOver(TcpConnection c) {
        if (c.state == TcpState.TIME_WAIT || c.state == TcpState.FIN_WAIT_2) {
            c.destroy();
        }
    }
}
