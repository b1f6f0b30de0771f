package dev.dockwire.wire;

import static dev.dockwire.wire.TcpDnsFixtures.CLIENT;
import static dev.dockwire.wire.TcpDnsFixtures.SERVER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.Frames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.TcpMaximumSegmentSizeOption;
import org.pcap4j.packet.TcpNoOperationOption;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.TcpSackOption;
import org.pcap4j.packet.TcpSackPermittedOption;
import org.pcap4j.packet.TcpTimestampsOption;
import org.pcap4j.packet.TcpWindowScaleOption;

/** Our TCP emit, framed with EthernetRepr and Ipv4Repr, decoded by pcap4j as an independent reader. */
class TcpPcap4jCrossCheckTest {

    private static final MacAddress CLIENT_MAC = MacAddress.parse("02:42:ac:12:00:02");
    private static final MacAddress SERVER_MAC = MacAddress.parse("02:42:ac:12:00:03");

    /** Emits Ethernet + IPv4 + {@code tcp} into a pooled frame with headroom and returns the frame's bytes. */
    private static byte[] frame(TcpRepr tcp, int src, int dst) {
        int ipLength = Ipv4Packet.MIN_HEADER_LENGTH + tcp.length();
        int length = EthernetFrame.HEADER_LENGTH + ipLength;
        ByteBuf frame = Frames.allocate(length);
        try {
            int at = frame.readerIndex();
            frame.writerIndex(at + length);
            new EthernetRepr(SERVER_MAC, CLIENT_MAC, EtherType.IPV4).emit(frame, at);
            new Ipv4Repr(0, ipLength, 0x1234, true, false, 0, 64, IpProtocol.TCP, Ipv4Address.of(src),
                    Ipv4Address.of(dst)).emit(frame, at + EthernetFrame.HEADER_LENGTH);
            tcp.emit(frame, at + EthernetFrame.HEADER_LENGTH + Ipv4Packet.MIN_HEADER_LENGTH, src, dst);
            return ByteBufUtil.getBytes(frame, at, length);
        } finally {
            frame.release();
        }
    }

    private static TcpPacket decode(byte[] bytes) throws Exception {
        EthernetPacket eth = EthernetPacket.newPacket(bytes, 0, bytes.length);
        IpV4Packet ip = eth.get(IpV4Packet.class);
        assertNotNull(ip, "pcap4j sees IPv4");
        TcpPacket tcp = eth.get(TcpPacket.class);
        assertNotNull(tcp, "pcap4j sees TCP");
        assertTrue(tcp.hasValidChecksum(ip.getHeader().getSrcAddr(), ip.getHeader().getDstAddr(), false),
                "pcap4j finds the checksum valid");
        return tcp;
    }

    @Test
    void synWithLinuxOptions() throws Exception {
        TcpRepr syn = new TcpRepr(35474, 80, 0xC3EB4F2B, 0, TcpSegment.FLAG_SYN, 64240, 0, 1460, 7, true, List.of(),
                new TcpRepr.Timestamps(0xF646A4E2, 0), new byte[0]);
        TcpPacket.TcpHeader h = decode(frame(syn, CLIENT, SERVER)).getHeader();
        assertEquals(35474, h.getSrcPort().valueAsInt());
        assertEquals(80, h.getDstPort().valueAsInt());
        assertEquals(0xC3EB4F2BL, h.getSequenceNumberAsLong());
        assertEquals(0, h.getAcknowledgmentNumber());
        assertTrue(h.getSyn());
        assertFalse(h.getAck());
        assertFalse(h.getRst());
        assertFalse(h.getFin());
        assertEquals(64240, h.getWindowAsInt());
        assertEquals(10, h.getDataOffsetAsInt());

        List<TcpPacket.TcpOption> o = h.getOptions();
        assertEquals(5, o.size(), o.toString());
        assertEquals(1460, assertInstanceOf(TcpMaximumSegmentSizeOption.class, o.get(0)).getMaxSegSizeAsInt());
        assertInstanceOf(TcpSackPermittedOption.class, o.get(1));
        TcpTimestampsOption ts = assertInstanceOf(TcpTimestampsOption.class, o.get(2));
        assertEquals(0xF646A4E2L, ts.getTsValueAsLong());
        assertEquals(0, ts.getTsEchoReplyAsLong());
        assertInstanceOf(TcpNoOperationOption.class, o.get(3));
        assertEquals(7, assertInstanceOf(TcpWindowScaleOption.class, o.get(4)).getShiftCountAsInt());
    }

