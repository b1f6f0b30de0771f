package dev.dockwire.wire;

import static dev.dockwire.wire.DnsHeader.FLAG_AA;
import static dev.dockwire.wire.DnsHeader.FLAG_AD;
import static dev.dockwire.wire.DnsHeader.FLAG_QR;
import static dev.dockwire.wire.DnsHeader.FLAG_RA;
import static dev.dockwire.wire.DnsHeader.FLAG_RD;
import static dev.dockwire.wire.TcpDnsFixtures.DNS_ALL;
import static dev.dockwire.wire.TcpDnsFixtures.DNS_QUERY_A;
import static dev.dockwire.wire.TcpDnsFixtures.DNS_QUERY_PTR;
import static dev.dockwire.wire.TcpDnsFixtures.DNS_RESPONSE_A;
import static dev.dockwire.wire.TcpDnsFixtures.DNS_RESPONSE_AAAA;
import static dev.dockwire.wire.TcpDnsFixtures.DNS_RESPONSE_CNAME;
import static dev.dockwire.wire.TcpDnsFixtures.DNS_RESPONSE_NXDOMAIN;
import static dev.dockwire.wire.TcpDnsFixtures.DNS_RESPONSE_PTR;
import static dev.dockwire.wire.TcpDnsFixtures.DNS_RESPONSE_SRV;
import static dev.dockwire.wire.TcpDnsFixtures.bytes;
import static dev.dockwire.wire.TcpDnsFixtures.emitted;
import static dev.dockwire.wire.TcpDnsFixtures.hex;
import static dev.dockwire.wire.TcpDnsFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.Frames;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsMessageTest {
    private static final Edns EDNS_1232 = Edns.of(1232);
    private static final int RESPONSE_FLAGS = FLAG_QR | FLAG_AA | FLAG_RD | FLAG_RA; // 0x8580, dnsmasq's local answers

    static DnsMessage parse(String hex) {
        return with(hex, buf -> DnsMessage.parse(buf, 0, buf.readableBytes()));
    }

    static String emit(DnsMessage m) {
        int length = m.length();
        return hex(emitted(length, buf -> assertEquals(length, m.emit(buf, 0))));
    }

    private static Edns.Option cookie(String hex) {
        return new Edns.Option(Edns.OPTION_COOKIE, bytes(hex));
    }

    private static DnsRecord a(String name, String address) {
        return DnsRecord.a(name, 300, Ipv4Address.parse(address));
    }

    @Test
    void deconstructsDigsQuery() {
        DnsMessage m = parse(DNS_QUERY_A);
        assertEquals(0x8176, m.id());
        assertFalse(m.isResponse());
        assertEquals(DnsHeader.OPCODE_QUERY, m.opcode());
        assertTrue(m.recursionDesired());
        assertTrue(m.authenticData(), "dig sets AD in queries");
        assertFalse(m.checkingDisabled());
        assertEquals(List.of(DnsQuestion.of("example.com", DnsType.A)), m.questions());
        assertEquals(List.of(), m.answers());
        assertEquals(1, m.additionals().size());
        Edns e = m.edns();
        assertEquals(1232, e.udpPayloadSize());
        assertEquals(0, e.version());
        assertFalse(e.dnssecOk());
        assertEquals(List.of(cookie("7b6ed7cf02e9376d")), e.options());
        assertEquals(cookie("7b6ed7cf02e9376d"), e.option(Edns.OPTION_COOKIE));
        assertEquals(DnsRcode.NOERROR, m.rcode());
    }

    @Test
    void constructsDigsQuery() {
        Edns edns = new Edns(1232, 0, 0, false, List.of(cookie("7b6ed7cf02e9376d")));
        DnsMessage q = DnsMessage.query(0x8176, "example.com", DnsType.A, FLAG_RD | FLAG_AD, edns);
        assertEquals(DNS_QUERY_A, emit(q));
        assertEquals(52, q.length());
        DnsMessage ptr = DnsMessage.query(0xe58b, "2.0.18.172.in-addr.arpa", DnsType.PTR, FLAG_RD | FLAG_AD,
                new Edns(1232, 0, 0, false, List.of(cookie("2d6c381dd3cc531f"))));
        assertEquals(DNS_QUERY_PTR, emit(ptr));
        assertEquals(ptr, parse(DNS_QUERY_PTR));
    }

    @Test
    void deconstructsSeveralAAnswers() {
        DnsMessage m = parse(DNS_RESPONSE_A);
        assertTrue(m.isResponse());
        assertTrue(m.authoritative());
        assertTrue(m.recursionAvailable());
        assertFalse(m.truncated());
        assertEquals(DnsRcode.NOERROR, m.rcode());
        assertEquals(List.of(a("example.com", "23.192.228.80"), a("example.com", "23.215.0.136"),
                a("example.com", "23.192.228.84"), a("example.com", "96.7.128.175")), m.answers());
        assertEquals(4, DnsMessage.ofType(m.answers(), DnsType.A).size());
        assertEquals(EDNS_1232, m.edns());
    }

    @Test
    void constructsSeveralAAnswersWithTheSamePointers() {
        DnsMessage q = DnsMessage.query(0x8176, "example.com", DnsType.A, FLAG_RD | FLAG_AD, null);
        DnsMessage r = q.reply(FLAG_AA | FLAG_RA, DnsRcode.NOERROR,
                List.of(a("example.com", "23.192.228.80"), a("example.com", "23.215.0.136"),
                        a("example.com", "23.192.228.84"), a("example.com", "96.7.128.175")),
                List.of(), List.of(EDNS_1232.toRecord()));
        assertEquals(RESPONSE_FLAGS, r.flags(), "QR AA RD RA; AD not copied");
        assertEquals(DNS_RESPONSE_A, emit(r));
    }

    @Test
    void deconstructsACnameChain() {
        DnsMessage m = parse(DNS_RESPONSE_CNAME);
        assertEquals(List.of(DnsRecord.cname("www.example.com", 300, "cdn.example.net"),
                DnsRecord.cname("cdn.example.net", 300, "edge.example.net"),
                a("edge.example.net", "172.18.0.5")), m.answers());
    }

    @Test
    void compressesTheCnameChainFurtherThanDnsmasq() {
        DnsMessage m = parse(DNS_RESPONSE_CNAME);
        // dnsmasq spelled out edge.example.net; we end it in a pointer to "example.net" in the first CNAME (0x31)
        String ours = "97228580000100030000000103777777076578616d706c6503636f6d0000010001"
                + "c00c000500010000012c00110363646e076578616d706c65036e657400"
                + "c02d000500010000012c00070465646765c031"
                + "c04a000100010000012c0004ac120005"
                + "00002904d0000000000000";
        assertEquals(ours, emit(m));
        assertEquals(108, m.length());
        assertEquals(m, parse(ours));
    }

    @Test
    void srvTargetIsNotCompressedButIsPointedAt() {
        DnsMessage m = parse(DNS_RESPONSE_SRV);
        assertEquals(List.of(DnsRecord.srv("_http._tcp.example.com", 300, 10, 5, 80, "web.example.com")), m.answers());
        assertEquals(List.of(a("web.example.com", "172.18.0.7"),
                DnsRecord.aaaa("web.example.com", 300, DnsRdata.Aaaa.parse("2001:db8::7")), EDNS_1232.toRecord()),
                m.additionals());
        DnsMessage built = DnsMessage.query(0x8961, "_http._tcp.example.com", DnsType.SRV, FLAG_RD | FLAG_AD, null)
                .reply(FLAG_AA | FLAG_RA, DnsRcode.NOERROR, m.answers(), List.of(), m.additionals());
        assertEquals(DNS_RESPONSE_SRV, emit(built));
    }

    @Test
    void ptrAndAaaaAnswers() {
        DnsMessage ptr = parse(DNS_RESPONSE_PTR);
        assertEquals(List.of(DnsRecord.ptr("2.0.18.172.in-addr.arpa", 300, "web.mynet")), ptr.answers());
        assertEquals(DNS_RESPONSE_PTR, emit(ptr));
        DnsMessage aaaa = parse(DNS_RESPONSE_AAAA);
        DnsRdata.Aaaa address = (DnsRdata.Aaaa) aaaa.answers().get(0).rdata();
        assertEquals("2001:db8::7", address.toString());
        assertEquals("20010db8000000000000000000000007", hex(address.toBytes()));
        assertEquals(DNS_RESPONSE_AAAA, emit(aaaa));
    }

    @Test
    void deconstructsNxdomainWithSoa() {
        DnsMessage m = parse(DNS_RESPONSE_NXDOMAIN);
        assertEquals(DnsRcode.NXDOMAIN, m.rcode());
        assertTrue(m.authoritative());
        assertFalse(m.recursionAvailable());
        assertEquals(List.of(), m.answers());
        DnsRdata.Soa soa = new DnsRdata.Soa("ns1.example.com", "hostmaster.example.com", 2024112201L, 1200, 180,
                1209600, 600);
        assertEquals(List.of(DnsRecord.soa("example.com", 600, soa)), m.authorities());
    }

    @Test
    void constructsNxdomainWithCompressedSoa() {
        DnsRdata.Soa soa = new DnsRdata.Soa("ns1.example.com", "hostmaster.example.com", 2024112201L, 1200, 180,
                1209600, 600);
        DnsMessage q = DnsMessage.query(0x4021, "nonexistent.example.com", DnsType.A, FLAG_RD | FLAG_AD, null);
        DnsMessage r = q.reply(FLAG_AA, DnsRcode.NXDOMAIN, List.of(), List.of(DnsRecord.soa("example.com", 600, soa)),
                List.of(EDNS_1232.toRecord()));
        String ours = "4021850300010000000100010b6e6f6e6578697374656e74076578616d706c6503636f6d0000010001"
                + "c0180006000100000258" + "0027" + "036e7331c018" + "0a686f73746d6173746572c018"
                + "78a58049000004b0000000b40012750000000258"
                + "00002904d0000000000000";
        assertEquals(ours, emit(r));
        assertEquals(parse(DNS_RESPONSE_NXDOMAIN), r, "same message as dnsmasq's, in 103 bytes instead of 136");
    }

    @Test
    void everyCapturedMessageRoundTrips() {
        for (String hex : DNS_ALL) {
            DnsMessage m = parse(hex);
            assertNotNull(m, hex);
            String again = emit(m);
            assertEquals(m, parse(again));
            assertTrue(again.length() <= hex.length());
        }
    }

    @Test
    void everyProperPrefixIsRefused() {
        for (String hex : DNS_ALL) {
            byte[] full = bytes(hex);
            for (int n = 0; n < full.length; n++) {
                int len = n;
                assertNull(with(full, buf -> DnsMessage.parse(buf, 0, len)), "prefix " + n + " of " + hex);
            }
            assertNotNull(with(full, buf -> DnsMessage.parse(buf, 0, full.length)));
        }
    }

    @Test
    void parsesAtAnOffsetInsideAFrame() {
        byte[] msg = bytes(DNS_RESPONSE_CNAME);
        ByteBuf frame = Frames.allocate(42 + msg.length);
        try {
            int at = frame.readerIndex() + 42; // behind Ethernet, IPv4 and UDP headers
            frame.setBytes(at, msg);
            assertEquals(parse(DNS_RESPONSE_CNAME), DnsMessage.parse(frame, at, msg.length));
            DnsMessage m = parse(DNS_RESPONSE_CNAME);
            int len = m.emit(frame, at);
            assertEquals(m, DnsMessage.parse(frame, at, len), "pointers are relative to the message start");
        } finally {
            frame.release();
        }
    }

    @Test
    void malformedMessagesAreRefused() {
        String header1q = "123401000001000000000000";
        assertNull(parse(header1q + "c00c00010001"), "question name points at itself");
        assertNull(parse(header1q + "40" + "61".repeat(64) + "00" + "00010001"), "label of 64");
        assertNotNull(parse(header1q + "3f" + "61".repeat(63) + "00" + "00010001"), "label of 63");
        assertNull(parse("1234 0100 ffff ffff ffff ffff"), "counts of 65535 in a 12-byte message");
        assertNull(parse("1234 0100 0001 0000 0000 0000 00 0001"), "question cut short");
        String q = "1234818000010001000000000161000001" + "0001";
        assertNotNull(parse(q + "c00c000100010000012c0004" + "01020304"));
        assertNull(parse(q + "c00c000100010000012c0005" + "0102030405"), "A with 5 octets");
        assertNull(parse(q + "c00c001c00010000012c0004" + "01020304"), "AAAA with 4 octets");
        assertNull(parse(q + "c00c000100010000012c0004" + "010203"), "RDLENGTH beyond the message");
        assertNull(parse(q + "c00c000500010000012c0003" + "c00c00"), "CNAME data longer than its name");
        assertNull(parse(q + "c00c000500010000012c0001" + "c00c"), "CNAME name longer than its data");
        assertNull(parse(q + "c00c001000010000012c0003" + "036162"), "TXT string overruns");
        assertNull(parse(q + "c00c002100010000012c0006" + "000a00050050"), "SRV without target");
        assertNull(parse(q + "c00c000600010000012c0005" + "c00cc00c00"), "SOA without its numbers");
        assertNull(parse(q + "00002904d0000000000006" + "000a00080102"), "OPT option overruns");
        assertNull(parse(q + "c00c000c00010000012c0002" + "c020"), "PTR pointing forward");
    }

    @Test
    void keepsUnknownTypesRaw() {
        String q = "1234818000010001000000000161000001" + "0001";
        DnsMessage m = parse(q + "c00c006300010000012c0005" + "04763d7370"); // type 99 (SPF)
        assertEquals(new DnsRdata.Raw(bytes("04763d7370")), m.answers().get(0).rdata());
        assertEquals(99, m.answers().get(0).type());
        assertEquals(q + "c00c006300010000012c000504763d7370", emit(m));
        DnsMessage chaos = parse(q + "c00c000100030000012c0003" + "010203"); // class CH: not an IPv4 address
        assertEquals(new DnsRdata.Raw(bytes("010203")), chaos.answers().get(0).rdata());
    }

    @Test
    void txtMxAndNsRoundTrip() {
        DnsMessage m = DnsMessage.query(7, "example.com", DnsType.ANY, FLAG_RD, null).reply(FLAG_RA, DnsRcode.NOERROR,
                List.of(DnsRecord.txt("example.com", 60, "v=spf1 -all", "", "\u00ff\u0000"),
                        new DnsRecord("example.com", DnsType.MX, DnsClass.IN, 60, new DnsRdata.Mx(10, "mail.example.com")),
                        DnsRecord.ns("example.com", 60, "a.iana-servers.net")),
                List.of(), List.of());
        String hex = emit(m);
        assertTrue(hex.contains("0b763d73706631202d616c6c" + "00" + "02ff00"), hex);
        assertTrue(hex.contains("000a046d61696cc00c"), "MX exchange compressed: " + hex);
        assertEquals(m, parse(hex));
    }

    @Test
    void extendedRcodeAndEdnsFields() {
        Edns badvers = new Edns(4096, 1, 0, true, List.of());
        DnsMessage m = DnsMessage.query(1, "example.com", DnsType.A, 0, null)
                .reply(0, DnsRcode.BADVERS, List.of(), List.of(), List.of(badvers.toRecord()));
        assertEquals(0, m.flags() & DnsHeader.RCODE_MASK, "BADVERS leaves 0 in the header");
        assertEquals(DnsRcode.BADVERS, m.rcode());
        DnsMessage back = parse(emit(m));
        assertEquals(badvers, back.edns());
        assertTrue(back.edns().dnssecOk());
        assertEquals(1, back.optCount());
        assertTrue(emit(m).endsWith("00" + "0029" + "1000" + "01008000" + "0000"));
        assertNull(Edns.from(a("x", "1.2.3.4")));
    }

    @Test
    void replyCopiesRdAndCd() {
        DnsMessage q = new DnsMessage(9, DnsHeader.flags(FLAG_RD | DnsHeader.FLAG_CD | FLAG_AD, 0, 0),
                List.of(DnsQuestion.of("a", DnsType.A)), List.of(), List.of(), List.of());
        DnsMessage r = q.reply(FLAG_RA, DnsRcode.REFUSED, List.of(), List.of(), List.of());
        assertTrue(r.isResponse());
        assertTrue(r.recursionDesired());
        assertTrue(r.checkingDisabled());
        assertFalse(r.authenticData());
        assertEquals(DnsRcode.REFUSED, r.rcode());
        assertEquals("REFUSED", DnsRcode.name(r.rcode()));
        assertEquals(q.questions(), r.questions());
    }

    @Test
    void headerFlyweightReadsAndWrites() {
        with(DNS_RESPONSE_NXDOMAIN, buf -> {
            DnsHeader h = new DnsHeader();
            assertTrue(h.wrapChecked(buf, 0, buf.readableBytes()));
            assertEquals(0x4021, h.id());
            assertTrue(h.response());
            assertTrue(h.authoritative());
            assertTrue(h.recursionDesired());
            assertFalse(h.recursionAvailable());
            assertFalse(h.truncated());
            assertEquals(DnsRcode.NXDOMAIN, h.rcode());
            assertEquals(1, h.qdCount());
            assertEquals(0, h.anCount());
            assertEquals(1, h.nsCount());
            assertEquals(1, h.arCount());
            h.flags(h.flags() | DnsHeader.FLAG_TC).id(0xBEEF);
            assertTrue(h.truncated());
            assertEquals(0xBEEF, h.id());
            assertFalse(h.wrapChecked(buf, 0, 11));
            return null;
        });
        assertEquals(0x2803, DnsHeader.flags(0, DnsHeader.OPCODE_UPDATE, DnsRcode.NXDOMAIN));
    }

    @Test
    void emitRefusesWhatDoesNotFit() {
        DnsMessage longLabel = DnsMessage.query(1, "a".repeat(64) + ".com", DnsType.A, 0, null);
        assertThrows(IllegalArgumentException.class, longLabel::length);
        DnsMessage longTxt = DnsMessage.query(1, "x", DnsType.TXT, 0, null).reply(0, 0,
                List.of(DnsRecord.txt("x", 1, "a".repeat(256))), List.of(), List.of());
        assertThrows(IllegalArgumentException.class, longTxt::length);
        assertThrows(IllegalArgumentException.class, () -> new DnsRecord("x", DnsType.AAAA, DnsClass.IN, 1,
                new DnsRdata.A(Ipv4Address.LOOPBACK)));
        assertThrows(IllegalArgumentException.class, () -> DnsRecord.a("x", -1, Ipv4Address.LOOPBACK));
    }

    @Test
    void aaaaText() {
        assertEquals("::", DnsRdata.Aaaa.parse("::").toString());
        assertEquals("::1", DnsRdata.Aaaa.parse("0:0:0:0:0:0:0:1").toString());
        assertEquals("fe80::1:0:0:1", DnsRdata.Aaaa.parse("fe80:0:0:0:1:0:0:1").toString());
        assertEquals("2001:db8:0:1:1:1:1:1", DnsRdata.Aaaa.parse("2001:DB8:0:1:1:1:1:1").toString());
        assertEquals("2001:db8::", DnsRdata.Aaaa.parse("2001:db8::").toString());
        for (String bad : List.of("1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "12345::", ":1", "g::", "1:2:3:4::5:6:7:8")) {
            assertThrows(IllegalArgumentException.class, () -> DnsRdata.Aaaa.parse(bad), bad);
        }
    }
}
