package dev.dockwire.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockwire.kernel.CaptureSink.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture file written through mapped windows holds exactly the bytes the chunked writer gives a
 * stream, across window hand-overs (small frames, snaplen-long frames, comments), and its length
 * is the written length after every flush and at close.
 */
class MappedOutputTest {
    @TempDir
    Path dir;

    /** Frames of random lengths (some longer than the snaplen) with random comments, the same for a seed. */
    private static void writeFrames(CaptureFile w, SplittableRandom rnd, int count, int maxLen) {
        ByteBuf frame = Unpooled.buffer(maxLen);
        byte[] bytes = new byte[maxLen];
        for (int i = 0; i < count; i++) {
            rnd.nextBytes(bytes);
            int len = 14 + rnd.nextInt(maxLen - 14);
            frame.clear().writeBytes(bytes, 0, len);
            Direction dir = Direction.values()[rnd.nextInt(Direction.values().length)];
            String comment = rnd.nextInt(4) == 0 ? "frame " + i + " ".repeat(rnd.nextInt(40)) : null;
            w.write(rnd.nextInt(w.interfaceCount()), 1_000L * i, frame, dir, comment);
        }
    }

    private static byte[] streamed(long seed, int count, int maxLen, int snaplen, int flushes) {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(os, CaptureFile.DEFAULT_EPOCH_NANOS, snaplen)) {
            w.addInterface("br-1", "bridge ifindex 3");
            w.addInterface("veth0");
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int f = 0; f < flushes; f++) {
                writeFrames(w, rnd, count / flushes, maxLen);
                w.flush();
            }
        }
        return os.toByteArray();
    }

    @Test
    void smallFramesAcrossWindowsAreTheStreamedBytes() throws IOException {
        assertSameAsStreamed(1, 60_000, 200, 65535, 1); // about 8 MB: windows of 256 KiB to 4 MiB
    }

    @Test
    void snaplenLongFramesAcrossWindowsAreTheStreamedBytes() throws IOException {
        assertSameAsStreamed(2, 80, 300_000, CaptureFile.DEFAULT_SNAPLEN, 1);
    }

    @Test
    void flushesCutTheFileToWhatWasWrittenAndWritingGoesOn() throws IOException {
        Path file = dir.resolve("live.pcapng");
        byte[] expected = streamed(3, 40_000, 400, 65535, 8);
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        try (PcapngWriter probe = new PcapngWriter(prefix, CaptureFile.DEFAULT_EPOCH_NANOS, 65535);
             PcapngWriter w = PcapngWriter.create(file, CaptureFile.DEFAULT_EPOCH_NANOS, 65535)) {
            for (PcapngWriter x : new PcapngWriter[] {probe, w}) {
                x.addInterface("br-1", "bridge ifindex 3");
                x.addInterface("veth0");
            }
            SplittableRandom a = new SplittableRandom(3);
            SplittableRandom b = new SplittableRandom(3);
            for (int f = 0; f < 8; f++) {
                writeFrames(probe, a, 5_000, 400);
                writeFrames(w, b, 5_000, 400);
                probe.flush();
                w.flush();
                w.flush(); // a second flush with nothing new changes nothing
                assertEquals(prefix.size(), Files.size(file), "visible length after flush " + f);
                assertArrayEquals(prefix.toByteArray(), Files.readAllBytes(file), "contents after flush " + f);
            }
        }
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void anEmptyCaptureIsItsHeaderAlone() throws IOException {
        Path file = dir.resolve("empty.pcapng");
        PcapngWriter.create(file).close();
        assertArrayEquals(PcapngWriterTest.shb(new Hex()).bytes(), Files.readAllBytes(file));
        PcapWriter.create(dir.resolve("empty.pcap")).close();
        assertEquals(24, Files.size(dir.resolve("empty.pcap")));
    }

    @Test
    void writingAfterCloseFailsAndTheFileKeepsItsLength() throws IOException {
        Path file = dir.resolve("closed.pcapng");
        PcapngWriter w = PcapngWriter.create(file);
        w.addInterface("eth0");
        w.close();
        long size = Files.size(file);
        assertThrows(IllegalStateException.class, () -> w.write(0, 0, Unpooled.wrappedBuffer(new byte[60])));
        w.close();
        w.flush();
        assertEquals(size, Files.size(file));
    }

    private void assertSameAsStreamed(long seed, int count, int maxLen, int snaplen, int flushes) throws IOException {
        Path file = dir.resolve("mapped-" + seed + ".pcapng");
        try (PcapngWriter w = PcapngWriter.create(file, CaptureFile.DEFAULT_EPOCH_NANOS, snaplen)) {
            w.addInterface("br-1", "bridge ifindex 3");
            w.addInterface("veth0");
            writeFrames(w, new SplittableRandom(seed), count, maxLen);
        }
        byte[] expected = streamed(seed, count, maxLen, snaplen, flushes);
        byte[] actual = Files.readAllBytes(file);
        assertEquals(expected.length, actual.length, "file length");
        assertArrayEquals(expected, actual, () -> "first difference at " + Arrays.mismatch(expected, actual));
    }
}
