package dev.dockwire.run;

import dev.dockwire.kernel.CaptureSink;
import io.netty.buffer.ByteBuf;

/**
 * What one step of a run may add to its capture files together: {@link #LIMIT_BYTES} of frames.
 * Past it the step's further frames are counted, not written, and the step's transcript ends with
 * one line saying so ({@link #endStep}); the next step starts a fresh budget. A program that never
 * stops sending (a {@code ping -f}, an {@code iperf3 -t 86400}) fills no disk: the step's time
 * limit ends it, and this limit bounds what it wrote before.
 */
final class StepCaptureLimit {
    /** A step's capture limit: 128 MiB of captured frame bytes over all the run's files. */
    static final long LIMIT_BYTES = 128L << 20;

    private final long limit;
    private long written;
    private long dropped;

    StepCaptureLimit() {
        this(LIMIT_BYTES);
    }

    StepCaptureLimit(long limit) {
        this.limit = limit;
    }

    /** {@code sink} with its frames charged to this budget. */
    Sink wrap(CaptureSink sink) {
        return new Sink(sink);
    }

    /** A step begins: a fresh budget. */
    void beginStep() {
        written = 0;
        dropped = 0;
    }

    /** The step's line about frames not written, or null when it stayed within the limit. */
    String endStep() {
        if (dropped == 0) {
            return null;
        }
        String line = "dockwire: capture cut at " + (limit % (1 << 20) == 0 ? limit / (1 << 20) + " MiB" : limit + " bytes")
                + " in this step (the step's capture limit): " + dropped + " more frame" + (dropped == 1 ? "" : "s")
                + " not written";
        dropped = 0;
        return line;
    }

    /** A capture file whose frames are charged to the budget; it counts what it did not write. */
    final class Sink implements CaptureSink {
        private final CaptureSink inner;
        private long notWritten;

        private Sink(CaptureSink inner) {
            this.inner = inner;
        }

        @Override
        public int addInterface(String name, String description) {
            return inner.addInterface(name, description);
        }

        @Override
        public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
            write(iface, nanos, frame, direction, null);
        }

        @Override
        public boolean journeyComments() {
            return inner.journeyComments();
        }

        @Override
        public void write(int iface, long nanos, ByteBuf frame, Direction direction, String comment) {
            int size = frame.readableBytes();
            if (written + size > limit) {
                dropped++;
                notWritten++;
                return;
            }
            written += size;
            inner.write(iface, nanos, frame, direction, comment);
        }

        /** Frames the budget kept out of this file. */
        long notWritten() {
            return notWritten;
        }

        @Override
        public void flush() {
            inner.flush();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
