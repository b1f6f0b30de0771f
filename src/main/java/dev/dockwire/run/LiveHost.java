package dev.dockwire.run;

import dev.dockwire.app.Signal;
import dev.dockwire.proc.JobControl;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A session's host made live for an interactive prompt: the event loop runs on a thread of its
 * own with virtual time following the wall clock ({@code speed} times as fast), so containers'
 * processes, {@code &} jobs, restart back-offs and TCP timers go on while the user types; the
 * thread waits for the next timer or a posted event and costs nothing when idle. The prompt's
 * thread hands it each line ({@link #run}) and the terminal's Ctrl-C/Ctrl-Z ({@link #signal});
 * commands run on the loop's thread, so no emulator state is ever touched from another. The
 * captures are flushed when a command line is done and when the loop waits, at most every
 * {@link #FLUSH_INTERVAL_NANOS} while it keeps waking up (the kernel's periodic writeback of dirty
 * pages rather than a write per wake-up), and at once before a longer wait. Timers due within
 * {@link #TIMER_SLACK_NANOS} of one another run on one wake-up (the kernel's timer slack).
 */
public final class LiveHost implements AutoCloseable {
    /**
     * How long captured frames may stay in memory while the loop keeps waking up (1,000 pingers wake
     * it hundreds of times a second); a wait at least this long flushes before it begins.
     */
    static final long FLUSH_INTERVAL_NANOS = 100_000_000L;
    /**
     * How late, in wall time, the loop may wake for a timer so that its neighbours run on the same
     * wake-up: well under what a person sees on the terminal, and each timer still runs at its own
     * virtual time.
     */
    static final long TIMER_SLACK_NANOS = 5_000_000L;
    private final Session session;
    private final EventLoop loop;
    private final JobControl jobs;
    private final Thread thread;
    private boolean closed;
    /** System.nanoTime of the last flush of the captures; loop thread only. */
    private long flushed = System.nanoTime();

    /**
     * Starts the loop thread; {@code terminal} prints the foreground's lines, {@code above} lines
     * of background jobs above the prompt. Call from the thread that ran the session so far.
     */
    public LiveHost(Session session, double speed, Consumer<String> terminal, Consumer<String> above) {
        this.session = session;
        this.loop = session.world().emulation().loop();
        this.jobs = session.host().jobControl();
        loop.pace(Pacing.WALL, speed);
        loop.timerSlack(TIMER_SLACK_NANOS);
        loop.onIdle(this::idle);
        session.live(true);
        jobs.attach(terminal, above);
        loop.hold(); // the prompt may post a line at any time
        thread = new Thread(() -> {
            while (!closed) {
                try {
                    loop.runUntil(() -> closed);
                } catch (RuntimeException e) {
                    // A fault in a background event (a command's own faults go back to its caller):
                    // say so and keep the host running rather than leave the prompt without a loop.
                    above.accept("dockwire: internal error in the background: " + e);
                }
            }
        }, "dockwire-loop");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs one command line at the host's prompt on the loop's thread and waits for it (its
     * lines reach the terminal as they are written); then the notices bash prints before the next
     * prompt ({@code [1]+  Done ...}). Returns the exit status.
     */
    public int run(String line) {
        return run(line.isBlank() ? null : () -> session.host().run(line));
    }

    /**
     * Runs {@code command} (a line in the shell on top: the host's or a container's, null for an
     * empty line) on the loop's thread as {@link #run(String)} does.
     */
    public int run(Supplier<dev.dockwire.tools.CommandResult> command) {
        return call(() -> {
            int status = 0;
            if (command != null) {
                // What did not stream (a parse error, say) is printed when the line is done.
                var r = command.get();
                r.output().forEach(jobs::print);
                status = r.status();
            }
            jobs.notifications().forEach(jobs::print);
            return status;
        });
    }

    /** Whether a job is stopped (bash warns once before {@code exit} leaves them). */
    public boolean anyStopped() {
        return call(jobs::anyStopped);
    }

    /** The loop is about to wait {@code wait} wall nanoseconds: the captures are flushed unless that was done just now. */
    private void idle(long wait) {
        long t = System.nanoTime();
        if (wait >= FLUSH_INTERVAL_NANOS || t - flushed >= FLUSH_INTERVAL_NANOS) {
            flush(t);
        }
    }

    private void flush(long t) {
        session.flushCaptures();
        flushed = t;
    }

    /** Runs {@code task} on the loop's thread and waits for its result; what it captured is on disk by then. */
    public <T> T call(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.post(() -> {
            try {
                T value = task.get();
                flush(System.nanoTime());
                result.complete(value);
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The terminal's Ctrl-C: SIGINT to the foreground job only (none at the prompt); safe from any thread. */
    public void interrupt() {
        loop.post(() -> jobs.signalForeground(Signal.SIGINT));
    }

    /** Runs {@code task} on the loop's thread without waiting for it (a terminal's signal); safe from any thread. */
    public void post(Runnable task) {
        loop.post(task);
    }

    /** The terminal's Ctrl-Z: SIGTSTP to the foreground job only; safe from any thread. */
    public void suspend() {
        loop.post(() -> jobs.signalForeground(Signal.SIGTSTP));
    }

    /**
     * Ctrl-D or {@code exit}: the jobs get SIGHUP, the loop thread ends and the session is back on
     * the caller's thread (for {@link Session#finish}), its loop virtual again.
     */
    @Override
    public void close() {
        if (!thread.isAlive()) {
            return;
        }
        loop.post(() -> {
            jobs.hangUp();
            loop.release();
            closed = true;
        });
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.pace(Pacing.VIRTUAL, 1);
        loop.timerSlack(0);
        loop.onIdle(wait -> { });
        session.live(false);
    }
}
