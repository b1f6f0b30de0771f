package dev.dockwire.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dockwire.sim.SeededRandom;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    @Test
    void printsWhatTcpdumpPrints() {
        TestFrames tf = new TestFrames();
        List<DecoderCorpus.Entry> corpus = DecoderCorpus.build(tf);
        for (DecoderCorpus.Entry e : corpus) {
            int r = e.frame().readerIndex();
            int w = e.frame().writerIndex();
            assertEquals(e.line(), FrameDecoder.decode(e.frame()));
            assertEquals(r, e.frame().readerIndex());
            assertEquals(w, e.frame().writerIndex());
        }
        StringBuilder sb = new StringBuilder("00:00:01.000000 ");
        FrameDecoder.decode(corpus.get(0).frame(), sb);
        assertEquals("00:00:01.000000 " + corpus.get(0).line(), sb.toString());
        DecoderCorpus.release(corpus);
        tf.assertAllReleased();
    }

    /** Every prefix of every corpus frame, including 0 bytes, decodes to some text without throwing. */
    @Test
    void truncatedFramesNeverThrow() {
        TestFrames tf = new TestFrames();
        List<DecoderCorpus.Entry> corpus = DecoderCorpus.build(tf);
        for (DecoderCorpus.Entry e : corpus) {
            ByteBuf f = e.frame();
            for (int n = 0; n <= f.readableBytes(); n++) {
                String line = FrameDecoder.decode(f.slice(f.readerIndex(), n));
                assertFalse(line.isEmpty(), "empty line for " + n + " bytes of " + e.line());
            }
        }
        assertEquals("[|ether]", FrameDecoder.decode(Unpooled.EMPTY_BUFFER));
        DecoderCorpus.release(corpus);
    }

    @Test
    void truncationAndBadHeadersAreNamed() {
        TestFrames tf = new TestFrames();
        ByteBuf echo = tf.icmpEcho(true, TestFrames.MAC1, TestFrames.MAC2, TestFrames.IP1, TestFrames.IP2, 1, 1, 56);
        assertEquals("IP truncated-ip - 10 bytes missing! 172.18.0.2 > 172.18.0.3: ICMP echo request, id 1, seq 1, length 54",
                FrameDecoder.decode(echo.slice(echo.readerIndex(), echo.readableBytes() - 10)));
        assertEquals("IP [|ip]", FrameDecoder.decode(echo.slice(echo.readerIndex(), 20)));
        int ip = TestFrames.ipOffset(echo);
        echo.setByte(ip, 0x44);
        assertEquals("IP bad-hlen 16", FrameDecoder.decode(echo));
        echo.setByte(ip, 0x65);
        assertEquals("IP bad version 6", FrameDecoder.decode(echo));
        echo.release();

        ByteBuf syn = tf.tcp(TestFrames.MAC1, TestFrames.MAC2, TestFrames.IP1, TestFrames.IP2, 1, 2, 0, 0, 2, 0,
                new byte[] {2, 4, 5, (byte) 0xb4, 3, 9, 0, 0}, 0);
        assertEquals("IP 172.18.0.2.1 > 172.18.0.3.2: Flags [S], seq 0, win 0, options [mss 1460,wscale [bad opt]], length 0",
                FrameDecoder.decode(syn));
        syn.setByte(TestFrames.l4Offset(syn) + 12, 0x40);
        assertEquals("IP 172.18.0.2.1 > 172.18.0.3.2: tcp 8 [bad hdr length 16 - too short, < 20]", FrameDecoder.decode(syn));
        syn.setByte(TestFrames.l4Offset(syn) + 12, 0xF0);
        assertEquals("IP 172.18.0.2.1 > 172.18.0.3.2: tcp 8 [bad hdr length 60 - too long, > 28]", FrameDecoder.decode(syn));
        syn.release();

        ByteBuf udp = tf.udp(TestFrames.MAC1, TestFrames.MAC2, TestFrames.IP1, TestFrames.IP2, 1, 2, 4);
        udp.setShort(TestFrames.l4Offset(udp) + 4, 200);
        assertEquals("IP 172.18.0.2.1 > 172.18.0.3.2: UDP, bad length 200 > 12", FrameDecoder.decode(udp));
        udp.release();
        tf.assertAllReleased();
    }

    /** Seeded random bytes, with and without a plausible Ethernet/IPv4/ARP/VLAN header in front. */
    @Test
    void randomGarbageNeverThrows() {
        SeededRandom random = new SeededRandom(42);
        int[] types = {0x0800, 0x0806, 0x8100, 0x88a8, 0x86dd, 0x0042};
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(0, 120)];
            random.nextBytes(b);
            if (b.length >= 14 && i % 2 == 0) {
                int t = types[random.nextInt(types.length)];
                b[12] = (byte) (t >>> 8);
                b[13] = (byte) t;
                if (b.length > 14 && t == 0x0800 && random.nextInt(2) == 0) {
                    b[14] = (byte) (0x40 | (b[14] & 0x0F)); // version 4, random IHL
                }
            }
            String line = FrameDecoder.decode(Unpooled.wrappedBuffer(b));
            assertFalse(line.isEmpty());
        }
    }
}
