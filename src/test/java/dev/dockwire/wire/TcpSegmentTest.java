package dev.dockwire.wire;

import static dev.dockwire.wire.TcpDnsFixtures.CLIENT;
import static dev.dockwire.wire.TcpDnsFixtures.SERVER;
import static dev.dockwire.wire.TcpDnsFixtures.TCP_DATA;
import static dev.dockwire.wire.TcpDnsFixtures.TCP_RST;
import static dev.dockwire.wire.TcpDnsFixtures.TCP_SYN;
import static dev.dockwire.wire.TcpDnsFixtures.TCP_SYN_ACK;
import static dev.dockwire.wire.TcpDnsFixtures.bytes;
import static dev.dockwire.wire.TcpDnsFixtures.segment;
import static dev.dockwire.wire.TcpDnsFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

class TcpSegmentTest {

    @Test
    void deconstructsLinuxSyn() {
        with(segment(TCP_SYN), buf -> {
            TcpSegment s = new TcpSegment();
            assertTrue(s.wrapChecked(buf, 0, buf.readableBytes()));
            assertEquals(35474, s.srcPort());
            assertEquals(80, s.dstPort());
            assertEquals(0x43eb4f2b, s.seq());
            assertEquals(0, s.ack());
            assertEquals(40, s.headerLength());
            assertEquals(TcpSegment.FLAG_SYN, s.flags());
            assertTrue(s.syn());
            assertFalse(s.ackFlag());
            assertEquals(64240, s.window());
            assertEquals(0x0bc1, s.checksum());
            assertEquals(0, s.urgent());
            assertEquals(20, s.optionsLength());
            assertEquals(40, s.payloadOffset());
            assertEquals(0, s.payloadLength());
            assertTrue(s.verifyChecksum(CLIENT, SERVER));
            assertFalse(s.verifyChecksum(SERVER, CLIENT + 1));
            TcpOptions o = new TcpOptions();
            assertTrue(s.options(o));
            assertEquals(1460, o.mss());
            assertTrue(o.sackPermitted());
            assertTrue(o.hasTimestamps());
            assertEquals(642163938, o.tsVal());
            assertEquals(0, o.tsEcr());
            assertEquals(10, o.windowScale());
            assertEquals(0, o.sackBlockCount());
            return null;
        });
    }

    @Test
    void deconstructsSynAckDataAndRst() {
        with(segment(TCP_SYN_ACK), buf -> {
            TcpSegment s = new TcpSegment();
            assertTrue(s.wrapChecked(buf, 0, buf.readableBytes()));
            assertTrue(s.hasFlags(TcpSegment.FLAG_SYN | TcpSegment.FLAG_ACK));
            assertEquals(0x5c0eab40, s.seq());
            assertEquals(0x43eb4f2c, s.ack());
            assertEquals(65160, s.window());
            assertTrue(s.verifyChecksum(SERVER, CLIENT));
            return null;
        });
        with(segment(TCP_DATA), buf -> {
            TcpSegment s = new TcpSegment();
            assertTrue(s.wrapChecked(buf, 0, buf.readableBytes()));
            assertEquals(TcpSegment.FLAG_PSH | TcpSegment.FLAG_ACK, s.flags());
            assertEquals(32, s.headerLength());
            assertEquals(18, s.payloadLength());
            assertEquals("GET / HTTP/1.0\r\n\r\n",
                    buf.toString(s.payloadOffset(), s.payloadLength(), java.nio.charset.StandardCharsets.US_ASCII));
            TcpOptions o = new TcpOptions();
            assertTrue(s.options(o));
            assertEquals(-1, o.mss());
            assertEquals(-1, o.windowScale());
            assertEquals(0x2646a546, o.tsVal());
            assertEquals(0x08b339df, o.tsEcr());
            assertTrue(s.verifyChecksum(CLIENT, SERVER));
            return null;
        });
        with(segment(TCP_RST), buf -> {
            TcpSegment s = new TcpSegment();
            assertTrue(s.wrapChecked(buf, 0, buf.readableBytes()));
            assertTrue(s.rst());
            assertTrue(s.ackFlag());
            assertEquals(81, s.srcPort());
            assertEquals(0, s.window());
            assertEquals(0, s.optionsLength());
            assertTrue(s.verifyChecksum(SERVER, CLIENT));
            return null;
        });
    }

