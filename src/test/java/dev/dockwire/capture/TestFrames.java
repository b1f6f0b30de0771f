package dev.dockwire.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.link.Frames;
import dev.dockwire.wire.ArpPacket;
import dev.dockwire.wire.ArpRepr;
import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.EthernetRepr;
import dev.dockwire.wire.IcmpRepr;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.Ipv4Repr;
import dev.dockwire.wire.MacAddress;
import dev.dockwire.wire.UdpRepr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds valid test frames with the wire codecs (IPv4, ICMP and UDP checksums filled in; TCP's
 * computed here) and remembers each so a test can check that every one was released.
 */
final class TestFrames {
    static final MacAddress MAC1 = MacAddress.parse("02:42:ac:12:00:02");
    static final MacAddress MAC2 = MacAddress.parse("02:42:ac:12:00:03");
    static final MacAddress GW_MAC = MacAddress.parse("02:42:0f:1e:2d:3c");
    static final Ipv4Address IP1 = Ipv4Address.parse("172.18.0.2");
    static final Ipv4Address IP2 = Ipv4Address.parse("172.18.0.3");
    static final Ipv4Address GW = Ipv4Address.parse("172.18.0.1");

    private final List<ByteBuf> allocated = new ArrayList<>();
    private int ident = 0x1000;

    ByteBuf allocate(int length) {
        ByteBuf f = Frames.allocate(length);
        f.writerIndex(f.writerIndex() + length);
        allocated.add(f);
        return f;
    }

    /** Ethernet header + {@code payload}. */
    ByteBuf ethernet(MacAddress dst, MacAddress src, int etherType, byte[] payload) {
        ByteBuf f = allocate(EthernetFrame.HEADER_LENGTH + payload.length);
        new EthernetRepr(dst, src, etherType).emit(f, f.readerIndex());
        f.setBytes(f.readerIndex() + EthernetFrame.HEADER_LENGTH, payload);
        return f;
    }

    ByteBuf arpRequest(MacAddress senderMac, Ipv4Address senderIp, Ipv4Address targetIp) {
        ByteBuf f = allocate(EthernetFrame.HEADER_LENGTH + ArpPacket.LENGTH);
        new EthernetRepr(MacAddress.BROADCAST, senderMac, EtherType.ARP).emit(f, f.readerIndex());
        new ArpRepr(ArpPacket.OP_REQUEST, senderMac, senderIp, MacAddress.ZERO, targetIp)
                .emit(f, f.readerIndex() + EthernetFrame.HEADER_LENGTH);
        return f;
    }

    ByteBuf arpReply(MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac, Ipv4Address targetIp) {
        ByteBuf f = allocate(EthernetFrame.HEADER_LENGTH + ArpPacket.LENGTH);
        new EthernetRepr(targetMac, senderMac, EtherType.ARP).emit(f, f.readerIndex());
        new ArpRepr(ArpPacket.OP_REPLY, senderMac, senderIp, targetMac, targetIp)
                .emit(f, f.readerIndex() + EthernetFrame.HEADER_LENGTH);
        return f;
    }

    /** An IPv4 packet in Ethernet with a 20-byte header and {@code l4Length} bytes after it (filled by the caller). */
    ByteBuf ipv4(MacAddress srcMac, MacAddress dstMac, Ipv4Address src, Ipv4Address dst, int protocol, int l4Length) {
        ByteBuf f = allocate(EthernetFrame.HEADER_LENGTH + Ipv4Packet.MIN_HEADER_LENGTH + l4Length);
        new EthernetRepr(dstMac, srcMac, EtherType.IPV4).emit(f, f.readerIndex());
        new Ipv4Repr(0, Ipv4Packet.MIN_HEADER_LENGTH + l4Length, ident++, true, false, 0, 64, protocol, src, dst)
                .emit(f, ipOffset(f));
        return f;
    }

    static int ipOffset(ByteBuf f) {
        return f.readerIndex() + EthernetFrame.HEADER_LENGTH;
    }

    static int l4Offset(ByteBuf f) {
        return ipOffset(f) + Ipv4Packet.MIN_HEADER_LENGTH;
    }

    /** Like ping's: {@code dataLength} bytes of data (56 gives "length 64"). */
    ByteBuf icmpEcho(boolean request, MacAddress srcMac, MacAddress dstMac, Ipv4Address src, Ipv4Address dst,
                     int id, int seq, int dataLength) {
        byte[] data = pattern(dataLength);
        IcmpRepr icmp = request ? IcmpRepr.echoRequest(id, seq, data) : IcmpRepr.echoReply(id, seq, data);
        ByteBuf f = ipv4(srcMac, dstMac, src, dst, IpProtocol.ICMP, icmp.length());
        icmp.emit(f, l4Offset(f));
        return f;
    }

