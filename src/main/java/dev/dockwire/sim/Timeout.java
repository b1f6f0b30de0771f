package dev.dockwire.sim;

/** A scheduled task; {@link #cancel()} before it fires and it never runs. */
public final class Timeout implements Comparable<Timeout> {
    final long deadline;
    final long seq;
    final Runnable task;
    boolean cancelled;

    Timeout(long deadline, long seq, Runnable task) {
        this.deadline = deadline;
        this.seq = seq;
        this.task = task;
    }

    /** Virtual time at which the task runs, in nanoseconds. */
    public long deadline() {
        return deadline;
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public int compareTo(Timeout o) {
        // Equal deadlines run in scheduling order: that keeps runs deterministic.
        int c = Long.compare(deadline, o.deadline);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
