package dev.dockwire.journey;

import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.sim.Agent;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/**
 * Writes the frames of commenting captures late: a tap sees a frame before the stack decides its
 * fate (the DNAT at PREROUTING, the isolation rule's DROP in FORWARD), so each captured frame is
 * copied and held until the event loop's agents are idle, the instant's processing done, then
 * written with its journey's summary as it then stands (a quiescent agent of the loop). Files keep
 * capture order and the timestamps taken at capture.
 */
final class CommentWriter implements Agent {
    /** Frames held at most: an instant that carries more writes its oldest early (their comments may miss a late decision). */
    static final int MAX_HELD = 65_536;
    /**
     * Frames of one capture that get comments: past them the capture lets go of the recorder and
     * writes its frames as they come, without comments, so a long run pays for journeys only at its
     * start (the report page shows the first 2,000 frames; recording costs the bridged path ~40x).
     */
    public static final int COMMENTED_FRAMES = 10_000;

    private final SharedJourneys journeys;
    private final ArrayDeque<Held> held = new ArrayDeque<>();

    CommentWriter(SharedJourneys journeys) {
        this.journeys = journeys;
    }

    /** A frame as captured, waiting for its comment. */
    private record Held(Deferred sink, int iface, long nanos, ByteBuf frame, CaptureSink.Direction direction, PacketKey key) {
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
            Held h = held.poll();
            try {
                h.sink.writeNow(h.iface, h.nanos, h.frame, h.direction, r == null ? null : r.summary(h.key));
            } finally {
                h.frame.release();
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
            held.add(new Held(this, iface, nanos, frame.copy(), direction, PacketKey.of(frame)));
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
