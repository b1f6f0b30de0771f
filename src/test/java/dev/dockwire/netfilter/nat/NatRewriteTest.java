package dev.dockwire.netfilter.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.Frames;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.IpProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The flow step's rewrite with its checksum sums made in advance ({@link NatRewrite}) against the
 * hooks' ({@link NatManip#ports}, a fold per changed word as inet_proto_csum_replace4/2): the same
 * bytes for every UDP checksum field value (0x0000, RFC 768's "none", and the results that fold to
 * zero and go out as 0xFFFF among them), for CHECKSUM_PARTIAL packets, for rewrites that change only
 * the port or nothing at all, and for random tuples and header checksums; in a frame's array and
 * through Netty's accessors (a direct buffer).
 */
class NatRewriteTest {
    private static final int UDP_SUM = 20 + 6;
    private static final int IP_SUM = 10;

    // Three buffers for every case. The direct one is made unwrapped: under the tests' paranoid leak
    // detection a tracked buffer records a stack trace on every access.
    private final ByteBuf hooks = Frames.allocate(38);
    private final ByteBuf step = Frames.allocate(38);
    private final ByteBuf direct = new UnpooledDirectByteBuf(UnpooledByteBufAllocator.DEFAULT, 38, 38);

    @AfterEach
    void release() {
        hooks.release();
        step.release();
        direct.release();
    }

    /** Makes {@code b} a 38-byte UDP datagram whose header fields are as given and whose checksums are arbitrary. */
    private static void packet(ByteBuf b, int src, int sport, int dst, int dport, int ipSum, int udpSum, boolean partial) {
        int at = b.readerIndex();
        b.writerIndex(at + 38);
        b.setZero(at, 38);
        b.setByte(at, 0x45);
        b.setShort(at + 2, 38);
        b.setByte(at + 8, 64);
        b.setByte(at + 9, IpProtocol.UDP);
        b.setShort(at + IP_SUM, ipSum);
        b.setInt(at + 12, src);
        b.setInt(at + 16, dst);
        b.setShort(at + 20, sport);
        b.setShort(at + 22, dport);
        b.setShort(at + 24, 18);
        b.setShort(at + UDP_SUM, udpSum);
        if (partial) {
            Frames.checksumPartial(b, at + 20, 6);
        } else {
            Frames.checksumComplete(b);
        }
    }

    /**
     * Both rewrites of one packet (the flow step's in a frame's array and, unless CHECKSUM_PARTIAL, a
     * frame's mark only, through Netty's accessors in a direct buffer): asserts the same bytes, and gives
     * the UDP checksum field written.
     */
    private int same(boolean srcNat, int src, int sport, int dst, int dport, int addr, int port, int ipSum, int udpSum,
            boolean partial) {
        packet(hooks, src, sport, dst, dport, ipSum, udpSum, partial);
        packet(step, src, sport, dst, dport, ipSum, udpSum, partial);
        int off = hooks.readerIndex();
        int oldAddr = srcNat ? src : dst;
        int oldPort = srcNat ? sport : dport;
        new NatManip().ports(hooks, off, off + 20, off + 38, IpProtocol.UDP, srcNat, oldAddr, addr, oldPort, port);
        NatRewrite rewrite = new NatRewrite().set(srcNat, oldAddr, addr, oldPort, port);
        rewrite.apply(step, off);
        String want = ByteBufUtil.hexDump(hooks);
        assertEquals(want, ByteBufUtil.hexDump(step),
                () -> String.format("src=%b udp sum %04x ip sum %04x partial=%b", srcNat, udpSum, ipSum, partial));
        if (!partial) {
            direct.clear();
            packet(direct, src, sport, dst, dport, ipSum, udpSum, false);
            rewrite.apply(direct, 0);
            assertEquals(want, ByteBufUtil.hexDump(direct), "through Netty's accessors");
        }
        return step.getUnsignedShort(off + UDP_SUM);
    }

    @ParameterizedTest
    @CsvSource({
        "true, 10.1.0.1, 40000",   // MASQUERADE, the benchmark's
        "false, 10.1.0.2, 9",      // DNAT to the same port
        "true, 10.0.0.2, 1024",    // the port alone changes
        "true, 10.0.0.2, 40000",   // nothing changes (a null binding's rewrite)
        "false, 255.255.255.255, 65535",
        "true, 0.0.0.0, 0",
    })
    void everyChecksumValueGetsTheHooksBytes(boolean srcNat, String to, int port) {
        int addr = TestNet.ip(to);
        int src = TestNet.ip("10.0.0.2");
        int dst = TestNet.ip("10.0.0.1");
        boolean mangled = false;
        for (int sum = 0; sum <= 0xFFFF; sum++) {
            int out = same(srcNat, src, 40000, dst, 9, addr, port, sum ^ 0x5A5A, sum, false);
            if (sum == 0) {
                assertEquals(0, out, "RFC 768: a UDP checksum of zero (none) is left alone");
            }
            mangled |= sum != 0 && out == 0xFFFF;
            same(srcNat, src, 40000, dst, 9, addr, port, sum, sum, true);
        }
        assertTrue(mangled, "some checksum field went out as 0xFFFF (CSUM_MANGLED_0 or an all-ones sum)");
    }

    @Test
    void randomTuplesAndChecksumsGetTheHooksBytes() {
        Random r = new Random(22);
        int[] edges = {0, 1, 0xFFFE, 0xFFFF};
        for (int i = 0; i < 50_000; i++) {
            int ipSum = i % 5 < 4 ? edges[i % 4] : r.nextInt(0x10000);
            int udpSum = i % 7 < 4 ? edges[(i / 4) % 4] : r.nextInt(0x10000);
            int sport = r.nextInt(0x10000);
            int dport = r.nextInt(0x10000);
            int src = r.nextInt();
            int dst = r.nextInt();
            boolean srcNat = r.nextBoolean();
            int addr = r.nextInt(4) == 0 ? (srcNat ? src : dst) : r.nextInt();
            int port = r.nextInt(4) == 0 ? (srcNat ? sport : dport) : r.nextInt(0x10000);
            same(srcNat, src, sport, dst, dport, addr, port, ipSum, udpSum, r.nextInt(8) == 0);
        }
    }
}
