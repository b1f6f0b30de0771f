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
 * captures are flushed whenever the loop waits.
 */
public final class LiveHost implements AutoCloseable {
    private final Session session;
    private final EventLoop loop;
    private final JobControl jobs;
    private final Thread thread;
    private boolean closed;

    /**
     * Starts the loop thread; {@code terminal} prints the foreground's lines, {@code above} lines
     * of background jobs above the prompt. Call from the thread that ran the session so far.
     */
    public LiveHost(Session session, double speed, Consumer<String> terminal, Consumer<String> above) {
        this.session = session;
        this.loop = session.world().emulation().loop();
        this.jobs = session.host().jobControl();
        loop.pace(Pacing.WALL, speed);
        loop.onIdle(session::flushCaptures);
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

    /** Runs {@code task} on the loop's thread and waits for its result. */
    public <T> T call(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.post(() -> {
            try {
                result.complete(task.get());
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
        loop.onIdle(() -> { });
    }
}
