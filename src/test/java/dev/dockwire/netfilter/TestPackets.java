package dev.dockwire.netfilter;

import dev.dockwire.link.Frames;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.TcpSegment;
import dev.dockwire.wire.UdpPacket;
import io.netty.buffer.ByteBuf;

/** IPv4 packets for driving hooks directly: the reader index is at the IP header, checksums valid. */
final class TestPackets {
    private TestPackets() {
    }

    private static ByteBuf ip(int protocol, String src, String dst, int l4len) {
        ByteBuf b = Frames.allocate(Ipv4Packet.MIN_HEADER_LENGTH + l4len);
        int at = b.readerIndex();
        b.writerIndex(at + Ipv4Packet.MIN_HEADER_LENGTH + l4len);
        b.setZero(at, Ipv4Packet.MIN_HEADER_LENGTH + l4len);
        new Ipv4Packet().wrap(b, at).set(0, Ipv4Packet.MIN_HEADER_LENGTH + l4len, 1, Ipv4Packet.FLAG_DF, 64, protocol,
                TestNet.ip(src), TestNet.ip(dst)).fillChecksum();
        return b;
    }

    static ByteBuf udp(String src, int sport, String dst, int dport) {
        ByteBuf b = ip(IpProtocol.UDP, src, dst, UdpPacket.HEADER_LENGTH + 4);
        new UdpPacket().wrap(b, b.readerIndex() + 20).set(sport, dport, 12).fillChecksum(TestNet.ip(src), TestNet.ip(dst));
        return b;
    }

    static ByteBuf tcp(String src, int sport, String dst, int dport, int flags, int seq, int ack) {
        ByteBuf b = ip(IpProtocol.TCP, src, dst, TcpSegment.MIN_HEADER_LENGTH);
        new TcpSegment().wrap(b, b.readerIndex() + 20, 20).set(sport, dport, seq, ack, 20, flags, 65535, 0)
                .fillChecksum(TestNet.ip(src), TestNet.ip(dst));
        return b;
    }

    static ByteBuf icmp(String src, String dst, int type, int code, int id) {
        ByteBuf b = ip(IpProtocol.ICMP, src, dst, IcmpPacket.HEADER_LENGTH);
        new IcmpPacket().wrap(b, b.readerIndex() + 20, 8).type(type).code(code).restOfHeader(id, 1).fillChecksum();
        return b;
    }

    /** An ICMP error of {@code type/code} from {@code src} to {@code dst} quoting {@code quoted} (released). */
    static ByteBuf icmpError(String src, String dst, int type, int code, ByteBuf quoted) {
        int qlen = quoted.readableBytes();
        ByteBuf b = ip(IpProtocol.ICMP, src, dst, IcmpPacket.HEADER_LENGTH + qlen);
        b.setBytes(b.readerIndex() + 28, quoted, quoted.readerIndex(), qlen);
        quoted.release();
        new IcmpPacket().wrap(b, b.readerIndex() + 20, 8 + qlen).type(type).code(code).restOfHeader(0, 0).fillChecksum();
        return b;
    }
}
