package dev.dockwire.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.CaptureSink.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Golden bytes per draft-ietf-opsawg-pcapng, little-endian, built field by field. */
class PcapngWriterTest {
    private static final long EPOCH = CaptureFile.DEFAULT_EPOCH_NANOS;

    /** Section Header Block: 44 bytes with shb_userappl "dockwire". */
    static Hex shb(Hex h) {
        return h.hex("0a0d0d0a")          // block type SHB
                .hex("2c000000")          // block total length 44
                .hex("4d3c2b1a")          // byte-order magic 0x1A2B3C4D
                .hex("0100 0000")         // version 1.0
                .hex("ffffffff ffffffff") // section length: unspecified
                .hex("0400 0800").ascii("dockwire") // shb_userappl, 8 bytes, no padding needed
                .hex("0000 0000")         // opt_endofopt
                .hex("2c000000");         // block total length again
    }

    /**
     * The frame's bytes are the same block whether they sit at the start of a heap array, inside
     * a larger one (a slice: array offset and reader index both count) or off-heap.
     */
    @Test
    void blockIsTheSameFromAnyBuffer() {
        byte[] pattern = TestFrames.pattern(61);
        ByteBuf plain = Unpooled.wrappedBuffer(pattern);
        ByteBuf sliced = Unpooled.buffer(128).writeZero(40).writeBytes(pattern).writeZero(20).slice(30, 90).setIndex(10, 71);
        ByteBuf direct = Unpooled.directBuffer(64).writeBytes(pattern);
        byte[] expected = null;
        for (ByteBuf frame : new ByteBuf[] {plain, sliced, direct}) {
            ByteArrayOutputStream os = new ByteArrayOutputStream();
            try (PcapngWriter w = new PcapngWriter(os, EPOCH, 65535)) {
                w.addInterface("br0");
                w.write(0, 7, frame, Direction.INBOUND);
            }
            byte[] file = os.toByteArray();
            if (expected == null) {
                expected = file;
                // 61 bytes, 3 of padding, epb_flags and opt_endofopt (12), the block's length (4)
                assertEquals(Hex.dump(pattern), Hex.dump(java.util.Arrays.copyOfRange(file, file.length - 80, file.length - 19)));
            }
            assertEquals(Hex.dump(expected), Hex.dump(file), frame.getClass().getSimpleName());
            assertEquals(0, file[file.length - 19] | file[file.length - 18] | file[file.length - 17], "padding");
        }
        sliced.release();
        direct.release();
    }

    @Test
    void sectionInterfaceAndPacketBlocks() {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        ByteBuf frame = Unpooled.buffer(32);
        try (PcapngWriter w = new PcapngWriter(os, EPOCH, 65535)) {
            assertEquals(0, w.addInterface("eth0"));
            frame.writeBytes(TestFrames.pattern(17)).readerIndex(0);
            w.write(0, 1_500_000_001L, frame);
            assertEquals(0, frame.readerIndex(), "reader index untouched");
            assertEquals(17, frame.writerIndex(), "writer index untouched");
            assertEquals(0, os.size(), "nothing reaches the stream before a flush");
        }
        byte[] expected = shb(new Hex())
                // Interface Description Block
                .hex("01000000")          // block type IDB
                .hex("28000000")          // block total length 40
                .hex("0100 0000")         // LinkType 1 (Ethernet), reserved
                .hex("ffff0000")          // SnapLen 65535
                .hex("0200 0400").ascii("eth0") // if_name
                .hex("0900 0100 09 000000") // if_tsresol = 9 (nanoseconds), 3 bytes padding
                .hex("0000 0000")         // opt_endofopt
                .hex("28000000")
                // Enhanced Packet Block
                .hex("06000000")          // block type EPB
                .hex("34000000")          // block total length 52 = 32 + 20
                .hex("00000000")          // interface id 0
                .hex("7f681618")          // timestamp upper 32 bits of 1735689601500000001
                .hex("012fbf19")          // timestamp lower 32 bits
                .hex("11000000")          // captured length 17
                .hex("11000000")          // original length 17
                .hex("101112131415161718191a1b1c1d1e1f 20").hex("000000") // data, padded to 20
                .hex("34000000")
                .bytes();
        assertEquals(Hex.dump(expected), Hex.dump(os.toByteArray()));
        frame.release();
    }

    @Test
    void descriptionDirectionAndSnaplen() {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        ByteBuf frame = Unpooled.wrappedBuffer(TestFrames.pattern(6));
        try (PcapngWriter w = new PcapngWriter(os, EPOCH, 4)) {
            w.addInterface("br0", "bridge");
            w.write(0, 2_000_000_000L, frame, Direction.OUTBOUND);
        }
        byte[] expected = shb(new Hex())
                .hex("01000000 34000000") // IDB, 52 bytes
                .hex("0100 0000 04000000") // Ethernet, snaplen 4
                .hex("0200 0300").ascii("br0").hex("00") // if_name, padded
                .hex("0300 0600").ascii("bridge").hex("0000") // if_description, padded
                .hex("0900 0100 09000000")
                .hex("0000 0000")
                .hex("34000000")
                .hex("06000000 30000000") // EPB, 48 bytes = 32 + 4 data + 12 options
                .hex("00000000")
                .hex("7f681618 00948c37") // 1735689602.000000000
                .hex("04000000 06000000") // captured 4 of 6 (snaplen)
                .hex("10111213")
                .hex("0200 0400 02000000") // epb_flags: direction outbound
                .hex("0000 0000")
                .hex("30000000")
                .bytes();
        assertEquals(Hex.dump(expected), Hex.dump(os.toByteArray()));
        frame.release();
    }

