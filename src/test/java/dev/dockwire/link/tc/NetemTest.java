package dev.dockwire.link.tc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PcapWriter;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.link.NetDevice;
import dev.dockwire.kernel.QdiscInfo;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestNet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** netem and tbf on the virtual clock: statistics over many probes, within bounds, and reproducible. */
class NetemTest {
    private static final long MS = 1_000_000L;
    private TestNet net;

    @BeforeEach
    void setUp() {
        net = new TestNet(17);
        net.bridge("br0", "10.0.0.1/24");
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("b", "br0", "10.0.0.3/24", "10.0.0.1");
        // Resolve ARP both ways before impairing.
        assertEquals(1, probe(1, MS).replies);
    }

    @AfterEach
    void tearDown() {
        net.emu.close();
    }

    private void tc(String verb, String... words) {
        List<String> w = Arrays.asList(words);
        net.kernel.qdisc("a", verb, "eth0", "root", null, w.get(0), w.subList(1, w.size()));
    }

    /** Results of {@code n} echo requests from a to b, {@code gap} apart. */
    private static final class Probe {
        int replies;
        int duplicates;
        int outOfOrder;
        double[] rtt;
    }

    private Probe probe(int n, long gap) {
        PingSocket ping = net.ns("a").sockets().openRawIcmp();
        long[] sentAt = new long[n];
        double[] rtts = new double[n];
        boolean[] seen = new boolean[n];
        Probe p = new Probe();
        int[] lastSeq = {-1};
        ping.onReply((src, seq, ttl, data) -> {
            if (seen[seq]) {
                p.duplicates++;
                return;
            }
            seen[seq] = true;
            if (seq < lastSeq[0]) {
                p.outOfOrder++;
            }
            lastSeq[0] = Math.max(lastSeq[0], seq);
            rtts[p.replies++] = (net.loop().nanos() - sentAt[seq]) / 1e6;
        });
        ByteBuf data = Unpooled.buffer(56).writeZero(56);
        for (int i = 0; i < n; i++) {
            int seq = i;
            net.loop().schedule(i * gap, () -> {
                sentAt[seq] = net.loop().nanos();
                ping.send(TestNet.ip("10.0.0.3"), seq, data, 0);
            });
        }
        net.loop().runFor(n * gap + 5_000 * MS);
        data.release();
        ping.close();
        p.rtt = Arrays.copyOf(rtts, p.replies);
        return p;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }

    @Test
    void delayWithUniformJitterOver10000Probes() {
        tc("add", "netem", "delay", "10ms", "2ms");
        Probe p = probe(10_000, MS);
        assertEquals(10_000, p.replies);
        assertEquals(10.0, mean(p.rtt), 0.05, "mean RTT");
        assertEquals(2 / Math.sqrt(3), sd(p.rtt), 0.05, "uniform ±2 ms has sd 1.155 ms");
        assertTrue(Arrays.stream(p.rtt).allMatch(r -> r >= 8 && r <= 12), "within ±jitter");
    }

    @Test
    void normalJitterHasTheRequestedDeviation() {
        tc("add", "netem", "delay", "20ms", "4ms", "distribution", "normal");
        Probe p = probe(10_000, MS);
        assertEquals(20.0, mean(p.rtt), 0.15);
        assertEquals(4.0, sd(p.rtt), 0.15);
    }

    @Test
    void lossAndDuplicationRatesWithinBounds() {
        tc("add", "netem", "loss", "5%", "duplicate", "10%");
        Probe p = probe(10_000, MS);
        double lossRate = 1 - p.replies / 10_000.0;
        // 5% loss with 10% duplication: a request is lost only when the original and its copy are
        // both dropped... netem decides loss after duplication, so the loss of a duplicated request is
        // the loss of one of two: 5% of requests are lost outright (count 1 → 0), duplicates drop to one.
        assertEquals(0.05 * 0.9, lossRate, 0.01, "lost");
        assertEquals(0.10 * 0.95, p.duplicates / 10_000.0, 0.01, "duplicated");
    }

    @Test
    void reorderingSendsSomeFramesAtOnce() {
        tc("add", "netem", "delay", "10ms", "reorder", "25%");
        Probe p = probe(2_000, MS / 2);
        long immediate = Arrays.stream(p.rtt).filter(r -> r < 1).count();
        assertEquals(0.25, immediate / 2000.0, 0.03);
        assertTrue(p.outOfOrder > 100, "overtakes delayed ones: " + p.outOfOrder);
        // With 50% correlation netem's averaged draws rarely fall under 25%: fewer reorders, as in the kernel.
        tc("replace", "netem", "delay", "10ms", "reorder", "25%", "50%");
        long correlated = Arrays.stream(probe(2_000, MS / 2).rtt).filter(r -> r < 1).count();
        assertTrue(correlated < immediate / 2, correlated + " vs " + immediate);
    }

