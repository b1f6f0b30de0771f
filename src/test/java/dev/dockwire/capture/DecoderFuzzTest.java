package dev.dockwire.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every decoder over random, mutated and truncated frames, with a fixed seed and a time budget: none
 * may throw (the guard in {@link FrameDecoder#decode} is only for bugs; here it is bypassed), and
 * every frame gets a line. A failure names the seed round and the frame in hex, to replay it.
 */
class DecoderFuzzTest {
    private static final long SEED = 21;
    private static final long BUDGET_NANOS = 3_000_000_000L;
    private static final List<PrintOptions> FLAGS = List.of(PrintOptions.DEFAULT, PrintOptions.ABSOLUTE,
            new PrintOptions(false, 1, true, 0, 0), new PrintOptions(false, 2, false, 1, 0),
            new PrintOptions(true, 3, true, 0, 2), new PrintOptions(false, 2, false, 2, 1));

    @Test
    void noDecoderThrowsOnAnyFrame() {
        TestFrames tf = new TestFrames();
        List<DecoderCorpus.Entry> corpus = DecoderCorpus.build(tf);
        List<byte[]> seeds = new ArrayList<>();
        for (DecoderCorpus.Entry e : corpus) {
            seeds.add(ByteBufUtil.getBytes(e.frame()));
        }
        DecoderCorpus.release(corpus);
        Random random = new Random(SEED);
        List<PacketPrinter> printers = FLAGS.stream().map(PacketPrinter::new).toList();
        long deadline = System.nanoTime() + BUDGET_NANOS;
        long frames = 0;
        while (System.nanoTime() < deadline) {
            byte[] f = frame(random, seeds);
            PacketPrinter printer = printers.get(random.nextInt(printers.size()));
            ByteBuf b = Unpooled.wrappedBuffer(f);
            try {
                StringBuilder out = new StringBuilder();
                FrameDecoder.unguarded(b, out, printer);
                printer.print(b, new StringBuilder());
                assertFalse(out.isEmpty(), () -> "no line for " + ByteBufUtil.hexDump(f));
            } catch (RuntimeException e) {
                throw new AssertionError("frame " + frames + " of seed " + SEED + " threw: " + ByteBufUtil.hexDump(f), e);
            }
            frames++;
        }
        assertTrue(frames > 1000, "the budget ran " + frames + " frames");
    }

    /** DNS payloads of any bytes and any claimed length (the UDP length may exceed what was captured). */
    @Test
    void theDnsDecoderIsTotal() {
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + BUDGET_NANOS / 3;
        while (System.nanoTime() < deadline) {
            byte[] p = new byte[random.nextInt(80)];
            random.nextBytes(p);
            int claimed = Math.max(0, p.length + random.nextInt(20) - 10);
            StringBuilder out = new StringBuilder();
            try {
                DnsDecoder.message(out, Unpooled.wrappedBuffer(p), 0, claimed, random.nextInt(3));
            } catch (RuntimeException e) {
                throw new AssertionError("payload " + ByteBufUtil.hexDump(p) + " claimed " + claimed + " threw", e);
            }
            assertFalse(out.isEmpty());
        }
    }

    /** A non-DNS datagram on port 53, as tcpdump 4.99 prints it (checked with tcpdump -n -t -r on the same frames). */
    @Test
    void aNonDnsDatagramOnPort53IsNamedNotFatal() {
        TestFrames tf = new TestFrames();
        ByteBuf cut = tf.udp(TestFrames.MAC1, TestFrames.MAC2, TestFrames.IP1, TestFrames.IP2, 40000, 53,
                new byte[] {0x12, 0x34, 0x01, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'e', 'x', 'a', 'm'});
        assertEquals("IP 172.18.0.2.40000 > 172.18.0.3.53: 4660+ [|domain]", FrameDecoder.decode(cut));
        ByteBuf tiny = tf.udp(TestFrames.MAC1, TestFrames.MAC2, TestFrames.IP1, TestFrames.IP2, 40000, 53, new byte[] {0x12, 0x34});
        assertEquals("IP 172.18.0.2.40000 > 172.18.0.3.53: domain [length 2 < 12] (invalid)", FrameDecoder.decode(tiny));
        ByteBuf text = tf.udp(TestFrames.MAC1, TestFrames.MAC2, TestFrames.IP1, TestFrames.IP2, 40000, 53,
                "hello, this is not dns".getBytes(StandardCharsets.US_ASCII));
        String line = FrameDecoder.decode(text);
        assertTrue(line.startsWith("IP 172.18.0.2.40000 > 172.18.0.3.53: 26725 ") && line.endsWith(" [|domain]"), line);
        cut.release();
        tiny.release();
        text.release();
    }

    private static byte[] frame(Random random, List<byte[]> seeds) {
        switch (random.nextInt(4)) {
            case 0 -> {
                byte[] f = new byte[random.nextInt(200)];
                random.nextBytes(f);
                if (f.length > 14 && random.nextBoolean()) {
                    f[12] = 0x08; // IPv4 under random bytes, to get past the EtherType
                    f[13] = 0x00;
                    f[14] = 0x45;
                }
                return f;
            }
            case 1 -> {
                byte[] s = seeds.get(random.nextInt(seeds.size()));
                return Arrays.copyOf(s, random.nextInt(s.length + 1));
            }
            default -> {
                byte[] f = seeds.get(random.nextInt(seeds.size())).clone();
                for (int k = 1 + random.nextInt(6); k > 0 && f.length > 0; k--) {
                    f[random.nextInt(f.length)] = (byte) random.nextInt(256);
                }
                return f;
            }
        }
    }
}
