package dev.dockwire.sim;

/**
 * A switchable probe, as a kernel tracepoint behind its static key: the code on the path always
 * calls {@link #probe()}, which is a no-op object until something {@link #attach attaches} a
 * recorder (the kernel's {@code trace_kfree_skb}, {@code trace_fib_table_lookup}, ... cost a
 * patched-out jump when nobody listens). One emulation shares one tracepoint among its devices,
 * stacks and netfilter, so attaching it once records them all; nothing is recorded, and nothing
 * allocated, while it is off.
 *
 * @param <P> the probe interface the path calls
 */
public final class Tracepoint<P> {
    private final P off;
    private P probe;

    public Tracepoint(P off) {
        this.off = off;
        this.probe = off;
    }

    /** The probe to call: the no-op one while nothing is attached. */
    public P probe() {
        return probe;
    }

    /** Attaches {@code recorder}; throws when another is attached (one reader at a time, as with perf's exclusive events). */
    public void attach(P recorder) {
        if (probe != off) {
            throw new IllegalStateException("a recorder is already attached");
        }
        probe = recorder;
    }

    /** Detaches the recorder (if any): the path goes back to the no-op probe. */
    public void detach() {
        probe = off;
    }

    public boolean attached() {
        return probe != off;
    }
}