    @Test
    void rateSerialisesFramesAfterTheDelay() {
        tc("add", "netem", "delay", "5ms", "rate", "1mbit");
        UdpSocket sink = net.ns("b").sockets().openUdp();
        sink.bind(0, 9);
        List<Long> arrivals = new ArrayList<>();
        sink.onReceive((s, src, port, data) -> arrivals.add(net.loop().nanos()));
        UdpSocket src = net.ns("a").sockets().openUdp();
        ByteBuf payload = Unpooled.buffer(1000).writeZero(1000);
        long t0 = net.loop().nanos();
        for (int i = 0; i < 100; i++) {
            src.send(TestNet.ip("10.0.0.3"), 9, payload);
        }
        payload.release();
        net.loop().runFor(2_000 * MS);
        assertEquals(100, arrivals.size());
        // 1042-byte frames at 1 Mbit/s: 8.336 ms each; the last leaves after 100 of them plus the delay.
        double last = (arrivals.get(99) - t0) / 1e6;
        assertEquals(5 + 100 * 8.336, last, 0.5);
        double throughput = 99 * 1042 * 8 / ((arrivals.get(99) - arrivals.get(0)) / 1e9);
        assertEquals(1_000_000, throughput, 5_000);
    }

    @Test
    void tbfLimitsTheRateAndCountsOverlimitsAndDrops() {
        tc("add", "tbf", "rate", "1mbit", "burst", "10kb", "latency", "50ms");
        UdpSocket sink = net.ns("b").sockets().openUdp();
        sink.bind(0, 9);
        List<Long> arrivals = new ArrayList<>();
        sink.onReceive((s, src, port, data) -> arrivals.add(net.loop().nanos()));
        UdpSocket src = net.ns("a").sockets().openUdp();
        ByteBuf payload = Unpooled.buffer(1000).writeZero(1000);
        for (int i = 0; i < 40; i++) {
            src.send(TestNet.ip("10.0.0.3"), 9, payload);
        }
        payload.release();
        net.loop().runFor(2_000 * MS);
        QdiscInfo q = net.kernel.qdiscs("a").stream().filter(x -> x.dev().equals("eth0")).findFirst().orElseThrow();
        // Queue limit = 1 Mbit/s × 50 ms + 10 KiB = 16490 bytes: 15 frames wait behind the burst of 9.
        assertEquals(40, q.sentPackets() + q.dropped());
        assertTrue(q.dropped() > 0 && q.overlimits() > 0, q.toString());
        assertEquals(q.sentPackets(), arrivals.size());
        double rate = (arrivals.size() - 10) * 1042 * 8 / ((arrivals.get(arrivals.size() - 1) - arrivals.get(9)) / 1e9);
        assertEquals(1_000_000, rate, 20_000);
    }

    @Test
    void sameSeedSameImpairments() {
        tc("add", "netem", "delay", "10ms", "3ms", "loss", "10%");
        double[] first = probe(500, MS).rtt;
        TestNet other = net;
        setUp();
        tc("add", "netem", "delay", "10ms", "3ms", "loss", "10%");
        double[] second = probe(500, MS).rtt;
        other.emu.close();
        assertTrue(Arrays.equals(first, second), "byte-for-byte reproducible runs");
    }

    @Test
    void countersAndErrorsLikeTc() {
        tc("add", "netem", "delay", "1ms");
        long before = net.dev("a", "eth0").stats().txPackets;
        probe(10, MS);
        QdiscInfo q = net.kernel.qdiscs("a").stream().filter(x -> x.dev().equals("eth0")).findFirst().orElseThrow();
        assertEquals("limit 1000 delay 1ms", q.options());
        assertEquals(net.dev("a", "eth0").stats().txPackets - before, q.sentPackets(), "every frame the qdisc sent left the device");
        assertEquals("Error: Exclusivity flag on, cannot modify.",
                assertThrows(KernelException.class, () -> tc("add", "netem", "delay", "2ms")).getMessage());
        assertEquals("What is \"bogus\"?", assertThrows(KernelException.class, () -> tc("replace", "netem", "bogus")).getMessage());
        assertEquals("reordering not possible without specifying some delay",
                assertThrows(KernelException.class, () -> tc("replace", "netem", "reorder", "5%")).getMessage());
        tc("del", "netem");
        assertEquals("noqueue", net.kernel.qdiscs("a").stream().filter(x -> x.dev().equals("eth0")).findFirst().orElseThrow().kind());
    }

    /**
     * What {@code tc -s qdisc show} says netem sent is what a capture on the device saw leave it
     * (a tap sees frames after the qdisc, as tcpdump does): same packets, same bytes, drops excluded.
     */
    @Test
    void qdiscCountersAddUpToTheCapture(@TempDir Path dir) throws IOException {
        tc("add", "netem", "delay", "5ms", "loss", "10%", "duplicate", "5%");
        Path pcap = dir.resolve("eth0.pcap");
        NetDevice eth0 = net.dev("a", "eth0");
        CaptureTap tap = Captures.device(PcapWriter.create(pcap), net.loop(), eth0, PacketFilter.ALL);
        probe(1000, MS);
        tap.close();
        long packets = 0;
        long bytes = 0;
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(24); // the pcap file header
        while (b.remaining() >= 16) {
            b.position(b.position() + 8); // timestamp
            int incl = b.getInt();
            int orig = b.getInt();
            long src = 0;
            for (int i = 6; i < 12; i++) {
                src = src << 8 | (b.get(b.position() + i) & 0xFF);
            }
            if (src == eth0.mac()) { // sent by a, not received
                packets++;
                bytes += orig;
            }
            b.position(b.position() + incl);
        }
        QdiscInfo q = net.kernel.qdiscs("a").stream().filter(x -> x.dev().equals("eth0")).findFirst().orElseThrow();
        assertTrue(q.dropped() > 50, "netem dropped some: " + q.dropped());
        assertEquals(q.sentPackets(), packets, "packets: tc -s vs the capture");
        assertEquals(q.sentBytes(), bytes, "bytes: tc -s vs the capture");
    }
}
