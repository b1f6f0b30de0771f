package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.Capture;
import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Floods of real traffic handed to an event loop that does not run (root only; issue 21): the
 * ping socket's replies wait up to its receive buffer ({@code rmem_default}) and a live capture's
 * frames up to libpcap's buffer; the rest are dropped and counted, and what was admitted reaches
 * the program or the file once the loop runs.
 */
class RealHandOffFloodTest {
    private static final int LOOPBACK = Ipv4Address.parse("127.0.0.1").bits();
    private static final int SIZE = 1000;

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @BeforeEach
    void root() {
        ExternalTools.assumeRoot("real sockets and live captures inside real namespaces");
        ExternalTools.assumeLibpcap();
    }

    /** Waits until {@code moved} stops changing for 300 ms: the reader has taken all the kernel queued. */
    private static void settle(java.util.function.LongSupplier moved) throws InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            long now = moved.getAsLong();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(300);
        }
    }

    @Test
    void pingRepliesPastTheReceiveBufferAreDropped() throws Exception {
        EventLoop loop = new EventLoop(Pacing.WALL);
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "hf-", null, loop)) {
            k.netnsAdd("a");
            k.linkSetUp("a", "lo", true);
            RealPingSocket s = new RealPingSocket(k.netnsName("a"), loop);
            AtomicLong replies = new AtomicLong();
            s.onReply((src, seq, ttl, data) -> replies.incrementAndGet());
            ByteBuf data = Unpooled.buffer(SIZE).writeZero(SIZE);
            int sent = 0;
            // The kernel's own socket buffer may drop part of a burst before the reader thread takes it
            // (a busy machine): further bursts, sent while the first waits in the full hand-off, overflow it.
            for (int burst = 0; burst < 5 && s.dropped() == 0; burst++) {
                for (int i = 0; i < 3000; i++) {
                    s.send(LOOPBACK, ++sent & 0xffff, data, 0);
                }
                settle(() -> s.queued() + s.dropped());
            }
            data.release();
            int perReply = SIZE + 8;
            assertTrue(s.queued() <= ReceiveBudget.RMEM_DEFAULT + perReply, "queued " + s.queued());
            assertTrue(s.dropped() > 0, "a flood past the buffer drops");
            long admitted = s.queued() / perReply;
            loop.drain();
            assertEquals(admitted, replies.get(), "what was admitted reaches the program");
            assertEquals(0, s.queued());
            assertTrue(admitted + s.dropped() <= sent);
            s.close();
        }
    }

    @Test
    void aLiveCaptureWaitsUpToLibpcapsBufferAndCountsTheRest() throws Exception {
        EventLoop loop = new EventLoop(Pacing.WALL);
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "hc-", null, loop)) {
            k.netnsAdd("a");
            k.linkSetUp("a", "lo", true);
            AtomicLong written = new AtomicLong();
            CaptureSink sink = new CaptureSink() {
                @Override
                public int addInterface(String name, String description) {
                    return 0;
                }

                @Override
                public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
                    written.incrementAndGet();
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            Capture cap = k.capture("a", "lo", sink, "udp port 9", true);
            RealCapture real = (RealCapture) cap;
            // 4,000 datagrams of 1,000 bytes: twice libpcap's 2 MiB.
            int sent = 4000;
            Namespaces.call(k.netnsName("a"), () -> {
                try (java.nio.channels.DatagramChannel ch = java.nio.channels.DatagramChannel.open()) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(SIZE);
                    java.net.InetSocketAddress to = new java.net.InetSocketAddress("127.0.0.1", 9);
                    for (int i = 0; i < sent; i++) {
                        b.clear();
                        ch.send(b, to);
                        if (i % 10 == 9) {
                            Thread.sleep(1); // at the pace the capture's thread reads, so that libpcap's ring does not drop first
                        }
                    }
                }
                return null;
            });
            settle(() -> real.queued() + real.dropped());
            int frame = SIZE + 42; // Ethernet, IPv4 and UDP headers on lo
            assertTrue(real.queued() <= RealCapture.PCAP_BUFFER_SIZE + frame, "queued " + real.queued());
            long handOffDrops = real.dropped();
            assertTrue(handOffDrops > 0, "a flood past the buffer drops");
            long admitted = real.queued() / frame;
            loop.drain();
            assertEquals(admitted, written.get(), "what was admitted is written");
            cap.close();
            loop.drain();
            assertTrue(cap.dropped() >= handOffDrops, "libpcap's own drops are added to the hand-off's");
        }
    }
}
