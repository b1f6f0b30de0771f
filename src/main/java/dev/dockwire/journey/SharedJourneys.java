package dev.dockwire.journey;

import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.kernel.JourneyInfo;
import dev.dockwire.kernel.JourneyNames;
import dev.dockwire.kernel.JourneyRecording;
import dev.dockwire.netns.Emulation;
import java.util.List;

/**
 * A kernel's share of its emulation's one journey recorder, for everyone who wants journeys at the
 * same time (the tracepoint takes one probe, as a perf event one reader): captures that write
 * them as packet comments ({@link #commented}) and traces ({@link #recording}). It is attached while
 * at least one of them is open and detached when the last closes, so the path is back to the no-op
 * probe as soon as nobody asks.
 */
public final class SharedJourneys {
    private final Emulation emulation;
    private final JourneyNames names;
    private JourneyRecorder recorder;
    private CommentWriter comments;
    private int users;

    /** {@code names} names namespaces and sockets in journeys as users know them when no trace names them otherwise. */
    public SharedJourneys(Emulation emulation, JourneyNames names) {
        this.emulation = emulation;
        this.names = names;
    }

    /**
     * {@code sink} with each frame written once the instant that carried it is over, with its
     * journey's summary as the comment; closing the returned sink stops this user's share.
     */
    public CaptureSink commented(CaptureSink sink) {
        return commented(sink, CommentWriter.COMMENTED_FRAMES);
    }

    /** As {@link #commented(CaptureSink)}, commenting the first {@code frames} frames (a benchmark: all of them). */
    public CaptureSink commented(CaptureSink sink, long frames) {
        acquire(null);
        if (comments == null) {
            comments = new CommentWriter(this);
            emulation.loop().addQuiescentAgent(comments);
        }
        return comments.defer(sink, frames);
    }

    /** A recording of the journeys that begin from now on, sharing the recorder; {@code l} names namespaces and sockets. */
    public JourneyRecording recording(JourneyNames l) {
        JourneyRecorder r = acquire(l);
        int first = r.nextId();
        return new JourneyRecording() {
            private boolean closed;
            private List<JourneyInfo> kept;

            @Override
            public List<JourneyInfo> journeys() {
                return kept != null ? kept : r.journeysFrom(first);
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    kept = r.journeysFrom(first);
                    release();
                }
            }
        };
    }

    /** The recorder now attached, or null (the summary of a frame written after its capture stopped). */
    JourneyRecorder recorder() {
        return recorder;
    }

    private JourneyRecorder acquire(JourneyNames l) {
        if (users++ == 0) {
            recorder = JourneyRecorder.share(emulation, names);
        }
        recorder.relabel(l);
        return recorder;
    }

    void release() {
        if (--users == 0) {
            recorder.unshare();
            recorder = null;
        }
    }
}
