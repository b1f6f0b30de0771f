package dev.dockwire.netfilter;

import dev.dockwire.wire.IpProtocol;

/**
 * A tracked connection ({@code struct nf_conn}): the original and reply tuples, the status bits,
 * the deadline on the virtual clock, the TCP state and the MASQUERADE interface. A tuple is
 * {@code (src, dst, sport, dport)} plus the protocol; for ICMP {@code sport} is the identifier and
 * {@code dport} is {@code type << 8 | code}, which keeps lookups primitive for every protocol.
 * It lives in the core because a packet carries it ({@code skb->_nfct}); its fields are open to
 * the rooms above as nf_conn's are to the conntrack and NAT modules: conntrack owns the status
 * bits, deadline, TCP state and hash links, NAT the tuples it rewrites and the MASQUERADE index.
 */
public final class Conn {
    public static final int ORIGINAL = 0;
    public static final int REPLY = 1;
    /** The TCP_CONNTRACK_* state names, as conntrack prints them. */
    private static final String[] TCP_STATE_NAMES = {"NONE", "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT",
        "CLOSE_WAIT", "LAST_ACK", "TIME_WAIT", "CLOSE", "SYN_SENT2"};

    // enum ip_conntrack_status bits
    static final int IPS_EXPECTED = 1;
    public static final int IPS_SEEN_REPLY = 1 << 1;
    public static final int IPS_ASSURED = 1 << 2;
    public static final int IPS_CONFIRMED = 1 << 3;
    public static final int IPS_SRC_NAT = 1 << 4;
    public static final int IPS_DST_NAT = 1 << 5;
    public static final int IPS_NAT_MASK = IPS_SRC_NAT | IPS_DST_NAT;
    public static final int IPS_SRC_NAT_DONE = 1 << 7;
    public static final int IPS_DST_NAT_DONE = 1 << 8;
    public static final int IPS_DYING = 1 << 9;

    public final int proto;
    /** {@code [dir * 4 + k]}: k = 0 src, 1 dst, 2 sport, 3 dport. */
    final int[] t = new int[8];
    public int status;
    /** Virtual-clock deadline in nanoseconds (ct->timeout). */
    public long timeout;
    public int tcpState;
    /** UDP: after this instant a two-way flow counts as a stream (ct->proto.udp.stream_ts). */
    public long streamTs;
    /** ifindex MASQUERADE picked the address from (nf_conn_nat.masq_index), or 0. */
    public int masqIndex;
    /** The IPCT_* events cached for the next delivery (nf_conntrack_ecache.cache). */
    public int events;
    /**
     * Whether it reports events: it was made while someone listened (nf_ct_ecache_ext_add adds
     * the extension only then, so a connection older than {@code conntrack -E} stays silent).
     */
    public boolean ecache;
    public Conn prev;
    public Conn next;
    /**
     * The last table walk of each direction's packets, for the next one ({@code WalkMemo}, made by the
     * first): typed Object, so that a connection does not depend on the table walk's classes.
     */
    Object originalWalk;
    Object replyWalk;
    /** Each direction's offloaded flow step ({@link NfFlow}), made by the first recording and refilled by the next. */
    private NfFlow originalFlow;
    private NfFlow replyFlow;

    public Conn(int proto, int src, int dst, int sport, int dport) {
        this.proto = proto;
        set(ORIGINAL, src, dst, sport, dport);
        set(REPLY, dst, src, invertSport(proto, sport, dport), invertDport(proto, sport, dport));
    }

    /** The offloaded flow step of direction {@code dir}, or null before its first. */
    public NfFlow flow(int dir) {
        return dir == ORIGINAL ? originalFlow : replyFlow;
    }

    public void flow(int dir, NfFlow f) {
        if (dir == ORIGINAL) {
            originalFlow = f;
        } else {
            replyFlow = f;
        }
    }

    public void set(int dir, int src, int dst, int sport, int dport) {
        int b = dir * 4;
        t[b] = src;
        t[b + 1] = dst;
        t[b + 2] = sport;
        t[b + 3] = dport;
    }

    public int protocol() {
        return proto;
    }

    public int src(int dir) {
        return t[dir * 4];
    }

    public int dst(int dir) {
        return t[dir * 4 + 1];
    }

    public int sport(int dir) {
        return t[dir * 4 + 2];
    }

    public int dport(int dir) {
        return t[dir * 4 + 3];
    }

    public boolean seenReply() {
        return (status & IPS_SEEN_REPLY) != 0;
    }

    public boolean assured() {
        return (status & IPS_ASSURED) != 0;
    }

    public boolean confirmed() {
        return (status & IPS_CONFIRMED) != 0;
    }

    /** The TCP state (TCP_CONNTRACK_*), meaningful for TCP only. */
    public int tcpState() {
        return tcpState;
    }

    /** The TCP state's name as conntrack prints it. */
    public String tcpStateName() {
        return TCP_STATE_NAMES[tcpState];
    }

    public long timeoutNanos() {
        return timeout;
    }

    /** nf_ct_invert_tuple, source half: ports swap, an ICMP identifier stays. */
    public static int invertSport(int proto, int sport, int dport) {
        return proto == IpProtocol.ICMP ? sport : dport;
    }

    /** nf_ct_invert_tuple, destination half: ports swap, an ICMP request type becomes its reply. */
    public static int invertDport(int proto, int sport, int dport) {
        if (proto == IpProtocol.ICMP) {
            int type = IcmpTypes.invert(dport >>> 8);
            return type < 0 ? -1 : (type << 8) | (dport & 0xFF);
        }
        return sport;
    }
}
