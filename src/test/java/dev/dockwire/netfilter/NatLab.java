package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.link.Frames;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.MemoryCapture;
import dev.dockwire.testing.TcpChecksums;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.TcpSegment;
import dev.dockwire.wire.UdpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A router between two LANs, built through the kernel seam: clients {@code a} (10.0.0.2) and
 * {@code b} (10.0.0.3) on br0 behind router {@code r} (eth0 10.0.0.1, eth1 10.1.0.1, forwarding
 * on), server {@code c} (10.1.0.2) on br1. {@link #capture} records what crosses r's two legs.
 */
final class NatLab {
    final TestNet net;
    final MemoryCapture capture = new MemoryCapture();

    NatLab(long seed, boolean gatewayOnServer) {
        net = new TestNet(seed);
        net.bridge("br0", null);
        net.bridge("br1", null);
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("b", "br0", "10.0.0.3/24", "10.0.0.1");
        net.node("c", "br1", "10.1.0.2/24", gatewayOnServer ? "10.1.0.1" : null);
        net.node("r", "br0", "10.0.0.1/24", null);
        net.leg("r", "eth1", "br1", "10.1.0.1/24");
        net.kernel.sysctl("r", "net.ipv4.ip_forward", "1");
        Captures.device(capture, net.loop(), net.dev("r", "eth0"), PacketFilter.ALL);
        Captures.device(capture, net.loop(), net.dev("r", "eth1"), PacketFilter.ALL);
    }

    void restore(String ns, String rules) {
        net.kernel.iptablesRestore(ns, rules, false);
    }

    static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    /** A UDP echo server on {@code ns}:{@code port} that answers "re:" + the datagram. */
    UdpSocket echo(String ns, int port) {
        UdpSocket s = net.ns(ns).sockets().openUdp();
        s.bind(0, port);
        s.onReceive((sock, src, sport, data) -> {
            ByteBuf reply = text("re:" + data.toString(StandardCharsets.US_ASCII));
            sock.send(src, sport, reply);
            reply.release();
        });
        return s;
    }

    /** Sends {@code text} from {@code ns} (port {@code sport}) to {@code dst}; returns what came back. */
    List<String> udp(String ns, int sport, String dst, int dport, String text) {
        UdpSocket s = net.ns(ns).sockets().openUdp();
        if (sport != 0) {
            s.bind(0, sport);
        }
        List<String> got = new ArrayList<>();
        s.onReceive((sock, src, port, data) ->
                got.add(Ipv4Address.format(src) + ":" + port + " " + data.toString(StandardCharsets.US_ASCII)));
        ByteBuf b = text(text);
        s.send(TestNet.ip(dst), dport, b);
        b.release();
        net.loop().runFor(2_000_000_000L);
        s.close();
        return got;
    }

    /** A connected UDP socket on {@code ns} that sends {@code text} to {@code dst}; returns its errors and datagrams. */
    List<String> connected(String ns, int sport, String dst, int dport, String text) {
        UdpSocket s = net.ns(ns).sockets().openUdp();
        if (sport != 0) {
            s.bind(0, sport);
        }
        List<String> got = new ArrayList<>();
        s.onError(e -> got.add(e.name()));
        s.onReceive((sock, src, port, data) ->
                got.add(Ipv4Address.format(src) + ":" + port + " " + data.toString(StandardCharsets.US_ASCII)));
        s.connect(TestNet.ip(dst), dport);
        ByteBuf b = text(text);
        s.send(b);
        b.release();
        net.loop().runFor(2_000_000_000L);
        s.close();
        return got;
    }

    /**
     * Sends an IPv4 packet (reader index at its header) out of {@code ns}'s {@code dev} in an
     * Ethernet frame addressed to {@code toNs}'s {@code toDev}, as a host without a socket for it would.
     */
    void inject(String ns, String dev, String toNs, String toDev, ByteBuf packet) {
        var from = net.dev(ns, dev);
        int at = Frames.prepend(packet, EthernetFrame.HEADER_LENGTH);
        new EthernetFrame().wrap(packet, at).dst(net.dev(toNs, toDev).mac()).src(from.mac()).etherType(0x0800);
        from.transmit(packet);
        net.loop().runFor(1_000_000_000L);
    }

    /** The IPv4 packets captured on r's {@code iface}, as "SRC:SPORT > DST:DPORT", checking every checksum. */
    List<String> flows(String iface) {
        List<String> out = new ArrayList<>();
        for (MemoryCapture.Frame f : capture.frames) {
            if (!f.iface().equals(iface)) {
                continue;
            }
            ByteBuf b = Unpooled.wrappedBuffer(f.bytes());
            EthernetFrame eth = new EthernetFrame();
            if (!eth.wrapChecked(b) || eth.etherType() != 0x0800) {
                continue;
            }
            Ipv4Packet ip = new Ipv4Packet().wrap(b, eth.payloadOffset());
            assertTrue(ip.verifyChecksum(), "IPv4 checksum on " + iface);
            out.add(describe(b, ip));
        }
        return out;
    }

    static String describe(ByteBuf b, Ipv4Packet ip) {
        return describe(b, ip, false);
    }

    private static String describe(ByteBuf b, Ipv4Packet ip, boolean quoted) {
        String s = Ipv4Address.format(ip.src());
        String d = Ipv4Address.format(ip.dst());
        switch (ip.protocol()) {
            case IpProtocol.UDP -> {
                UdpPacket u = new UdpPacket().wrap(b, ip.payloadOffset());
                // A socket's datagram crosses veths CHECKSUM_PARTIAL, as on Linux: the field then holds
                // the pseudo-header sum of the addresses on the wire (NAT keeps it so), else a full sum.
                // A quote in an ICMP error is not checked: the partial sum it quotes was updated by NAT
                // as a full one (the error is not CHECKSUM_PARTIAL), as __udp_manip_pkt does.
                boolean partial = u.checksum() == Checksum.fold(Checksum.pseudoHeader(ip.src(), ip.dst(), IpProtocol.UDP, u.length()));
                assertTrue(quoted || partial || u.verifyChecksum(ip.src(), ip.dst()), "UDP checksum");
                return "udp " + s + ":" + u.srcPort() + " > " + d + ":" + u.dstPort();
            }
            case IpProtocol.TCP -> {
                TcpSegment t = new TcpSegment().wrap(b, ip.payloadOffset(), ip.payloadLength());
                // A socket's segment crosses CHECKSUM_PARTIAL (tcp_v4_send_check), its pseudo-header
                // sum following NAT's addresses; a reset for no socket is complete. Quotes as for UDP.
                assertTrue(quoted || TcpChecksums.valid(b, ip.payloadOffset(), ip.payloadLength(), ip.src(), ip.dst()),
                        "TCP checksum");
                return "tcp " + s + ":" + t.srcPort() + " > " + d + ":" + t.dstPort() + " flags=0x"
                        + Integer.toHexString(t.flags());
            }
            case IpProtocol.ICMP -> {
                int off = ip.payloadOffset();
                var icmp = new dev.dockwire.wire.IcmpPacket().wrap(b, off, ip.payloadLength());
                assertTrue(icmp.verifyChecksum(), "ICMP checksum");
                String inner = "";
                if (icmp.isError()) {
                    Ipv4Packet q = new Ipv4Packet().wrap(b, icmp.dataOffset());
                    assertTrue(q.verifyChecksum(), "quoted IPv4 checksum");
                    inner = " [" + describe(b, q, true) + "]";
                } else {
                    inner = " id=" + icmp.ident();
                }
                return "icmp " + s + " > " + d + " " + icmp.type() + "/" + icmp.code() + inner;
            }
            default -> {
                return "ip " + s + " > " + d + " proto " + ip.protocol();
            }
        }
    }

    static void assertFlows(List<String> expected, List<String> actual) {
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }
}
