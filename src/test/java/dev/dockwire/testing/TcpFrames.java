package dev.dockwire.testing;

import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.TcpSegment;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/** The TCP/IPv4 frames of a capture, decoded for end-to-end checks of GSO. */
public final class TcpFrames {
    /**
     * One TCP frame: addresses, ports, the frame's length, payload length, seq/ack, and whether its
     * checksum is complete ({@code full}) or holds only the pseudo-header sum ({@code partial}), as
     * tcpdump -vv tells "correct" from "incorrect" on a host that offloads.
     */
    public record Tcp(String iface, int src, int sport, int dst, int dport, int frameLength, int payload, int seq, int ack,
                      int flags, boolean full, boolean partial) {
    }

    private TcpFrames() {
    }

    public static List<Tcp> of(MemoryCapture capture) {
        List<Tcp> out = new ArrayList<>();
        for (MemoryCapture.Frame f : capture.frames) {
            ByteBuf b = Unpooled.wrappedBuffer(f.bytes());
            EthernetFrame eth = new EthernetFrame();
            if (!eth.wrapChecked(b) || eth.etherType() != EtherType.IPV4) {
                continue;
            }
            Ipv4Packet ip = new Ipv4Packet().wrap(b, eth.payloadOffset());
            if (ip.protocol() != IpProtocol.TCP || !ip.verifyChecksum()) {
                continue;
            }
            TcpSegment t = new TcpSegment().wrap(b, ip.payloadOffset(), ip.payloadLength());
            int len = ip.payloadLength();
            long pseudo = Checksum.pseudoHeader(ip.src(), ip.dst(), IpProtocol.TCP, len);
            boolean partial = t.checksum() == Checksum.fold(pseudo);
            out.add(new Tcp(f.iface(), ip.src(), t.srcPort(), ip.dst(), t.dstPort(), f.bytes().length, t.payloadLength(),
                    t.seq(), t.ack(), t.flags(), t.verifyChecksum(ip.src(), ip.dst()), partial));
        }
        return out;
    }
}
