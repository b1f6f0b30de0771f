package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChecksumTest {
    @RegisterExtension
    final Bufs bufs = new Bufs();

    @Test
    void rfc1071Example() {
        // RFC 1071 section 3: bytes 00 01 f2 03 f4 f5 f6 f7 sum to 0xddf2 (0x2ddf0 before folding).
        ByteBuf buf = bufs.of("0001 f203 f4f5 f6f7");
        assertEquals(0xddf2, Checksum.fold(Checksum.sum(buf, buf.readerIndex(), 8, 0)));
        assertEquals(0xddf2, Checksum.fold(0x2ddf0L));
        assertEquals(0x220d, Checksum.compute(buf, buf.readerIndex(), 8));
    }

    @Test
    void oddTrailingByteIsPaddedWithZero() {
        ByteBuf buf = bufs.of("0001 f203 f4");
        assertEquals(Checksum.fold(0x0001 + 0xf203 + 0xf400), Checksum.fold(Checksum.sum(buf, buf.readerIndex(), 5, 0)));
    }

    @Test
    void wikipediaHeaderExample() {
        // The IPv4 header checksum example of Wikipedia's "Internet checksum" article.
        ByteBuf buf = bufs.of("4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7");
        assertEquals(0xb861, Checksum.compute(buf, buf.readerIndex(), 20));
    }

    @Test
    void sumWithTwoCarries() {
        // From google/gopacket layers/ip4_test.go "sum has two carries", checksum field zeroed.
        ByteBuf buf = bufs.of("4540 0058 0000 0000 ff11 0000 0aeb 1d07 0aed 8877");
        assertEquals(0xfffe, Checksum.compute(buf, buf.readerIndex(), 20));
    }

    @Test
    void verifiesCapturedPackets() {
        ByteBuf vx = bufs.of(Golden.VXLAN_ICMP);
        int r = vx.readerIndex();
        assertEquals(0xffff, Checksum.fold(Checksum.sum(vx, r + Golden.VX_OUTER_IP, 20, 0)), "outer IPv4");
        assertEquals(0xffff, Checksum.fold(Checksum.sum(vx, r + Golden.VX_INNER_IP, 20, 0)), "inner IPv4");
        assertEquals(0xffff, Checksum.fold(Checksum.sum(vx, r + Golden.VX_ICMP, 64, 0)), "ICMP");

        ByteBuf dns = bufs.of(Golden.DNS_UDP);
        int d = dns.readerIndex();
        assertEquals(0xffff, Checksum.fold(Checksum.sum(dns, d + Golden.DNS_IP, 20, 0)), "IPv4");
        long pseudo = Checksum.pseudoHeader(Ipv4Address.parse("172.16.255.1").bits(),
                Ipv4Address.parse("172.29.20.15").bits(), IpProtocol.UDP, 210);
        assertEquals(0xffff, Checksum.fold(Checksum.sum(dns, d + Golden.DNS_UDP_AT, 210, pseudo)), "UDP");

        ByteBuf vlan = bufs.of(Golden.VLAN_TCP);
        assertEquals(0xffff, Checksum.fold(Checksum.sum(vlan, vlan.readerIndex() + 18, 20, 0)), "tagged IPv4");
    }

    @Test
    void sumMatchesWordByWordDefinitionAtAnyAlignment() {
        SplittableRandom random = new SplittableRandom(1071);
        ByteBuf buf = bufs.zeroed(160);
        byte[] bytes = new byte[160];
        random.nextBytes(bytes);
        buf.setBytes(buf.readerIndex(), bytes);
        for (int from = 0; from < 8; from++) {
            for (int length = 0; length <= 150; length++) {
                long naive = 0;
                for (int i = 0; i < length; i += 2) {
                    int hi = bytes[from + i] & 0xff;
                    int lo = i + 1 < length ? bytes[from + i + 1] & 0xff : 0;
                    naive += (hi << 8) | lo;
                }
                assertEquals(Checksum.fold(naive), Checksum.fold(Checksum.sum(buf, buf.readerIndex() + from, length, 0)),
                        "from " + from + " length " + length);
            }
        }
    }

    @Test
    void rfc1624Example() {
        // RFC 1624 section 4: HC 0xdd2f, m 0x5555 -> m' 0x3285. Eqn. 2 would give 0xffff (-0);
        // eqn. 3 gives 0x0000, which is what recomputing from scratch gives.
        assertEquals(0x0000, Checksum.update16(0xdd2f, 0x5555, 0x3285));
    }

    @Test
    void rfc1624ErrataExamples() {
        // RFC 1624 errata 5864: an unchanged field keeps checksum 0; 0x5555 -> 0x5556 gives 0xfffe.
        assertEquals(0x0000, Checksum.update16(0x0000, 0x5555, 0x5555));
        assertEquals(0xfffe, Checksum.update16(0x0000, 0x5555, 0x5556));
    }

    @Test
    void incrementalUpdateEqualsRecomputation() {
        SplittableRandom random = new SplittableRandom(1624);
        ByteBuf buf = bufs.zeroed(20);
        int at = buf.readerIndex();
        byte[] header = new byte[20];
        for (int round = 0; round < 20_000; round++) {
            random.nextBytes(header);
            header[0] = 0x45;
            buf.setBytes(at, header);
            Ipv4Packet ip = new Ipv4Packet().wrap(buf, at).fillChecksum();
            int before = ip.checksum();
            if (random.nextBoolean()) {
                int word = random.nextInt(9); // any 16-bit word but the checksum (word 5)
                int off = at + 2 * (word < 5 ? word : word + 1);
                int old = buf.getUnsignedShort(off);
                int now = random.nextInt(4) == 0 ? old : random.nextInt(0x10000);
                if (word == 0) {
                    now = 0x4500 | (now & 0xff);
                }
                buf.setShort(off, now);
                int incremental = Checksum.update16(before, old, now);
                assertEquals(recompute(buf, at), incremental, "round " + round + " word " + word);
            } else {
                int off = at + (random.nextBoolean() ? Ipv4Packet.SRC : Ipv4Packet.DST);
                int old = buf.getInt(off);
                int now = random.nextInt(4) == 0 ? old : random.nextInt();
                buf.setInt(off, now);
                int incremental = Checksum.update32(before, old, now);
                assertEquals(recompute(buf, at), incremental, "round " + round + " address");
            }
        }
    }

    @Test
    void flyweightRewritesEqualRecomputation() {
        SplittableRandom random = new SplittableRandom(791);
        ByteBuf buf = bufs.zeroed(20);
        int at = buf.readerIndex();
        byte[] header = new byte[20];
        for (int round = 0; round < 5_000; round++) {
            random.nextBytes(header);
            header[0] = 0x45;
            header[8] = (byte) (1 + random.nextInt(255)); // TTL at least 1
            buf.setBytes(at, header);
            Ipv4Packet ip = new Ipv4Packet().wrap(buf, at).fillChecksum();
            switch (random.nextInt(4)) {
                case 0 -> ip.decrementTtl();
                case 1 -> ip.src(random.nextInt());
                case 2 -> ip.dst(random.nextInt());
                default -> ip.totalLength(random.nextInt(0x10000));
            }
            assertTrue(ip.verifyChecksum(), "round " + round);
            assertEquals(recompute(buf, at), ip.checksum(), "round " + round);
        }
    }

    @Test
    void pseudoHeaderIsSumOfItsWords() {
        int src = Ipv4Address.parse("255.255.255.255").bits();
        int dst = Ipv4Address.parse("255.255.255.255").bits();
        assertEquals(4L * 0xffff + 17 + 0xffff, Checksum.pseudoHeader(src, dst, IpProtocol.UDP, 0xffff));
        assertEquals(0L, Checksum.pseudoHeader(0, 0, 0, 0));
    }

    private static int recompute(ByteBuf buf, int at) {
        int saved = buf.getUnsignedShort(at + Ipv4Packet.CHECKSUM);
        buf.setShort(at + Ipv4Packet.CHECKSUM, 0);
        int full = Checksum.compute(buf, at, 20);
        buf.setShort(at + Ipv4Packet.CHECKSUM, saved);
        return full;
    }
}
