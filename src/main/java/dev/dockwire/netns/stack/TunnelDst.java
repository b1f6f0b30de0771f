package dev.dockwire.netns.stack;

import dev.dockwire.link.Frames;
import dev.dockwire.link.LinkType;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.UdpTunnel;
import dev.dockwire.netfilter.NfFlow;
import dev.dockwire.netfilter.NfHooks;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;

/**
 * One remote VTEP's output resolved once, as the kernel's {@code dst_cache} in a {@code vxlan_rdst}
 * keeps the route {@code vxlan_xmit_one} found (and the route its nexthop's neighbour): the output
 * device and the next hop's neighbour entry of an encapsulated datagram from {@code src} to
 * {@code dst}, recorded after the full output path ({@link Ipv4Stack#output}) sent one. A datagram
 * whose header fields are the recorded ones is sent in one step while what the answer depends on
 * holds (the FIB's generation, the namespace's addresses, the device up, the neighbour still in the
 * table and connected, no tracepoint listening, the path MTU): the IPv4 header,
 * the IP MIB's OutRequests, the identification and the neighbour's hardware header are those the full
 * path gives it, so the frame the device gets and every counter are the same (TunnelDstTest). Anything
 * else takes the full path, which records again. A hit stores only counters.
 *
 * <p>With netfilter hooks (every Docker host has dockerd's rules), the hooks' outcome is per outer
 * flow: the full path's LOCAL_OUT and POST_ROUTING leave a replay of their work for the datagram's UDP
 * ports ({@link NfHooks#localFlow}: the connection found and refreshed, the rule counters), kept here in
 * a few slots by ports, as the inner flows of one remote take different source ports; a datagram of a
 * flow whose replay holds is sent in one step with it, any other takes the full path.
 */
final class TunnelDst implements UdpTunnel.DstCache {
    /** Whether caches made from now on send in one step (tests compare a world without): {@code -Ddockwire.dstcache=false}. */
    static boolean enabled = !"false".equals(System.getProperty("dockwire.dstcache"));
    /** Slots of the outer flows' replays under hooks: 8, by the UDP ports' hash. */
    private static final int FLOW_SLOT_BITS = 3;
    private final Ipv4Stack stack;
    private final boolean on = enabled;
    /** Datagrams sent in one step (for tests and diagnostics). */
    long hits;
    private int src;
    private int dst;
    private int tos;
    private int ttl;
    private boolean df;
    private NetDevice out;
    private Neighbour neighbour;
    private int fibGeneration;
    private IfAddress[] addresses;
    private int removals;
    /** The namespace's hooks when the answer was recorded (null: none) and, with them, each outer flow's replay by its UDP ports. */
    private NfHooks hooks;
    private NfFlow[] flows;
    private int[] flowPorts;
    /** The replay the full path's hooks left for the datagram this cache is sending ({@link #hooked}). */
    private NfFlow hooked;

    TunnelDst(Ipv4Stack stack) {
        this.stack = stack;
    }

    @Override
    public boolean xmit(ByteBuf datagram, int src, int dst, int tos, int ttl, boolean df) {
        if (on && holds(datagram, src, dst, tos, ttl, df)) {
            int len = datagram.readableBytes() + Ipv4Packet.MIN_HEADER_LENGTH;
            NetDevice o = out;
            NfFlow f = hooks == null ? null : flow(datagram.getInt(datagram.readerIndex()));
            // Over the path MTU: fragments (or EMSGSIZE with DF), the full path; so is a flow whose replay does not hold.
            if ((hooks == null || f != null) && len <= stack.pmtu.mtu(dst, o.mtu(), stack.loop.nanos())
                    && (f == null || f.enter(datagram))) {
                // ip_build_and_send_pkt's header, the hooks' counters and neigh_hh_output's header, written
                // as Ipv4Stack.output, the hooks and transmit write and count them.
                int at = Frames.prepend(datagram, Ipv4Packet.MIN_HEADER_LENGTH);
                Ipv4Packet.write(datagram, at, tos, len, stack.takeIdent(), df ? Ipv4Packet.FLAG_DF : 0, ttl,
                        IpProtocol.UDP, src, dst);
                stack.counters().sent(len);
                if (f != null) {
                    f.leave(datagram);
                }
                EthernetFrame.write(datagram, Frames.prepend(datagram, EthernetFrame.HEADER_LENGTH), neighbour.mac,
                        o.mac(), EtherType.IPV4);
                hits++;
                o.transmit(datagram);
                return true;
            }
        }
        return fullPath(datagram, src, dst, tos, ttl, df);
    }

