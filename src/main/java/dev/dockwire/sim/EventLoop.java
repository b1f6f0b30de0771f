package dev.dockwire.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The single thread of an emulation: a virtual clock, a timer queue and the agents that do
 * pending frame work. Between two timers the loop runs agents until all are idle, so a frame
 * crosses every device it can reach at the same virtual instant; then time jumps to the next
 * deadline (or, with {@link Pacing#WALL}, waits for the wall clock to get there).
 *
 * <p>Not thread-safe: everything runs on the thread that calls {@code run*}, except
 * {@link #post}, which real sockets call from their I/O threads to hand the loop an event. With
 * {@link Pacing#WALL} the loop waits for the wall clock <em>or</em> a posted event, whichever comes
 * first, and the virtual clock follows the wall clock when a posted event runs; while something
 * holds the loop open ({@link #hold}) it waits for posted events even when no timer is left.
 *
 * <p>A {@link Pacing#WALL} clock does not lag the wall, as a real host's does not: a loop that
 * reaches a timer within its slack ({@link #timerSlack}) and {@link #WAKE_UP_GRACE_NANOS} runs it at
 * its own deadline, one that reaches it later (the machine busy, the thread not scheduled) runs
 * it late, at the wall's time less that bound, as a busy host's timers fire late while its clock
 * goes on (hrtimer_interrupt expires what is due at the time it reads). Virtual time is thus never
 * further behind the wall than the bound plus the work of one timer or event.
 */
public final class EventLoop implements Clock {
    private final PriorityQueue<Timeout> timers = new PriorityQueue<>();
    private final List<Agent> agents = new ArrayList<>();
    private final List<Agent> quiescent = new ArrayList<>();
    private Pacing pacing;
    private double speed = 1;
    private long now;
    private long seq;
    /** The wall time (ms since 1970) at virtual time 0: a run's fixed {@link #RUN_EPOCH_MILLIS}, or a live shell's today. */
    private long epochMillis = RUN_EPOCH_MILLIS;
    /** The timer {@link #schedule} made last, until it runs: see {@link #isLastScheduled}. */
    private Timeout lastScheduled;
    /** The wall clock (System.nanoTime) when pacing last began, and the virtual time then; -1 until read. */
    private long wallOrigin = -1;
    private long virtualOrigin;
    /** The wall clock on the virtual scale when last read ({@link #wallNanos}). */
    private long wallRead;
    private final WallClock wall;
    private Idle idle = wait -> { };
    /** How late (wall ns) a WALL loop may wake for a timer, to run its neighbours on the same wake-up. */
    private long slack;
    private final Queue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private volatile Thread waiter;
    private int holds;

    /** What a {@link Pacing#WALL} loop does before it waits ({@link #onIdle}). */
    @FunctionalInterface
    public interface Idle {
        /** The loop is about to wait {@code waitNanos} of wall time (Long.MAX_VALUE: until an event is posted). */
        void idle(long waitNanos);
    }

    /**
     * A run's wall time at virtual time 0, 2025-01-01T00:00:00Z: fixed so runs, their captures and
     * transcripts are reproducible.
     */
    public static final long RUN_EPOCH_MILLIS = 1_735_689_600_000L;

    /**
     * How late past its slack (wall ns) a {@link Pacing#WALL} loop may reach a timer and still run it
     * at its own deadline: an idle machine wakes a sleeping thread within tens of microseconds, a
     * busy one within milliseconds or more, and that lateness is the clock's to show.
     */
    public static final long WAKE_UP_GRACE_NANOS = 1_000_000L;

    public EventLoop() {
        this(Pacing.VIRTUAL);
    }

    public EventLoop(Pacing pacing) {
        this(pacing, WallClock.SYSTEM);
    }

    /** A loop whose {@link Pacing#WALL} pacing follows and sleeps on {@code wall}. */
    public EventLoop(Pacing pacing, WallClock wall) {
        this.pacing = pacing;
        this.wall = wall;
    }

    @Override
    public long nanos() {
        return now;
    }

    /** The wall time (ms since 1970) at virtual time 0; what {@code date}, HTTP Date headers and inspect's times add {@link #nanos} to. */
    public long epochMillis() {
        return epochMillis;
    }

    /**
     * Makes now read as the wall clock's {@code wallMillis} in whole seconds (a live shell's clock
     * says today, as the host's would); the virtual clock itself does not move.
     */
    public void wallEpoch(long wallMillis) {
        epochMillis = wallMillis / 1000 * 1000 - now / 1_000_000;
    }

    public Pacing pacing() {
        return pacing;
    }

    /**
     * Changes the pacing from now on: an interactive prompt runs a script at full speed
     * ({@link Pacing#VIRTUAL}), then lets virtual time follow the wall clock ({@link Pacing#WALL}),
     * {@code speed} times as fast. Loop thread only.
     */
    public void pace(Pacing pacing, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        this.pacing = pacing;
        this.speed = speed;
        this.wallOrigin = -1;
    }

    /**
     * Runs {@code task} each time a {@link Pacing#WALL} loop is about to wait (for the wall clock or
     * a posted event), told how long it means to wait: the moment to flush what was written, as
     * nothing changes until it wakes. A timer already due or an event already posted is no wait.
     */
    public void onIdle(Idle task) {
        this.idle = task;
    }

    /**
     * Lets a {@link Pacing#WALL} loop wake up as much as {@code nanos} of wall time after a timer's
     * deadline, so that timers falling due close together run on one wake-up rather than one each
     * (the kernel's timer slack, prctl(PR_SET_TIMERSLACK): hrtimers are range timers and expire
     * together). Every timer still runs at its own virtual deadline, in order; only the wall-clock
     * moment it is seen moves, unless the loop reaches it more than the slack and
     * {@link #WAKE_UP_GRACE_NANOS} late: then it runs late, the clock at the wall (see the class).
     * A posted event still wakes the loop at once. 0 (the default): none.
     */
    public void timerSlack(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("negative timer slack " + nanos);
        }
        this.slack = nanos;
    }

    /** Runs {@code task} after {@code delayNanos} of virtual time (0 = after pending work). */
    public Timeout schedule(long delayNanos, Runnable task) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("negative delay " + delayNanos);
        }
        Timeout t = new Timeout(now + delayNanos, seq++, task);
        timers.add(t);
        lastScheduled = t;
        return t;
    }

    /**
     * Whether {@code t} is pending, due now, and the last timer scheduled: work added to its task
     * then runs where a timer scheduled now with no delay would (next in order, nothing between),
     * so a caller starting many such tasks at once may add them to one timer instead of paying a
     * pending timer for each.
     */
    public boolean isLastScheduled(Timeout t) {
        return t == lastScheduled && t.deadline == now && !t.cancelled;
    }

    public Timeout schedule(long delay, TimeUnit unit, Runnable task) {
        return schedule(unit.toNanos(delay), task);
    }

    /**
     * Runs {@code task} on the loop's thread after the work pending there: the one call that is
     * safe from any thread (a real socket's I/O thread delivering a datagram). Wakes a loop
     * waiting for the wall clock.
     */
    public void post(Runnable task) {
        posted.add(task);
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Keeps {@code run*} waiting for posted events with no timer left (wall pacing only), like an
     * outstanding connect on a real socket whose answer comes from outside the loop; undo with
     * {@link #release}. Loop thread only.
     */
    public void hold() {
        holds++;
    }

    /** Undoes one {@link #hold}. */
    public void release() {
        if (holds == 0) {
            throw new IllegalStateException("release without hold");
        }
        holds--;
    }

    public void addAgent(Agent agent) {
        agents.add(agent);
    }

    /**
     * Adds an agent that runs only once every other agent is idle: when each frame of this instant
     * has gone as far as it can (a capture writes its frames with the decisions taken after its
     * tap saw them).
     */
    public void addQuiescentAgent(Agent agent) {
        quiescent.add(agent);
    }

    /** Runs agents until none has work left, then the quiescent agents (and again while they did some). */
    public int drain() {
        int total = 0;
        int done;
        do {
            do {
                done = runPosted();
                for (int i = 0, n = agents.size(); i < n; i++) {
                    done += agents.get(i).doWork();
                }
                total += done;
            } while (done > 0);
            for (int i = 0, n = quiescent.size(); i < n; i++) {
                done += quiescent.get(i).doWork();
            }
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

    /**
     * Fires the next timer at or before {@code limit}, or (wall pacing) runs events posted while
     * waiting for it; false when there is nothing to do up to {@code limit}.
     */
    private boolean step(long limit) {
        purgeCancelled();
        Timeout t = timers.peek();
        boolean due = t != null && t.deadline <= limit;
        if (pacing == Pacing.WALL) {
            long until = due ? t.deadline : limit != Long.MAX_VALUE || holds > 0 ? limit : -1;
            if (until < 0) {
                return false;
            }
            if (awaitPosted(until)) {
                drain();
                return true;
            }
            if (!due) {
                return false;
            }
        } else if (!due) {
            return false;
        }
        timers.poll();
        if (t == lastScheduled) {
            lastScheduled = null;
        }
        // awaitPosted read the wall just now (due: a deadline, never Long.MAX_VALUE)
        long at = pacing == Pacing.WALL ? Math.max(t.deadline, wallRead - lagBound()) : t.deadline;
        if (at > now) {
            now = at;
        }
        t.task.run();
        drain();
        return true;
    }

    private int runPosted() {
        int n = 0;
        Runnable task;
        while ((task = posted.poll()) != null) {
            task.run();
            n++;
        }
        return n;
    }

    /** Wall time on the virtual scale: equal to {@code now} when first read, then {@code speed} times the wall clock's pace. */
    private long wallNanos() {
        // The only wall-clock read in core code, and only in WALL mode.
        long t = wall.nanoTime();
        if (wallOrigin < 0) {
            wallOrigin = t;
            virtualOrigin = now;
        }
        wallRead = virtualOrigin + (long) ((t - wallOrigin) * speed);
        return wallRead;
    }

    /** How far (virtual ns) the clock may stay behind the wall: the slack and a wake-up's grace, on the virtual scale. */
    private long lagBound() {
        return (long) ((slack + WAKE_UP_GRACE_NANOS) * speed);
    }

    /**
     * Waits until the wall clock reaches {@code target} (Long.MAX_VALUE: for ever) or an event is
     * posted; true when one was (the clock then moves to the wall time it arrived at).
     */
    private boolean awaitPosted(long target) {
        long wait = wallWait(target);
        if (wait <= 0 && posted.isEmpty()) {
            return false; // already due: no wait, so nothing for the idle hook to do yet
        }
        waiter = Thread.currentThread();
        if (posted.isEmpty()) {
            idle.idle(wait);
        }
        try {
            while (true) {
                if (!posted.isEmpty()) {
                    // As far as the wall, but not past a timer still within its slack (it runs at its deadline).
                    long w = wallNanos();
                    now = Math.max(now, Math.max(w - lagBound(), Math.min(target, w)));
                    return true;
                }
                wait = wallWait(target);
                if (wait <= 0) {
                    return false;
                }
                wall.park(this, wait > Long.MAX_VALUE - slack ? Long.MAX_VALUE : wait + slack);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        } finally {
            waiter = null;
        }
    }

    /** Wall nanoseconds until the virtual time {@code target} (Long.MAX_VALUE: for ever); at most 0 when it is due. */
    private long wallWait(long target) {
        if (target == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long wait = target - wallNanos();
        return wait <= 0 ? wait : (long) Math.ceil(wait / speed);
    }

    private void purgeCancelled() {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
    }

}