    @Test
    void wrapCheckedRefusesBadDataOffsets() {
        byte[] seg = bytes(segment(TCP_SYN));
        with(seg, buf -> {
            TcpSegment s = new TcpSegment();
            assertFalse(s.wrapChecked(buf, 0, 19), "shorter than a header");
            assertFalse(s.wrapChecked(buf, 0, 39), "options run past the segment");
            assertTrue(s.wrapChecked(buf, 0, 40));
            buf.setByte(TcpSegment.DATA_OFFSET, 0x40); // 4 words
            assertFalse(s.wrapChecked(buf, 0, 40), "data offset below 5");
            buf.setByte(TcpSegment.DATA_OFFSET, 0xF0); // 60 bytes
            assertFalse(s.wrapChecked(buf, 0, 40), "data offset beyond the segment");
            return null;
        });
    }

    @Test
    void everyPrefixIsHandledWithoutException() {
        byte[] seg = bytes(segment(TCP_DATA));
        for (int n = 0; n <= seg.length; n++) {
            int len = n;
            with(seg, buf -> {
                TcpSegment s = new TcpSegment();
                if (s.wrapChecked(buf, 0, len)) {
                    s.options(new TcpOptions());
                    s.verifyChecksum(CLIENT, SERVER);
                }
                TcpRepr r = TcpRepr.parse(buf, 0, len, CLIENT, SERVER);
                assertEquals(len == seg.length, r != null, "prefix " + len);
                return null;
            });
        }
    }

    @Test
    void fillChecksumMatchesTheKernel() {
        with(segment(TCP_DATA), buf -> {
            TcpSegment s = new TcpSegment().wrap(buf, 0, buf.readableBytes());
            int expected = s.checksum();
            s.checksum(0x1234);
            assertFalse(s.verifyChecksum(CLIENT, SERVER));
            s.fillChecksum(CLIENT, SERVER);
            assertEquals(expected, s.checksum());
            return null;
        });
    }

    @Test
    void natPortRewritesKeepTheChecksumValid() {
        with(segment(TCP_DATA), buf -> {
            TcpSegment s = new TcpSegment().wrap(buf, 0, buf.readableBytes());
            s.srcPort(61000);
            assertEquals(61000, s.srcPort());
            assertTrue(s.verifyChecksum(CLIENT, SERVER));
            s.dstPort(8080);
            assertEquals(8080, s.dstPort());
            assertTrue(s.verifyChecksum(CLIENT, SERVER));
            assertEquals(recomputed(buf, s, CLIENT, SERVER), s.checksum());
            return null;
        });
    }

    @Test
    void natAddressChangePatchesThePseudoHeaderSum() {
        int hostIp = 0xC0A8_0164; // 192.168.1.100, as MASQUERADE would write
        with(segment(TCP_SYN), buf -> {
            TcpSegment s = new TcpSegment().wrap(buf, 0, buf.readableBytes());
            s.addressChanged(CLIENT, hostIp).srcPort(32768);
            assertTrue(s.verifyChecksum(hostIp, SERVER));
            assertFalse(s.verifyChecksum(CLIENT, SERVER));
            assertEquals(recomputed(buf, s, hostIp, SERVER), s.checksum());
            return null;
        });
    }

    private static int recomputed(ByteBuf buf, TcpSegment s, int src, int dst) {
        byte[] copy = io.netty.buffer.ByteBufUtil.getBytes(buf, s.offset(), s.length());
        return with(copy, b -> new TcpSegment().wrap(b, 0, copy.length).fillChecksum(src, dst).checksum());
    }
}
