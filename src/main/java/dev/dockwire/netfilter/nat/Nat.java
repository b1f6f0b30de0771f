package dev.dockwire.netfilter.nat;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.CtInfo;
import dev.dockwire.netfilter.Hook;
import dev.dockwire.netfilter.IcmpTypes;
import dev.dockwire.netfilter.NatRange;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.netfilter.conntrack.Conntrack;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.IpProtocol;

/**
 * NAT on top of conntrack (nf_nat_core.c, nf_nat_proto.c). The nat table is consulted only for a
 * connection's first packet at each manip type (DST at PRE_ROUTING/LOCAL_OUT, SRC at
 * POST_ROUTING/LOCAL_IN); a target there, or a null binding when none matched, fixes the
 * connection's reply tuple. Every packet of the flow is then rewritten from the tuples: the
 * original direction to look like the inverted reply tuple, the reply direction back. A new tuple
 * that clashes with a tracked one gets another port: the original first, then a search from a
 * random offset in 1024-65535 (or 1-511, 600-1023 for low ports) or the target's port range. ICMP
 * errors about a NATed flow have their quoted header and outer address translated.
 */
public final class Nat {
    static final int SRC = NatRange.MANIP_SRC;
    static final int DST = NatRange.MANIP_DST;
    private static final int MAX_ATTEMPTS = 128;

    private final Conntrack conntrack;
    private final SeededRandom random;
    private final NatContext ctx;
    private final NatManip manip = new NatManip();
    // The tuple get_unique_tuple works on (new flows only).
    private int tsrc;
    private int tdst;
    private int tsport;
    private int tdport;

    public Nat(Conntrack conntrack, SeededRandom random, NatContext ctx) {
        this.conntrack = conntrack;
        this.random = random;
        this.ctx = ctx;
    }

    static int manipType(int hook) {
        return hook == Hook.POSTROUTING.ordinal() || hook == Hook.INPUT.ordinal() ? SRC : DST;
    }

    private static boolean initialized(Conn c, int mt) {
        return (c.status & (mt == SRC ? Conn.IPS_SRC_NAT_DONE : Conn.IPS_DST_NAT_DONE)) != 0;
    }

    /** nf_nat_ipv4_fn / nf_nat_inet_fn at {@code hook}. */
    public int hook(NfPacket p, int hook) {
        Conn c = p.ct;
        if (c == null || p.ctSeen) {
            return Verdict.ACCEPT;
        }
        int mt = manipType(hook);
        int ctinfo = p.ctinfo;
        if ((ctinfo == CtInfo.RELATED || ctinfo == CtInfo.RELATED_REPLY) && p.protocol == IpProtocol.ICMP) {
            icmpReplyTranslation(p, c, ctinfo, mt);
            return Verdict.ACCEPT;
        }
        if (ctinfo == CtInfo.NEW || ctinfo == CtInfo.RELATED || ctinfo == CtInfo.RELATED_REPLY) {
            if (!initialized(c, mt)) {
                int v = ctx.natTable(p, hook);
                if (v != Verdict.ACCEPT) {
                    return v;
                }
                if (!initialized(c, mt)) {
                    int ip = mt == SRC ? c.dst(Conn.REPLY) : c.src(Conn.REPLY);
                    setup(c, new NatRange(NatRange.MAP_IPS, ip, ip, 0, 0), mt);
                }
            } else if (oifChanged(hook, ctinfo, c, p.out)) {
                conntrack.kill(c);
                return Verdict.DROP;
            }
        } else if (oifChanged(hook, ctinfo, c, p.out)) {
            conntrack.kill(c);
            return Verdict.DROP;
        }
        packet(p, c, ctinfo, mt);
        return Verdict.ACCEPT;
    }

    /** nf_nat_oif_changed: a MASQUERADEd flow now leaves through another interface. */
    private static boolean oifChanged(int hook, int ctinfo, Conn c, NetDevice out) {
        return c.masqIndex != 0 && hook == Hook.POSTROUTING.ordinal() && CtInfo.dir(ctinfo) == Conn.ORIGINAL
                && out != null && c.masqIndex != out.ifindex();
    }

    /** Whether the connection has this manip type in this packet's direction (a reply undoes the other one). */
    private static boolean manipHere(Conn c, int ctinfo, int mt) {
        return rewrites(c, CtInfo.dir(ctinfo), mt);
    }

