package dev.dockwire.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Golden bytes per pcap-savefile(5) with the nanosecond magic, little-endian. */
class PcapWriterTest {
    @Test
    void globalHeaderAndRecords() {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        ByteBuf frame = Unpooled.wrappedBuffer(TestFrames.pattern(5));
        try (PcapWriter w = new PcapWriter(os, CaptureFile.DEFAULT_EPOCH_NANOS, 4)) {
            assertEquals(0, w.addInterface("eth0"));
            assertEquals(1, w.addInterface("eth1"));
            w.write(1, 1_000_000_123L, frame);
            w.write(0, 2_000_000_000L, frame);
        }
        byte[] expected = new Hex()
                .hex("4d3cb2a1")  // magic 0xa1b23c4d: nanosecond timestamps
                .hex("0200 0400") // version 2.4
                .hex("00000000")  // thiszone
                .hex("00000000")  // sigfigs
                .hex("04000000")  // snaplen 4
                .hex("01000000")  // LINKTYPE_ETHERNET
                .hex("81857467 7b000000") // 1735689601 s, 123 ns
                .hex("04000000 05000000") // incl_len 4, orig_len 5
                .hex("10111213")
                .hex("82857467 00000000") // 1735689602 s, 0 ns
                .hex("04000000 05000000")
                .hex("10111213")
                .bytes();
        assertEquals(Hex.dump(expected), Hex.dump(os.toByteArray()));
        assertEquals(0, frame.readerIndex());
        frame.release();
    }
}
