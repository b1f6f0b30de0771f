package dev.dockwire.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.kernel.CaptureSink.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapped writer's file is {@link PcapngWriter}'s byte for byte, across windows and flushes. */
class MappedPcapngWriterTest {
    @TempDir
    Path dir;

    /** The same blocks through both writers: heap, direct and sliced frames, every direction, comments, a second IDB late. */
    private static void script(CaptureFile w, Runnable atFlush) {
        w.addInterface("br0", "bridge ifindex 3");
        ByteBuf heap = Unpooled.buffer(2000);
        ByteBuf direct = Unpooled.directBuffer(2000);
        for (int i = 0; i < 30_000; i++) {
            int len = 14 + i % 1500;
            heap.clear().writeBytes(TestFrames.pattern(len + 3)).readerIndex(3);
            direct.clear().writeBytes(TestFrames.pattern(len));
            Direction d = Direction.values()[i % 3];
            w.write(0, i * 1000L, (i & 1) == 0 ? heap : direct, d);
            if (i == 100) {
                w.addInterface("eth0", null);
            }
            if (i % 997 == 0) {
                w.write(i > 100 ? 1 : 0, i * 1000L + 1, heap.slice(), d, "journey " + i);
            }
            if (i % 7919 == 0) {
                atFlush.run();
            }
        }
        heap.release();
        direct.release();
    }

    @Test
    void byteIdenticalToTheChunkedWriterAcrossWindowsAndFlushes() throws IOException {
        Path chunked = dir.resolve("chunked.pcapng");
        Path mapped = dir.resolve("mapped.pcapng");
        try (PcapngWriter w = PcapngWriter.create(chunked)) {
            script(w, () -> { });
        }
        long[] flushedLengths = new long[8];
        long[] flushedCrc = new long[8];
        int[] n = {0};
        MappedPcapngWriter m = MappedPcapngWriter.create(mapped);
        try {
            script(m, () -> {
                m.flush();
                try {
                    byte[] now = Files.readAllBytes(mapped);
                    flushedLengths[n[0]] = now.length;
                    flushedCrc[n[0]++] = crc(now, now.length);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                assertEquals(m.position(), flushedLengths[n[0] - 1], "a flush leaves the file at the blocks written");
            });
        } finally {
            m.close();
        }
        byte[] expected = Files.readAllBytes(chunked);
        assertEquals(true, expected.length > MappedPcapngWriter.WINDOW, "crosses a window: " + expected.length);
        assertArrayEquals(expected, Files.readAllBytes(mapped));
        assertEquals(4, n[0]);
        for (int i = 0; i < n[0]; i++) {
            assertEquals(crc(expected, (int) flushedLengths[i]), flushedCrc[i], "what a reader saw at flush " + i + " is the final file's start");
        }
    }

    private static long crc(byte[] b, int len) {
        CRC32 c = new CRC32();
        c.update(b, 0, len);
        return c.getValue();
    }
}
