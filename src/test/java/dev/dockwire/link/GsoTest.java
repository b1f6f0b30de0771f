package dev.dockwire.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.TcpSegment;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * skb_gso_segment and skb_checksum_help on TCPv4 GSO packets: a super-packet cut at gso_size gives
 * byte for byte the frames a sender segmenting at the MSS would have sent, and a device without
 * TSO segments before its taps while one with TSO passes the super-packet whole.
 */
class GsoTest {
    private static final int MSS = 1448;
    private static final int SRC = 0x0A000002;
    private static final int DST = 0x0A000003;
    private static final int SEQ = 0xFFFFF000; // wraps within the packet
    private static final int ID = 0xFFFE;      // wraps too
    private static final int TCP_HL = 32;      // with the timestamp option, as Linux sends bulk data

    /** One TCP/IPv4 frame: {@code len} payload bytes of the stream from {@code streamOff}, checksums complete. */
    private static ByteBuf frame(int id, int seq, int flags, int streamOff, int len, boolean partial) {
        int ipLen = Ipv4Packet.MIN_HEADER_LENGTH + TCP_HL + len;
        ByteBuf f = Frames.allocate(EthernetFrame.HEADER_LENGTH + ipLen);
        int at = f.readerIndex();
        f.writerIndex(at + EthernetFrame.HEADER_LENGTH + ipLen);
        new EthernetFrame().wrap(f, at).dst(0x020000000003L).src(0x020000000002L).etherType(EtherType.IPV4);
        int ip = at + EthernetFrame.HEADER_LENGTH;
        new Ipv4Packet().wrap(f, ip).set(0, ipLen, id & 0xFFFF, Ipv4Packet.FLAG_DF, 64, IpProtocol.TCP, SRC, DST).fillChecksum();
        int tcp = ip + Ipv4Packet.MIN_HEADER_LENGTH;
        TcpSegment seg = new TcpSegment().wrap(f, tcp, TCP_HL + len).set(40000, 5201, seq, 12345, TCP_HL, flags, 502, 0);
        // NOP NOP TS(val, ecr)
        f.setInt(tcp + 20, 0x0101080A);
        f.setInt(tcp + 24, 1000);
        f.setInt(tcp + 28, 2000);
        for (int i = 0; i < len; i++) {
            f.setByte(tcp + TCP_HL + i, (streamOff + i) * 7);
        }
        if (partial) {
            seg.checksum(Checksum.fold(Checksum.pseudoHeader(SRC, DST, IpProtocol.TCP, TCP_HL + len)));
            Frames.checksumPartial(f, tcp, TcpSegment.CHECKSUM);
        } else {
            seg.fillChecksum(SRC, DST);
        }
        return f;
    }

    private static byte[] bytes(ByteBuf b) {
        return ByteBufUtil.getBytes(b);
    }

    @Test
    void aSuperPacketSegmentsIntoWhatTheSenderWouldHaveSentAtTheMss() {
        int payload = 3 * MSS + 100;
        int flags = TcpSegment.FLAG_ACK | TcpSegment.FLAG_PSH | TcpSegment.FLAG_FIN | TcpSegment.FLAG_CWR;
        ByteBuf sup = frame(ID, SEQ, flags, 0, payload, true);
        Frames.gso(sup, MSS, 4);
        assertTrue(Frames.isGso(sup));
        assertEquals(4, Gso.segments(sup));
        for (int i = 0; i < 4; i++) {
            int len = i == 3 ? 100 : MSS;
            // CWR on the first segment only, PSH and FIN on the last only (tcp_gso_segment)
            int f = TcpSegment.FLAG_ACK | (i == 0 ? TcpSegment.FLAG_CWR : 0)
                    | (i == 3 ? TcpSegment.FLAG_PSH | TcpSegment.FLAG_FIN : 0);
            ByteBuf expected = frame(ID + i, SEQ + i * MSS, f, i * MSS, len, false);
            ByteBuf got = Gso.segment(sup, i);
            assertArrayEquals(bytes(expected), bytes(got), "segment " + i);
            assertFalse(Frames.isGso(got));
            assertFalse(Frames.checksumPartial(got), "segments leave with their checksums complete");
            Ipv4Packet ip = new Ipv4Packet().wrap(got, got.readerIndex() + EthernetFrame.HEADER_LENGTH);
            assertTrue(ip.verifyChecksum());
            assertTrue(new TcpSegment().wrap(got, ip.payloadOffset(), ip.payloadLength()).verifyChecksum(SRC, DST));
            expected.release();
            got.release();
        }
        sup.release();
    }

