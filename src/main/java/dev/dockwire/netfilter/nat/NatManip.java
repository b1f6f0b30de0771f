package dev.dockwire.netfilter.nat;

import dev.dockwire.link.Frames;
import dev.dockwire.netfilter.IcmpTypes;
import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;

/**
 * Rewrites a packet for NAT as nf_nat_ipv4_manip_pkt does: the transport part first (port or
 * ICMP identifier, with the checksum patched for the port and for the pseudo-header address
 * (RFC 1624), a UDP checksum of zero left alone and a result of zero sent as 0xFFFF), then the
 * IPv4 address with its header checksum patched. Works on a packet and on the header an ICMP
 * error quotes, where the transport header may be cut short.
 */
final class NatManip {
    /**
     * Rewrites the source ({@code src}) or destination address to {@code addr} and the matching
     * port (or ICMP identifier) to {@code port} in the IPv4 packet at {@code off}, whose bytes end
     * at {@code end}; with {@code l4} false only the address changes.
     */
    void manip(ByteBuf buf, int off, int end, boolean src, int addr, int port, boolean l4) {
        // Read and patched in place: every packet of a NATed flow comes here.
        int old = src ? Ipv4Packet.src(buf, off) : Ipv4Packet.dst(buf, off);
        int t = off + Ipv4Packet.headerLength(buf, off);
        int avail = end - t;
        if (l4 && (Ipv4Packet.flagsFrag(buf, off) & Ipv4Packet.FRAG_OFFSET_MASK) == 0) {
            switch (Ipv4Packet.protocol(buf, off)) {
                case IpProtocol.TCP -> tcp(buf, t, avail, src, old, addr, avail < 4 ? 0 : buf.getUnsignedShort(t + (src ? 0 : 2)), port);
                case IpProtocol.UDP -> udp(buf, t, avail, src, old, addr, avail < 8 ? 0 : buf.getUnsignedShort(t + (src ? 0 : 2)), port);
                case IpProtocol.ICMP -> icmp(buf, t, avail, port);
                default -> {
                }
            }
        }
        if (old != addr) {
            if (src) {
                Ipv4Packet.rewriteSrc(buf, off, addr);
            } else {
                Ipv4Packet.rewriteDst(buf, off, addr);
            }
        }
    }

    /**
     * {@link #manip} of a whole TCP or UDP datagram (or a first fragment) whose header the hooks
     * parsed, as every packet of a NATed flow is: its address {@code oldAddr} and port
     * {@code oldPort} are known, so only the two checksums are read.
     */
    void ports(ByteBuf buf, int off, int t, int end, int proto, boolean src, int oldAddr, int addr, int oldPort, int port) {
        if (proto == IpProtocol.TCP) {
            tcp(buf, t, end - t, src, oldAddr, addr, oldPort, port);
        } else {
            udp(buf, t, end - t, src, oldAddr, addr, oldPort, port);
        }
        if (oldAddr != addr) {
            int at = off + (src ? Ipv4Packet.SRC : Ipv4Packet.DST);
            buf.setInt(at, addr);
            int sum = off + Ipv4Packet.CHECKSUM;
            buf.setShort(sum, Checksum.update32(buf.getUnsignedShort(sum), oldAddr, addr));
        }
    }

    private static void tcp(ByteBuf buf, int t, int avail, boolean src, int oldAddr, int addr, int oldPort, int port) {
        if (avail < 4) {
            return;
        }
        int at = t + (src ? 0 : 2);
        if (avail >= 20) {
            int c = buf.getUnsignedShort(t + 16);
            if (Frames.checksumPartial(buf)) {
                // inet_proto_csum_replace4/2 on CHECKSUM_PARTIAL: the field holds the pseudo-header
                // sum, not complemented; the address is in it, the port is not.
                c = ~Checksum.update32(~c & 0xFFFF, oldAddr, addr) & 0xFFFF;
            } else {
                c = Checksum.update32(c, oldAddr, addr);
                c = Checksum.update16(c, oldPort, port);
            }
            buf.setShort(t + 16, c);
        }
        buf.setShort(at, port);
    }

    private static void udp(ByteBuf buf, int t, int avail, boolean src, int oldAddr, int addr, int oldPort, int port) {
        if (avail < 8) {
            return;
        }
        int at = t + (src ? 0 : 2);
        int c = buf.getUnsignedShort(t + 6);
        if (Frames.checksumPartial(buf)) {
            // __udp_manip_pkt on CHECKSUM_PARTIAL: as for TCP, only the address is in the pseudo-header
            // sum; CSUM_MANGLED_0 as for a full sum.
            c = ~Checksum.update32(~c & 0xFFFF, oldAddr, addr) & 0xFFFF;
            buf.setShort(t + 6, c == 0 ? 0xFFFF : c);
        } else if (c != 0) {
            c = Checksum.update32(c, oldAddr, addr);
            c = Checksum.update16(c, oldPort, port);
            buf.setShort(t + 6, c == 0 ? 0xFFFF : c);
        }
        buf.setShort(at, port);
    }

    private static void icmp(ByteBuf buf, int t, int avail, int id) {
        if (avail < 8 || !IcmpTypes.hasId(buf.getUnsignedByte(t))) {
            return;
        }
        int old = buf.getUnsignedShort(t + 4);
        buf.setShort(t + 2, Checksum.update16(buf.getUnsignedShort(t + 2), old, id));
        buf.setShort(t + 4, id);
    }
}