    ByteBuf icmp(MacAddress srcMac, MacAddress dstMac, Ipv4Address src, Ipv4Address dst, IcmpRepr icmp) {
        ByteBuf f = ipv4(srcMac, dstMac, src, dst, IpProtocol.ICMP, icmp.length());
        icmp.emit(f, l4Offset(f));
        return f;
    }

    ByteBuf udp(MacAddress srcMac, MacAddress dstMac, Ipv4Address src, Ipv4Address dst,
                int srcPort, int dstPort, int payloadLength) {
        return udp(srcMac, dstMac, src, dst, srcPort, dstPort, pattern(payloadLength));
    }

    /** A UDP datagram carrying {@code payload}, with a correct checksum. */
    ByteBuf udp(MacAddress srcMac, MacAddress dstMac, Ipv4Address src, Ipv4Address dst,
                int srcPort, int dstPort, byte[] payload) {
        UdpRepr udp = new UdpRepr(srcPort, dstPort, payload);
        ByteBuf f = ipv4(srcMac, dstMac, src, dst, IpProtocol.UDP, udp.length());
        udp.emit(f, l4Offset(f), src.bits(), dst.bits());
        return f;
    }

    /**
     * A TCP segment (RFC 9293) with the given flags and raw option bytes (a multiple of 4) and a
     * correct checksum; built by hand because this package does not depend on a TCP codec.
     */
    ByteBuf tcp(MacAddress srcMac, MacAddress dstMac, Ipv4Address src, Ipv4Address dst, int srcPort, int dstPort,
                long seq, long ack, int flags, int window, byte[] options, int payloadLength) {
        int hlen = 20 + options.length;
        int len = hlen + payloadLength;
        ByteBuf f = ipv4(srcMac, dstMac, src, dst, IpProtocol.TCP, len);
        int p = l4Offset(f);
        f.setShort(p, srcPort);
        f.setShort(p + 2, dstPort);
        f.setInt(p + 4, (int) seq);
        f.setInt(p + 8, (int) ack);
        f.setByte(p + 12, (hlen / 4) << 4);
        f.setByte(p + 13, flags);
        f.setShort(p + 14, window);
        f.setShort(p + 16, 0);
        f.setShort(p + 18, 0);
        f.setBytes(p + 20, options);
        f.setBytes(p + hlen, pattern(payloadLength));
        long sum = Checksum.pseudoHeader(src.bits(), dst.bits(), IpProtocol.TCP, len);
        f.setShort(p + 16, ~Checksum.fold(Checksum.sum(f, p, len, sum)) & 0xFFFF);
        return f;
    }

    /** Linux's SYN options: mss 1460, sackOK, TS val/ecr, nop, wscale 7. */
    static byte[] synOptions(long tsVal) {
        return new byte[] {
            2, 4, 0x05, (byte) 0xb4,
            4, 2,
            8, 10, (byte) (tsVal >>> 24), (byte) (tsVal >>> 16), (byte) (tsVal >>> 8), (byte) tsVal, 0, 0, 0, 0,
            1,
            3, 3, 7,
        };
    }

    /** An 802.1Q-tagged copy of an untagged frame's bytes (the original is not consumed). */
    ByteBuf vlanTagged(ByteBuf untagged, int vid, int pcp) {
        byte[] b = ByteBufUtil.getBytes(untagged);
        ByteBuf f = allocate(b.length + 4);
        int o = f.readerIndex();
        f.setBytes(o, b, 0, 12);
        f.setShort(o + 12, EtherType.VLAN);
        f.setShort(o + 14, (pcp << 13) | vid);
        f.setBytes(o + 16, b, 12, b.length - 12);
        return f;
    }

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (0x10 + i);
        }
        return b;
    }

    /** Every frame built here must have been released by whoever owned it last. */
    void assertAllReleased() {
        for (int i = 0; i < allocated.size(); i++) {
            assertEquals(0, allocated.get(i).refCnt(), "frame #" + i + " built by the test was not released");
        }
    }

    /** Releases frames the test kept itself (never handed to a device). */
    static void release(List<ByteBuf> frames) {
        for (ByteBuf f : frames) {
            f.release();
        }
    }
}