    @Test
    void checksumHelpTurnsThePartialChecksumIntoTheFullOne() {
        ByteBuf partial = frame(7, 1, TcpSegment.FLAG_ACK, 0, 999, true);
        ByteBuf full = frame(7, 1, TcpSegment.FLAG_ACK, 0, 999, false);
        assertFalse(ByteBufUtil.equals(partial, full), "only the pseudo-header sum before");
        Gso.checksumHelp(partial);
        assertFalse(Frames.checksumPartial(partial));
        assertArrayEquals(bytes(full), bytes(partial));
        partial.release();
        full.release();
    }

    @Test
    void aCopyKeepsTheMetadataAndAPlainBufferReadsAsAPlainPacket() {
        ByteBuf sup = frame(1, 1, TcpSegment.FLAG_ACK, 0, 2 * MSS, true);
        Frames.gso(sup, MSS, 2);
        ByteBuf copy = Frames.copy(sup);
        assertEquals(MSS, Frames.gsoSize(copy));
        assertEquals(2, Frames.gsoSegs(copy));
        assertTrue(Frames.checksumPartial(copy));
        Gso.checksumHelp(copy);
        Gso.checksumHelp(sup);
        assertArrayEquals(bytes(sup), bytes(copy), "csum_start follows the bytes into the copy");
        copy.release();
        sup.release();
        ByteBuf plain = io.netty.buffer.Unpooled.buffer(10);
        assertEquals(0, Frames.gsoSize(plain));
        assertEquals(1, Frames.gsoSegs(plain));
        assertFalse(Frames.checksumPartial(plain));
        ByteBuf reused = Frames.allocate(100);
        assertEquals(0, Frames.gsoSize(reused), "a reused frame starts clean");
        assertEquals(Frames.CHECKSUM_NONE, Frames.ipSummed(reused));
        reused.release();
    }

    @Test
    void aGsoPacketFitsAnMtuItsSegmentsFit() {
        ByteBuf sup = frame(1, 1, TcpSegment.FLAG_ACK, 0, 45 * MSS, true);
        Frames.gso(sup, MSS, 45);
        assertTrue(Gso.fitsMtu(sup, 1500));
        assertFalse(Gso.fitsMtu(sup, 1499), "1448 + 32 + 20 = 1500");
        sup.release();
    }

    @Test
    void aDeviceWithoutTsoSegmentsBeforeItsTapsOneWithTsoPassesTheSuperPacket() {
        Dummy dev = new Dummy("d0", 2, 0x020000000009L);
        dev.setUp(true);
        List<Integer> seen = new ArrayList<>();
        dev.wrapEgress(next -> (d, f) -> {
            seen.add(f.readableBytes());
            next.accept(d, f);
        });
        assertTrue((dev.features() & NetdevFeatures.TSO) != 0);
        ByteBuf sup = frame(1, 1, TcpSegment.FLAG_ACK, 0, 3 * MSS, true);
        Frames.gso(sup, MSS, 3);
        dev.transmit(sup);
        assertEquals(List.of(14 + 20 + 32 + 3 * MSS), seen);
        seen.clear();
        dev.features(dev.features() & ~NetdevFeatures.TSO);
        sup = frame(1, 1, TcpSegment.FLAG_ACK, 0, 3 * MSS, true);
        Frames.gso(sup, MSS, 3);
        dev.transmit(sup);
        assertEquals(List.of(1514, 1514, 1514), seen);
        assertEquals("""
                scatter-gather: on
                tx-checksumming: on
                \ttx-checksum-ip-generic: on
                tcp-segmentation-offload: off
                \ttx-tcp-segmentation: off
                generic-segmentation-offload: on
                generic-receive-offload: on""", NetdevFeatures.ethtool(dev.features()));
        assertEquals(NetdevFeatures.TUNNEL, NetdevFeatures.defaults(LinkType.VXLAN));
    }
}
