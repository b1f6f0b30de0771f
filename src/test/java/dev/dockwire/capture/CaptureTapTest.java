package dev.dockwire.capture;

import dev.dockwire.testing.ExternalTools;
import static dev.dockwire.capture.TestFrames.IP1;
import static dev.dockwire.capture.TestFrames.IP2;
import static dev.dockwire.capture.TestFrames.MAC1;
import static dev.dockwire.capture.TestFrames.MAC2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureTapTest {
    @TempDir
    Path dir;

    final Lab lab = new Lab();
    final TestFrames tf = new TestFrames();

    @Test
    void filterKeepsOnlyMatchingFramesAndCountsTheRest() throws Exception {
        ExternalTools.assumeLibpcap();
        Path file = dir.resolve("icmp.pcapng");
        CaptureTap cap = Captures.device(CaptureFile.open(file), lab.loop, lab.c1, PacketFilter.compile("icmp"));
        ByteBuf ping = tf.icmpEcho(true, MAC1, MAC2, IP1, IP2, 1, 1, 56);
        byte[] pingBytes = ByteBufUtil.getBytes(ping);
        lab.sendAt(100, lab.c1, tf.arpRequest(MAC1, IP1, IP2));
        lab.sendAt(200, lab.c2, tf.arpReply(MAC2, IP2, MAC1, IP1));
        lab.sendAt(300, lab.c1, ping);
        lab.sendAt(400, lab.c1, tf.udp(MAC1, MAC2, IP1, IP2, 40000, 7777, 8));
        lab.run();
        cap.close();

        assertEquals(1, cap.captured());
        assertEquals(3, cap.filteredOut());
        assertEquals(List.of(CapturedFrame.expected(300, pingBytes)), CapturedFrame.readWithPcap4j(file));
        assertEquals(3, lab.rx2.frames.size(), "filtered-out frames are still forwarded");
        assertEquals(1, lab.rx1.frames.size());
        tf.assertAllReleased();
    }

    @Test
    void closedCapturePassesFramesThroughWithoutWriting() {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        CaptureTap cap = Captures.device(new PcapngWriter(os, CaptureFile.DEFAULT_EPOCH_NANOS, 65535),
                lab.loop, lab.c1, null);
        lab.sendAt(10, lab.c1, tf.arpRequest(MAC1, IP1, IP2));
        lab.run();
        cap.close();
        int size = os.size();
        assertEquals(1, cap.captured());
        assertTrue(cap.isClosed());

        lab.sendAt(lab.loop.nanos() + 10, lab.c1, tf.arpRequest(MAC1, IP1, IP2));
        lab.run();
        assertEquals(2, lab.rx2.frames.size(), "frames still flow after close");
        assertEquals(1, cap.captured());
        assertEquals(size, os.size());
        cap.close(); // idempotent
        cap.flush(); // no-op once closed
        assertThrows(IllegalStateException.class, () -> cap.attachDevice(lab.c2));
        tf.assertAllReleased();
    }

    /** A capture that cannot write stops itself and reports why; the network keeps forwarding. */
    @Test
    void writeFailureClosesCaptureButNotTheNetwork() {
        UncheckedIOException boom = new UncheckedIOException(new java.io.IOException("disk full"));
        FailingFile file = new FailingFile(boom);
        CaptureTap cap = Captures.device(file, lab.loop, lab.c1, null);
        ByteBuf arp = tf.arpRequest(MAC1, IP1, IP2);
        byte[] bytes = ByteBufUtil.getBytes(arp);
        lab.sendAt(10, lab.c1, arp);
        lab.sendAt(20, lab.c1, tf.arpRequest(MAC1, IP1, IP2));
        lab.run();
        assertSame(boom, cap.failure());
        assertTrue(cap.isClosed());
        assertTrue(file.closed);
        assertEquals(1, file.writes, "no writes after the failure");
        assertEquals(0, cap.captured());
        assertEquals(2, lab.rx2.frames.size());
        assertArrayEquals(bytes, lab.rx2.frames.get(0));
        tf.assertAllReleased();
    }

    /** Devices may join an "any" capture later: their IDB follows packets already written. */
    @Test
    void interfacesCanBeAddedMidCapture() throws Exception {
        ExternalTools.assumeLibpcap();
        Path file = dir.resolve("late.pcapng");
        CaptureTap cap = Captures.any(CaptureFile.open(file), lab.loop, List.of(lab.c1), null);
        assertNull(cap.failure());
        lab.sendAt(10, lab.c1, tf.arpRequest(MAC1, IP1, IP2));
        lab.run();
        assertEquals(1, cap.attachDevice(lab.c2));
        lab.sendAt(lab.loop.nanos() + 10, lab.c2, tf.arpReply(MAC2, IP2, MAC1, IP1));
        lab.run();
        cap.close();
        assertEquals(3, cap.captured()); // request out of c1; reply out of c2 and into c1
        assertEquals(3, CapturedFrame.readWithPcap4j(file).size());
        tf.assertAllReleased();
    }

    private static final class FailingFile implements CaptureFile {
        private final RuntimeException failure;
        int interfaces;
        int writes;
        boolean closed;

        FailingFile(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public int addInterface(String name, String description) {
            return interfaces++;
        }

        @Override
        public int interfaceCount() {
            return interfaces;
        }

        @Override
        public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
            writes++;
            throw failure;
        }

        @Override
        public long frameCount() {
            return 0;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
