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
import dev.dockwire.netns.Namespace;
import dev.dockwire.netns.stack.NudState;
import dev.dockwire.netns.stack.StackProbe;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every packet's journey from the emulation's tracepoints, one per emulation shared by its
 * users ({@link SharedJourneys}): attached by the first {@link #share}, detached by the last
 * {@link #unshare}; past {@link #MAX_JOURNEYS} the oldest half is forgotten (a capture's comments and a
 * trace need a journey only while its packets are in flight). Each event finds its journey by the packet's identity ({@link PacketKey});
 * NAT's rewrite and VXLAN's encapsulation link the new identity to the same journey. Formatting
 * happens here, at record time, so the path hands over only what it already holds.
 */
public final class JourneyRecorder implements StackProbe {
    /** Journeys kept: past them the oldest half is forgotten. */
    public static final int MAX_JOURNEYS = 20_000;

    private final Emulation emulation;
    private JourneyNames names;
    private int nextId = 1;
    private int shares;
    private final Map<PacketKey, Journey> live = new HashMap<>();
    private final List<Journey> journeys = new ArrayList<>();
    private final Map<NetDevice, String> where = new IdentityHashMap<>();
    /** Each device's namespace (the emulation's name). */
    private final Map<NetDevice, String> namespaceOf = new IdentityHashMap<>();
    /** The packet inside a netfilter hook: its identity and addresses when it entered. */
    private PacketKey entryKey;
    private int entrySport;
    private int entryDport;
    /** The last table that decided at the current hook, for a drop's report. */
    private String lastRule;
    /** The same, as a summary says it: {@code filter FORWARD rule 2 -A FORWARD -o br-x -j DROP}. */
    private String lastDecider;
    /** The nat chain whose rule decided at the current hook, for the NAT's summary. */
    private String natChain;
    /** A frame just encapsulated: the outer packet that follows belongs to its journey. */
    private Journey encapsulating;

    private JourneyRecorder(Emulation emulation, JourneyNames names) {
        this.emulation = emulation;
        this.names = names == null ? JourneyNames.KERNEL : names;
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
        if (l != null) {
            names = l;
            where.clear();
        }
    }

    /** The number the next journey will get: a view from here on sees journeys from this one. */
    int nextId() {
        return nextId;
    }

    /** The journeys numbered from {@code first}, in order. */
    List<JourneyInfo> journeysFrom(int first) {
        List<JourneyInfo> out = new ArrayList<>();
        for (Journey j : journeys) {
            if (j.id >= first) {
                out.add(j.info());
            }
        }
        return out;
    }

    /** The summary of the journey of the packet whose identity is {@code key} (as captured), or null. */
    String summary(PacketKey key) {
        Journey j = key == null ? null : live.get(key);
        return j == null ? null : j.summary();
    }

    private void close() {
        if (emulation.tracepoint().probe() == this) {
            emulation.tracepoint().detach();
        }
    }

    // ---- finding the journey -------------------------------------------------------------

    /** The journey of the packet in {@code buf}; {@code begins} when this event starts a packet (a local send). */
    private Journey journey(ByteBuf buf, Object at, boolean begins) {
        PacketKey key = PacketKey.of(buf);
        if (key == null) {
            return null;
        }
        Journey j = live.get(key);
        if (j != null && j.ended() && (begins || j.origin == at)) {
            j = null; // the same identity again: a new packet (an ARP retransmission, an IP ID reused)
        }
        if (j == null && encapsulating != null) {
            j = encapsulating; // the outer packet VXLAN just made
            encapsulating = null;
            live.put(key, j);
            return j;
        }
        if (j == null) {
            if (journeys.size() >= MAX_JOURNEYS) {
                forgetOldest();
            }
            j = new Journey(nextId++, PacketKey.describe(buf), at);
            journeys.add(j);
            live.put(key, j);
        }
        return j;
    }

    /** Forgets the older half of the journeys, and the identities that lead to them. */
    private void forgetOldest() {
        int n = journeys.size() / 2;
        int last = journeys.get(n - 1).id;
        journeys.subList(0, n).clear();
        live.values().removeIf(j -> j.id <= last);
        if (encapsulating != null && encapsulating.id <= last) {
            encapsulating = null;
        }
    }

    private void step(Journey j, NetDevice dev, String what) {
        if (j != null) {
            j.step(emulation.loop().nanos(), where(dev), what);
        }
    }

    /** {@code NAMESPACE DEVICE}, the namespace named as the user knows it. */
    private String where(NetDevice dev) {
        if (dev == null) {
            return "?";
        }
        String w = where.get(dev);
        if (w == null) {
            scan();
            w = where.getOrDefault(dev, dev.name());
        }
        return w;
    }

    private void scan() {
        for (Namespace ns : emulation.namespaces()) {
            for (NetDevice d : ns.devices()) {
                where.put(d, names.namespace(ns.name()) + " " + d.name());
                namespaceOf.put(d, ns.name());
            }
        }
    }

    /** The process holding the socket a packet was delivered to, as {@code  (nginx, pid 1)}, or nothing. */
    private String owner(NetDevice dev, String proto, int port) {
        if (!namespaceOf.containsKey(dev)) {
            scan();
        }
        String ns = namespaceOf.get(dev);
        String who = ns == null ? null : names.socketOwner(ns, proto, port);
        return who == null ? "" : " of " + who;
    }

    // ---- link ----------------------------------------------------------------------------

    @Override
    public void netifReceive(NetDevice dev, ByteBuf frame) {
        step(journey(frame, dev, false), dev, "received");
    }

    @Override
    public void netDevXmit(NetDevice dev, ByteBuf frame) {
        step(journey(frame, dev, false), dev, "sent");
    }

    @Override
    public void fdb(Bridge br, NetDevice in, ByteBuf frame, FdbDecision decision, NetDevice port) {
        Journey j = journey(frame, in == null ? br : in, false);
        String mac = frame.readableBytes() >= 6 ? MacAddress.format(
                (long) frame.getUnsignedShort(frame.readerIndex()) << 32 | frame.getUnsignedInt(frame.readerIndex() + 2)) : "?";
        if (j != null && decision == FdbDecision.FLOOD && !MacAddress.isMulticast(mac(frame))) {
            j.decision("bridge " + br.name() + ": " + mac + " unknown, flooded");
        }
        step(j, br, switch (decision) {
            case LOCAL -> "bridge FDB: " + mac + " is the bridge's own: up to its stack";
            case FORWARD -> "bridge FDB: " + mac + " learned on " + port.name() + ": forwarded";
            case FLOOD -> (MacAddress.isMulticast(mac(frame)) ? "bridge: " + mac + " is broadcast" : "bridge FDB: " + mac + " unknown")
                    + ": flooded to every port";
        });
    }

    private static long mac(ByteBuf frame) {
        return (long) frame.getUnsignedShort(frame.readerIndex()) << 32 | frame.getUnsignedInt(frame.readerIndex() + 2);
    }

    @Override
    public void drop(NetDevice dev, ByteBuf frame, DropReason reason) {
        Journey j = journey(frame, dev, false);
        if (j == null) {
            return;
        }
        String what = "dropped: " + reason.name()
                + (reason == DropReason.NETFILTER_DROP && lastRule != null ? " by " + lastRule : "");
        step(j, dev, what);
        j.dropped(reason, where(dev) + ": " + what);
        if (reason != DropReason.OTHERHOST) {
            j.decision("dropped: " + reason.name() + (reason == DropReason.NETFILTER_DROP && lastDecider != null
                    ? " by " + lastDecider : " at " + where(dev)));
        }
    }

    @Override
    public void vxlanEncap(NetDevice dev, ByteBuf frame, int vni, int local, int remote) {
        Journey j = journey(frame, dev, false);
        step(j, dev, "VXLAN: encapsulated, VNI " + vni + ", " + Ipv4Address.format(local) + " > "
                + Ipv4Address.format(remote) + " (udp/4789)");
        encapsulating = j;
    }

    @Override
    public void vxlanDecap(NetDevice dev, ByteBuf frame, int vni, int remote) {
        step(journey(frame, dev, false), dev, "VXLAN: decapsulated, VNI " + vni + ", from " + Ipv4Address.format(remote));
    }

    // ---- stack ---------------------------------------------------------------------------

    @Override
    public void route(NetDevice in, ByteBuf packet, int dst, NetDevice out, int nextHop, boolean local) {
        Journey j = journey(packet, out, in == null);
        String d = Ipv4Address.format(dst);
        step(j, in != null ? in : out, local ? "route " + d + ": local, delivered up the stack"
                : nextHop == dst ? "route " + d + " dev " + out.name() + " (on link)"
                : "route " + d + " via " + Ipv4Address.format(nextHop) + " dev " + out.name());
    }

    @Override
    public void neighbour(NetDevice dev, ByteBuf packet, int ip, NudState state) {
        String n = "neighbour " + Ipv4Address.format(ip) + " dev " + dev.name();
        step(journey(packet, dev, false), dev, state == null ? n + ": unknown, ARP request sent, packet queued"
                : state == NudState.INCOMPLETE ? n + ": INCOMPLETE, packet queued until ARP answers"
                : n + ": " + state.name());
    }

    @Override
    public void deliver(NetDevice dev, ByteBuf packet, int protocol, int port, Object socket) {
        Journey j = journey(packet, dev, false);
        if (j == null) {
            return;
        }
        if (socket instanceof dev.dockwire.link.UdpTunnel.Receiver) {
            // The VXLAN device's socket: the journey goes on inside, as the inner frame.
            step(j, dev, "handed to the VXLAN device's UDP socket on port " + port);
            return;
        }
        String what = switch (protocol) {
            case IpProtocol.TCP -> "delivered to the TCP socket on port " + port + owner(dev, "tcp", port)
                    + (socket instanceof dev.dockwire.socket.TcpListener ? " (listening)" : " (connected)");
            case IpProtocol.UDP -> "delivered to the UDP socket on port " + port + owner(dev, "udp", port);
            default -> socket == null ? "echo request: answered by the kernel (icmp_echo)"
                    : "delivered to the ping socket, id " + port;
        };
        step(j, dev, what);
        j.delivered(where(dev) + ": " + what);
        j.decision(where(dev) + ": " + what);
    }

    // ---- netfilter -----------------------------------------------------------------------

    @Override
    public void hookEntry(NfPacket p) {
        entryKey = p.buf == null ? null : PacketKey.of(p.buf);
        entrySport = p.sport;
        entryDport = p.dport;
        lastRule = null;
        lastDecider = null;
        natChain = null;
    }

    @Override
    public void table(NfPacket p, Table t, int verdict) {
        Chain c = p.verdictChain;
        if (c == null || p.buf == null) {
            return;
        }
        String rule;
        if (p.verdictRule < 0) {
            rule = t.name() + " " + c.name() + ": policy " + Verdict.name(verdict)
                    + " (" + c.policyPackets() + " packets, " + c.policyBytes() + " bytes)";
            lastDecider = t.name() + " " + c.name() + " policy " + Verdict.name(verdict);
        } else {
            Rule r = c.compiledRule(p.verdictRule);
            rule = t.name() + " " + c.name() + ": rule " + (p.verdictRule + 1) + " `-A " + c.name() + r.spec() + "`"
                    + " (" + r.packets() + " packets, " + r.bytes() + " bytes)";
            lastDecider = t.name() + " " + c.name() + " rule " + (p.verdictRule + 1) + " -A " + c.name() + r.spec();
        }
        if (t.name().equals("nat")) {
            natChain = c.name();
        }
        lastRule = rule;
        step(journey(p.buf, p.in != null ? p.in : p.out, false), p.in != null ? p.in : p.out,
                "netfilter " + Hook.values()[p.hook].name() + ": " + rule + (verdict >= 0 ? " → " + verdictName(verdict) : ""));
    }

    private static String verdictName(int v) {
        return v == Verdict.DROP ? "DROP" : v == Verdict.ACCEPT ? "ACCEPT" : v == Verdict.STOLEN ? "STOLEN" : String.valueOf(v);
    }

    @Override
    public void hookExit(NfPacket p, int verdict) {
        if (p.buf == null || entryKey == null) {
            return;
        }
        NetDevice dev = p.in != null ? p.in : p.out;
        Journey j = live.get(entryKey);
        if (j == null) {
            j = journey(p.buf, dev, false);
        }
        if (j == null) {
            return;
        }
        StringBuilder what = new StringBuilder();
        // nf_conntrack_in runs at PRE_ROUTING and LOCAL_OUT: that is where a packet's state is decided.
        boolean tracked = p.hook == Hook.PREROUTING.ordinal() || p.hook == Hook.OUTPUT.ordinal();
        if (tracked && p.ct != null && p.ctinfo != CtInfo.NONE) {
            what.append("conntrack ").append(ctState(p.ctinfo));
        }
        int src = p.src;
        int dst = p.dst;
        if (verdict == Verdict.ACCEPT && (src != entryKey.src() || dst != entryKey.dst()
                || p.sport != entrySport || p.dport != entryDport)) {
            boolean ports = p.protocol == IpProtocol.TCP || p.protocol == IpProtocol.UDP;
            // No nat chain decided: conntrack applied the connection's mapping (a reply's reverse NAT).
            String nat = "nat " + Hook.values()[p.hook].name() + (natChain != null ? " " + natChain : " (conntrack)") + ": ";
            if (dst != entryKey.dst() || p.dport != entryDport) {
                String d = "DNAT " + endpoint(entryKey.dst(), entryDport, ports) + " → " + endpoint(dst, p.dport, ports);
                what.append(what.length() > 0 ? "; " : "").append(d);
                j.decision(nat + d);
            }
            if (src != entryKey.src() || p.sport != entrySport) {
                String sn = "SNAT " + endpoint(entryKey.src(), entrySport, ports) + " → " + endpoint(src, p.sport, ports);
                what.append(what.length() > 0 ? "; " : "").append(sn);
                j.decision(nat + sn);
            }
            live.put(entryKey.withAddresses(src, dst), j);
        }
        if (what.length() > 0) {
            j.step(emulation.loop().nanos(), where(dev), "netfilter " + Hook.values()[p.hook].name() + ": " + what);
        }
        entryKey = null;
    }

    private static String endpoint(int addr, int port, boolean ports) {
        return Ipv4Address.format(addr) + (ports ? ":" + port : "");
    }

    private static String ctState(int ctinfo) {
        String s = switch (ctinfo % CtInfo.IS_REPLY) {
            case CtInfo.NEW -> "NEW";
            case CtInfo.RELATED -> "RELATED";
            default -> "ESTABLISHED";
        };
        return ctinfo >= CtInfo.IS_REPLY ? s + " (reply)" : s;
    }
}
