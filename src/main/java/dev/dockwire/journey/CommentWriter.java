package dev.dockwire.journey;

import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.sim.Agent;
import io.netty.buffer.ByteBuf;

/**
 * Writes the frames of commenting captures late: a tap sees a frame before the stack decides its
 * fate (the DNAT at PREROUTING, the isolation rule's DROP in FORWARD), so each captured frame is
 * copied ({@link HeldFrames}: one copy into a reused array) and held until the event loop's agents are idle, the instant's processing done, then
 * written with its journey's summary as it then stands (a quiescent agent of the loop). Files keep
 * capture order and the timestamps taken at capture.
 */
final class CommentWriter implements Agent {
    /** Frames held at most: an instant that carries more writes its oldest early (their comments may miss a late decision). */
    static final int MAX_HELD = 65_536;
    /**
     * Frames of one capture that get comments: past them the capture lets go of the recorder and
     * writes its frames as they come, without comments, so a long run pays for journeys only at its
     * start (the report page shows the first 2,000 frames; recording costs the bridged path about 3x).
     */
    public static final int COMMENTED_FRAMES = 10_000;

    private final SharedJourneys journeys;
    private final HeldFrames held = new HeldFrames();

    CommentWriter(SharedJourneys journeys) {
        this.journeys = journeys;
    }

    CaptureSink defer(CaptureSink sink, long frames) {
        return new Deferred(sink, frames);
    }

    @Override
    public int doWork() {
        int n = held.size();
        writeHeld(n);
        return 0; // writing a file gives the other agents nothing to do
    }

    private void writeHeld(int n) {
        JourneyRecorder r = journeys.recorder();
        for (int i = 0; i < n; i++) {
            Deferred d = (Deferred) held.owner();
            try {
                d.writeNow(held.iface(), held.nanos(), held.frame(), held.direction(),
                        r == null || !held.keyed() ? null : r.summary(held.hi(), held.lo()));
            } finally {
                held.remove();
            }
        }
    }

    /** Writes everything held (a flush or close of one capture keeps every file's order). */
    private void writeAll() {
        writeHeld(held.size());
    }

    /**
     * One capture's sink: its frames go through the queue. A write error stops only this file: the
     * capture's next frame hands it to its tap, which says so and stops.
     */
    private final class Deferred implements CaptureSink {
        private final CaptureSink sink;
        private boolean closed;
        private RuntimeException failure;
        private long commented;
        /** Past its frames to comment: written at once, without comments, its share of the recorder released. */
        private boolean plain;

        /** Frames of this capture that get comments. */
        private final long frames;

        Deferred(CaptureSink sink, long frames) {
            this.sink = sink;
            this.frames = frames;
        }

        @Override
        public int addInterface(String name, String description) {
            return sink.addInterface(name, description);
        }

        @Override
        public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
            if (failure != null) {
                throw failure; // the capture's tap reports it and stops, as for a write that failed at once
            }
            if (plain) {
                sink.write(iface, nanos, frame, direction);
                return;
            }
            if (++commented > frames) {
                writeAll(); // what this capture holds goes first, in order
                plain = true;
                journeys.release();
                write(iface, nanos, frame, direction);
                return;
            }
            if (held.size() >= MAX_HELD) {
                writeHeld(1);
            }
            int l3 = PacketKey.l3(frame);
            held.add(this, iface, nanos, frame, direction, l3 >= 0, l3 >= 0 ? PacketKey.hi(frame, l3) : 0, l3 >= 0 ? PacketKey.lo(frame, l3) : 0);
        }

        void writeNow(int iface, long nanos, ByteBuf frame, Direction direction, String comment) {
            if (failure != null || closed) {
                return;
            }
            try {
                sink.write(iface, nanos, frame, direction, comment);
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        @Override
        public void flush() {
            writeAll();
            if (failure == null) {
                sink.flush();
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            writeAll();
            closed = true;
            try {
                sink.close();
            } finally {
                if (!plain) {
                    journeys.release();
                }
            }
        }
    }
}
