package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArpPacketTest {
    @RegisterExtension
    final Bufs bufs = new Bufs();

    /** The 28-byte ARP body of {@link Golden#ARP_REQUEST}. */
    private static final String BODY = """
            0001 0800 0604 0001 aac1 abff be2f ac1f 0101
            0000 0000 0000 ac1f 0102
            """;

    @Test
    void deconstructsCapturedRequest() {
        ByteBuf frame = bufs.of(Golden.ARP_REQUEST);
        ArpPacket arp = new ArpPacket();
        assertTrue(arp.wrapChecked(frame, frame.readerIndex() + 14, frame.readableBytes() - 14));
        assertEquals(ArpPacket.HTYPE_ETHERNET, arp.htype());
        assertEquals(EtherType.IPV4, arp.ptype());
        assertEquals(ArpPacket.OP_REQUEST, arp.operation());
        assertEquals(0xaac1abffbe2fL, arp.senderMac());
        assertEquals(Ipv4Address.parse("172.31.1.1").bits(), arp.senderIp());
        assertEquals(0L, arp.targetMac());
        assertEquals(Ipv4Address.parse("172.31.1.2").bits(), arp.targetIp());
    }

    @Test
    void setWritesCapturedRequest() {
        ByteBuf buf = bufs.zeroed(ArpPacket.LENGTH);
        new ArpPacket().wrap(buf, buf.readerIndex()).set(ArpPacket.OP_REQUEST, 0xaac1abffbe2fL,
                Ipv4Address.parse("172.31.1.1").bits(), 0, Ipv4Address.parse("172.31.1.2").bits());
        assertEquals(Bufs.norm(BODY), Bufs.hex(buf));
    }

    @Test
    void reprRoundTrip() {
        ByteBuf frame = bufs.of(Golden.VLAN_ARP);
        ArpRepr repr = ArpRepr.parse(frame, frame.readerIndex() + 18, frame.readableBytes() - 18);
        assertEquals(new ArpRepr(ArpPacket.OP_REQUEST, MacAddress.parse("00:0c:29:1a:32:8c"),
                Ipv4Address.parse("192.168.32.24"), MacAddress.ZERO, Ipv4Address.parse("192.168.32.1")), repr);

        ByteBuf out = bufs.zeroed(ArpPacket.LENGTH);
        repr.emit(out, out.readerIndex());
        assertEquals(Bufs.hex(frame, frame.readerIndex() + 18, ArpPacket.LENGTH), Bufs.hex(out));
    }

    @Test
    void parsesBodyWithEthernetPaddingBehindIt() {
        ByteBuf buf = bufs.of(BODY + "0000 0000 0000 0000 0000 0000 0000 0000 0000");
        ArpRepr repr = ArpRepr.parse(buf, buf.readerIndex(), buf.readableBytes());
        assertEquals(Ipv4Address.parse("172.31.1.2"), repr.targetIp());
    }

    @Test
    void rejectsTruncatedPacket() {
        ByteBuf buf = bufs.of(BODY);
        assertFalse(new ArpPacket().wrapChecked(buf, buf.readerIndex(), ArpPacket.LENGTH - 1));
        assertNull(ArpRepr.parse(buf, buf.readerIndex(), ArpPacket.LENGTH - 1));
        assertNull(ArpRepr.parse(buf, buf.readerIndex(), 0));
    }

    /** Only Ethernet/IPv4 ARP is accepted, as arp_rcv does; each row breaks one field of BODY. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "hlen 8,          0001 0800 0804",
        "hlen 0,          0001 0800 0004",
        "plen 16,         0001 0800 0610",
        "htype IEEE 802,  0006 0800 0604",
        "ptype IPv6,      0001 86dd 0604",
    })
    void rejectsForeignAddressFormats(String what, String head) {
        ByteBuf buf = bufs.of(head + Bufs.norm(BODY).substring(12));
        assertEquals(ArpPacket.LENGTH, buf.readableBytes());
        assertFalse(new ArpPacket().wrapChecked(buf, buf.readerIndex(), buf.readableBytes()), what);
        assertNull(ArpRepr.parse(buf, buf.readerIndex(), buf.readableBytes()), what);
    }
}
