package dev.dockwire.wire;

import static dev.dockwire.wire.TcpDnsFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcap4j.packet.DnsDomainName;
import org.pcap4j.packet.DnsPacket;
import org.pcap4j.packet.DnsQuestion;
import org.pcap4j.packet.DnsRDataA;
import org.pcap4j.packet.DnsRDataAaaa;
import org.pcap4j.packet.DnsRDataCName;
import org.pcap4j.packet.DnsRDataSoa;
import org.pcap4j.packet.DnsResourceRecord;
import org.pcap4j.packet.namednumber.DnsRCode;
import org.pcap4j.packet.namednumber.DnsResourceRecordType;

/** Our DNS emit decoded by pcap4j's DnsPacket as an independent reader (names through its decompress). */
class DnsPcap4jCrossCheckTest {

    private static DnsPacket.DnsHeader decode(byte[] msg) throws Exception {
        return DnsPacket.newPacket(msg, 0, msg.length).getHeader();
    }

    /**
     * pcap4j's full text of a name. Its decompress() puts a stray leading dot in front of a name
     * that is nothing but a pointer (it joins the empty label list, then "." and the target).
     */
    private static String name(DnsDomainName n, byte[] msg) throws Exception {
        String s = n.decompress(msg);
        return n.getLabels().isEmpty() && s.startsWith(".") ? s.substring(1) : s;
    }

    private static byte[] emit(DnsMessage m) {
        return bytes(DnsMessageTest.emit(m));
    }

    @Test
    void query() throws Exception {
        DnsMessage q = DnsMessage.query(0xBEEF, "example.com", DnsType.A, DnsHeader.FLAG_RD | DnsHeader.FLAG_AD,
                new Edns(1232, 0, 0, false, List.of(new Edns.Option(Edns.OPTION_COOKIE, bytes("0102030405060708")))));
        byte[] msg = emit(q);
        DnsPacket.DnsHeader h = decode(msg);
        assertEquals((short) 0xBEEF, h.getId());
        assertFalse(h.isResponse());
        assertTrue(h.isRecursionDesired());
        assertTrue(h.isAuthenticData());
        assertEquals(1, h.getQdCountAsInt());
        assertEquals(1, h.getArCountAsInt());
        DnsQuestion question = h.getQuestions().get(0);
        assertEquals("example.com", name(question.getQName(), msg));
        assertEquals(DnsResourceRecordType.A, question.getQType());
        DnsResourceRecord opt = h.getAdditionalInfo().get(0);
        assertEquals(DnsResourceRecordType.OPT, opt.getDataType());
        assertEquals(1232, opt.getDataClass().value() & 0xFFFF);
        assertEquals(12, opt.getRdLengthAsInt());
    }

    @Test
    void responseWithSeveralAnswersAndACnameChain() throws Exception {
        DnsMessage q = DnsMessage.query(0x1234, "www.example.com", DnsType.A, DnsHeader.FLAG_RD, null);
        DnsMessage r = q.reply(DnsHeader.FLAG_RA, DnsRcode.NOERROR, List.of(
                DnsRecord.cname("www.example.com", 60, "cdn.example.net"),
                DnsRecord.cname("cdn.example.net", 60, "edge.example.net"),
                DnsRecord.a("edge.example.net", 30, Ipv4Address.parse("172.18.0.5")),
                DnsRecord.a("edge.example.net", 30, Ipv4Address.parse("172.18.0.6")),
                DnsRecord.aaaa("edge.example.net", 30, DnsRdata.Aaaa.parse("2001:db8::5"))), List.of(), List.of());
        byte[] msg = emit(r);
        DnsPacket.DnsHeader h = decode(msg);
        assertTrue(h.isResponse());
        assertTrue(h.isRecursionAvailable());
        assertEquals(DnsRCode.NO_ERROR, h.getrCode());
        List<DnsResourceRecord> an = h.getAnswers();
        assertEquals(5, an.size());
        assertEquals("www.example.com", name(an.get(0).getName(), msg));
        assertEquals("cdn.example.net",
                name(assertInstanceOf(DnsRDataCName.class, an.get(0).getRData()).getCName(), msg));
        assertEquals("cdn.example.net", name(an.get(1).getName(), msg));
        assertEquals("edge.example.net",
                name(assertInstanceOf(DnsRDataCName.class, an.get(1).getRData()).getCName(), msg));
        assertEquals("edge.example.net", name(an.get(2).getName(), msg));
        assertEquals(InetAddress.getByName("172.18.0.5"), assertInstanceOf(DnsRDataA.class, an.get(2).getRData()).getAddress());
        assertEquals(InetAddress.getByName("172.18.0.6"), assertInstanceOf(DnsRDataA.class, an.get(3).getRData()).getAddress());
        assertEquals(30, an.get(3).getTtlAsLong());
        assertEquals(InetAddress.getByName("2001:db8::5"),
                assertInstanceOf(DnsRDataAaaa.class, an.get(4).getRData()).getAddress());
    }

    @Test
    void nxdomainWithCompressedSoa() throws Exception {
        DnsRdata.Soa soa = new DnsRdata.Soa("ns1.example.com", "hostmaster.example.com", 2024112201L, 1200, 180,
                1209600, 600);
        DnsMessage r = DnsMessage.query(0x4021, "nonexistent.example.com", DnsType.A, DnsHeader.FLAG_RD, null)
                .reply(DnsHeader.FLAG_AA, DnsRcode.NXDOMAIN, List.of(), List.of(DnsRecord.soa("example.com", 600, soa)),
                        List.of());
        byte[] msg = emit(r);
        DnsPacket.DnsHeader h = decode(msg);
        assertEquals(DnsRCode.NX_DOMAIN, h.getrCode());
        assertTrue(h.isAuthoritativeAnswer());
        DnsResourceRecord auth = h.getAuthorities().get(0);
        assertEquals("example.com", name(auth.getName(), msg));
        DnsRDataSoa s = assertInstanceOf(DnsRDataSoa.class, auth.getRData());
        assertEquals("ns1.example.com", name(s.getMName(), msg));
        assertEquals("hostmaster.example.com", name(s.getRName(), msg));
        assertEquals(2024112201L, s.getSerialAsLong());
        assertEquals(1200, s.getRefreshAsLong());
        assertEquals(180, s.getRetryAsLong());
        assertEquals(1209600, s.getExpireAsLong());
        assertEquals(600, s.getMinimumAsLong());
    }
}
