package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockwire.kernel.CaptureSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A step's capture budget over all files: frames past it are counted, not written, and the next step starts afresh. */
class StepCaptureLimitTest {
    /** A capture file that keeps the sizes of the frames written into it. */
    private static final class Sizes implements CaptureSink {
        final List<Integer> frames = new ArrayList<>();

        @Override
        public int addInterface(String name, String description) {
            return 0;
        }

        @Override
        public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
            frames.add(frame.readableBytes());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void framesPastTheBudgetAreCountedPerFileAndSaidOncePerStep() {
        StepCaptureLimit budget = new StepCaptureLimit(1000);
        Sizes a = new Sizes();
        Sizes b = new Sizes();
        StepCaptureLimit.Sink sa = budget.wrap(a);
        StepCaptureLimit.Sink sb = budget.wrap(b);
        ByteBuf frame = Unpooled.wrappedBuffer(new byte[300]);
        budget.beginStep();
        sa.write(0, 0, frame, CaptureSink.Direction.UNKNOWN);
        sb.write(0, 0, frame, CaptureSink.Direction.UNKNOWN);
        sa.write(0, 0, frame, CaptureSink.Direction.UNKNOWN); // 900 of 1000
        sb.write(0, 0, frame, CaptureSink.Direction.UNKNOWN); // past: counted
        sa.write(0, 0, frame, CaptureSink.Direction.UNKNOWN);
        assertEquals(List.of(300, 300), a.frames);
        assertEquals(List.of(300), b.frames);
        assertEquals(1, sa.notWritten());
        assertEquals(1, sb.notWritten());
        assertEquals("dockwire: capture cut at 1000 bytes in this step (the step's capture limit): 2 more frames not written",
                budget.endStep());
        budget.beginStep();
        sb.write(0, 0, frame, CaptureSink.Direction.UNKNOWN);
        assertEquals(2, b.frames.size(), "a fresh budget");
        assertNull(budget.endStep());
        assertEquals("dockwire: capture cut at 128 MiB in this step (the step's capture limit): 1 more frame not written",
                lineOfDefault());
    }

    private static String lineOfDefault() {
        StepCaptureLimit budget = new StepCaptureLimit();
        StepCaptureLimit.Sink s = budget.wrap(new Sizes());
        budget.beginStep();
        ByteBuf big = Unpooled.wrappedBuffer(new byte[(int) StepCaptureLimit.LIMIT_BYTES + 1]);
        s.write(0, 0, big, CaptureSink.Direction.UNKNOWN);
        return budget.endStep();
    }
}
