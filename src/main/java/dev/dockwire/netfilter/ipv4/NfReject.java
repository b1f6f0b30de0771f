package dev.dockwire.netfilter.ipv4;

import dev.dockwire.link.Frames;
import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.TcpSegment;
import dev.dockwire.wire.UdpPacket;
import io.netty.buffer.ByteBuf;

/**
 * The answers REJECT sends (nf_reject_ipv4.c): nothing for a non-first fragment or a packet whose
 * transport checksum is wrong; for {@code tcp-reset} a bare RST from the offending packet's
 * destination to its source, acknowledging its sequence space unless it carried an ACK itself,
 * never in answer to a RST.
 */
final class NfReject {
    private final Ipv4Packet ip = new Ipv4Packet();
    private final TcpSegment tcp = new TcpSegment();
    private final UdpPacket udp = new UdpPacket();

    /** nf_reject_verify_csum + nf_ip_checksum: may an ICMP error be sent about {@code packet}? */
    boolean unreachableAllowed(ByteBuf packet) {
        Ipv4Packet p = ip.wrap(packet, packet.readerIndex());
        if (p.fragmentOffset() != 0) {
            return false;
        }
        return switch (p.protocol()) {
            case IpProtocol.TCP -> p.payloadLength() >= TcpSegment.MIN_HEADER_LENGTH
                    && (Frames.checksumPartial(packet) // nf_ip_checksum trusts CHECKSUM_PARTIAL
                    || tcp.wrap(packet, p.payloadOffset(), p.payloadLength()).verifyChecksum(p.src(), p.dst()));
            case IpProtocol.UDP -> udp.wrapChecked(packet, p.payloadOffset(), p.payloadLength())
                    && (Frames.checksumPartial(packet) || udp.verifyChecksum(p.src(), p.dst()));
            default -> true;
        };
    }

    /**
     * nf_reject_ip_tcphdr_get + nf_reject_ip_tcphdr_put: the RST segment (transport bytes only)
     * answering {@code packet}, or null when none is due.
     */
    ByteBuf tcpReset(ByteBuf packet) {
        Ipv4Packet p = ip.wrap(packet, packet.readerIndex());
        if (p.fragmentOffset() != 0 || p.protocol() != IpProtocol.TCP) {
            return null;
        }
        int len = p.payloadLength();
        if (!tcp.wrapChecked(packet, p.payloadOffset(), len) || tcp.rst()
                || !Frames.checksumPartial(packet) && !tcp.verifyChecksum(p.src(), p.dst())) {
            return null;
        }
        int seq;
        int ack;
        int flags = TcpSegment.FLAG_RST;
        if (tcp.ackFlag()) {
            seq = tcp.ack();
            ack = 0;
        } else {
            seq = 0;
            ack = tcp.seq() + (tcp.syn() ? 1 : 0) + (tcp.fin() ? 1 : 0) + len - tcp.headerLength();
            flags |= TcpSegment.FLAG_ACK;
        }
        ByteBuf seg = Frames.allocate(TcpSegment.MIN_HEADER_LENGTH);
        seg.writerIndex(seg.readerIndex() + TcpSegment.MIN_HEADER_LENGTH);
        // CHECKSUM_PARTIAL as nf_reject_ip_tcphdr_put leaves it: only the pseudo-header sum (tcpdump
        // on the bridge: "incorrect"); the device, or skb_checksum_help before one without it, completes it.
        new TcpSegment().wrap(seg, seg.readerIndex(), TcpSegment.MIN_HEADER_LENGTH)
                .set(tcp.dstPort(), tcp.srcPort(), seq, ack, TcpSegment.MIN_HEADER_LENGTH, flags, 0, 0)
                .checksum(Checksum.fold(Checksum.pseudoHeader(p.dst(), p.src(), IpProtocol.TCP, TcpSegment.MIN_HEADER_LENGTH)));
        Frames.checksumPartial(seg, seg.readerIndex(), TcpSegment.CHECKSUM);
        return seg;
    }
}
