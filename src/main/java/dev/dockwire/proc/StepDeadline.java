package dev.dockwire.proc;

import dev.dockwire.sim.EventLoop;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A script's step limit on the loop: a foreground wait that ends when its job is done or when the
 * limit has passed. A shell that runs each of its programs within one turn of the loop (the host's
 * prompt's line, whose programs run inside it: {@link #child}) does not pass its limit while a
 * program it started before the deadline runs, nor at the instant that program ends: {@code sleep 90}
 * is the program's time, and the shell that exits right after it did not outlast the limit (the
 * program itself is limited as its own job). Once past the deadline, the next moment the shell
 * spends ends it, so {@code while :; do sleep 1; done} still ends near the limit.
 */
final class StepDeadline {
    private final EventLoop loop;
    /** When the last program run in the shell's place started and ended (virtual ns; -1: none yet). */
    private long childStarted = -1;
    private long childEnded = -1;

    StepDeadline(EventLoop loop) {
        this.loop = loop;
    }

    /** Runs {@code task}, a program a foreground shell runs in its own turn of the loop, noting when it ran. */
    <T> T child(Supplier<T> task) {
        long started = loop.nanos();
        try {
            return task.get();
        } finally {
            childStarted = started;
            childEnded = loop.nanos();
        }
    }

    /** Runs the loop until {@code done} holds or {@code limitNanos} (0: none) has passed; false when it passed first. */
    boolean until(BooleanSupplier done, long limitNanos) {
        if (limitNanos <= 0) {
            loop.runUntil(done);
            return true;
        }
        long deadline = loop.nanos() + limitNanos;
        BooleanSupplier passed = () -> loop.nanos() >= deadline && !(childStarted >= 0 && childStarted < deadline
                && childEnded == loop.nanos());
        var wake = loop.schedule(limitNanos, () -> { }); // the loop reaches the deadline even when nothing else is due
        loop.runUntil(() -> done.getAsBoolean() || passed.getAsBoolean());
        wake.cancel();
        if (!done.getAsBoolean() && !passed.getAsBoolean()) { // a child ran past the deadline and nothing else was due
            loop.runUntil(() -> done.getAsBoolean() || loop.nanos() > childEnded);
        }
        return done.getAsBoolean();
    }
}
