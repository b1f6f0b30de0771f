package dev.dockwire.netfilter.conntrack;

import dev.dockwire.link.LinkType;
import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.CtInfo;
import dev.dockwire.netfilter.Hook;
import dev.dockwire.netfilter.IcmpTypes;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.sim.Clock;
import dev.dockwire.wire.IpProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * Connection tracking of one namespace (nf_conntrack_core.c): {@link #in} at PRE_ROUTING and
 * LOCAL_OUT finds a packet's connection in either direction or starts one (unconfirmed),
 * classifies it (NEW, ESTABLISHED, RELATED for ICMP errors quoting a tracked packet, INVALID),
 * runs the protocol tracker that sets the timeout; {@link #confirm} at LOCAL_IN and POST_ROUTING
 * inserts a new connection into the hash. Timeouts run on the virtual clock and expire lazily
 * (the kernel's gc worker); {@code nf_conntrack_max} bounds the table, evicting a connection that
 * is not ASSURED first (early_drop) and otherwise dropping the packet.
 *
 * <p>Events (nf_conntrack_ecache.c): NEW at confirm, REPLY when the reply direction is first seen,
 * ASSURED, PROTOINFO on a TCP state change are cached on the connection and delivered together to
 * the {@link ConntrackListener} when a packet of it is confirmed; DESTROY is delivered when it
 * leaves the table. Only connections made while a listener was set report (the ecache extension).
 */
public final class Conntrack {
    private static final long S = 1_000_000_000L;
    static final long UDP_TIMEOUT = 30 * S;
    static final long UDP_STREAM_TIMEOUT = 120 * S;
    static final long ICMP_TIMEOUT = 30 * S;
    static final long GENERIC_TIMEOUT = 600 * S;
    static final int INVALID = -1;
    static final int REPEAT = -2;

    final ConntrackHash hash = new ConntrackHash();
    private final Clock clock;
    private final ConntrackContext ctx;
    private ConntrackListener listener = ConntrackListener.NONE;
    private Conn head;
    private Conn tail;
    private int count;
    final Stats stats = new Stats();

    /** The counters of {@code conntrack -S}. */
    public static final class Stats {
        public long found;
        public long invalid;
        public long insert;
        public long insertFailed;
        public long drop;
        public long earlyDrop;
        public long created;
    }

    public Conntrack(Clock clock, ConntrackContext ctx) {
        this.clock = clock;
        this.ctx = ctx;
    }

    /** Sets who hears the events ({@link ConntrackListener#NONE}: nobody). */
    public void listen(ConntrackListener l) {
        listener = l == null ? ConntrackListener.NONE : l;
    }

    public Stats stats() {
        return stats;
    }

    /** nf_conntrack_count. */
    public int count() {
        return count;
    }

    /**
     * nf_conntrack_in. Returns NF_ACCEPT, or NF_DROP when the table is full. {@code pending} is an
     * unconfirmed connection an ICMP error may belong to (the packet the stack is answering).
     */
    public int in(NfPacket p, Conn pending) {
        if (p.ct != null) {
            return Verdict.ACCEPT; // attached by nf_ct_attach (a REJECT's reset)
        }
        int proto = p.protocol;
        if ((proto == IpProtocol.TCP || proto == IpProtocol.UDP) && p.sport >= 0 && !loopedBack(p)) {
            // Every packet of a tracked TCP or UDP flow after its first: one hash probe, and the
            // rest of this method stays small enough to be compiled into the hook that calls it.
            Conn c = lookup(proto, p.src, p.dst, p.sport, p.dport);
            if (c != null) {
                stats.found++;
                return attach(p, c, hash.foundDir, false, pending);
            }
        }
        return classify(p, pending);
    }

    /** A packet of the loopback device at PRE_ROUTING: its connection came with it (skb->_nfct). */
    private static boolean loopedBack(NfPacket p) {
        return p.hook == Hook.PREROUTING.ordinal() && p.in != null && p.in.type() == LinkType.LOOPBACK;
    }

    /**
     * The rest of {@link #in}: a packet without a tracked TCP/UDP flow (a new one, ICMP, another
     * protocol, a truncated header, one looped back).
     */
    private int classify(NfPacket p, Conn pending) {
        int proto = p.protocol;
        int sport;
        int dport;
        switch (proto) {
            case IpProtocol.TCP, IpProtocol.UDP -> {
                if (p.sport < 0) {
                    stats.invalid++;
                    return Verdict.ACCEPT;
                }
                sport = p.sport;
                dport = p.dport;
            }
            case IpProtocol.ICMP -> {
                if (p.icmpType < 0) {
                    stats.invalid++;
                    return Verdict.ACCEPT;
                }
                if (IcmpTypes.isError(p.icmpType)) {
                    icmpError(p, pending);
                    return Verdict.ACCEPT;
                }
                sport = p.icmpId;
                dport = (p.icmpType << 8) | p.icmpCode;
            }
            default -> {
                sport = 0;
                dport = 0;
            }
        }
        Conn c = lookup(proto, p.src, p.dst, sport, dport);
        int dir = hash.foundDir;
        if (loopedBack(p)) {
            // Looped back: the kernel keeps skb->_nfct across lo. Find the connection again,
            // also by the already translated tuple, and leave it alone.
            if (c == null) {
                c = lookup(proto, p.dst, p.src, Conn.invertSport(proto, sport, dport),
                        Conn.invertDport(proto, sport, dport));
                dir = 1 - hash.foundDir;
            }
            if (c != null) {
                p.ct = c;
                p.ctinfo = ctinfo(c, dir);
                p.ctSeen = true;
                return Verdict.ACCEPT;
            }
        }
        boolean isNew = false;
        if (c == null) {
            if (!canCreate(p)) {
                stats.invalid++;
                return Verdict.ACCEPT;
            }
            if (ctx.conntrackMax() > 0 && count >= ctx.conntrackMax() && !makeRoom()) {
                stats.drop++;
                // __nf_conntrack_alloc's net_warn_ratelimited, with nf_conntrack_core.c's pr_fmt prefix.
                ctx.warnRatelimited("nf_conntrack: nf_conntrack: table full, dropping packet");
                return Verdict.DROP;
            }
            c = new Conn(proto, p.src, p.dst, sport, dport);
            c.streamTs = clock.nanos() + 2 * S;
            c.ecache = listener != ConntrackListener.NONE;
            dir = Conn.ORIGINAL;
            isNew = true;
            stats.created++;
        } else {
            stats.found++;
        }
        return attach(p, c, dir, isNew, pending);
    }

    /** The connection found or made for {@code p} in direction {@code dir}: track it and attach it to the packet. */
    private int attach(NfPacket p, Conn c, int dir, boolean isNew, Conn pending) {
        int ctinfo = ctinfo(c, dir);
        int r = track(c, dir, p, isNew);
        if (r == REPEAT) {
            kill(c);
            return in(p, pending);
        }
        if (r == INVALID) {
            stats.invalid++;
            return Verdict.ACCEPT;
        }
        if (ctinfo == CtInfo.ESTABLISHED_REPLY && !c.seenReply()) {
            c.status |= Conn.IPS_SEEN_REPLY;
            c.events |= ConntrackListener.IPCT_REPLY;
        }
        p.ct = c;
        p.ctinfo = ctinfo;
        return Verdict.ACCEPT;
    }

    private static int ctinfo(Conn c, int dir) {
        if (dir == Conn.REPLY) {
            return CtInfo.ESTABLISHED_REPLY;
        }
        return c.seenReply() ? CtInfo.ESTABLISHED : CtInfo.NEW;
    }

    /** A live connection with this tuple (direction in hash.foundDir); an expired one is removed. */
    public Conn lookup(int proto, int src, int dst, int sport, int dport) {
        Conn c = hash.find(proto, src, dst, sport, dport);
        if (c != null && c.timeout - clock.nanos() <= 0) {
            kill(c);
            return null;
        }
        return c;
    }

    /** The direction the last successful {@link #lookup} found its tuple in. */
    public int hashDir() {
        return hash.foundDir;
    }

    /** The per-protocol "new" check (tcp_new, icmp_new). */
    private boolean canCreate(NfPacket p) {
        return switch (p.protocol) {
            case IpProtocol.TCP -> TcpConntrack.canCreate(p.tcpFlags);
            case IpProtocol.ICMP -> IcmpTypes.validNew(p.icmpType);
            default -> true;
        };
    }

    /** The protocol tracker (l4proto->packet): state and timeout. */
    private int track(Conn c, int dir, NfPacket p, boolean isNew) {
        switch (c.proto) {
            case IpProtocol.TCP -> {
                return TcpConntrack.packet(this, c, dir, p.tcpFlags, isNew);
            }
            case IpProtocol.UDP -> {
                // nf_conntrack_udp_packet: a flow seen both ways is a stream once it is 2 s old.
                if (c.seenReply()) {
                    long extra = UDP_TIMEOUT;
                    boolean stream = false;
                    if (clock.nanos() - c.streamTs > 0) {
                        extra = UDP_STREAM_TIMEOUT;
                        stream = !c.assured();
                    }
                    refresh(c, extra);
                    if (stream) {
                        c.status |= Conn.IPS_ASSURED;
                        c.events |= ConntrackListener.IPCT_ASSURED;
                    }
                } else {
                    refresh(c, UDP_TIMEOUT);
                }
            }
            case IpProtocol.ICMP -> refresh(c, ICMP_TIMEOUT);
            default -> refresh(c, GENERIC_TIMEOUT);
        }
        return Verdict.ACCEPT;
    }

    /**
     * What {@link #in} does for a UDP packet of confirmed connection {@code c} found in the hash, when that
     * changes none of its status bits (an offloaded flow's step, {@code NfFlow}): counted as found, the
     * timeout refreshed as {@link #track} does. False, with nothing done, when it would do more: the
     * connection expired (lookup would remove it), or it becomes a stream now (ASSURED, an event).
     */
    public boolean udpFound(Conn c) {
        long now = clock.nanos();
        if (c.timeout - now <= 0) {
            return false;
        }
        long extra = UDP_TIMEOUT;
        if (c.seenReply() && now - c.streamTs > 0) {
            if (!c.assured()) {
                return false;
            }
            extra = UDP_STREAM_TIMEOUT;
        }
        stats.found++;
        c.timeout = now + extra;
        return true;
    }

    void refresh(Conn c, long timeout) {
        c.timeout = clock.nanos() + timeout;
    }

    /**
     * nf_conntrack_inet_error: an ICMP error is RELATED to the connection of the packet it quotes
     * (looked up inverted), when the error travels to that connection's peer.
     */
    private void icmpError(NfPacket p, Conn pending) {
        int off = p.l4off + 8;
        int avail = p.l4len - 8;
        if (avail < 28) {
            stats.invalid++;
            return;
        }
        int verIhl = p.buf.getUnsignedByte(off);
        int ihl = (verIhl & 0xF) * 4;
        if ((verIhl >>> 4) != 4 || ihl < 20 || avail < ihl + 8) {
            stats.invalid++;
            return;
        }
        int proto = p.buf.getUnsignedByte(off + 9);
        int isrc = p.buf.getInt(off + 12);
        int idst = p.buf.getInt(off + 16);
        int l4 = off + ihl;
        int sport = 0;
        int dport = 0;
        if (proto == IpProtocol.TCP || proto == IpProtocol.UDP) {
            sport = p.buf.getUnsignedShort(l4);
            dport = p.buf.getUnsignedShort(l4 + 2);
        } else if (proto == IpProtocol.ICMP) {
            int type = p.buf.getUnsignedByte(l4);
            if (IcmpTypes.invert(type) < 0) {
                stats.invalid++;
                return;
            }
            sport = p.buf.getUnsignedShort(l4 + 4);
            dport = (type << 8) | p.buf.getUnsignedByte(l4 + 1);
        }
        int rsport = Conn.invertSport(proto, sport, dport);
        int rdport = Conn.invertDport(proto, sport, dport);
        Conn c = lookup(proto, idst, isrc, rsport, rdport);
        int dir = hash.foundDir;
        if (c == null && pending != null && pending.proto == proto) {
            for (int d = 0; d < 2 && c == null; d++) {
                if (pending.src(d) == idst && pending.dst(d) == isrc && pending.sport(d) == rsport
                        && pending.dport(d) == rdport) {
                    c = pending;
                    dir = d;
                }
            }
        }
        if (c == null || c.dst(dir) != p.dst) {
            stats.invalid++;
            return;
        }
        p.ct = c;
        p.ctinfo = dir == Conn.REPLY ? CtInfo.RELATED_REPLY : CtInfo.RELATED;
    }

    /**
     * Finds the connection of a packet whose hook context was lost, without changing any state:
     * the direction's ESTABLISHED or NEW, or nothing.
     */
    public void find(NfPacket p) {
        int sport = 0;
        int dport = 0;
        if (p.protocol == IpProtocol.TCP || p.protocol == IpProtocol.UDP) {
            sport = p.sport;
            dport = p.dport;
        } else if (p.protocol == IpProtocol.ICMP) {
            sport = p.icmpId;
            dport = (p.icmpType << 8) | p.icmpCode;
        }
        Conn c = hash.find(p.protocol, p.src, p.dst, sport, dport);
        if (c != null) {
            p.ct = c;
            p.ctinfo = ctinfo(c, hash.foundDir);
        }
    }

    /**
     * nf_conntrack_confirm: a new connection enters the hash when its first packet leaves the hooks
     * (__nf_conntrack_confirm); then the connection's cached events are delivered.
     */
    public int confirm(NfPacket p) {
        Conn c = p.ct;
        if (c == null) {
            return Verdict.ACCEPT;
        }
        if (!c.confirmed()) {
            int v = insert(c, p.ctinfo);
            if (v != Verdict.ACCEPT || !c.confirmed()) {
                return v;
            }
        }
        if (c.events != 0) {
            deliver(c);
        }
        return Verdict.ACCEPT;
    }

    /** nf_ct_deliver_cached_events: a dying connection's cache is dropped with it. */
    private void deliver(Conn c) {
        int events = c.events;
        c.events = 0;
        if (c.ecache && (c.status & Conn.IPS_DYING) == 0) {
            listener.event(events, c, 0);
        }
    }

    private int insert(Conn c, int ctinfo) {
        if ((c.status & Conn.IPS_DYING) != 0 || CtInfo.dir(ctinfo) != Conn.ORIGINAL) {
            return Verdict.ACCEPT;
        }
        if (hash.find(c.proto, c.src(0), c.dst(0), c.sport(0), c.dport(0)) != null
                || hash.find(c.proto, c.src(1), c.dst(1), c.sport(1), c.dport(1)) != null) {
            stats.insertFailed++;
            stats.drop++;
            return Verdict.DROP;
        }
        hash.put(Conn.ORIGINAL, c);
        hash.put(Conn.REPLY, c);
        c.status |= Conn.IPS_CONFIRMED;
        c.prev = tail;
        if (tail == null) {
            head = c;
        } else {
            tail.next = c;
        }
        tail = c;
        count++;
        stats.insert++;
        c.events |= ConntrackListener.IPCT_NEW;
        return Verdict.ACCEPT;
    }

    /** nf_ct_kill: out of the hash (it may still be attached to the packet in flight). */
    public void kill(Conn c) {
        kill(c, 0);
    }

    /**
     * nf_ct_delete: out of the hash, reporting DESTROY as asked by netlink port {@code portid} (0:
     * the kernel's own doing).
     */
    public void kill(Conn c, long portid) {
        if ((c.status & Conn.IPS_DYING) != 0) {
            return;
        }
        c.status |= Conn.IPS_DYING;
        if (!c.confirmed()) {
            return;
        }
        hash.remove(Conn.ORIGINAL, c);
        hash.remove(Conn.REPLY, c);
        if (c.prev == null) {
            head = c.next;
        } else {
            c.prev.next = c.next;
        }
        if (c.next == null) {
            tail = c.prev;
        } else {
            c.next.prev = c.prev;
        }
        c.prev = null;
        c.next = null;
        count--;
        if (c.ecache) {
            c.events = 0;
            listener.event(ConntrackListener.IPCT_DESTROY, c, portid);
        }
    }

    /** Expired entries out (gc_worker), then early_drop of the oldest connection not ASSURED. */
    private boolean makeRoom() {
        gc();
        if (count < ctx.conntrackMax()) {
            return true;
        }
        for (Conn c = head; c != null; c = c.next) {
            if (!c.assured()) {
                kill(c);
                stats.earlyDrop++;
                return true;
            }
        }
        return false;
    }

    private void gc() {
        long now = clock.nanos();
        Conn c = head;
        while (c != null) {
            Conn next = c.next;
            if (c.timeout - now <= 0) {
                kill(c);
            }
            c = next;
        }
    }

    /** The live connections, oldest first (what {@code conntrack -L} dumps). */
    public List<Conn> entries() {
        gc();
        List<Conn> list = new ArrayList<>(count);
        for (Conn c = head; c != null; c = c.next) {
            list.add(c);
        }
        return list;
    }

    /** {@code conntrack -F}: forgets every connection; returns how many there were. */
    public int flush() {
        return flush(0);
    }

    /** {@code conntrack -F} as asked by netlink port {@code portid} (its DESTROY events name it). */
    public int flush(long portid) {
        int n = 0;
        while (head != null) {
            kill(head, portid);
            n++;
        }
        return n;
    }

    long now() {
        return clock.nanos();
    }
}
