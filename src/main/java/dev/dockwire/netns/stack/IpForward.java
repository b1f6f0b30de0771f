package dev.dockwire.netns.stack;

import dev.dockwire.link.Backlog;
import dev.dockwire.link.DropReason;
import dev.dockwire.link.Frames;
import dev.dockwire.link.Gso;
import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.NfHooks;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;

/**
 * ip_forward of one namespace's {@link Ipv4Stack}, made by the first packet it forwards (a container
 * never forwards), with the flows it forwards in one step once established ({@link FlowTable}, made
 * by the first it can offload unless {@code -Ddockwire.flowtable=false}).
 */
final class IpForward {
    private final Ipv4Stack stack;
    private FlowTable flows;

    IpForward(Ipv4Stack stack) {
        this.stack = stack;
    }

    /** An established flow's packet forwarded in one step ({@link FlowTable#forward}); false (nothing done) for any other. */
    boolean offloaded(NetDevice in, ByteBuf packet, long dstMac, NfHooks nf) {
        FlowTable t = flows;
        return t != null && t.forward(in, packet, dstMac, nf);
    }

    /** Packets the flow table forwarded in one step (0 without one). */
    long offloads() {
        return flows == null ? 0 : flows.hits;
    }

    /**
     * ip_forward: TTL, route, MTU, then out through the neighbour layer. A datagram over the
     * MTU is refused with ICMP fragmentation needed when it has DF (or was reassembled from
     * fragments larger than the MTU, ip_exceeds_mtu), else fragmented after POST_ROUTING; a
     * reassembled datagram ({@code fragMax} > 0) leaves in fragments no larger than it came in.
     */
    void forward(NetDevice in, ByteBuf packet, int fragMax, Route cached) {
        Ipv4Stack s = stack;
        int off = packet.readerIndex();
        if (Ipv4Packet.ttl(packet, off) <= 1) {
            s.icmp.error(packet, IcmpPacket.TYPE_TIME_EXCEEDED, IcmpPacket.CODE_TTL_EXCEEDED, 0);
            s.drop(in, packet, DropReason.TTL_EXPIRED);
            return;
        }
        int dst = Ipv4Packet.dst(packet, off);
        Route r = cached != null ? cached : s.lookupForward(dst);
        if (r == null) {
            s.counters().inNoRoutes++; // ip_error's ENETUNREACH
            s.icmp.error(packet, IcmpPacket.TYPE_DEST_UNREACHABLE, IcmpPacket.CODE_NET_UNREACHABLE, 0);
            s.drop(in, packet, DropReason.IP_INNOROUTES);
            return;
        }
        NetDevice out = r.dev();
        int nh = r.nextHop(dst);
        s.probe().route(in, packet, dst, out, nh, false);
        int mtu = out.mtu();
        // ip_exceeds_mtu: a GSO packet is measured by its segments (skb_gso_validate_network_len).
        int len = Frames.isGso(packet) ? Gso.networkSegmentLength(packet, off) : Ipv4Packet.totalLength(packet, off);
        if (len > mtu && (Ipv4Packet.flagsFrag(packet, off) & Ipv4Packet.FLAG_DF) != 0 && (fragMax == 0 || fragMax > mtu)) {
            s.counters().fragFails++;
            s.icmp.error(packet, IcmpPacket.TYPE_DEST_UNREACHABLE, IcmpPacket.CODE_FRAG_NEEDED, mtu);
            s.drop(out, packet, DropReason.PKT_TOO_BIG);
            return;
        }
        Ipv4Packet.decrementTtl(packet, off);
        StackNet ns = s.ns;
        NfHooks nf = ns.nfHooks();
        if (nf != null && !(nf.forward(in, out, packet) && nf.postRouting(in, out, packet))) {
            return;
        }
        s.counters().forwarded(Ipv4Packet.totalLength(packet, packet.readerIndex()));
        if (len > mtu || fragMax > 0) {
            boolean keepDf = (Ipv4Packet.flagsFrag(packet, packet.readerIndex()) & Ipv4Packet.FLAG_DF) != 0;
            s.fragmentOut(packet, fragMax > 0 ? Math.min(mtu, fragMax) : mtu, keepDf,
                    f -> ns.neighbours().output(out, nh, f));
            return;
        }
        if (nf != null && FlowTable.enabled) {
            // The hooks' outcome as the flow's next packets' step, before the packet goes (and with it what they recorded).
            FlowTable t = flows;
            if (t == null) {
                flows = t = new FlowTable(s);
            }
            t.record(in, out, nh, packet, nf);
        }
        // Forwarded, not answered (unless back out of its ingress device, towards its sender): as after a
        // bridge's forward, the next device may receive it at once when this receive came straight from a
        // sender's transmit (Backlog.netifRx).
        Backlog backlog = ns.lo().backlog();
        backlog.forwarding(out != in);
        try {
            ns.neighbours().output(out, nh, packet);
        } finally {
            backlog.forwarding(false);
        }
    }
}
