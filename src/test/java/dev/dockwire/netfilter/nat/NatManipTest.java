package dev.dockwire.netfilter.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.link.Frames;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.TcpSegment;
import dev.dockwire.wire.UdpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NatManip's rewrite of a parsed TCP/UDP packet ({@code ports}, every packet of a NATed flow)
 * against the full one ({@code manip}, which reads what it rewrites) and against a packet built
 * from scratch with the translated tuple: the same bytes, checksums included.
 */
class NatManipTest {
    private static final int OLD_SRC = TestNet.ip("10.0.0.2");
    private static final int OLD_DST = TestNet.ip("10.1.0.2");

    private static ByteBuf packet(int proto, int src, int sport, int dst, int dport, boolean zeroUdpSum) {
        int l4 = proto == IpProtocol.TCP ? TcpSegment.MIN_HEADER_LENGTH : UdpPacket.HEADER_LENGTH + 10;
        ByteBuf b = Frames.allocate(20 + l4);
        int at = b.readerIndex();
        b.writerIndex(at + 20 + l4);
        b.setZero(at, 20 + l4);
        for (int i = 0; i < 10 && proto == IpProtocol.UDP; i++) {
            b.setByte(at + 28 + i, 0x41 + i);
        }
        new Ipv4Packet().wrap(b, at).set(0, 20 + l4, 7, Ipv4Packet.FLAG_DF, 63, proto, src, dst).fillChecksum();
        if (proto == IpProtocol.TCP) {
            new TcpSegment().wrap(b, at + 20, 20).set(sport, dport, 1000, 2000, 20, TcpSegment.FLAG_ACK, 502, 0)
                    .fillChecksum(src, dst);
        } else {
            UdpPacket u = new UdpPacket().wrap(b, at + 20).set(sport, dport, l4);
            if (!zeroUdpSum) {
                u.fillChecksum(src, dst);
            }
        }
        return b;
    }

    @ParameterizedTest
    @CsvSource({
        "6, true, 10.1.0.1, 40000, false",   // MASQUERADE of TCP
        "6, false, 172.17.0.2, 80, false",   // DNAT of TCP to another port
        "17, true, 10.1.0.1, 40000, false",  // MASQUERADE of UDP (the benchmark's)
        "17, true, 10.1.0.1, 1024, false",   // SNAT with a new source port
        "17, false, 172.17.0.2, 9, false",   // DNAT of UDP
        "17, true, 10.1.0.1, 40000, true",   // UDP without a checksum (0 stays 0)
    })
    void parsedRewriteIsTheFullRewrite(int proto, boolean src, String to, int port, boolean zeroUdpSum) {
        int addr = TestNet.ip(to);
        ByteBuf full = packet(proto, OLD_SRC, 40000, OLD_DST, 9, zeroUdpSum);
        ByteBuf parsed = packet(proto, OLD_SRC, 40000, OLD_DST, 9, zeroUdpSum);
        int off = full.readerIndex();
        int end = full.writerIndex();
        new NatManip().manip(full, off, end, src, addr, port, true);
        new NatManip().ports(parsed, off, off + 20, end, proto, src, src ? OLD_SRC : OLD_DST, addr, src ? 40000 : 9, port);
        assertEquals(ByteBufUtil.hexDump(full), ByteBufUtil.hexDump(parsed));
        ByteBuf fresh = src ? packet(proto, addr, port, OLD_DST, 9, zeroUdpSum) : packet(proto, OLD_SRC, 40000, addr, port, zeroUdpSum);
        assertEquals(ByteBufUtil.hexDump(fresh), ByteBufUtil.hexDump(parsed));
        full.release();
        parsed.release();
        fresh.release();
    }

    @ParameterizedTest
    @CsvSource({"6, true", "6, false", "17, true", "17, false"})
    void partialChecksumGetsThePseudoHeaderUpdateOnly(int proto, boolean src) {
        ByteBuf full = packet(proto, OLD_SRC, 40000, OLD_DST, 9, false);
        ByteBuf parsed = packet(proto, OLD_SRC, 40000, OLD_DST, 9, false);
        int off = full.readerIndex();
        int end = full.writerIndex();
        int csum = proto == IpProtocol.TCP ? 16 : 6;
        for (ByteBuf b : new ByteBuf[] {full, parsed}) {
            // CHECKSUM_PARTIAL: the field holds the pseudo-header sum, as udp4_hwcsum/tcp_v4_send_check leave it.
            Frames.checksumPartial(b, off + 20, csum);
            b.setShort(off + 20 + csum, 0x1234);
        }
        int addr = TestNet.ip("10.1.0.1");
        new NatManip().manip(full, off, end, src, addr, 1024, true);
        new NatManip().ports(parsed, off, off + 20, end, proto, src, src ? OLD_SRC : OLD_DST, addr, src ? 40000 : 9, 1024);
        assertEquals(ByteBufUtil.hexDump(full), ByteBufUtil.hexDump(parsed));
        full.release();
        parsed.release();
    }
}
