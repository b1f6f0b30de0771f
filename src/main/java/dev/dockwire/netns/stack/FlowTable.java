package dev.dockwire.netns.stack;

import dev.dockwire.link.Backlog;
import dev.dockwire.link.Frames;
import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.NfFlow;
import dev.dockwire.netfilter.NfHooks;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.MacAddress;
import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Established forwarded flows in one step, as the kernel's flowtable fast path forwards them
 * (nf_flow_table_ip.c, nf_flow_offload_ip_hook): an entry per flow direction, keyed by the input
 * device and the tuple as the packet arrives, holds the output device, the next hop's neighbour
 * entry and the netfilter half ({@link NfFlow}: conntrack refresh, NAT, rule counters); a packet
 * that matches is checked against what the entry depends on (the FIB's generation, the namespace's
 * addresses, the devices up, the neighbour still connected and in the table, the MTU, the TTL, no
 * tracepoint listening, then netfilter's own checks) and forwarded: TTL, counters, rewrite, the
 * neighbour's hardware header, the output device. Anything else takes ip_forward, the slow path, which
 * makes or remakes the entry ({@link #record}) once its hooks could be replayed. Docker's hosts do not
 * load flowtables, so the step does everything the slow path does that one can see (the IP MIB, the
 * conntrack timeout and counters, the rule and policy counters, the rewritten bytes, the frame the output
 * device gets); {@code FlowTableTest} drives one world with it and one without and compares them.
 * Direct-mapped and preallocated: a hit stores only counters.
 */
final class FlowTable {
    /** Whether stacks made from now on offload (tests compare a world without): {@code -Ddockwire.flowtable=false}. */
    static boolean enabled = !"false".equals(System.getProperty("dockwire.flowtable"));
    private static final int SIZE = 64;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** The bytes the key is read from: a 20-byte IPv4 header and the UDP ports behind it. */
    private static final int KEY = Ipv4Packet.MIN_HEADER_LENGTH + 4;
    private final Entry[] entries = new Entry[SIZE];
    private final Ipv4Stack stack;
    /** Packets forwarded in one step (for tests and diagnostics). */
    long hits;

    private static final class Entry {
        NetDevice in;
        int protocol;
        int src;
        int dst;
        int ports;
        NfFlow nf;
        NfHooks hooks;
        NetDevice out;
        Neighbour neighbour;
        int removals;
        int fibGeneration;
        IfAddress[] addresses;
    }

    FlowTable(Ipv4Stack stack) {
        this.stack = stack;
        for (int i = 0; i < SIZE; i++) {
            entries[i] = new Entry();
        }
    }

    private static int slot(NetDevice in, int src, int dst, int ports) {
        int h = (src * 31 + dst) * 31 + ports + in.ifindex();
        h *= 0x9E37_79B9;
        return h >>> 26;
    }

    /**
     * Forwards {@code packet} (reader index at its IPv4 header, checksum verified, counted as received)
     * that arrived on {@code in} for {@code dstMac} in one step when an entry matches and holds; false,
     * with nothing changed, otherwise.
     */
    boolean forward(NetDevice in, ByteBuf packet, long dstMac, NfHooks hooks) {
        int off = packet.readerIndex();
        long w;
        long w8;
        int dst;
        int ports;
        byte[] a = null;
        int i = 0;
        if (packet.hasArray() && (off | (packet.capacity() - KEY - off)) >= 0) {
            // A heap frame: its array read (and its TTL patched) after one bounds check, where Netty checks each access.
            a = packet.array();
            i = packet.arrayOffset() + off;
            w = (long) LONG.get(a, i);
            w8 = (long) LONG.get(a, i + Ipv4Packet.TTL);
            dst = (int) INT.get(a, i + Ipv4Packet.DST);
            ports = (int) INT.get(a, i + Ipv4Packet.MIN_HEADER_LENGTH);
        } else {
            w = packet.getLong(off);
            // TTL, protocol, header checksum and source in one read.
            w8 = packet.getLong(off + Ipv4Packet.TTL);
            dst = packet.getInt(off + Ipv4Packet.DST);
            ports = packet.getInt(off + Ipv4Packet.MIN_HEADER_LENGTH);
        }
        // Version 4, no options; not a fragment; TTL left to decrement; UDP.
        if ((int) (w >>> 56) != 0x45 || ((int) w & (Ipv4Packet.FLAG_MF | Ipv4Packet.FRAG_OFFSET_MASK)) != 0
                || (int) (w8 >>> 56) <= 1 || ((int) (w8 >>> 48) & 0xFF) != IpProtocol.UDP) {
            return false;
        }
        int len = (int) (w >>> 32) & 0xFFFF;
        if (len < Ipv4Packet.MIN_HEADER_LENGTH + 8) {
            return false;
        }
        int src = (int) w8;
        Entry e = entries[slot(in, src, dst, ports)];
        NetDevice out = e.out;
        Neighbour n = e.neighbour;
        StackNet ns = stack.ns;
        if (e.in != in || e.src != src || e.dst != dst || e.ports != ports || e.protocol != IpProtocol.UDP
                || e.hooks != hooks || MacAddress.isMulticast(dstMac)
                || e.fibGeneration != ns.fib().generation() || e.addresses != ns.addressArray() || !out.isUp()
                || len > out.mtu() || Frames.isGso(packet) || stack.probe() != StackProbe.OFF
                || e.removals != ns.neighbours().removals()
                || (n.state != NudState.REACHABLE && n.state != NudState.PERMANENT)
                || !e.nf.enter(packet)) {
            return false;
        }
        // ip_forward's order, as the slow path: DNAT (enter), the TTL, then FORWARD and POST_ROUTING (leave).
        // The header checksum's update for the TTL takes NAT's address change too (enter and leave leave it).
        long natSum = e.nf.ipHeaderSum();
        if (a != null) {
            Ipv4Packet.decrementTtl(a, i, natSum);
        } else {
            Ipv4Packet.decrementTtl(packet, off, natSum);
        }
        e.nf.leave(packet);
        stack.counters().forwarded(len);
        hits++;
        Backlog backlog = ns.lo().backlog();
        backlog.forwarding(out != in);
        try {
            stack.transmit(out, n.mac, packet);
        } finally {
            backlog.forwarding(false);
        }
        return true;
    }

    /**
     * After the slow path's hooks accepted {@code packet} for forwarding from {@code in} to {@code out}
     * towards next hop {@code nextHop}, before it goes out: makes (or remakes) the entry of its flow when
     * netfilter can replay its hooks and the next hop's neighbour entry is connected.
     */
    void record(NetDevice in, NetDevice out, int nextHop, ByteBuf packet, NfHooks hooks) {
        StackNet ns = stack.ns;
        Neighbour n = ns.neighbours().get(out, nextHop);
        if (n == null || (n.state != NudState.REACHABLE && n.state != NudState.PERMANENT)
                || stack.probe() != StackProbe.OFF || Frames.isGso(packet)
                || Ipv4Packet.headerLength(packet, packet.readerIndex()) != Ipv4Packet.MIN_HEADER_LENGTH) {
            return;
        }
        NfFlow nf = hooks.flowOffload(packet);
        if (nf == null) {
            return;
        }
        int ports = nf.sport() << 16 | nf.dport();
        Entry e = entries[slot(in, nf.src(), nf.dst(), ports)];
        e.in = in;
        e.protocol = nf.protocol();
        e.src = nf.src();
        e.dst = nf.dst();
        e.ports = ports;
        e.nf = nf;
        e.hooks = hooks;
        e.out = out;
        e.neighbour = n;
        e.removals = ns.neighbours().removals();
        e.fibGeneration = ns.fib().generation();
        e.addresses = ns.addressArray();
    }
}
