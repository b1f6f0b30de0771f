package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ipv4PacketTest {
    @RegisterExtension
    final Bufs bufs = new Bufs();

    /** IPv4 header of the echo request inside {@link Golden#VXLAN_ICMP}. */
    private static final String PING_HEADER = "4500 0054 0000 4000 4001 234f c0a8 cb03 c0a8 cb05";
    /** IPv4 header of {@link Golden#DNS_UDP}. */
    private static final String DNS_HEADER = "4500 00e6 68cf 0000 3f11 a6f9 ac10 ff01 ac1d 140f";

    private static int ip(String text) {
        return Ipv4Address.parse(text).bits();
    }

    @Test
    void deconstructsCapturedEchoRequestHeader() {
        ByteBuf frame = bufs.of(Golden.VXLAN_ICMP);
        int at = frame.readerIndex() + Golden.VX_INNER_IP;
        Ipv4Packet p = new Ipv4Packet();
        assertTrue(p.wrapChecked(frame, at, frame.writerIndex() - at));
        assertEquals(at, p.offset());
        assertEquals(4, p.version());
        assertEquals(20, p.headerLength());
        assertEquals(0, p.tos());
        assertEquals(84, p.totalLength());
        assertEquals(0, p.ident());
        assertTrue(p.dontFragment());
        assertFalse(p.moreFragments());
        assertEquals(0, p.fragmentOffset());
        assertFalse(p.isFragment());
        assertEquals(64, p.ttl());
        assertEquals(IpProtocol.ICMP, p.protocol());
        assertEquals(0x234f, p.checksum());
        assertEquals(ip("192.168.203.3"), p.src());
        assertEquals(ip("192.168.203.5"), p.dst());
        assertEquals(at + 20, p.payloadOffset());
        assertEquals(64, p.payloadLength());
        assertTrue(p.verifyChecksum());
    }

    @Test
    void deconstructsCapturedDnsHeader() {
        ByteBuf frame = bufs.of(Golden.DNS_UDP);
        Ipv4Packet p = new Ipv4Packet();
        assertTrue(p.wrapChecked(frame, frame.readerIndex() + Golden.DNS_IP, frame.readableBytes() - Golden.DNS_IP));
        assertEquals(230, p.totalLength());
        assertEquals(0x68cf, p.ident());
        assertFalse(p.dontFragment());
        assertEquals(63, p.ttl());
        assertEquals(IpProtocol.UDP, p.protocol());
        assertEquals(ip("172.16.255.1"), p.src());
        assertEquals(ip("172.29.20.15"), p.dst());
        assertTrue(p.verifyChecksum());
    }

    @Test
    void setAndFillChecksumWriteCapturedHeaders() {
        ByteBuf a = bufs.zeroed(20);
        new Ipv4Packet().wrap(a, a.readerIndex())
                .set(0, 84, 0, Ipv4Packet.FLAG_DF, 64, IpProtocol.ICMP, ip("192.168.203.3"), ip("192.168.203.5"))
                .fillChecksum();
        assertEquals(Bufs.norm(PING_HEADER), Bufs.hex(a));

        ByteBuf b = bufs.zeroed(20);
        new Ipv4Packet().wrap(b, b.readerIndex())
                .set(0, 230, 0x68cf, 0, 63, IpProtocol.UDP, ip("172.16.255.1"), ip("172.29.20.15"))
                .fillChecksum();
        assertEquals(Bufs.norm(DNS_HEADER), Bufs.hex(b));
        ByteBuf direct = bufs.track(io.netty.buffer.Unpooled.directBuffer(20).writeZero(20));
        Ipv4Packet.write(direct, 0, 0, 230, 0x68cf, 0, 63, IpProtocol.UDP, ip("172.16.255.1"), ip("172.29.20.15"));
        assertEquals(Bufs.norm(DNS_HEADER), Bufs.hex(direct));
    }

    @Test
    void staticWriteWritesCapturedHeadersWithTheirChecksums() {
        ByteBuf a = bufs.zeroed(20);
        Ipv4Packet.write(a, a.readerIndex(), 0, 84, 0, Ipv4Packet.FLAG_DF, 64, IpProtocol.ICMP,
                ip("192.168.203.3"), ip("192.168.203.5"));
        assertEquals(Bufs.norm(PING_HEADER), Bufs.hex(a));
        ByteBuf b = bufs.zeroed(20);
        Ipv4Packet.write(b, b.readerIndex(), 0, 230, 0x68cf, 0, 63, IpProtocol.UDP, ip("172.16.255.1"), ip("172.29.20.15"));
        assertEquals(Bufs.norm(DNS_HEADER), Bufs.hex(b));
    }

    /** The checksum summed from the values is the one summed over the written bytes, whatever the fields. */
    @Test
    void staticWriteSumsAsTheFlyweightDoes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(22);
        ByteBuf a = bufs.zeroed(20);
        ByteBuf b = bufs.zeroed(20);
        for (int i = 0; i < 20_000; i++) {
            int tos = random.nextInt(256);
            int len = random.nextInt(0x10000);
            int ident = random.nextInt(); // only the low 16 bits are the field, as the kernel's (u16) id
            int frag = random.nextInt(0x10000);
            int ttl = random.nextInt(256);
            int proto = random.nextInt(256);
            int src = random.nextInt();
            int dst = i % 7 == 0 ? ~src : random.nextInt(); // some sums fold to 0xffff
            Ipv4Packet.write(a, a.readerIndex(), tos, len, ident, frag, ttl, proto, src, dst);
            new Ipv4Packet().wrap(b, b.readerIndex()).set(tos, len, ident & 0xFFFF, frag, ttl, proto, src, dst).fillChecksum();
            assertEquals(Bufs.hex(b), Bufs.hex(a));
        }
    }

    @Test
    void reprRoundTrip() {
        ByteBuf frame = bufs.of(Golden.DNS_UDP);
        int at = frame.readerIndex() + Golden.DNS_IP;
        Ipv4Repr repr = Ipv4Repr.parse(frame, at, frame.writerIndex() - at);
        assertEquals(new Ipv4Repr(0, 230, 0x68cf, false, false, 0, 63, IpProtocol.UDP,
                Ipv4Address.parse("172.16.255.1"), Ipv4Address.parse("172.29.20.15")), repr);

        ByteBuf out = bufs.zeroed(20);
        repr.emit(out, out.readerIndex());
        assertEquals(Bufs.norm(DNS_HEADER), Bufs.hex(out));

        ByteBuf ping = bufs.of(PING_HEADER + " 0000 0000".repeat(16));
        Ipv4Repr pingRepr = Ipv4Repr.parse(ping, ping.readerIndex(), ping.readableBytes());
        assertTrue(pingRepr.dontFragment());
        ByteBuf out2 = bufs.zeroed(20);
        pingRepr.emit(out2, out2.readerIndex());
        assertEquals(Bufs.norm(PING_HEADER), Bufs.hex(out2));
    }

    @Test
    void fragmentFields() {
        // Second fragment of a 3000-byte datagram sent over MTU 1500: offset 1480, MF set.
        Ipv4Repr repr = new Ipv4Repr(0, 1500, 0x1234, false, true, 1480, 64, IpProtocol.UDP,
                Ipv4Address.parse("172.17.0.2"), Ipv4Address.parse("172.17.0.3"));
        ByteBuf buf = bufs.zeroed(1500);
        repr.emit(buf, buf.readerIndex());
        assertEquals("20b9", Bufs.hex(buf, buf.readerIndex() + Ipv4Packet.FLAGS_FRAG, 2));
        Ipv4Packet p = new Ipv4Packet();
        assertTrue(p.wrapChecked(buf, buf.readerIndex(), 1500));
        assertTrue(p.isFragment());
        assertTrue(p.moreFragments());
        assertEquals(1480, p.fragmentOffset());
        assertEquals(repr, Ipv4Repr.parse(buf, buf.readerIndex(), 1500));
    }

    @Test
    void optionsAreSkippedByHeaderLength() {
        // IHL 6: a router alert option (RFC 2113, 94 04 00 00) as IGMP sends it, then 8 bytes.
        ByteBuf buf = bufs.of("4600 0020 0000 4000 0102 0000 0a00 0001 e000 0016 9404 0000 1600 0904 e000 0016");
        Ipv4Packet p = new Ipv4Packet().wrap(buf, buf.readerIndex()).fillChecksum();
        assertTrue(p.wrapChecked(buf, buf.readerIndex(), buf.readableBytes()));
        assertEquals(24, p.headerLength());
        assertEquals(buf.readerIndex() + 24, p.payloadOffset());
        assertEquals(8, p.payloadLength());
        assertTrue(p.verifyChecksum());
        Ipv4Repr repr = Ipv4Repr.parse(buf, buf.readerIndex(), buf.readableBytes());
        assertNotNull(repr);
        assertEquals(2, repr.protocol());
        assertEquals(1, repr.ttl());
    }

    @Test
    void decrementTtlPatchesChecksumLikeTheKernel() {
        ByteBuf buf = bufs.of(DNS_HEADER);
        Ipv4Packet p = new Ipv4Packet().wrap(buf, buf.readerIndex());
        p.decrementTtl();
        assertEquals(62, p.ttl());
        assertEquals(0xa7f9, p.checksum()); // ip_decrease_ttl: checksum + 0x0100
        assertTrue(p.verifyChecksum());
    }

    @Test
    void decrementTtlInTheArrayPatchesAsOnTheBuffer() {
        ByteBuf buf = bufs.of(DNS_HEADER);
        Ipv4Packet.decrementTtl(buf.array(), buf.arrayOffset() + buf.readerIndex(), 0);
        assertEquals(Bufs.norm("4500 00e6 68cf 0000 3e11 a7f9 ac10 ff01 ac1d 140f"), Bufs.hex(buf));
    }

    /**
     * The flow step's one checksum update for the TTL and a NAT address change (the address's RFC 1624
     * sum added to the TTL's), in a heap frame's array and through a direct buffer's accessors, gives
     * the bytes of the slow path's two updates in turn, in either order (ip_forward's TTL between DNAT
     * and SNAT), edge values (0xFFFF checksums, all-ones and zero addresses) included.
     */
    @Test
    void decrementTtlWithAHeaderSumIsTheTwoUpdatesInTurn() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1624);
        int[] edges = {0, -1, 0xFFFF, 0xFFFF0000, 0x0000FFFF};
        ByteBuf slow = bufs.zeroed(20);
        ByteBuf heap = bufs.zeroed(20);
        ByteBuf direct = bufs.track(io.netty.buffer.Unpooled.directBuffer(20).writeZero(20));
        int s = slow.readerIndex();
        int h = heap.readerIndex();
        for (int i = 0; i < 50_000; i++) {
            boolean edge = random.nextInt(8) == 0;
            int old = edge ? edges[random.nextInt(edges.length)] : random.nextInt();
            int now = edge ? edges[random.nextInt(edges.length)] : random.nextInt();
            Ipv4Packet.write(slow, s, random.nextInt(256), random.nextInt(0x10000), random.nextInt(), random.nextInt(0x10000),
                    2 + random.nextInt(254), random.nextInt(256), random.nextInt(), old);
            if (edge) {
                slow.setShort(s + Ipv4Packet.CHECKSUM, random.nextBoolean() ? 0xFFFF : 0);
            }
            heap.setBytes(h, slow, s, 20);
            direct.setBytes(0, slow, s, 20);
            boolean ttlFirst = random.nextBoolean();
            if (ttlFirst) {
                Ipv4Packet.decrementTtl(slow, s);
            }
            Ipv4Packet.rewriteDst(slow, s, now);
            if (!ttlFirst) {
                Ipv4Packet.decrementTtl(slow, s);
            }
            long sum = (~(old >>> 16) & 0xFFFF) + (~old & 0xFFFF) + ((now >>> 16) & 0xFFFF) + (now & 0xFFFF);
            heap.setInt(h + Ipv4Packet.DST, now);
            Ipv4Packet.decrementTtl(heap.array(), heap.arrayOffset() + h, sum);
            direct.setInt(Ipv4Packet.DST, now);
            Ipv4Packet.decrementTtl(direct, 0, sum);
            assertEquals(Bufs.hex(slow), Bufs.hex(heap));
            assertEquals(Bufs.hex(slow), Bufs.hex(direct));
        }
    }

    /**
     * ip_rcv's checks on a heap frame (its array read whole) and on a direct buffer (Netty's
     * accessors) agree: a header with a good checksum, with or without options, passes; one with a
     * bit flipped anywhere, a total length over what arrived, or a length field below the header fails.
     */
    @Test
    void validReadsAHeapFrameAsADirectBuffer() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1071);
        ByteBuf heap = bufs.zeroed(64);
        ByteBuf direct = bufs.track(io.netty.buffer.Unpooled.directBuffer(64).writeZero(64));
        int h = heap.readerIndex();
        for (int i = 0; i < 20_000; i++) {
            int options = random.nextInt(4) == 0 ? random.nextInt(1, 11) : 0;
            int ihl = 20 + 4 * options;
            int total = ihl + random.nextInt(44 - 4 * options + 1);
            Ipv4Packet.write(heap, h, random.nextInt(256), total, random.nextInt(), random.nextInt(0x10000),
                    random.nextInt(256), random.nextInt(256), random.nextInt(), random.nextInt());
            heap.setByte(h, 0x40 | ihl / 4);
            for (int k = 20; k < ihl; k++) {
                heap.setByte(h + k, random.nextInt(256));
            }
            heap.setShort(h + Ipv4Packet.CHECKSUM, 0);
            heap.setShort(h + Ipv4Packet.CHECKSUM, Checksum.compute(heap, h, ihl));
            if (random.nextBoolean()) {
                int bit = random.nextInt(ihl * 8);
                heap.setByte(h + bit / 8, heap.getByte(h + bit / 8) ^ 1 << (bit & 7));
            }
            direct.setBytes(0, heap, h, 64);
            int available = random.nextInt(4) == 0 ? random.nextInt(65) : 64;
            int verIhl = heap.getByte(h) & 0xFF;
            int length = heap.getUnsignedShort(h + 2);
            boolean expected = available >= 20 && verIhl >> 4 == 4 && (verIhl & 0xF) >= 5 && length >= (verIhl & 0xF) * 4
                    && length <= available && Checksum.compute(heap, h, (verIhl & 0xF) * 4) == 0;
            assertEquals(expected, Ipv4Packet.valid(heap, h, available), "heap, header " + ByteBufUtil.hexDump(heap, h, ihl));
            assertEquals(expected, Ipv4Packet.valid(direct, 0, available), "direct, header " + ByteBufUtil.hexDump(heap, h, ihl));
        }
    }

    @Test
    void natRewritesKeepChecksumValid() {
        ByteBuf buf = bufs.of(PING_HEADER);
        Ipv4Packet p = new Ipv4Packet().wrap(buf, buf.readerIndex());
        p.src(ip("10.0.2.15")).dst(ip("172.17.0.2")).totalLength(60);
        assertTrue(p.verifyChecksum());
        int incremental = p.checksum();
        assertEquals(incremental, p.fillChecksum().checksum());
        assertEquals(ip("10.0.2.15"), p.src());
        assertEquals(ip("172.17.0.2"), p.dst());
        assertEquals(60, p.totalLength());
    }

    @Test
    void pseudoHeaderSumMatchesRfc768() {
        ByteBuf frame = bufs.of(Golden.DNS_UDP);
        Ipv4Packet p = new Ipv4Packet().wrap(frame, frame.readerIndex() + Golden.DNS_IP);
        assertEquals(0xac10L + 0xff01 + 0xac1d + 0x140f + 17 + 210, p.pseudoHeaderSum());
    }

    /** Each row breaks one thing ip_rcv checks; the packet given is 40 bytes long. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "version 6,                  6500 0028 0000 4000 4006 0000 0a00 0001 0a00 0002",
        "version 0,                  0500 0028 0000 4000 4006 0000 0a00 0001 0a00 0002",
        "IHL 4,                      4400 0028 0000 4000 4006 0000 0a00 0001 0a00 0002",
        "IHL 0,                      4000 0028 0000 4000 4006 0000 0a00 0001 0a00 0002",
        "total length 41 > 40,       4500 0029 0000 4000 4006 0000 0a00 0001 0a00 0002",
        "total length 65535,         4500 ffff 0000 4000 4006 0000 0a00 0001 0a00 0002",
        "total length 19 < header,   4500 0013 0000 4000 4006 0000 0a00 0001 0a00 0002",
        "IHL 15 beyond total length, 4f00 0028 0000 4000 4006 0000 0a00 0001 0a00 0002",
    })
    void rejectsMalformedHeaders(String what, String header) {
        ByteBuf buf = bufs.of(header + " 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000");
        assertEquals(40, buf.readableBytes());
        // A correct checksum over the first 20 bytes, so only the broken field can be the reason.
        buf.setShort(buf.readerIndex() + Ipv4Packet.CHECKSUM, Checksum.compute(buf, buf.readerIndex(), 20));
        assertFalse(new Ipv4Packet().wrapChecked(buf, buf.readerIndex(), 40), what);
        assertNull(Ipv4Repr.parse(buf, buf.readerIndex(), 40), what);
    }

    @Test
    void rejectsTruncatedHeader() {
        ByteBuf buf = bufs.of(PING_HEADER);
        for (int available = 0; available < 20; available++) {
            assertFalse(new Ipv4Packet().wrapChecked(buf, buf.readerIndex(), available));
            assertNull(Ipv4Repr.parse(buf, buf.readerIndex(), available));
        }
    }

    @Test
    void rejectsPacketCutShortOfTotalLength() {
        ByteBuf frame = bufs.of(Golden.DNS_UDP);
        int at = frame.readerIndex() + Golden.DNS_IP;
        assertTrue(new Ipv4Packet().wrapChecked(frame, at, 230));
        assertFalse(new Ipv4Packet().wrapChecked(frame, at, 229));
        assertNull(Ipv4Repr.parse(frame, at, 229));
    }

    @Test
    void reprRejectsBadChecksumButFlyweightStillWraps() {
        ByteBuf buf = bufs.of(PING_HEADER + " 0000 0000".repeat(16));
        buf.setByte(buf.readerIndex() + Ipv4Packet.CHECKSUM, 0x24);
        Ipv4Packet p = new Ipv4Packet();
        assertTrue(p.wrapChecked(buf, buf.readerIndex(), buf.readableBytes()));
        assertFalse(p.verifyChecksum());
        assertNull(Ipv4Repr.parse(buf, buf.readerIndex(), buf.readableBytes()));
    }

    @Test
    void protocolNames() {
        assertEquals("icmp", IpProtocol.name(IpProtocol.ICMP));
        assertEquals("tcp", IpProtocol.name(IpProtocol.TCP));
        assertEquals("udp", IpProtocol.name(IpProtocol.UDP));
        assertEquals("47", IpProtocol.name(47));
    }
}
