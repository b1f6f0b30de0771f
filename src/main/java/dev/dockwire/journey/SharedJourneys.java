package dev.dockwire.journey;

import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.kernel.JourneyInfo;
import dev.dockwire.kernel.JourneyRecording;
import dev.dockwire.netns.Emulation;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A kernel's share of its emulation's one journey recorder, for everyone who wants journeys at the
 * same time (the tracepoint takes one probe, as a perf event one reader): captures that write
 * them as packet comments ({@link #commented}) and traces ({@link #recording}). It is attached while
 * at least one of them is open and detached when the last closes, so the path is back to the no-op
 * probe as soon as nobody asks.
 */
public final class SharedJourneys {
    private final Emulation emulation;
    private final UnaryOperator<String> label;
    private JourneyRecorder recorder;
    private CommentWriter comments;
    private int users;

    /** {@code label} names namespaces in journeys as users know them when no trace names them otherwise. */
    public SharedJourneys(Emulation emulation, UnaryOperator<String> label) {
        this.emulation = emulation;
        this.label = label;
    }

    /**
     * {@code sink} with each frame written once the instant that carried it is over, with its
     * journey's summary as the comment; closing the returned sink stops this user's share.
     */
    public CaptureSink commented(CaptureSink sink) {
        acquire(null);
        if (comments == null) {
            comments = new CommentWriter(this);
            emulation.loop().addQuiescentAgent(comments);
        }
        return comments.defer(sink);
    }

    /** A recording of the journeys that begin from now on, sharing the recorder; {@code l} names namespaces. */
    public JourneyRecording recording(UnaryOperator<String> l) {
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

    private JourneyRecorder acquire(UnaryOperator<String> l) {
        if (users++ == 0) {
            recorder = JourneyRecorder.share(emulation, label);
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
