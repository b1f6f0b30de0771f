package dev.dockwire.netns.stack;

import dev.dockwire.link.Frames;
import dev.dockwire.link.LinkType;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.UdpTunnel;
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
 * table and connected, no netfilter hooks, no tracepoint listening, the path MTU): the IPv4 header,
 * the IP MIB's OutRequests, the identification and the neighbour's hardware header are those the full
 * path gives it, so the frame the device gets and every counter are the same (TunnelDstTest). Anything
 * else takes the full path, which records again. A hit stores only counters.
 */
final class TunnelDst implements UdpTunnel.DstCache {
    /** Whether caches made from now on send in one step (tests compare a world without): {@code -Ddockwire.dstcache=false}. */
    static boolean enabled = !"false".equals(System.getProperty("dockwire.dstcache"));
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

    TunnelDst(Ipv4Stack stack) {
        this.stack = stack;
    }

    @Override
    public boolean xmit(ByteBuf datagram, int src, int dst, int tos, int ttl, boolean df) {
        if (on && holds(datagram, src, dst, tos, ttl, df)) {
            int len = datagram.readableBytes() + Ipv4Packet.MIN_HEADER_LENGTH;
            NetDevice o = out;
            if (len <= stack.pmtu.mtu(dst, o.mtu(), stack.loop.nanos())) {
                // ip_build_and_send_pkt's header and neigh_hh_output's, written as Ipv4Stack.output and
                // transmit write them, after one move of the reader index.
                int at = Frames.prepend(datagram, EthernetFrame.HEADER_LENGTH + Ipv4Packet.MIN_HEADER_LENGTH);
                EthernetFrame.write(datagram, at, neighbour.mac, o.mac(), EtherType.IPV4);
                Ipv4Packet.write(datagram, at + EthernetFrame.HEADER_LENGTH, tos, len, stack.takeIdent(),
                        df ? Ipv4Packet.FLAG_DF : 0, ttl, IpProtocol.UDP, src, dst);
                stack.counters().sent(len);
                hits++;
                o.transmit(datagram);
                return true;
            }
            // Over the path MTU: fragments (or EMSGSIZE with DF), the full path.
        }
        boolean sent = stack.xmit(datagram, src, dst, tos, ttl, df);
        record(src, dst, tos, ttl, df);
        return sent;
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
                && ns.nfHooks() == null && stack.probe() == StackProbe.OFF && !Frames.isGso(datagram)
                && datagram.readerIndex() >= EthernetFrame.HEADER_LENGTH + Ipv4Packet.MIN_HEADER_LENGTH;
    }

    /**
     * After the full path sent a datagram from {@code src} to {@code dst}: records its answer when
     * one step could repeat it (a unicast route out of a device that is not loopback, cacheable, a
     * connected neighbour, no hooks, no tracepoint), else forgets the last one.
     */
    private void record(int src, int dst, int tos, int ttl, boolean df) {
        out = null;
        neighbour = null;
        addresses = null;
        StackNet ns = stack.ns;
        if (ns.nfHooks() != null || stack.probe() != StackProbe.OFF || ns.isLocal(dst) || ns.isBroadcast(dst)) {
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
