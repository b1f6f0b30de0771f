package dev.dockwire.netfilter.ipv4;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.FlowWalks;
import dev.dockwire.netfilter.conntrack.Conntrack;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;

/**
 * Established UDP flows a namespace receives for itself, each direction's PRE_ROUTING and LOCAL_IN
 * replayed in one step as {@link LocalFlow} replays a sent one's LOCAL_OUT and POST_ROUTING: an entry
 * per flow, keyed by the input device and the tuple as the packet arrives, made after the full hooks
 * accepted a packet of it for local delivery ({@link #record}) and holding while the tables' commit
 * generation, the connection's status (DYING once killed or flushed, no event pending) and the input
 * device's name ({@code -i}) are as recorded, and the connection has no NAT. {@link #preRouting} then
 * does what PRE_ROUTING does that one can observe (conntrack's lookup refreshing the connection, as
 * Conntrack.udpFound; the rule counters of its walks) and {@link #localIn} what LOCAL_IN does (the
 * rule counters; confirming a confirmed connection without events does nothing). The kernel walks its
 * hooks for every packet (nf_hook_slow); a VXLAN host's underlay datagrams are such a flow.
 * Direct-mapped and preallocated: a hit stores only counters and an int.
 */
final class LocalInFlows {
    private static final int SIZE = 16;
    private final Entry[] entries = new Entry[SIZE];
    private final Netfilter owner;
    private final Conntrack conntrack;
    /** The slot PRE_ROUTING just replayed for the packet now on its way to LOCAL_IN, or -1. */
    private int replayed = -1;
    /** Packets whose PRE_ROUTING was replayed (for tests and diagnostics). */
    long hits;

    private static final class Entry {
        NetDevice in;
        String inName;
        int src;
        int dst;
        int ports;
        Conn ct;
        int status;
        int generation;
        /** Whether {@link #pre} and {@link #local} count anything: Docker's hooks walk no rule for an established flow, and a hit then reads neither. */
        boolean preCounts;
        boolean localCounts;
        final FlowWalks pre = new FlowWalks();
        final FlowWalks local = new FlowWalks();
    }

    LocalInFlows(Netfilter owner, Conntrack conntrack) {
        this.owner = owner;
        this.conntrack = conntrack;
        for (int i = 0; i < SIZE; i++) {
            entries[i] = new Entry();
        }
    }

    private static int slot(NetDevice in, int src, int dst, int ports) {
        int h = (src * 31 + dst) * 31 + ports + in.ifindex();
        h *= 0x9E37_79B9;
        return h >>> 28;
    }

    /**
     * PRE_ROUTING for {@code packet} (reader index at its IPv4 header) in one step when an entry of its
     * flow holds: the connection refreshed and the walks counted; false, with nothing changed, otherwise.
     */
    boolean preRouting(NetDevice in, ByteBuf packet) {
        replayed = -1;
        int off = packet.readerIndex();
        if (packet.writerIndex() - off < Ipv4Packet.MIN_HEADER_LENGTH + 8) {
            return false;
        }
        long w = packet.getLong(off);
        // TTL, protocol, header checksum and source in one read.
        long w8 = packet.getLong(off + Ipv4Packet.TTL);
        // Version 4, no options, not a fragment, UDP.
        if ((int) (w >>> 56) != 0x45 || ((int) w & (Ipv4Packet.FLAG_MF | Ipv4Packet.FRAG_OFFSET_MASK)) != 0
                || ((int) (w8 >>> 48) & 0xFF) != IpProtocol.UDP) {
            return false;
        }
        int src = (int) w8;
        int dst = packet.getInt(off + Ipv4Packet.DST);
        int ports = packet.getInt(off + Ipv4Packet.MIN_HEADER_LENGTH);
        int s = slot(in, src, dst, ports);
        Entry e = entries[s];
        Conn c = e.ct;
        if (c == null || e.in != in || e.src != src || e.dst != dst || e.ports != ports
                || e.generation != owner.generation() || c.status != e.status || c.events != 0
                || in.name() != e.inName || !conntrack.udpFound(c)) {
            return false;
        }
        if (e.preCounts) {
            e.pre.count((int) (w >>> 32) & 0xFFFF);
        }
        replayed = s;
        hits++;
        return true;
    }

    /** The packet PRE_ROUTING saw was not replayed (a tracepoint listens): its LOCAL_IN takes the full hooks. */
    void forget() {
        replayed = -1;
    }

    /** LOCAL_IN for the packet {@link #preRouting} just replayed: its walks counted; false (nothing done) for any other. */
    boolean localIn(ByteBuf packet) {
        int s = replayed;
        if (s < 0) {
            return false;
        }
        replayed = -1;
        Entry e = entries[s];
        if (e.localCounts) {
            e.local.count(Ipv4Packet.totalLength(packet, packet.readerIndex()));
        }
        return true;
    }

    /**
     * After the full hooks accepted a packet for local delivery: the entry of its flow ({@code src},
     * {@code dst}, {@code ports} as it arrived on {@code in}), its connection {@code c} as tracking left
     * it, the walks of PRE_ROUTING ({@code pre}) and LOCAL_IN ({@code local}).
     */
    void record(NetDevice in, int src, int dst, int ports, Conn c, int generation, FlowWalks pre, FlowWalks local) {
        Entry e = entries[slot(in, src, dst, ports)];
        e.in = in;
        e.inName = in.name();
        e.src = src;
        e.dst = dst;
        e.ports = ports;
        e.ct = c;
        e.status = c.status;
        e.generation = generation;
        e.pre.copy(pre);
        e.local.copy(local);
        e.preCounts = !pre.isEmpty();
        e.localCounts = !local.isEmpty();
    }
}