    /**
     * The full output path ({@link Ipv4Stack#xmit}), then its answer recorded. Out of line: inline, it took
     * {@link #xmit} past FreqInlineSize (325 bytecodes) and out of the encapsulation's compiled code.
     */
    private boolean fullPath(ByteBuf datagram, int src, int dst, int tos, int ttl, boolean df) {
        // The UDP header's ports (the driver wrote them): the outer flow the hooks' replay is for.
        int ports = datagram.readableBytes() >= 4 ? datagram.getInt(datagram.readerIndex()) : 0;
        boolean sent;
        hooked = null;
        stack.tunnelSending = this;
        try {
            sent = stack.xmit(datagram, src, dst, tos, ttl, df);
        } finally {
            stack.tunnelSending = null;
        }
        record(src, dst, tos, ttl, df, ports);
        return sent;
    }

    /** Told by the full path, after POST_ROUTING accepted this cache's datagram: the hooks' replay for its flow, or null. */
    void hooked(NfFlow f) {
        hooked = f;
        stack.tunnelSending = null; // the first datagram hooked is this cache's: no other one's replay is taken for it
    }

    /** The replay of the outer flow with UDP ports {@code ports} (source in the high half), or null. */
    private NfFlow flow(int ports) {
        int slot = flowSlot(ports);
        NfFlow[] f = flows;
        return f != null && flowPorts[slot] == ports ? f[slot] : null;
    }

    private static int flowSlot(int ports) {
        return (ports * 0x9E37_79B9) >>> (32 - FLOW_SLOT_BITS);
    }

    /** Whether the recorded answer holds for these arguments and {@code datagram} (headroom for both headers, not GSO). */
    private boolean holds(ByteBuf datagram, int src, int dst, int tos, int ttl, boolean df) {
        NetDevice o = out;
        Neighbour n = neighbour;
        StackNet ns = stack.ns;
        return o != null && src == this.src && dst == this.dst && tos == this.tos && ttl == this.ttl && df == this.df
                && ns.fib().generation() == fibGeneration && ns.addressArray() == addresses && o.isUp()
                && ns.neighbours().removals() == removals
                && (n.state == NudState.REACHABLE || n.state == NudState.PERMANENT)
                && ns.nfHooks() == hooks && stack.probe() == StackProbe.OFF && !Frames.isGso(datagram)
                && datagram.readerIndex() >= EthernetFrame.HEADER_LENGTH + Ipv4Packet.MIN_HEADER_LENGTH;
    }

    /**
     * After the full path sent a datagram from {@code src} to {@code dst}: records its answer when
     * one step could repeat it (a unicast route out of a device that is not loopback, cacheable, a
     * connected neighbour, no tracepoint), else forgets the last one; with hooks, the replay they left for
     * the flow of UDP ports {@code ports} in its slot.
     */
    private void record(int src, int dst, int tos, int ttl, boolean df, int ports) {
        out = null;
        neighbour = null;
        addresses = null;
        NfFlow f = hooked;
        hooked = null;
        StackNet ns = stack.ns;
        NfHooks h = ns.nfHooks();
        if (h != null) {
            // The replay is of this datagram's flow (the hooks recorded it as LOCAL_OUT saw it: no NAT).
            boolean mine = f != null && f.src() == src && f.dst() == dst && (f.sport() << 16 | f.dport()) == ports;
            if (flows == null) {
                flows = new NfFlow[1 << FLOW_SLOT_BITS];
                flowPorts = new int[1 << FLOW_SLOT_BITS];
            }
            int slot = flowSlot(ports);
            flows[slot] = mine ? f : null;
            flowPorts[slot] = ports;
        }
        hooks = h;
        if (stack.probe() != StackProbe.OFF || ns.isLocal(dst) || ns.isBroadcast(dst)) {
            return;
        }
        Fib fib = ns.fib();
        Route r = fib.lookup(dst);
        if (r == null || !fib.lastLookupCacheable() || r.dev() == null || r.dev().type() == LinkType.LOOPBACK) {
            return;
        }
        Neighbour n = ns.neighbours().get(r.dev(), r.nextHop(dst));
        if (n == null || (n.state != NudState.REACHABLE && n.state != NudState.PERMANENT)) {
            return;
        }
        this.src = src;
        this.dst = dst;
        this.tos = tos;
        this.ttl = ttl;
        this.df = df;
        this.out = r.dev();
        this.neighbour = n;
        this.fibGeneration = fib.generation();
        this.addresses = ns.addressArray();
        this.removals = ns.neighbours().removals();
    }
}
