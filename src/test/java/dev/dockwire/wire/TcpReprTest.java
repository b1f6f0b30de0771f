package dev.dockwire.wire;

import static dev.dockwire.wire.TcpDnsFixtures.CLIENT;
import static dev.dockwire.wire.TcpDnsFixtures.SERVER;
import static dev.dockwire.wire.TcpDnsFixtures.TCP_ALL;
import static dev.dockwire.wire.TcpDnsFixtures.TCP_DATA;
import static dev.dockwire.wire.TcpDnsFixtures.TCP_FIN;
import static dev.dockwire.wire.TcpDnsFixtures.TCP_RST;
import static dev.dockwire.wire.TcpDnsFixtures.TCP_SYN;
import static dev.dockwire.wire.TcpDnsFixtures.TCP_SYN_ACK;
import static dev.dockwire.wire.TcpDnsFixtures.bytes;
import static dev.dockwire.wire.TcpDnsFixtures.emitted;
import static dev.dockwire.wire.TcpDnsFixtures.hex;
import static dev.dockwire.wire.TcpDnsFixtures.segment;
import static dev.dockwire.wire.TcpDnsFixtures.with;
import static dev.dockwire.wire.TcpSegment.FLAG_ACK;
import static dev.dockwire.wire.TcpSegment.FLAG_FIN;
import static dev.dockwire.wire.TcpSegment.FLAG_PSH;
import static dev.dockwire.wire.TcpSegment.FLAG_RST;
import static dev.dockwire.wire.TcpSegment.FLAG_SYN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpReprTest {

    private static TcpRepr parse(String ipv4Hex, int src, int dst) {
        return with(segment(ipv4Hex), buf -> TcpRepr.parse(buf, 0, buf.readableBytes(), src, dst));
    }

    private static String emit(TcpRepr r, int src, int dst) {
        return hex(emitted(r.length(), buf -> r.emit(buf, 0, src, dst)));
    }

    @Test
    void parsesTheSyn() {
        TcpRepr r = parse(TCP_SYN, CLIENT, SERVER);
        assertEquals(new TcpRepr(35474, 80, 0x43eb4f2b, 0, FLAG_SYN, 64240, 0, 1460, 10, true, List.of(),
                new TcpRepr.Timestamps(642163938, 0), new byte[0]), r);
        assertEquals(40, r.headerLength());
        assertEquals(1, r.sequenceLength());
        assertNull(parse(TCP_SYN, CLIENT, CLIENT), "checksum against the wrong pseudo-header");
    }

    @Test
    void constructsTheCapturedSegments() {
        TcpRepr syn = new TcpRepr(35474, 80, 0x43eb4f2b, 0, FLAG_SYN, 64240, 0, 1460, 10, true, List.of(),
                new TcpRepr.Timestamps(0x2646a4e2, 0), new byte[0]);
        assertEquals(segment(TCP_SYN), emit(syn, CLIENT, SERVER));

        TcpRepr synAck = new TcpRepr(80, 35474, 0x5c0eab40, 0x43eb4f2c, FLAG_SYN | FLAG_ACK, 65160, 0, 1460, 10, true,
                List.of(), new TcpRepr.Timestamps(0x08b339df, 0x2646a4e2), new byte[0]);
        assertEquals(segment(TCP_SYN_ACK), emit(synAck, SERVER, CLIENT));

        TcpRepr data = new TcpRepr(35474, 80, 0x43eb4f2c, 0x5c0eab41, FLAG_PSH | FLAG_ACK, 63, 0, -1, -1, false,
                List.of(), new TcpRepr.Timestamps(0x2646a546, 0x08b339df),
                "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(segment(TCP_DATA), emit(data, CLIENT, SERVER));
        assertEquals(18, data.sequenceLength());

        TcpRepr fin = new TcpRepr(80, 35474, 0x5c0eab54, 0x43eb4f3e, FLAG_FIN | FLAG_ACK, 64, 0, -1, -1, false,
                List.of(), new TcpRepr.Timestamps(0x08b33b70, 0x2646a546), new byte[0]);
        assertEquals(segment(TCP_FIN), emit(fin, SERVER, CLIENT));
        assertEquals(1, fin.sequenceLength());

        TcpRepr rst = TcpRepr.of(81, 48822, 0, 0x632ead69, FLAG_RST | FLAG_ACK, 0, new byte[0]);
        assertEquals(segment(TCP_RST), emit(rst, SERVER, CLIENT));
    }

    @Test
    void everyCapturedSegmentRoundTrips() {
        for (String ip : TCP_ALL) {
            byte[] packet = bytes(ip);
            int src = with(packet, buf -> new Ipv4Packet().wrap(buf, 0).src());
            int dst = with(packet, buf -> new Ipv4Packet().wrap(buf, 0).dst());
            TcpRepr r = parse(ip, src, dst);
            assertNotNull(r, ip);
            assertEquals(segment(ip), emit(r, src, dst), "re-emitted " + r);
        }
    }

    @Test
    void sackBlocksRoundTrip() {
        TcpRepr r = new TcpRepr(1, 2, 1000, 2000, FLAG_ACK, 500, 0, -1, -1, false,
                List.of(new TcpRepr.SackBlock(3000, 4000), new TcpRepr.SackBlock(5000, 6000)),
                new TcpRepr.Timestamps(7, 8), new byte[] {1, 2, 3});
        String hex = emit(r, CLIENT, SERVER);
        assertTrue(hex.contains("0101080a0000000700000008" + "01010512" + "00000bb800000fa0" + "0000138800001770"), hex);
        TcpRepr back = with(hex, buf -> TcpRepr.parse(buf, 0, buf.readableBytes(), CLIENT, SERVER));
        assertEquals(r, back);
        assertArrayEquals(new byte[] {1, 2, 3}, back.payload());
    }

    @Test
    void malformedOptionsMakeParseFail() {
        // a SYN whose options area holds an option of length 1; checksum refilled so only the option is wrong
        byte[] seg = bytes(segment(TCP_SYN));
        seg[TcpSegment.OPTIONS + 1] = 1;
        TcpRepr r = with(seg, buf -> {
            new TcpSegment().wrap(buf, 0, seg.length).fillChecksum(CLIENT, SERVER);
            return TcpRepr.parse(buf, 0, seg.length, CLIENT, SERVER);
        });
        assertNull(r);
    }

    @Test
    void leavesOutSackBlocksThatDoNotFitLikeLinux() {
        List<TcpRepr.SackBlock> four = List.of(new TcpRepr.SackBlock(1, 2), new TcpRepr.SackBlock(3, 4),
                new TcpRepr.SackBlock(5, 6), new TcpRepr.SackBlock(7, 8));
        TcpRepr withTs = new TcpRepr(1, 2, 0, 0, FLAG_ACK, 0, 0, -1, -1, false, four, new TcpRepr.Timestamps(1, 2),
                new byte[0]);
        assertEquals(60, withTs.headerLength(), "12 for TS, 28 for three blocks");
        TcpRepr back = with(emit(withTs, CLIENT, SERVER), buf -> TcpRepr.parse(buf, 0, 60, CLIENT, SERVER));
        assertEquals(four.subList(0, 3), back.sackBlocks());
        TcpRepr noTs = new TcpRepr(1, 2, 0, 0, FLAG_ACK, 0, 0, -1, -1, false, four, null, new byte[0]);
        assertEquals(56, noTs.headerLength(), "all four blocks fit without timestamps");
        assertThrows(IllegalArgumentException.class, () -> new TcpRepr(1, 2, 0, 0, FLAG_ACK, 0, 0, -1, -1, false,
                List.of(four.get(0), four.get(1), four.get(2), four.get(3), four.get(0)), null, new byte[0]));
    }
}