    @Test
    void journeyCommentBeforeTheFlags() {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        ByteBuf frame = Unpooled.wrappedBuffer(TestFrames.pattern(4));
        try (PcapngWriter w = new PcapngWriter(os, EPOCH, 4)) {
            assertTrue(w.journeyComments());
            w.addInterface("eth0");
            w.write(0, 2_000_000_000L, frame, Direction.INBOUND, "nat → 10");
            w.write(0, 2_000_000_000L, frame, Direction.UNKNOWN, "ok");
        }
        byte[] expected = shb(new Hex())
                .hex("01000000 28000000 0100 0000 04000000")
                .hex("0200 0400").ascii("eth0")
                .hex("0900 0100 09000000 0000 0000 28000000")
                .hex("06000000 40000000") // EPB, 64 bytes = 32 + 4 data + 16 comment + 8 flags + 4 end
                .hex("00000000 7f681618 00948c37 04000000 04000000")
                .hex("10111213")
                .hex("0100 0a00").ascii("nat ").hex("e28692").ascii(" 10").hex("0000") // opt_comment, UTF-8, 10 bytes, padded
                .hex("0200 0400 01000000") // epb_flags: inbound
                .hex("0000 0000")
                .hex("40000000")
                .hex("06000000 30000000") // 48 bytes = 32 + 4 data + 8 comment (no flags) + 4 end
                .hex("00000000 7f681618 00948c37 04000000 04000000")
                .hex("10111213")
                .hex("0100 0200").ascii("ok").hex("0000")
                .hex("0000 0000")
                .hex("30000000")
                .bytes();
        assertEquals(Hex.dump(expected), Hex.dump(os.toByteArray()));
        frame.release();
    }

    /**
     * Short frames take the word copy (up to 7 bytes past the frame read and written, then
     * overwritten): every length on both sides of it, at a reader offset and in a slice, with
     * other bytes right after the frame and a snaplen that cuts inside it, must give the EPB built
     * field by field, its padding zero. Frames ending at their array's end take getBytes.
     */
    @Test
    void shortFramesAsWordsAreTheBlocksBuiltFieldByField() {
        int snaplen = 61;
        for (Direction dir : new Direction[] {Direction.UNKNOWN, Direction.INBOUND, Direction.OUTBOUND}) {
            for (int len = 1; len <= 140; len++) {
                byte[] backing = new byte[3 + len + (len % 3 == 0 ? 0 : 9)];
                java.util.Arrays.fill(backing, (byte) 0xEE);
                System.arraycopy(TestFrames.pattern(len), 0, backing, 3, len);
                ByteBuf atOffset = Unpooled.wrappedBuffer(backing).setIndex(3, 3 + len);
                ByteBuf slice = Unpooled.wrappedBuffer(backing).slice(1, backing.length - 1).setIndex(2, 2 + len);
                for (ByteBuf frame : new ByteBuf[] {atOffset, slice}) {
                    ByteArrayOutputStream os = new ByteArrayOutputStream();
                    try (PcapngWriter w = new PcapngWriter(os, EPOCH, snaplen)) {
                        w.addInterface("eth0");
                        w.write(0, 7, frame, dir);
                    }
                    byte[] file = os.toByteArray();
                    byte[] epb = java.util.Arrays.copyOfRange(file, 44 + 40, file.length);
                    assertEquals(Hex.dump(epb(len, Math.min(len, snaplen), dir)), Hex.dump(epb), "length " + len + ", " + dir);
                }
            }
        }
    }

    /** An EPB of interface 0 at virtual time 7 of a {@link TestFrames#pattern} frame, field by field. */
    private static byte[] epb(int orig, int cap, Direction dir) {
        int padded = (cap + 3) & ~3;
        int len = 32 + padded + (dir == Direction.UNKNOWN ? 0 : 12);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(len).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long ts = EPOCH + 7;
        b.putInt(6).putInt(len).putInt(0).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(cap).putInt(orig);
        b.put(TestFrames.pattern(cap)).put(new byte[padded - cap]);
        if (dir != Direction.UNKNOWN) {
            b.putShort((short) 2).putShort((short) 4).putInt(dir.ordinal()).putInt(0);
        }
        return b.putInt(len).array();
    }

    @Test
    void longCommentCutOnACharacterBoundary() {
        byte[] b = PcapngWriter.commentBytes("→".repeat(1000));
        assertTrue(b.length <= PcapngWriter.MAX_COMMENT, "at most the limit: " + b.length);
        String s = new String(b, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(s.endsWith("→…") && !s.contains("\uFFFD"), s.substring(s.length() - 4));
    }

    @Test
    void flushesInLargeChunksAndRejectsUnknownInterface() {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        ByteBuf frame = Unpooled.wrappedBuffer(new byte[1500]);
        PcapngWriter w = new PcapngWriter(os, EPOCH, CaptureFile.DEFAULT_SNAPLEN);
        w.addInterface("eth0");
        assertThrows(IllegalArgumentException.class, () -> w.write(1, 0, frame));
        int perFrame = 32 + 1500;
        int fit = 0;
        while (os.size() == 0) {
            w.write(0, fit, frame);
            fit++;
        }
        // The buffer (>= 256 KiB) filled up once before anything was written out.
        assertTrue(fit * perFrame > 256 * 1024, "frames buffered before the first write: " + fit);
        w.close();
        assertEquals(44 + 40 + (long) fit * perFrame, os.size()); // SHB + IDB + EPBs
        assertEquals(fit, w.frameCount());
        assertThrows(IllegalStateException.class, () -> w.write(0, 0, frame));
        w.close(); // idempotent
        frame.release();
    }
}