    @Test
    void dataSegmentWithTimestampsAndSack() throws Exception {
        byte[] body = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        TcpRepr data = new TcpRepr(80, 35474, 0x5C0EAB41, 0x93EB4F3E, TcpSegment.FLAG_PSH | TcpSegment.FLAG_ACK,
                502, 0, -1, -1, false, List.of(new TcpRepr.SackBlock(0x93EB5000, 0x93EB6000)),
                new TcpRepr.Timestamps(0x08B33A43, 0x2646A546), body);
        TcpPacket tcp = decode(frame(data, SERVER, CLIENT));
        TcpPacket.TcpHeader h = tcp.getHeader();
        assertEquals(80, h.getSrcPort().valueAsInt());
        assertEquals(35474, h.getDstPort().valueAsInt());
        assertEquals(0x5C0EAB41L, h.getSequenceNumberAsLong());
        assertEquals(0x93EB4F3EL, h.getAcknowledgmentNumberAsLong());
        assertTrue(h.getPsh());
        assertTrue(h.getAck());
        assertFalse(h.getSyn());
        assertEquals(502, h.getWindowAsInt());
        assertArrayEquals(body, tcp.getPayload().getRawData());

        List<TcpPacket.TcpOption> o = h.getOptions();
        assertEquals(6, o.size(), o.toString()); // NOP NOP TS NOP NOP SACK
        TcpTimestampsOption ts = assertInstanceOf(TcpTimestampsOption.class, o.get(2));
        assertEquals(0x08B33A43L, ts.getTsValueAsLong());
        assertEquals(0x2646A546L, ts.getTsEchoReplyAsLong());
        TcpSackOption sack = assertInstanceOf(TcpSackOption.class, o.get(5));
        assertEquals(10, sack.getLengthAsInt());
        assertEquals("050a93eb500093eb6000", ByteBufUtil.hexDump(sack.getRawData()));
    }

    @Test
    void resetAfterNatRewriteStillValidates() throws Exception {
        TcpRepr rst = TcpRepr.of(81, 48822, 0, 0x632EAD69, TcpSegment.FLAG_RST | TcpSegment.FLAG_ACK, 0, new byte[0]);
        byte[] bytes = frame(rst, SERVER, CLIENT);
        int newDst = 0xC0A8_0164; // DNAT towards 192.168.1.100:40000, patched incrementally
        int tcpAt = EthernetFrame.HEADER_LENGTH + Ipv4Packet.MIN_HEADER_LENGTH;
        byte[] rewritten = TcpDnsFixtures.with(bytes, buf -> {
            new Ipv4Packet().wrap(buf, EthernetFrame.HEADER_LENGTH).dst(newDst);
            new TcpSegment().wrap(buf, tcpAt, rst.length()).addressChanged(CLIENT, newDst).dstPort(40000);
            return ByteBufUtil.getBytes(buf, 0, bytes.length);
        });
        TcpPacket.TcpHeader h = decode(rewritten).getHeader();
        assertTrue(h.getRst());
        assertEquals(40000, h.getDstPort().valueAsInt());
        assertEquals(InetAddress.getByAddress(Ipv4Address.of(newDst).toBytes()),
                EthernetPacket.newPacket(rewritten, 0, rewritten.length).get(IpV4Packet.class).getHeader().getDstAddr());
    }
}
