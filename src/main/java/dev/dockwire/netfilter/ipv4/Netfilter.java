package dev.dockwire.netfilter.ipv4;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.Chain;
import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.CtInfo;
import dev.dockwire.netfilter.FlowWalks;
import dev.dockwire.netfilter.Hook;
import dev.dockwire.netfilter.IptDoTable;
import dev.dockwire.netfilter.NatRange;
import dev.dockwire.netfilter.NfFlow;
import dev.dockwire.netfilter.NfHooks;
import dev.dockwire.netfilter.NfNet;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.Rule;
import dev.dockwire.netfilter.Table;
import dev.dockwire.netfilter.Tables;
import dev.dockwire.netfilter.UntrackedWalk;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.link.DropReason;
import dev.dockwire.netfilter.XtContext;
import dev.dockwire.netfilter.conntrack.Conntrack;
import dev.dockwire.netfilter.conntrack.ConntrackContext;
import dev.dockwire.netfilter.iptables.Iptables;
import dev.dockwire.netfilter.iptables.IptablesRestore;
import dev.dockwire.netfilter.iptables.IptablesSave;
import dev.dockwire.netfilter.nat.Nat;
import dev.dockwire.netfilter.xt.XtReject;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Netfilter for IPv4 in one namespace: the tables, conntrack and NAT, and the hook functions in
 * the kernel's priority order:
 * <pre>
 *   PREROUTING   raw, conntrack, mangle, nat (DNAT)
 *   INPUT        mangle, filter, nat (SNAT), conntrack confirm
 *   FORWARD      mangle, filter
 *   OUTPUT       raw, conntrack, mangle, nat (DNAT), filter
 *   POSTROUTING  mangle, nat (SNAT), conntrack confirm
 * </pre>
 * The hooks are registered on the namespace only while there is something to do: a table with a
 * rule or a DROP policy at some hook, or conntrack (loaded by the nat table or a state match); so
 * a namespace without rules keeps the stack's fast path. A packet's connection stays attached
 * from its first hook to its last, as {@code skb->_nfct} does. It sees its namespace only as
 * {@link NfNet}; conntrack, NAT and the targets see it only through their narrow contexts.
 */
public final class Netfilter implements NfHooks, XtContext, ConntrackContext {
    /** Whether netfilters made from now on replay received flows ({@link LocalInFlows}; tests compare a world without): {@code -Ddockwire.localin=false}. */
    public static boolean replayLocalIn = !"false".equals(System.getProperty("dockwire.localin"));
    private final boolean replayIn = replayLocalIn;
    private final NfNet ns;
    private final EventLoop loop;
    private final Tables tables = new Tables();
    /**
     * The per-packet state (the packet context, the table walk's stack, conntrack and NAT), made
     * with the first packet through a hook ({@link #firstPacket}) or the first look at conntrack:
     * every container's namespace gets the resolver's nat table at boot, but many never see a packet.
     */
    private Conntrack conntrack;
    private Nat nat;
    private NfPacket pkt;
    private IptDoTable ipt;
    /** REJECT's answers and the header view they read, made when a rule first rejects. */
    private NfReject reject;
    private Ipv4Packet ip;
    /** Made with the first packet or the first {@code xtables-monitor --trace}: only they trace. */
    private NftTrace trace;
    private static final int RECENT = 256;
    /** The recent log lines, made with the first (most namespaces never log). */
    private java.util.ArrayDeque<String> log;
    /** Drops per hook, counted from the first (most namespaces never drop). */
    private long[] drops;
    private Table raw;
    private Table mangle;
    private Table filter;
    private Table natTable;
    private boolean track;
    private int conntrackMax = 262144;
    private Conn attachCt;
    private int attachInfo;
    /** Counts the commits: a recorded table walk ({@code WalkMemo}) holds only within the generation it was made in. */
    private int generation;
    /**
     * The recording of a packet's hooks for {@link #flowOffload}, {@link #localFlow} or {@link LocalInFlows}:
     * set at PRE_ROUTING or LOCAL_OUT for a UDP packet of a tracked flow, cleared by anything that cannot be
     * replayed; the packet's tuple as it came in, its connection and that connection's status after tracking, the walks' counters.
     */
    private boolean recording;
    private HookRecording rec; // made by the first packet that may be recorded: ~200 bytes a container's netfilter never needs
    /** The received flows replayed from such recordings (made by the first). */
    private LocalInFlows inFlows;
    /**
     * Whether PRE_ROUTING's verdict is the raw table's walk alone (no conntrack, no NAT, mangle's chain
     * empty) and that walk is not trivial: then {@link #rawWalk} remembers it per flow and replays it
     * before the packet is loaded (the kernel baseline's sink: a raw PREROUTING DROP).
     */
    private boolean rawReplays;
    private UntrackedWalk rawWalk;

