package dev.dockwire.netfilter.conntrack;

import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.wire.TcpSegment;

/**
 * TCP connection tracking (nf_conntrack_proto_tcp.c) without window tracking (as with
 * {@code nf_conntrack_tcp_be_liberal}): the kernel's state transition table indexed by direction,
 * flag set and state, its timeouts, mid-stream pickup ({@code nf_conntrack_tcp_loose=1}), ASSURED
 * after the handshake, and re-opening a closed connection with a new SYN.
 */
final class TcpConntrack {
    static final int NONE = 0;
    static final int SYN_SENT = 1;
    static final int SYN_RECV = 2;
    static final int ESTABLISHED = 3;
    static final int FIN_WAIT = 4;
    static final int CLOSE_WAIT = 5;
    static final int LAST_ACK = 6;
    static final int TIME_WAIT = 7;
    static final int CLOSE = 8;
    static final int SYN_SENT2 = 9;
    /** TCP_CONNTRACK_MAX: an invalid transition. */
    static final int IV = 10;
    /** TCP_CONNTRACK_IGNORE: let the packet through without a state change. */
    static final int IG = 11;

    private static final long S = 1_000_000_000L;
    /** tcp_timeouts[], indexed by state. */
    static final long[] TIMEOUTS = {0, 120 * S, 60 * S, 432_000 * S, 120 * S, 60 * S, 30 * S, 120 * S, 10 * S, 120 * S};
    /** TCP_CONNTRACK_UNACK: the cap for a picked-up connection with no reply yet. */
    static final long UNACK_TIMEOUT = 300 * S;

    private static final int SYN = 0;
    private static final int SYNACK = 1;
    private static final int FIN = 2;
    private static final int ACK = 3;
    private static final int RST = 4;
    private static final int NOFLAGS = 5;

    private static final int SNO = NONE;
    private static final int SSS = SYN_SENT;
    private static final int SSR = SYN_RECV;
    private static final int SES = ESTABLISHED;
    private static final int SFW = FIN_WAIT;
    private static final int SCW = CLOSE_WAIT;
    private static final int SLA = LAST_ACK;
    private static final int STW = TIME_WAIT;
    private static final int SCL = CLOSE;
    private static final int SS2 = SYN_SENT2;
    private static final int SIV = IV;
    private static final int SIG = IG;

    /** tcp_conntracks[dir][flags][state]. */
    private static final int[][][] TABLE = {
        {
            /*            sNO  sSS  sSR  sES  sFW  sCW  sLA  sTW  sCL  sS2 */
            /* syn    */ {SSS, SSS, SIG, SIG, SIG, SIG, SIG, SSS, SSS, SS2},
            /* synack */ {SIV, SIV, SIG, SIG, SIG, SIG, SIG, SIG, SIG, SSR},
            /* fin    */ {SIV, SIV, SFW, SFW, SLA, SLA, SLA, STW, SCL, SIV},
            /* ack    */ {SES, SIV, SES, SES, SCW, SCW, STW, STW, SCL, SIV},
            /* rst    */ {SIV, SCL, SCL, SCL, SCL, SCL, SCL, SCL, SCL, SCL},
            /* none   */ {SIV, SIV, SIV, SIV, SIV, SIV, SIV, SIV, SIV, SIV},
        },
        {
            /*            sNO  sSS  sSR  sES  sFW  sCW  sLA  sTW  sCL  sS2 */
            /* syn    */ {SIV, SS2, SIV, SIV, SIV, SIV, SIV, SIV, SIV, SS2},
            /* synack */ {SIV, SSR, SIG, SIG, SIG, SIG, SIG, SIG, SIG, SSR},
            /* fin    */ {SIV, SIV, SFW, SFW, SLA, SLA, SLA, STW, SCL, SIV},
            /* ack    */ {SIV, SIG, SSR, SES, SCW, SCW, STW, STW, SCL, SIG},
            /* rst    */ {SIV, SCL, SCL, SCL, SCL, SCL, SCL, SCL, SCL, SCL},
            /* none   */ {SIV, SIV, SIV, SIV, SIV, SIV, SIV, SIV, SIV, SIV},
        },
    };

    private TcpConntrack() {
    }

    /** get_conntrack_index. */
    static int index(int flags) {
        if ((flags & TcpSegment.FLAG_RST) != 0) {
            return RST;
        }
        if ((flags & TcpSegment.FLAG_SYN) != 0) {
            return (flags & TcpSegment.FLAG_ACK) != 0 ? SYNACK : SYN;
        }
        if ((flags & TcpSegment.FLAG_FIN) != 0) {
            return FIN;
        }
        return (flags & TcpSegment.FLAG_ACK) != 0 ? ACK : NOFLAGS;
    }

    /** tcp_new: may this packet start tracking (a SYN, or anything valid mid-stream when loose)? */
    static boolean canCreate(int flags) {
        return TABLE[0][index(flags)][NONE] != IV;
    }

    static boolean isRst(int flags) {
        return (flags & TcpSegment.FLAG_RST) != 0;
    }

    /** The next state for a packet in {@code dir} with {@code flags} in state {@code old}. */
    static int next(int dir, int flags, int old) {
        return TABLE[dir][index(flags)][old];
    }

    /**
     * nf_conntrack_tcp_packet without window checks: the new state, its timeout, ASSURED; returns
     * NF_ACCEPT, {@link Conntrack#INVALID} or {@link Conntrack#REPEAT} (track anew).
     */
    static int packet(Conntrack ct, Conn c, int dir, int flags, boolean isNew) {
        int old = isNew ? NONE : c.tcpState;
        int next = next(dir, flags, old);
        if (next == SYN_SENT && old >= TIME_WAIT && !isNew) {
            return Conntrack.REPEAT; // re-opening a closed connection: kill it and track anew
        }
        if (next == IG) {
            return Verdict.ACCEPT;
        }
        if (next == IV) {
            return Conntrack.INVALID;
        }
        long timeout = TIMEOUTS[next];
        if (next != old) {
            c.events |= ConntrackListener.IPCT_PROTOINFO;
        }
        if (!c.seenReply()) {
            if (isRst(flags) && !isNew) {
                // Only reply is a RST: no connection worth remembering.
                c.tcpState = next;
                ct.kill(c);
                return Verdict.ACCEPT;
            }
            if (next == ESTABLISHED && timeout > UNACK_TIMEOUT) {
                timeout = UNACK_TIMEOUT;
            }
        } else if (!c.assured() && (old == SYN_RECV || old == ESTABLISHED)
                && next == ESTABLISHED) {
            c.status |= Conn.IPS_ASSURED;
            c.events |= ConntrackListener.IPCT_ASSURED;
        }
        c.tcpState = next;
        ct.refresh(c, timeout);
        return Verdict.ACCEPT;
    }
}
