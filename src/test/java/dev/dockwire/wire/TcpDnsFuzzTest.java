package dev.dockwire.wire;

import static dev.dockwire.wire.TcpDnsFixtures.DNS_ALL;
import static dev.dockwire.wire.TcpDnsFixtures.TCP_ALL;
import static dev.dockwire.wire.TcpDnsFixtures.bytes;
import static dev.dockwire.wire.TcpDnsFixtures.emitted;
import static dev.dockwire.wire.TcpDnsFixtures.segment;
import static dev.dockwire.wire.TcpDnsFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Parsers never throw: random byte arrays and random mutations of the captured packets, from a
 * fixed seed. Whatever parses must emit, and parse back to the same value.
 */
class TcpDnsFuzzTest {
    private static final int ROUNDS = 10_000;
    private static final int SRC = TcpDnsFixtures.CLIENT;
    private static final int DST = TcpDnsFixtures.SERVER;
    private static final byte[] INTERESTING = {0x00, 0x01, 0x02, 0x3f, 0x40, (byte) 0x80, (byte) 0xc0, (byte) 0xff, 0x0c};

    private static byte[] randomBytes(Random rnd) {
        byte[] b = new byte[rnd.nextInt(600)];
        rnd.nextBytes(b);
        if (b.length >= 12 && rnd.nextBoolean()) {
            for (int i = 4; i < 12; i += 2) { // small counts, so the parser gets past the header
                b[i] = 0;
                b[i + 1] = (byte) rnd.nextInt(4);
            }
        }
        return b;
    }

    private static byte[] mutate(byte[] original, Random rnd) {
        byte[] b = original.clone();
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n && b.length > 0; k++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(5)) {
                case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[at] = INTERESTING[rnd.nextInt(INTERESTING.length)];
                case 2 -> b[at] = (byte) rnd.nextInt(256);
                case 3 -> b = Arrays.copyOf(b, at);
                default -> {
                    byte[] grown = new byte[b.length + 1];
                    System.arraycopy(b, 0, grown, 0, at);
                    grown[at] = (byte) rnd.nextInt(256);
                    System.arraycopy(b, at, grown, at + 1, b.length - at);
                    b = grown;
                }
            }
        }
        return b;
    }

    private static int dnsCheck(byte[] input) {
        DnsMessage m = with(input, buf -> DnsMessage.parse(buf, 0, input.length));
        with(input, buf -> {
            StringBuilder sb = new StringBuilder();
            for (int at = 0; at < Math.min(input.length, 64); at++) {
                sb.setLength(0);
                DnsName.read(buf, 0, input.length, at, sb);
            }
            return null;
        });
        if (m == null) {
            return 0;
        }
        int length = m.length();
        byte[] out = emitted(length, buf -> assertEquals(length, m.emit(buf, 0)));
        assertEquals(m, with(out, buf -> DnsMessage.parse(buf, 0, out.length)));
        return 1;
    }

    private static int tcpCheck(byte[] input, boolean fixChecksum) {
        TcpRepr r = with(input, buf -> {
            TcpSegment s = new TcpSegment();
            if (s.wrapChecked(buf, 0, input.length)) {
                if (fixChecksum) {
                    s.fillChecksum(SRC, DST);
                }
                s.options(new TcpOptions());
            }
            return TcpRepr.parse(buf, 0, input.length, SRC, DST);
        });
        if (r == null) {
            return 0;
        }
        byte[] out = emitted(r.length(), buf -> r.emit(buf, 0, SRC, DST));
        TcpRepr back = with(out, buf -> TcpRepr.parse(buf, 0, out.length, SRC, DST));
        assertNotNull(back);
        List<TcpRepr.SackBlock> kept = r.sackBlocks().subList(0, back.sackBlocks().size());
        assertEquals(new TcpRepr(r.srcPort(), r.dstPort(), r.seq(), r.ack(), r.flags(), r.window(), r.urgent(), r.mss(),
                r.windowScale(), r.sackPermitted(), kept, r.timestamps(), r.payload()), back);
        return 1;
    }

    @Test
    void randomBytesNeverThrow() {
        Random rnd = new Random(0x5EED_0001L);
        int parsedDns = 0;
        int parsedTcp = 0;
        for (int i = 0; i < ROUNDS; i++) {
            byte[] b = randomBytes(rnd);
            parsedDns += dnsCheck(b);
            parsedTcp += tcpCheck(b, rnd.nextBoolean());
        }
        assertTrue(parsedDns > 0, "some random messages parse (small counts, empty sections)");
        assertTrue(parsedTcp > 0, "some random segments parse once their checksum is fixed");
    }

    @Test
    void mutatedDnsMessagesNeverThrow() {
        Random rnd = new Random(0x5EED_0002L);
        int parsed = 0;
        for (int i = 0; i < ROUNDS; i++) {
            parsed += dnsCheck(mutate(bytes(DNS_ALL.get(rnd.nextInt(DNS_ALL.size()))), rnd));
        }
        assertTrue(parsed > ROUNDS / 10, "many mutations still parse: " + parsed);
    }

    @Test
    void mutatedTcpSegmentsNeverThrow() {
        Random rnd = new Random(0x5EED_0003L);
        int parsed = 0;
        for (int i = 0; i < ROUNDS; i++) {
            byte[] seg = bytes(segment(TCP_ALL.get(rnd.nextInt(TCP_ALL.size()))));
            parsed += tcpCheck(mutate(seg, rnd), rnd.nextInt(4) != 0);
        }
        assertTrue(parsed > ROUNDS / 10, "many mutations still parse: " + parsed);
    }
}
