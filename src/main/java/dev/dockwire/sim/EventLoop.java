package dev.dockwire.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The single thread of an emulation: a virtual clock, a timer queue and the agents that do
 * pending frame work. Between two timers the loop runs agents until all are idle, so a frame
 * crosses every device it can reach at the same virtual instant; then time jumps to the next
 * deadline (or, with {@link Pacing#WALL}, waits for the wall clock to get there).
 *
 * <p>Not thread-safe: everything runs on the thread that calls {@code run*}.
 */
public final class EventLoop implements Clock {
    private final PriorityQueue<Timeout> timers = new PriorityQueue<>();
    private final List<Agent> agents = new ArrayList<>();
    private final Pacing pacing;
    private long now;
    private long seq;
    private long wallStart = -1;

    public EventLoop() {
        this(Pacing.VIRTUAL);
    }

    public EventLoop(Pacing pacing) {
        this.pacing = pacing;
    }

    @Override
    public long nanos() {
        return now;
    }

    public Pacing pacing() {
        return pacing;
    }

    /** Runs {@code task} after {@code delayNanos} of virtual time (0 = after pending work). */
    public Timeout schedule(long delayNanos, Runnable task) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("negative delay " + delayNanos);
        }
        Timeout t = new Timeout(now + delayNanos, seq++, task);
        timers.add(t);
        return t;
    }

    public Timeout schedule(long delay, TimeUnit unit, Runnable task) {
        return schedule(unit.toNanos(delay), task);
    }

    public void addAgent(Agent agent) {
        agents.add(agent);
    }

    /** Runs agents until none has work left. Returns the total work done. */
    public int drain() {
        int total = 0;
        int done;
        do {
            done = 0;
            for (int i = 0, n = agents.size(); i < n; i++) {
                done += agents.get(i).doWork();
            }
            total += done;
        } while (done > 0);
        return total;
    }

    /** Runs pending work and timers until {@code until} holds or nothing is left to do. */
    public void runUntil(BooleanSupplier until) {
        drain();
        while (!until.getAsBoolean()) {
            if (!step(Long.MAX_VALUE)) {
                return;
            }
        }
    }

    /** Runs everything due up to {@code deadline} (virtual ns) and leaves the clock there. */
    public void runUntilTime(long deadline) {
        drain();
        while (step(deadline)) {
            // keep going
        }
        if (now < deadline) {
            pace(deadline);
            now = deadline;
        }
    }

    /** Runs for {@code nanos} of virtual time from now. */
    public void runFor(long nanos) {
        runUntilTime(now + nanos);
    }

    /** Runs until no timer and no pending work remains. */
    public void runToCompletion() {
        runUntil(() -> false);
    }

    public boolean hasPendingTimers() {
        purgeCancelled();
        return !timers.isEmpty();
    }

    /** Fires the next timer at or before {@code limit}; false when there is none. */
    private boolean step(long limit) {
        purgeCancelled();
        Timeout t = timers.peek();
        if (t == null || t.deadline > limit) {
            return false;
        }
        timers.poll();
        if (t.deadline > now) {
            pace(t.deadline);
            now = t.deadline;
        }
        t.task.run();
        drain();
        return true;
    }

    private void purgeCancelled() {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
    }

    private void pace(long target) {
        if (pacing != Pacing.WALL) {
            return;
        }
        // The only wall-clock read in core code, and only in WALL mode.
        long wall = System.nanoTime();
        if (wallStart < 0) {
            wallStart = wall - now;
        }
        long sleep = target - (wall - wallStart);
        if (sleep > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
