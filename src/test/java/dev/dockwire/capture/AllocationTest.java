package dev.dockwire.capture;

import dev.dockwire.testing.ExternalTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.LinkType;
import dev.dockwire.link.NetDevice;
import dev.dockwire.sim.EventLoop;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The per-frame path of a capture (tap, filter, pcapng block into the output buffer, flushes)
 * allocates nothing (beyond the output ring's bounded growth), measured with the JVM's per-thread allocated-bytes counter after warm-up.
 * Frames here are plain heap buffers: pooled ones under paranoid leak detection allocate a trace
 * record on every access, which would be counted against us.
 */
class AllocationTest {
    private static final int FRAMES = 20_000;

    /** A driver that keeps nothing: the test owns its two frames and sends them again and again. */
    private static final class NullDevice extends NetDevice {
        NullDevice() {
            super("eth0", 2, TestFrames.MAC1.bits(), 1500);
            setUp(true);
        }

        @Override
        public LinkType type() {
            return LinkType.VETH;
        }

        @Override
        protected void xmit(ByteBuf frame) {
            countTx(frame);
        }
    }

    /** Discards everything, like /dev/null. */
    private static final class NullChannel implements WritableByteChannel {
        long written;

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            src.position(src.limit());
            written += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static void assumeCounter() {
        boolean ok = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled();
        if (!ok) {
            System.out.println("SKIPPED: this JVM does not count per-thread allocations");
        }
        Assumptions.assumeTrue(ok, "per-thread allocation counting unsupported");
    }

    /** Bytes allocated per frame transmitted through a device with a capture tap. */
    private static double bytesPerFrame(PacketFilter filter, long expectCaptured) {
        TestFrames tf = new TestFrames();
        ByteBuf pooledPing = tf.icmpEcho(true, TestFrames.MAC1, TestFrames.MAC2, TestFrames.IP1, TestFrames.IP2, 1, 1, 56);
        ByteBuf pooledUdp = tf.udp(TestFrames.MAC1, TestFrames.MAC2, TestFrames.IP1, TestFrames.IP2, 1, 2, 30);
        ByteBuf ping = Unpooled.wrappedBuffer(ByteBufUtil.getBytes(pooledPing));
        ByteBuf udp = Unpooled.wrappedBuffer(ByteBufUtil.getBytes(pooledUdp));
        pooledPing.release();
        pooledUdp.release();

        EventLoop loop = new EventLoop();
        NullDevice dev = new NullDevice();
        NullChannel out = new NullChannel();
        PcapngWriter writer = new PcapngWriter(out);
        CaptureTap cap = Captures.device(writer, loop, dev, filter);
        for (int round = 0; round < 4; round++) { // warm-up: let the JIT compile the path
            for (int i = 0; i < FRAMES; i++) {
                dev.transmit(ping);
                dev.transmit(udp);
            }
        }
        // A chunk the output's ring makes when its writer thread lags (at most BlockOutput.MAX_CHUNKS
        // in a file's life, however many frames) is not an allocation per frame: a window in which
        // the ring grew is measured again.
        long bytes;
        int windows = 0;
        int chunks;
        do {
            chunks = writer.chunksMade();
            long before = allocatedBytes();
            for (int i = 0; i < FRAMES; i++) {
                dev.transmit(ping);
                dev.transmit(udp);
            }
            bytes = allocatedBytes() - before;
            windows++;
        } while (writer.chunksMade() != chunks && windows < 10);
        cap.close();
        assertEquals(expectCaptured * (4 + windows) * FRAMES, cap.captured());
        assertTrue(out.written > cap.captured() * ping.readableBytes(), "everything reached the channel");
        ping.release();
        udp.release();
        tf.assertAllReleased();
        return bytes / (2.0 * FRAMES);
    }

    @Test
    void unfilteredCaptureAllocatesNothingPerFrame() {
        assumeCounter();
        double b = bytesPerFrame(PacketFilter.ALL, 2);
        assertTrue(b < 0.5, "bytes allocated per frame: " + b);
    }

    @Test
    void bpfFilteredCaptureAllocatesNothingPerFrame() {
        assumeCounter();
        ExternalTools.assumeLibpcap();
        double b = bytesPerFrame(PacketFilter.compile("icmp"), 1);
        assertTrue(b < 0.5, "bytes allocated per frame: " + b);
    }
}