    /** nf_nat_packet: rewrite when this direction needs this manip. */
    private void packet(NfPacket p, Conn c, int ctinfo, int mt) {
        if (!manipHere(c, ctinfo, mt)) {
            return;
        }
        // The target is the inverse of the other direction's tuple.
        int o = 1 - CtInfo.dir(ctinfo);
        int off = p.buf.readerIndex();
        int end = off + p.length;
        // A TCP or UDP header the hooks parsed (sport >= 0) needs no second read of what it holds.
        boolean parsed = p.sport >= 0 && (p.protocol == IpProtocol.TCP || p.protocol == IpProtocol.UDP);
        if (mt == SRC) {
            int addr = c.dst(o);
            int port = Conn.invertSport(c.proto, c.sport(o), c.dport(o));
            if (parsed) {
                ports(p.buf, off, p.l4off, end, p.protocol, c, o, SRC, p.src, p.sport);
            } else {
                manip.manip(p.buf, off, end, true, addr, port, true);
            }
            p.src = addr;
            rewritten(p, port, true);
        } else {
            int addr = c.src(o);
            int port = c.sport(o);
            if (parsed) {
                ports(p.buf, off, p.l4off, end, p.protocol, c, o, DST, p.dst, p.dport);
            } else {
                manip.manip(p.buf, off, end, false, addr, port, true);
            }
            p.dst = addr;
            rewritten(p, port, false);
        }
    }

    /**
     * nf_nat_packet's rewrite of a parsed TCP or UDP packet at {@code off} (transport header at {@code l4},
     * bytes up to {@code end}) by manip type {@code mt} to the inverse of connection {@code c}'s direction
     * {@code o} tuple, its address and port now {@code oldAddr} and {@code oldPort}: the one rewrite of the
     * slow path's hooks; an offloaded flow's step ({@code NfFlow}) writes the same bytes with {@link #rewrite}.
     */
    public void ports(io.netty.buffer.ByteBuf buf, int off, int l4, int end, int proto, Conn c, int o, int mt, int oldAddr, int oldPort) {
        if (mt == SRC) {
            manip.ports(buf, off, l4, end, proto, true, oldAddr, c.dst(o), oldPort, Conn.invertSport(c.proto, c.sport(o), c.dport(o)));
        } else {
            manip.ports(buf, off, l4, end, proto, false, oldAddr, c.src(o), oldPort, c.sport(o));
        }
    }

    /**
     * {@link #ports}'s rewrite made once for a flow's packets ({@link NatRewrite}, its checksum sums
     * added up in advance): {@code r} set to what {@code ports} would do with the same arguments.
     */
    public static NatRewrite rewrite(NatRewrite r, Conn c, int o, int mt, int oldAddr, int oldPort) {
        if (mt == SRC) {
            return r.set(true, oldAddr, c.dst(o), oldPort, Conn.invertSport(c.proto, c.sport(o), c.dport(o)));
        }
        return r.set(false, oldAddr, c.src(o), oldPort, c.sport(o));
    }

    /** Whether packets of {@code c} in direction {@code dir} are rewritten by manip type {@code mt} (nf_nat_packet's test). */
    public static boolean rewrites(Conn c, int dir, int mt) {
        int bit = mt == SRC ? Conn.IPS_SRC_NAT : Conn.IPS_DST_NAT;
        if (dir == Conn.REPLY) {
            bit ^= Conn.IPS_NAT_MASK;
        }
        return (c.status & bit) != 0;
    }

    /** Keeps the packet's parsed ports in step with what {@link NatManip} wrote (no re-parse). */
    private static void rewritten(NfPacket p, int port, boolean src) {
        if (p.protocol == IpProtocol.ICMP) {
            if (p.icmpType >= 0 && IcmpTypes.hasId(p.icmpType)) {
                p.icmpId = port;
            }
        } else if (p.sport >= 0 && (p.protocol == IpProtocol.TCP || p.protocol == IpProtocol.UDP)) {
            if (src) {
                p.sport = port;
            } else {
                p.dport = port;
            }
        }
    }

    /** nf_nat_icmp_reply_translation. */
    private void icmpReplyTranslation(NfPacket p, Conn c, int ctinfo, int mt) {
        if (!manipHere(c, ctinfo, mt)) {
            return;
        }
        int o = 1 - CtInfo.dir(ctinfo);
        int off = p.buf.readerIndex();
        int end = off + p.length;
        int inner = p.l4off + 8;
        // The quoted packet travelled the other way: give it the other direction's tuple, other manip.
        if (mt == DST) {
            manip.manip(p.buf, inner, end, true, c.src(o), c.sport(o), true);
        } else {
            int port = c.proto == IpProtocol.ICMP ? c.sport(o) : c.dport(o);
            manip.manip(p.buf, inner, end, false, c.dst(o), port, true);
        }
        p.buf.setShort(p.l4off + 2, 0);
        p.buf.setShort(p.l4off + 2, Checksum.compute(p.buf, p.l4off, end - p.l4off));
        if (mt == SRC) {
            manip.manip(p.buf, off, end, true, c.dst(o), 0, false);
        } else {
            manip.manip(p.buf, off, end, false, c.src(o), 0, false);
        }
        p.parse();
    }

