package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UdpPacketTest {
    @RegisterExtension
    final Bufs bufs = new Bufs();

    private static final int SRC = Ipv4Address.parse("172.16.255.1").bits();
    private static final int DST = Ipv4Address.parse("172.29.20.15").bits();

    private static ByteBuf datagram(ByteBuf frame) {
        return frame.slice(frame.readerIndex() + Golden.DNS_UDP_AT, 210);
    }

    @Test
    void deconstructsCapturedDnsAnswer() {
        ByteBuf frame = bufs.of(Golden.DNS_UDP);
        int at = frame.readerIndex() + Golden.DNS_UDP_AT;
        UdpPacket udp = new UdpPacket();
        assertTrue(udp.wrapChecked(frame, at, 210));
        assertEquals(53, udp.srcPort());
        assertEquals(35181, udp.dstPort());
        assertEquals(210, udp.length());
        assertEquals(0x754a, udp.checksum());
        assertEquals(at + 8, udp.payloadOffset());
        assertEquals(202, udp.payloadLength());
        assertTrue(udp.verifyChecksum(SRC, DST));
        assertFalse(udp.verifyChecksum(SRC, DST + 1), "pseudo-header covers the addresses");
    }

    @Test
    void setAndFillChecksumWriteCapturedDatagram() {
        ByteBuf frame = bufs.of(Golden.DNS_UDP);
        byte[] payload = ByteBufUtil.getBytes(frame, frame.readerIndex() + Golden.DNS_UDP_AT + 8, 202);
        ByteBuf buf = bufs.zeroed(210);
        UdpPacket udp = new UdpPacket().wrap(buf, buf.readerIndex()).set(53, 35181, 210);
        assertEquals(0, udp.checksum());
        buf.setBytes(udp.payloadOffset(), payload);
        udp.fillChecksum(SRC, DST);
        assertEquals(ByteBufUtil.hexDump(datagram(frame)), Bufs.hex(buf));
    }

    @Test
    void staticAccessWritesAndReadsCapturedHeader() {
        ByteBuf buf = bufs.zeroed(8);
        int at = buf.readerIndex();
        UdpPacket.write(buf, at, 53, 35181, 210, 0x754a);
        assertEquals("0035896d00d2754a", Bufs.hex(buf));
        assertEquals(53 << 16 | 35181, UdpPacket.ports(buf, at));
        assertEquals(210, UdpPacket.length(buf, at));
        UdpPacket.write(buf, at, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF);
        assertEquals("ffffffffffffffff", Bufs.hex(buf));
        assertEquals(0xFFFF, UdpPacket.ports(buf, at) >>> 16, "a high port reads back unsigned");
        ByteBuf direct = bufs.track(io.netty.buffer.Unpooled.directBuffer(9).writeZero(9));
        UdpPacket.write(direct, 1, 53, 35181, 210, 0x754a);
        assertEquals("000035896d00d2754a", Bufs.hex(direct));
    }

    @Test
    void portSettersRewriteInPlace() {
        ByteBuf buf = bufs.of("0035 896d 0008 0000");
        new UdpPacket().wrap(buf, buf.readerIndex()).srcPort(5353).dstPort(53).checksum(0xbeef);
        assertEquals("14e900350008beef", Bufs.hex(buf));
    }

    @Test
    void reprRoundTrip() {
        ByteBuf frame = bufs.of(Golden.DNS_UDP);
        int at = frame.readerIndex() + Golden.DNS_UDP_AT;
        UdpRepr repr = UdpRepr.parse(frame, at, 210, SRC, DST);
        assertNotNull(repr);
        byte[] payload = ByteBufUtil.getBytes(frame, at + 8, 202);
        assertEquals(new UdpRepr(53, 35181, payload.clone()), repr);
        assertArrayEquals(payload, repr.payload());
        assertEquals(210, repr.length());

        ByteBuf out = bufs.zeroed(210);
        repr.emit(out, out.readerIndex(), SRC, DST);
        assertEquals(ByteBufUtil.hexDump(datagram(frame)), Bufs.hex(out));
    }

    @Test
    void zeroChecksumMeansNoneAndIsAccepted() {
        // The outer UDP header of the captured VXLAN frame carries checksum 0 (RFC 768: none).
        ByteBuf frame = bufs.of(Golden.VXLAN_ICMP);
        int at = frame.readerIndex() + Golden.VX_UDP;
        UdpPacket udp = new UdpPacket();
        assertTrue(udp.wrapChecked(frame, at, 114));
        assertEquals(0, udp.checksum());
        assertEquals(VxlanHeader.UDP_PORT, udp.dstPort());
        assertTrue(udp.verifyChecksum(Ipv4Address.parse("192.168.203.1").bits(), 12345));
        assertNotNull(UdpRepr.parse(frame, at, 114, 0, 0));
    }

    @Test
    void computedZeroChecksumIsSentAsAllOnes() {
        int src = Ipv4Address.parse("10.0.0.1").bits();
        int dst = Ipv4Address.parse("10.0.0.2").bits();
        ByteBuf buf = bufs.zeroed(10);
        UdpPacket udp = new UdpPacket().wrap(buf, buf.readerIndex()).set(1000, 2000, 10);
        // Pick the 2-byte payload that makes the one's complement sum 0xffff, i.e. checksum 0.
        long sum = Checksum.sum(buf, buf.readerIndex(), 10, Checksum.pseudoHeader(src, dst, IpProtocol.UDP, 10));
        int word = 0xffff - Checksum.fold(sum);
        buf.setShort(udp.payloadOffset(), word);
        assertEquals(0xffff, Checksum.fold(Checksum.sum(buf, buf.readerIndex(), 10,
                Checksum.pseudoHeader(src, dst, IpProtocol.UDP, 10))));

        udp.fillChecksum(src, dst);
        assertEquals(0xffff, udp.checksum(), "RFC 768: a computed zero is transmitted as all ones");
        assertTrue(udp.verifyChecksum(src, dst));
        assertNotNull(UdpRepr.parse(buf, buf.readerIndex(), 10, src, dst));
    }

    @Test
    void rejectsTruncatedHeader() {
        ByteBuf buf = bufs.of("0035 896d 0008 0000");
        for (int available = 0; available < 8; available++) {
            assertFalse(new UdpPacket().wrapChecked(buf, buf.readerIndex(), available));
            assertNull(UdpRepr.parse(buf, buf.readerIndex(), available, SRC, DST));
        }
    }

    @Test
    void rejectsBadLengthFields() {
        ByteBuf shorter = bufs.of("0035 896d 0007 0000 00");
        assertFalse(new UdpPacket().wrapChecked(shorter, shorter.readerIndex(), 9), "length below the header");
        ByteBuf zero = bufs.of("0035 896d 0000 0000 00");
        assertFalse(new UdpPacket().wrapChecked(zero, zero.readerIndex(), 9), "length 0");

        ByteBuf frame = bufs.of(Golden.DNS_UDP);
        int at = frame.readerIndex() + Golden.DNS_UDP_AT;
        assertFalse(new UdpPacket().wrapChecked(frame, at, 209), "length beyond what arrived");
        assertNull(UdpRepr.parse(frame, at, 209, SRC, DST));
    }

    @Test
    void rejectsBadChecksum() {
        ByteBuf frame = bufs.of(Golden.DNS_UDP);
        int at = frame.readerIndex() + Golden.DNS_UDP_AT;
        frame.setByte(at + 100, frame.getByte(at + 100) ^ 0x01);
        assertTrue(new UdpPacket().wrapChecked(frame, at, 210));
        assertNull(UdpRepr.parse(frame, at, 210, SRC, DST));
    }
}