    /** The emulation's tracepoints, read once: the hooks report through them on every packet. */
    private final dev.dockwire.sim.Tracepoint<? extends dev.dockwire.netfilter.NfProbe> tracepoint;

    public Netfilter(NfNet ns) {
        this.ns = ns;
        this.loop = ns.loop();
        this.tracepoint = ns.tracepoint();
        tables.onCommit(this::refresh);
        sysctlChanged();
    }

    public Tables tables() {
        return tables;
    }

    public Conntrack conntrack() {
        if (conntrack == null) {
            conntrack = new Conntrack(loop, this);
            nat = new Nat(conntrack, ns.random(), this::natTable);
        }
        return conntrack;
    }

    /** The packet context of the first packet through a hook, with the rest of the per-packet state. */
    private NfPacket firstPacket() {
        conntrack();
        ipt = new IptDoTable();
        trace();
        pkt = new NfPacket(ns);
        return pkt;
    }

    /** Packets each hook dropped (by a rule, a policy, a full conntrack table or a NAT clash). */
    public long drops(Hook h) {
        return drops == null ? 0 : drops[h.ordinal()];
    }

    /**
     * The last {@value #RECENT} kernel log lines this namespace's netfilter wrote (LOG targets and
     * conntrack warnings), as {@code dmesg} prints them, whether or not they reached the host's log.
     */
    public List<String> log() {
        return log == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(log));
    }

    /** Re-reads {@code net.netfilter.nf_conntrack_max}. */
    public void sysctlChanged() {
        String v = ns.sysctl("net.netfilter.nf_conntrack_max");
        conntrackMax = v == null ? 262144 : Integer.parseInt(v.trim());
    }

    @Override
    public int conntrackMax() {
        return conntrackMax;
    }

    /** nf_log_packet: the LOG target's line, in the host's log only where nf_log_allowed. */
    @Override
    public void log(String line) {
        recent(line);
        if (ns.nfLogAllowed()) {
            ns.printk(line);
        }
    }

    @Override
    public void trace(Chain chain, Rule rule, int verdict, Chain to) {
        trace.event(pkt, chain, rule, verdict, to);
    }

    /** {@code xtables-monitor --trace} in this namespace: each line it prints goes to {@code lines} until closed. */
    public AutoCloseable monitorTrace(Consumer<String> lines) {
        return trace().monitor(lines);
    }

    private NftTrace trace() {
        if (trace == null) {
            trace = new NftTrace(0);
        }
        return trace;
    }

    @Override
    public void warnRatelimited(String line) {
        if (ns.netRatelimit()) {
            recent(line);
            ns.printk(line);
        }
    }

    private void recent(String line) {
        long us = loop.nanos() / 1000;
        if (log == null) {
            log = new java.util.ArrayDeque<>();
        }
        if (log.size() == RECENT) {
            log.removeFirst();
        }
        log.addLast(String.format("[%5d.%06d] %s", us / 1_000_000, us % 1_000_000, line));
    }

    @Override
    public boolean defragments() {
        return track;
    }

    /** After a commit: cache the tables and (un)register the hooks. */
    private void refresh() {
        generation++;
        raw = tables.table(Table.Kind.RAW);
        mangle = tables.table(Table.Kind.MANGLE);
        filter = tables.table(Table.Kind.FILTER);
        natTable = tables.table(Table.Kind.NAT);
        boolean ct = natTable != null;
        boolean active = false;
        for (Table t : tables.tables()) {
            ct |= t.needsConntrack();
            for (Hook h : Hook.values()) {
                active |= t.active(h);
            }
        }
        track = ct;
        if (!ct) {
            recording = false;
        }
        Chain rawPre = raw == null ? null : raw.builtin[Hook.PREROUTING.ordinal()];
        Chain manglePre = mangle == null ? null : mangle.builtin[Hook.PREROUTING.ordinal()];
        rawReplays = !ct && rawPre != null && !rawPre.trivial() && (manglePre == null || manglePre.trivial());
        if (rawReplays && rawWalk == null) {
            rawWalk = new UntrackedWalk();
        }
        ns.registerHooks(active || ct ? this : null);
    }

    private int table(Table t, NfPacket p) {
        if (t == null) {
            return Verdict.ACCEPT;
        }
        Chain c = t.builtin[p.hook];
        if (c == null || c.trivial() && !(p.nfTrace && c.declared())) {
            return Verdict.ACCEPT;
        }
        trace.enter(t.name());
        int v = ipt.run(c, p, this, generation);
        if (recording) {
            recording = rec.add(ipt);
        }
        tracepoint.probe().table(p, t, v);
        return v;
    }

    /** {@link #table} of the raw table at PRE_ROUTING when {@link #rawReplays}: its walk remembered for the flow's next packet. */
    private int rawPreRouting(NfPacket p) {
        trace.enter(raw.name());
        int v = rawWalk.walk(ipt, raw.builtin[p.hook], p, this, generation);
        tracepoint.probe().table(p, raw, v);
        return v;
    }

    /**
     * PRE_ROUTING's end for a packet whose raw walk was replayed ({@link UntrackedWalk#replay}, ACCEPT or
     * DROP), as {@link #verdict} ends it with no tracepoint attached and no REJECT (a target: never replayed).
     */
    private boolean replayed(int v, ByteBuf packet) {
        // Not loaded: the next hook must not take the packet context for this packet's (resume compares l3off).
        pkt.l3off = -1;
        if (v == Verdict.ACCEPT) {
            return true;
        }
        if (drops == null) {
            drops = new long[5];
        }
        drops[Hook.PREROUTING.ordinal()]++;
        packet.release();
        return false;
    }

    /** The nat table's chain at {@code hook}, for a connection's first packet (NAT's {@code NatContext}). */
    private int natTable(NfPacket p, int hook) {
        return table(natTable, p);
    }

    @Override
    public int natSetup(Conn ct, NatRange range, int maniptype) {
        return nat.setup(ct, range, maniptype);
    }

    // ---- the hooks -------------------------------------------------------------------------

    @Override
    public boolean preRouting(NetDevice in, ByteBuf packet) {
        LocalInFlows f = inFlows;
        if (f != null) {
            if (!tracepoint.attached() && f.preRouting(in, packet)) {
                // The packet context keeps the last packet the hooks walked: not this one (resume reloads).
                pkt.l3off = -1;
                pkt.ct = null;
                recording = false;
                return true;
            }
            f.forget();
        }
        if (rawReplays && pkt != null && !tracepoint.attached()) {
            int v = rawWalk.replay(raw.builtin[Hook.PREROUTING.ordinal()], generation, in, packet);
            if (v != UntrackedWalk.MISS) {
                return replayed(v, packet);
            }
        }
        NfPacket p = pkt != null ? pkt : firstPacket();
        p.load(Hook.PREROUTING.ordinal(), in, null, packet);
        tracepoint.probe().hookEntry(p);
        startRecording(p);
        int v = rawReplays ? rawPreRouting(p) : table(raw, p);
        if (v == Verdict.ACCEPT && track) {
            v = conntrack.in(p, null);
            if (recording) {
                tracked(p);
            }
        }
        if (v == Verdict.ACCEPT) {
            v = table(mangle, p);
        }
        if (v == Verdict.ACCEPT && natTable != null && track) {
            v = nat.hook(p, Hook.PREROUTING.ordinal());
        }
        return verdict(v, p, packet);
    }

    @Override
    public boolean localIn(NetDevice in, ByteBuf packet) {
        LocalInFlows f = inFlows;
        if (f != null && f.localIn(packet)) {
            return true; // PRE_ROUTING replayed this packet's flow: LOCAL_IN's part too
        }
        NfPacket p = resume(Hook.INPUT, in, null, packet);
        if (recording) {
            rec.enterLocalIn();
        }
        tracepoint.probe().hookEntry(p);
        int v = table(mangle, p);
        if (v == Verdict.ACCEPT) {
            v = table(filter, p);
        }
        if (v == Verdict.ACCEPT && natTable != null && track) {
            v = nat.hook(p, Hook.INPUT.ordinal());
        }
        if (v == Verdict.ACCEPT && track) {
            v = conntrack.confirm(p);
        }
        boolean accepted = verdict(v, p, packet);
        if (accepted && recording) {
            recordLocalIn(p);
        }
        return accepted;
    }

    /**
     * After LOCAL_IN accepted a packet recorded from PRE_ROUTING on: its flow's entry in {@link LocalInFlows}
     * when its hooks can be replayed (the connection's status as tracking left it, no NAT on it, no trace).
     */
    private void recordLocalIn(NfPacket p) {
        recording = false;
        if (!replayIn || !rec.holds(p, p.buf) || tracepoint.attached() || p.in == null || natted(rec.conn(), CtInfo.dir(p.ctinfo))) {
            return;
        }
        if (inFlows == null) {
            inFlows = new LocalInFlows(this, conntrack);
        }
        rec.localIn(inFlows, p, generation);
    }

    @Override
    public boolean forward(NetDevice in, NetDevice out, ByteBuf packet) {
        NfPacket p = resume(Hook.FORWARD, in, out, packet);
        tracepoint.probe().hookEntry(p);
        int v = table(mangle, p);
        if (v == Verdict.ACCEPT) {
            v = table(filter, p);
        }
        return verdict(v, p, packet);
    }

    @Override
    public boolean localOut(NetDevice out, ByteBuf packet) {
        NfPacket p = pkt != null ? pkt : firstPacket();
        Conn prev = p.ct;
        p.load(Hook.OUTPUT.ordinal(), null, out, packet);
        startRecording(p);
        if (attachCt != null) {
            p.ct = attachCt;
            p.ctinfo = attachInfo;
            attachCt = null;
        }
        tracepoint.probe().hookEntry(p);
        int v = table(raw, p);
        if (v == Verdict.ACCEPT && track) {
            // An ICMP error the stack makes about a packet still in flight belongs to that
            // packet's (maybe unconfirmed) connection, as icmp_send's nf_ct_attach does.
            v = conntrack.in(p, prev != null && !prev.confirmed() ? prev : null);
            if (recording) {
                tracked(p);
            }
        }
        if (v == Verdict.ACCEPT) {
            v = table(mangle, p);
        }
        if (v == Verdict.ACCEPT && natTable != null && track) {
            v = nat.hook(p, Hook.OUTPUT.ordinal());
        }
        if (v == Verdict.ACCEPT) {
            v = table(filter, p);
        }
        return verdict(v, p, packet);
    }

    @Override
    public boolean postRouting(NetDevice in, NetDevice out, ByteBuf packet) {
        NfPacket p = resume(Hook.POSTROUTING, in, out, packet);
        tracepoint.probe().hookEntry(p);
        int v = table(mangle, p);
        if (v == Verdict.ACCEPT && natTable != null && track) {
            v = nat.hook(p, Hook.POSTROUTING.ordinal());
        }
        if (v == Verdict.ACCEPT && track) {
            v = conntrack.confirm(p);
        }
        return verdict(v, p, packet);
    }

    /** The packet context of the previous hook, or (if another packet passed in between) a fresh one. */
    private NfPacket resume(Hook h, NetDevice in, NetDevice out, ByteBuf packet) {
        NfPacket p = pkt != null ? pkt : firstPacket();
        if (p.buf == packet && packet.readerIndex() == p.l3off) {
            // The same packet: NAT kept the parsed fields in step with what it rewrote, and the
            // stack only touched the TTL in between, so there is nothing to re-read.
            p.hook = h.ordinal();
            p.devices(in, out);
        } else {
            p.load(h.ordinal(), in, out, packet);
            recording = false; // another packet passed in between: this one's record is gone
            if (track) {
                conntrack.find(p);
            }
        }
        return p;
    }

    /** Received packets whose PRE_ROUTING and LOCAL_IN were replayed ({@link LocalInFlows}; tests and diagnostics). */
    public long localInReplays() {
        return inFlows == null ? 0 : inFlows.hits;
    }

    /** PRE_ROUTING raw walks replayed for packets without a connection ({@link UntrackedWalk}; for tests and diagnostics). */
    public long rawWalkReplays() {
        return rawWalk == null ? 0 : rawWalk.replays();
    }

    /** The commit generation of the tables (what a remembered walk or an offloaded flow holds within). */
    int generation() {
        return generation;
    }

    /** Starts recording the hooks of a packet at PRE_ROUTING or LOCAL_OUT when it may be replayed: UDP of a tracked flow. */
    private void startRecording(NfPacket p) {
        if (rec == null && track) {
            rec = new HookRecording();
        }
        recording = rec != null && rec.start(p, track);
    }

    /** After conntrack: a confirmed connection found in the hash whose tracking raised no event (changed no status bit). */
    private void tracked(NfPacket p) {
        recording = rec.tracked(p);
    }

    /**
     * The hooks this forwarded packet passed (PRE_ROUTING, FORWARD, POST_ROUTING, all accepted) as an
     * offloaded flow's step ({@link FlowOffload}), when they can be replayed for the flow's next packets:
     * recorded from PRE_ROUTING on, no other packet in between, the connection's status as tracking left
     * it (no NAT binding made, nothing killed), no tracepoint listening.
     */
    @Override
    public NfFlow flowOffload(ByteBuf packet) {
        NfPacket p = pkt;
        if (!recording || !rec.holds(p, packet) || tracepoint.attached() || p.in == null || p.out == null) {
            return null;
        }
        recording = false;
        return rec.offload(this, conntrack, p, generation, natTable != null);
    }

    /**
     * The hooks this locally sent packet passed (LOCAL_OUT, POST_ROUTING, both accepted, nothing between)
     * as a step for the next datagrams of its flow ({@link LocalFlow}), when they can be replayed: recorded
     * from LOCAL_OUT on, the connection's status as tracking left it, no NAT on it, no tracepoint listening.
     */
    @Override
    public NfFlow localFlow(ByteBuf packet) {
        NfPacket p = pkt;
        if (!recording || !rec.holds(p, packet) || tracepoint.attached() || p.in != null || p.out == null) {
            return null;
        }
        recording = false;
        return natted(rec.conn(), CtInfo.dir(p.ctinfo)) ? null : rec.local(this, conntrack, p, generation);
    }

    /** Whether NAT rewrites the packets of {@code c}'s direction {@code dir} (which the local replays do not do). */
    private boolean natted(Conn c, int dir) {
        return natTable != null && (rewrites(c, dir, true) || rewrites(c, dir, false));
    }

    /** Whether NAT rewrites the destination ({@code dnat}) or the source of {@code c}'s direction {@code dir}. */
    static boolean rewrites(Conn c, int dir, boolean dnat) {
        return Nat.rewrites(c, dir, dnat ? NatRange.MANIP_DST : NatRange.MANIP_SRC);
    }

    private boolean verdict(int v, NfPacket p, ByteBuf packet) {
        tracepoint.probe().hookExit(p, v);
        if (v == Verdict.ACCEPT) {
            return true;
        }
        int hook = p.hook;
        if (drops == null) {
            drops = new long[5];
        }
        drops[hook]++;
        int answer = p.reject;
        Conn ct = p.ct;
        int ctinfo = p.ctinfo;
        // The frame goes back to its cache and may come again as the next packet: resume must not take
        // it for this one. No packet starts at -1, and the reference kept is not stored again by the
        // next load of the same frame (a non-null reference store costs G1 a card-mark fence).
        p.l3off = -1;
        if (answer != 0) {
            sendReject(answer, ct, ctinfo, packet);
        }
        tracepoint.probe().drop(p.in != null ? p.in : p.out, packet, DropReason.NETFILTER_DROP);
        packet.release();
        return false;
    }

    /** REJECT's answer, attached to the rejected packet's connection (nf_ct_attach). */
    private void sendReject(int answer, Conn ct, int ctinfo, ByteBuf packet) {
        if (reject == null) {
            reject = new NfReject();
            ip = new Ipv4Packet();
        }
        try {
            if (ct != null) {
                attachCt = ct;
                attachInfo = CtInfo.dir(ctinfo) == Conn.ORIGINAL ? CtInfo.RELATED_REPLY : CtInfo.RELATED;
            }
            if (answer == XtReject.TCP_RESET) {
                ByteBuf rst = reject.tcpReset(packet);
                if (rst != null) {
                    Ipv4Packet p = ip.wrap(packet, packet.readerIndex());
                    ns.sendFromKernel(rst, p.dst(), p.src(), IpProtocol.TCP);
                }
            } else if (reject.unreachableAllowed(packet)) {
                ns.sendIcmpError(packet, IcmpPacket.TYPE_DEST_UNREACHABLE, answer & 0xFF);
            }
        } finally {
            attachCt = null;
        }
    }

    // ---- configuration (the kernel seam) ---------------------------------------------------

    /** {@code iptables-restore [--noflush] [--counters]}; throws with iptables-restore's report. */
    public void restore(String rules, boolean noflush, boolean counters) {
        IptablesRestore.run(tables, rules, noflush, counters);
    }

    /** {@code iptables-restore --test}: parses only; throws with iptables-restore's report. */
    public static void testRestore(String rules) {
        IptablesRestore.test(rules);
    }

    /** {@code iptables-save [-c] [-t TABLE]}. */
    public String save(String table, boolean counters) {
        return IptablesSave.render(tables, table, counters, loop.nanos());
    }

    /** A table-changing {@code iptables} command; throws with iptables' report. */
    public void iptables(List<String> argv) {
        Iptables.run(tables, argv);
    }

    /** Commands that only add, as if run one by one, in one transaction per table ({@link Iptables#runAll}). */
    public void iptablesAll(List<List<String>> commands) {
        Iptables.runAll(tables, commands);
    }
}