    /**
     * nf_nat_setup_info: picks a unique tuple for the flow's current one within {@code range} and
     * makes its inverse the reply tuple.
     */
    public int setup(Conn c, NatRange range, int mt) {
        int proto = c.proto;
        int rs = c.src(Conn.REPLY);
        int rd = c.dst(Conn.REPLY);
        int rsp = c.sport(Conn.REPLY);
        int rdp = c.dport(Conn.REPLY);
        // What we have now is the inverse of the reply tuple.
        tsrc = rd;
        tdst = rs;
        tsport = Conn.invertSport(proto, rsp, rdp);
        tdport = Conn.invertDport(proto, rsp, rdp);
        int osrc = tsrc;
        int odst = tdst;
        int osport = tsport;
        int odport = tdport;
        uniqueTuple(c, range, mt);
        if (tsrc != osrc || tdst != odst || tsport != osport || tdport != odport) {
            c.set(Conn.REPLY, tdst, tsrc, Conn.invertSport(proto, tsport, tdport), Conn.invertDport(proto, tsport, tdport));
            c.status |= mt == SRC ? Conn.IPS_SRC_NAT : Conn.IPS_DST_NAT;
        }
        c.status |= mt == SRC ? Conn.IPS_SRC_NAT_DONE : Conn.IPS_DST_NAT_DONE;
        return Verdict.ACCEPT;
    }

    /** get_unique_tuple on the fields t*. */
    private void uniqueTuple(Conn c, NatRange range, int mt) {
        if (mt == SRC && inRange(c.proto, range, mt) && !used(c)) {
            return;
        }
        if (range.mapIps()) {
            int ip = range.minIp();
            if (range.maxIp() != range.minIp()) {
                long dist = (range.maxIp() & 0xFFFF_FFFFL) - (range.minIp() & 0xFFFF_FFFFL) + 1;
                long h = mix(tsrc, mt == SRC ? 0 : tdst);
                ip = (int) ((range.minIp() & 0xFFFF_FFFFL) + Long.remainderUnsigned(h, dist));
            }
            if (mt == SRC) {
                tsrc = ip;
            } else {
                tdst = ip;
            }
        }
        if (range.protoSpecified()) {
            if (portInRange(c.proto, range, mt) && (range.minPort() == range.maxPort() || !used(c))) {
                return;
            }
        } else if (!used(c)) {
            return;
        }
        uniquePort(c, range, mt);
    }

    private boolean inRange(int proto, NatRange range, int mt) {
        if (range.mapIps()) {
            int ip = mt == SRC ? tsrc : tdst;
            if (Integer.compareUnsigned(ip, range.minIp()) < 0 || Integer.compareUnsigned(ip, range.maxIp()) > 0) {
                return false;
            }
        }
        return !range.protoSpecified() || portInRange(proto, range, mt);
    }

    private boolean portInRange(int proto, NatRange range, int mt) {
        if (!hasPorts(proto)) {
            return true;
        }
        int port = mt == SRC || proto == IpProtocol.ICMP ? tsport : tdport;
        return port >= range.minPort() && port <= range.maxPort();
    }

    private static boolean hasPorts(int proto) {
        return proto == IpProtocol.TCP || proto == IpProtocol.UDP || proto == IpProtocol.ICMP;
    }

    /** nf_nat_used_tuple: is the reply of the candidate tuple already tracked (by another flow)? */
    private boolean used(Conn self) {
        int p = self.proto;
        Conn other = conntrack.lookup(p, tdst, tsrc, Conn.invertSport(p, tsport, tdport), Conn.invertDport(p, tsport, tdport));
        return other != null && other != self;
    }

    /** nf_nat_l4proto_unique_tuple. */
    private void uniquePort(Conn c, NatRange range, int mt) {
        int proto = c.proto;
        if (!hasPorts(proto)) {
            return;
        }
        boolean icmp = proto == IpProtocol.ICMP;
        boolean srcKey = icmp || mt == SRC;
        int key = srcKey ? tsport : tdport;
        int min;
        int size;
        if (!range.protoSpecified()) {
            if (icmp) {
                min = 0;
                size = 65536;
            } else if (mt == DST) {
                return;
            } else if (key < 1024) {
                if (key < 512) {
                    min = 1;
                    size = 511;
                } else {
                    min = 600;
                    size = 1023 - 600 + 1;
                }
            } else {
                min = 1024;
                size = 65535 - 1024 + 1;
            }
        } else {
            min = Math.min(range.minPort(), range.maxPort());
            size = Math.abs(range.maxPort() - range.minPort()) + 1;
        }
        int off = mt != DST ? random.nextInt(0x10000) : 0;
        int attempts = Math.min(size, MAX_ATTEMPTS);
        while (true) {
            for (int i = 0; i < attempts; i++, off = (off + 1) & 0xFFFF) {
                int port = min + off % size;
                if (srcKey) {
                    tsport = port;
                } else {
                    tdport = port;
                }
                if (!used(c)) {
                    return;
                }
            }
            if (attempts >= size || attempts < 16) {
                return;
            }
            attempts /= 2;
            off = random.nextInt(0x10000);
        }
    }

    private static long mix(int a, int b) {
        long h = ((a & 0xFFFF_FFFFL) << 32 | (b & 0xFFFF_FFFFL)) * 0x9E37_79B9_7F4A_7C15L;
        return h ^ (h >>> 31);
    }
}
