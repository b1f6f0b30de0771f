package dev.dockwire.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.netns.Emulation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A commenting capture's frames: written late, in order, and past its frames to comment, at once and without the recorder. */
class CommentWriterTest {
    /** What reached the file: the frame's first byte, and whether it came with the comment pass. */
    private final List<String> written = new ArrayList<>();

    private final CaptureSink file = new CaptureSink() {
        @Override
        public int addInterface(String name, String description) {
            return 0;
        }

        @Override
        public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
            written.add(frame.getByte(frame.readerIndex()) + " plain");
        }

        @Override
        public void write(int iface, long nanos, ByteBuf frame, Direction direction, String comment) {
            written.add(frame.getByte(frame.readerIndex()) + " commented");
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static ByteBuf frame(int b) {
        return Unpooled.wrappedBuffer(new byte[] {(byte) b, 0, 0, 0});
    }

    @Test
    void framesWaitForTheLoopThenPastTheLimitGoStraightThroughAndTheRecorderIsLetGo() {
        try (Emulation emu = new Emulation(1)) {
            SharedJourneys journeys = new SharedJourneys(emu, null);
            CaptureSink sink = journeys.commented(file, 2);
            assertTrue(emu.tracepoint().attached(), "a commenting capture records journeys");
            sink.write(0, 0, frame(1), CaptureSink.Direction.UNKNOWN);
            sink.write(0, 0, frame(2), CaptureSink.Direction.UNKNOWN);
            assertEquals(List.of(), written, "held until the loop is idle");
            emu.loop().runFor(1);
            assertEquals(List.of("1 commented", "2 commented"), written);
            sink.write(0, 0, frame(3), CaptureSink.Direction.UNKNOWN);
            assertEquals(List.of("1 commented", "2 commented", "3 plain"), written, "past its 2 frames: at once");
            assertFalse(emu.tracepoint().attached(), "and the recorder let go: the path costs nothing again");
            sink.close();
        }
    }
}
