package dev.dockwire.journey;

import dev.dockwire.kernel.JourneyInfo;
import dev.dockwire.kernel.JourneyNames;
import dev.dockwire.link.Bridge;
import dev.dockwire.link.DropReason;
import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.Chain;
import dev.dockwire.netfilter.CtInfo;
import dev.dockwire.netfilter.Hook;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.Rule;
import dev.dockwire.netfilter.Table;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.netns.Emulation;
import dev.dockwire.netns.stack.NudState;
import dev.dockwire.netns.stack.StackProbe;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.MacAddress;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every packet's journey from the emulation's tracepoints, one per emulation shared by its
 * users ({@link SharedJourneys}): attached by the first {@link #share}, detached by the last
 * {@link #unshare}; past {@link #MAX_JOURNEYS} the oldest half is forgotten (a capture's comments
 * and a trace need a journey only while its packets are in flight), and so are the journeys whose
 * records the {@link StepLog} overwrites when it is full. Each event finds its journey by the
 * packet's identity ({@link PacketKey}, in {@link JourneyKeys}); NAT's rewrite and VXLAN's
 * encapsulation link the new identity to the same journey. An event is recorded as a binary
 * record of what the path holds (numbers, the device's place, the rule and its counters then) and
 * made text only when a journey is read ({@link StepText}), so recording allocates nothing once
 * its tables have grown.
 */
public final class JourneyRecorder implements StackProbe {
    /** Journeys kept: past them the oldest half is forgotten. */
    public static final int MAX_JOURNEYS = 20_000;

    private static final int OTHERHOST = DropReason.OTHERHOST.ordinal();
    private static final int NETFILTER_DROP = DropReason.NETFILTER_DROP.ordinal();

    private final Emulation emulation;
    private int shares;
    private final Journeys journeys = new Journeys();
    private final JourneyKeys keys = new JourneyKeys();
    private final StepLog log = new StepLog();
    private final Places places;
    private final StepText text;
    /** The packet inside a netfilter hook: its identity and ports when it entered ({@code hasEntry} false: none). */
    private boolean hasEntry;
    private long entryHi;
    private long entryLo;
    private int entrySport;
    private int entryDport;
    /** The last table that decided at the current hook, for a drop's report: its rule index ({@link StepText#NO_RULE}: none). */
    private int lastRule = StepText.NO_RULE;
    private int lastVerdict;
    private long lastPackets;
    private long lastBytes;
    private String lastTable;
    private String lastChain;
    private Rule lastRuleObject;
    /** The nat chain whose rule decided at the current hook, for the NAT's summary. */
    private String natChain;
    /** A frame just encapsulated: the outer packet that follows belongs to its journey (0: none). */
    private int encapsulating;
    /** The identity last looked up or linked and its journey (0: none), which the next event most likely has too. */
    private long lastHi;
    private long lastLo;
    private int lastJourney;
    /** The buffer the last event carried, its indices then and where its layer-3 header was ({@link PacketKey#l3}). */
    private ByteBuf lastBuf;
    private int lastReader;
    private int lastWriter;
    private int lastL3;

    private JourneyRecorder(Emulation emulation, JourneyNames names) {
        this.emulation = emulation;
        this.places = new Places(emulation, names == null ? JourneyNames.KERNEL : names);
        this.text = new StepText(log, places.names());
    }

    /**
     * The recorder attached to {@code emulation}, shared: the one there if any (several kernels of
     * one emulation, each with its users), else a new one naming by {@code names} (namespaces by their
     * emulation names, sockets). Each call wants one {@link #unshare}.
     */
    static JourneyRecorder share(Emulation emulation, JourneyNames names) {
        JourneyRecorder r;
        if (emulation.tracepoint().probe() instanceof JourneyRecorder on) {
            r = on;
        } else {
            r = new JourneyRecorder(emulation, names);
            emulation.tracepoint().attach(r);
        }
        r.shares++;
        return r;
    }

    /** Undoes one {@link #share}; the last detaches the recorder. */
    void unshare() {
        if (--shares == 0) {
            close();
        }
    }

    /** Names namespaces with {@code l} from now on (a trace joining a capture's recording names containers). */
    void relabel(JourneyNames l) {
        places.relabel(l);
    }

    /** The number the next journey will get: a view from here on sees journeys from this one. */
    int nextId() {
        return journeys.next;
    }

    /** The journeys numbered from {@code first}, in order. */
    List<JourneyInfo> journeysFrom(int first) {
        List<JourneyInfo> out = new ArrayList<>();
        for (int j = Math.max(first, journeys.oldest); j < journeys.next; j++) {
            out.add(text.info(journeys, journeys.slot(j)));
        }
        return out;
    }

    /** The summary of the journey of the packet whose identity is {@code hi}, {@code lo} (as captured), or null. */
    String summary(long hi, long lo) {
        int j = live(hi, lo);
        return j == 0 ? null : text.summary(journeys, journeys.slot(j));
    }

    private void close() {
        if (emulation.tracepoint().probe() == this) {
            emulation.tracepoint().detach();
        }
    }

    // ---- finding the journey -------------------------------------------------------------

    /** The live journey this identity leads to, or 0. */
    private int live(long hi, long lo) {
        if (hi == lastHi && lo == lastLo && lastJourney != 0 && journeys.live(lastJourney)) {
            return lastJourney; // the same packet as the last event's: most events follow one packet through its hops
        }
        int j = keys.get(hi, lo);
        if (j != 0 && journeys.live(j)) {
            lastHi = hi;
            lastLo = lo;
            lastJourney = j;
            return j;
        }
        return 0;
    }

    /** Maps an identity to journey {@code j}, in the table and as the last one looked up. */
    private void link(long hi, long lo, int j) {
        keys.put(hi, lo, j);
        lastHi = hi;
        lastLo = lo;
        lastJourney = j;
    }

    /** The journey of the packet in {@code buf} (0: none); {@code begins} when this event starts a packet (a local send). */
    private int journey(ByteBuf buf, Object at, boolean begins) {
        int l3 = l3(buf);
        if (l3 < 0) {
            return 0;
        }
        long hi = PacketKey.hi(buf, l3);
        long lo = PacketKey.lo(buf, l3);
        int j = live(hi, lo);
        if (j != 0) {
            int s = journeys.slot(j);
            if (journeys.ended(s) && (begins || journeys.origin[s] == at)) {
                j = 0; // the same identity again: a new packet (an ARP retransmission, an IP ID reused)
            }
        }
        if (j == 0 && encapsulating != 0) {
            j = encapsulating; // the outer packet VXLAN just made
            encapsulating = 0;
            link(hi, lo, j);
            return j;
        }
        if (j == 0) {
            if (journeys.size() >= MAX_JOURNEYS) {
                forgetBelow(journeys.oldest + journeys.size() / 2);
            }
            j = journeys.begin(buf, at);
            link(hi, lo, j);
        }
        return j;
    }

    /**
     * {@link PacketKey#l3} of {@code buf}, known without reading it again when the last event carried
     * the same buffer with the same indices (a frame from veth to bridge to veth is one buffer).
     */
    private int l3(ByteBuf buf) {
        int r = buf.readerIndex();
        int w = buf.writerIndex();
        if (buf != lastBuf || r != lastReader || w != lastWriter) {
            lastBuf = buf;
            lastReader = r;
            lastWriter = w;
            lastL3 = PacketKey.l3(buf);
        }
        return lastL3;
    }

    /** Forgets the journeys numbered below {@code j}, and the identities that lead to them. */
    private void forgetBelow(int j) {
        journeys.forgetBelow(j);
        keys.forgetBelow(journeys.oldest);
        if (encapsulating != 0 && encapsulating < journeys.oldest) {
            encapsulating = 0;
        }
    }

    /**
     * Appends a record of {@code kind} at {@code dev} to journey {@code j}: one of its steps while it
     * has fewer than {@link Journeys#MAX_STEPS}, past them only when {@code keep} (a decision or an
     * end). Returns the record to fill in, or {@link StepLog#NONE} when nothing was recorded.
     */
    private int record(int j, NetDevice dev, int kind, boolean keep) {
        int s = journeys.slot(j);
        boolean step = journeys.steps[s] < Journeys.MAX_STEPS;
        if (step) {
            journeys.steps[s]++;
        } else {
            journeys.omitted[s]++;
            if (!keep) {
                return StepLog.NONE;
            }
        }
        int at = places.place(dev);
        int r = log.reserve();
        if (log.occupied() && journeys.live(log.owner(r))) {
            // The log is full: the oldest half goes, at least to the journey of the record overwritten.
            forgetBelow(Math.max(log.owner(r) + 1, journeys.oldest + journeys.size() / 2));
            if (!journeys.live(j)) {
                return StepLog.NONE;
            }
        }
        log.append(r, j, emulation.loop().nanos(), step ? kind | StepLog.STEP : kind, at);
        if (journeys.last[s] == StepLog.NONE) {
            journeys.first[s] = r;
        } else {
            log.setNext(journeys.last[s], r);
        }
        journeys.last[s] = r;
        return r;
    }

    /** Notes record {@code r}'s decision {@code kind} for journey {@code j}'s summary, unless it holds one already. */
    private void decision(int j, int r, int kind) {
        int s = journeys.slot(j);
        int n = journeys.decisionCount[s];
        if (n >= Journeys.DECISION_SLOTS) {
            return;
        }
        int d = r << 3 | kind;
        int base = s * Journeys.DECISION_SLOTS;
        for (int i = 0; i < n; i++) {
            if (text.sameDecision(journeys.decisions[base + i], d)) {
                return;
            }
        }
        journeys.decisions[base + n] = d;
        journeys.decisionCount[s] = n + 1;
    }

    private boolean decisionRoom(int j) {
        return journeys.decisionCount[journeys.slot(j)] < Journeys.DECISION_SLOTS;
    }


    // ---- link ----------------------------------------------------------------------------

    @Override
    public void netifReceive(NetDevice dev, ByteBuf frame) {
        int j = journey(frame, dev, false);
        if (j != 0) {
            record(j, dev, StepText.RECEIVED, false);
        }
    }

    @Override
    public void netDevXmit(NetDevice dev, ByteBuf frame) {
        int j = journey(frame, dev, false);
        if (j != 0) {
            record(j, dev, StepText.SENT, false);
        }
    }

    @Override
    public void fdb(Bridge br, NetDevice in, ByteBuf frame, FdbDecision decision, NetDevice port) {
        int j = journey(frame, in == null ? br : in, false);
        if (j == 0) {
            return;
        }
        boolean hasMac = frame.readableBytes() >= 6;
        boolean flood = decision == FdbDecision.FLOOD;
        boolean multicast = flood && MacAddress.isMulticast(mac(frame));
        boolean decides = flood && !multicast;
        int r = record(j, br, StepText.FDB, decides && decisionRoom(j));
        if (r == StepLog.NONE) {
            return;
        }
        log.setA(r, decision.ordinal());
        log.setB(r, multicast ? 1 : 0);
        log.setC(r, hasMac ? 1 : 0);
        log.setX(r, hasMac ? mac(frame) : 0);
        log.setO(r, decision == FdbDecision.FORWARD ? port.name() : null);
        log.setP(r, br.name());
        if (decides) {
            decision(j, r, StepText.D_FLOOD);
        }
    }

    private static long mac(ByteBuf frame) {
        return (long) frame.getUnsignedShort(frame.readerIndex()) << 32 | frame.getUnsignedInt(frame.readerIndex() + 2);
    }

    @Override
    public void drop(NetDevice dev, ByteBuf frame, DropReason reason) {
        int j = journey(frame, dev, false);
        if (j == 0) {
            return;
        }
        int s = journeys.slot(j);
        int why = reason.ordinal();
        int prior = journeys.dropped[s];
        // A drop that says more than "another host's frame" is the one kept as the end.
        boolean ends = prior == StepLog.NONE || log.a(prior) == OTHERHOST && why != OTHERHOST;
        boolean decides = why != OTHERHOST;
        int r = record(j, dev, StepText.DROP, ends || decides && decisionRoom(j));
        if (r == StepLog.NONE) {
            return;
        }
        log.setA(r, why);
        log.setB(r, why == NETFILTER_DROP ? lastRule : StepText.NO_RULE);
        if (log.b(r) != StepText.NO_RULE) {
            decidingRule(r, lastVerdict);
        }
        if (ends) {
            journeys.dropped[s] = r;
        }
        if (decides) {
            decision(j, r, StepText.D_DROP);
        }
    }

    @Override
    public void vxlanEncap(NetDevice dev, ByteBuf frame, int vni, int local, int remote) {
        int j = journey(frame, dev, false);
        if (j != 0) {
            int r = record(j, dev, StepText.VXLAN_ENCAP, false);
            if (r != StepLog.NONE) {
                log.setA(r, vni);
                log.setB(r, local);
                log.setC(r, remote);
            }
        }
        encapsulating = j;
    }

    @Override
    public void vxlanDecap(NetDevice dev, ByteBuf frame, int vni, int remote) {
        int j = journey(frame, dev, false);
        if (j != 0) {
            int r = record(j, dev, StepText.VXLAN_DECAP, false);
            if (r != StepLog.NONE) {
                log.setA(r, vni);
                log.setB(r, remote);
            }
        }
    }

    // ---- stack ---------------------------------------------------------------------------

    @Override
    public void route(NetDevice in, ByteBuf packet, int dst, NetDevice out, int nextHop, boolean local) {
        int j = journey(packet, out, in == null);
        if (j == 0) {
            return;
        }
        int r = record(j, in != null ? in : out, StepText.ROUTE, false);
        if (r != StepLog.NONE) {
            log.setA(r, dst);
            log.setB(r, nextHop);
            log.setC(r, local ? 1 : 0);
            log.setO(r, local ? null : out.name());
        }
    }

    @Override
    public void neighbour(NetDevice dev, ByteBuf packet, int ip, NudState state) {
        int j = journey(packet, dev, false);
        if (j == 0) {
            return;
        }
        int r = record(j, dev, StepText.NEIGHBOUR, false);
        if (r != StepLog.NONE) {
            log.setA(r, ip);
            log.setB(r, state == null ? -1 : state.ordinal());
            log.setO(r, dev.name());
        }
    }

    @Override
    public void deliver(NetDevice dev, ByteBuf packet, int protocol, int port, Object socket) {
        int j = journey(packet, dev, false);
        if (j == 0) {
            return;
        }
        if (socket instanceof dev.dockwire.link.UdpTunnel.Receiver) {
            // The VXLAN device's socket: the journey goes on inside, as the inner frame.
            int r = record(j, dev, StepText.TUNNEL, false);
            if (r != StepLog.NONE) {
                log.setA(r, port);
            }
            return;
        }
        int s = journeys.slot(j);
        boolean ends = journeys.delivered[s] == StepLog.NONE;
        int r = record(j, dev, StepText.DELIVER, ends || decisionRoom(j));
        if (r == StepLog.NONE) {
            return;
        }
        log.setA(r, protocol);
        log.setB(r, port);
        log.setC(r, socket instanceof dev.dockwire.socket.TcpListener ? 1 : 0);
        log.setD(r, socket == null ? 1 : 0);
        log.setO(r, protocol == IpProtocol.TCP ? places.owner(dev, "tcp", port) : protocol == IpProtocol.UDP ? places.owner(dev, "udp", port) : "");
        if (ends) {
            journeys.delivered[s] = r;
        }
        decision(j, r, StepText.D_DELIVER);
    }

    // ---- netfilter -----------------------------------------------------------------------

    @Override
    public void hookEntry(NfPacket p) {
        int l3 = p.buf == null ? -1 : PacketKey.l3(p.buf);
        hasEntry = l3 >= 0;
        if (hasEntry) {
            entryHi = PacketKey.hi(p.buf, l3);
            entryLo = PacketKey.lo(p.buf, l3);
        }
        entrySport = p.sport;
        entryDport = p.dport;
        lastRule = StepText.NO_RULE;
        lastTable = null;
        lastChain = null;
        lastRuleObject = null;
        natChain = null;
    }

    @Override
    public void table(NfPacket p, Table t, int verdict) {
        Chain c = p.verdictChain;
        if (c == null || p.buf == null) {
            return;
        }
        lastRule = p.verdictRule < 0 ? -1 : p.verdictRule;
        lastVerdict = verdict;
        lastTable = t.name();
        lastChain = c.name();
        if (p.verdictRule < 0) {
            lastRuleObject = null;
            lastPackets = c.policyPackets();
            lastBytes = c.policyBytes();
        } else {
            lastRuleObject = c.compiledRule(p.verdictRule);
            lastPackets = lastRuleObject.packets();
            lastBytes = lastRuleObject.bytes();
        }
        if (t.name().equals("nat")) {
            natChain = c.name();
        }
        NetDevice dev = p.in != null ? p.in : p.out;
        int j = journey(p.buf, dev, false);
        if (j == 0) {
            return;
        }
        int r = record(j, dev, StepText.TABLE, false);
        if (r != StepLog.NONE) {
            log.setA(r, p.hook);
            log.setB(r, lastRule);
            decidingRule(r, verdict);
        }
    }

    @Override
    public void hookExit(NfPacket p, int verdict) {
        if (p.buf == null || !hasEntry) {
            return;
        }
        NetDevice dev = p.in != null ? p.in : p.out;
        int j = live(entryHi, entryLo);
        if (j == 0) {
            j = journey(p.buf, dev, false);
        }
        if (j == 0) {
            return;
        }
        // nf_conntrack_in runs at PRE_ROUTING and LOCAL_OUT: that is where a packet's state is decided.
        boolean tracked = p.hook == Hook.PREROUTING.ordinal() || p.hook == Hook.OUTPUT.ordinal();
        int ct = tracked && p.ct != null && p.ctinfo != CtInfo.NONE ? p.ctinfo : -1;
        int src = p.src;
        int dst = p.dst;
        int entrySrc = (int) (entryLo >>> 32);
        int entryDst = (int) entryLo;
        int flags = 0;
        if (verdict == Verdict.ACCEPT && (src != entrySrc || dst != entryDst || p.sport != entrySport || p.dport != entryDport)) {
            flags |= p.protocol == IpProtocol.TCP || p.protocol == IpProtocol.UDP ? StepText.PORTS : 0;
            flags |= dst != entryDst || p.dport != entryDport ? StepText.DNAT : 0;
            flags |= src != entrySrc || p.sport != entrySport ? StepText.SNAT : 0;
            link(entryHi, PacketKey.addresses(src, dst), j);
        }
        if (ct >= 0 || flags != 0) {
            int r = record(j, dev, StepText.HOOK, (flags & (StepText.DNAT | StepText.SNAT)) != 0 && decisionRoom(j));
            if (r != StepLog.NONE) {
                log.setA(r, p.hook | flags);
                log.setB(r, ct);
                log.setX(r, entryLo);
                log.setY(r, PacketKey.addresses(src, dst));
                log.setC(r, p.sport << 16 | p.dport);
                log.setD(r, entrySport << 16 | entryDport);
                log.setO(r, natChain);
                if ((flags & StepText.DNAT) != 0) {
                    decision(j, r, StepText.D_DNAT);
                }
                if ((flags & StepText.SNAT) != 0) {
                    decision(j, r, StepText.D_SNAT);
                }
            }
        }
        hasEntry = false;
    }

    /** Step {@code r} keeps the deciding rule as it was then: the verdict, its counters, table, chain and the rule. */
    private void decidingRule(int r, int verdict) {
        log.setC(r, verdict);
        log.setX(r, lastPackets);
        log.setY(r, lastBytes);
        log.setO(r, lastTable);
        log.setP(r, lastChain);
        log.setQ(r, lastRuleObject);
    }
}
