package dev.dockwire.cli;

import dev.dockwire.run.RealWorld;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What SIGINT/SIGTERM does to {@code up --real}, as one shutdown hook registered before the first
 * namespace is made and never removed (adding or removing a hook once the JVM is shutting down
 * throws {@code IllegalStateException: Shutdown in progress}, which {@code --serve} printed when
 * its hook went in after the build or came out after the loop ended). The command tells it which
 * phase it is in; the hook does what that phase needs:
 * <ul>
 * <li>building: tears the partial build down as a failure does ({@link RealWorld#abandon}: the
 *     namespaces made so far, and none made after by the building thread);
 * <li>tearing down after a failure: waits for the command's own teardown to end;
 * <li>serving: runs the stop the command gave (close the captures on the loop's thread);
 * <li>done: nothing, the namespaces stay for {@code down --real}.
 * </ul>
 * Transitions and the hook's decision are made under one monitor, so a signal is handled by
 * exactly one side.
 */
final class UpInterrupt {
    /** How long the hook waits for the command's own teardown before the JVM exits anyway. */
    private static final long TEARDOWN_WAIT_S = 30;

    private enum Phase { BUILDING, TEARING_DOWN, SERVING, DONE }

    private final String prefix;
    private final PrintStream err;
    private final CountDownLatch tornDown = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "dockwire-up-interrupt");
    private Phase phase = Phase.BUILDING;
    private boolean interrupted;
    private Runnable stop = () -> { };

    private UpInterrupt(String prefix, PrintStream err) {
        this.prefix = prefix;
        this.err = err;
    }

    /** Registers the hook for the run with namespace {@code prefix}; call before building anything. */
    static UpInterrupt install(String prefix, PrintStream err) {
        UpInterrupt u = new UpInterrupt(prefix, err);
        Runtime.getRuntime().addShutdownHook(u.hook);
        return u;
    }

    /**
     * The command returns: the hook goes unless the JVM is already exiting (then it runs, and
     * finds nothing to do or waits for what the phase needs), so a JVM that runs many commands
     * (the tests) does not collect them.
     */
    void finish() {
        tornDown.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: the phase tells it what is left
        }
    }

    /**
     * The build failed and the command removes what was made itself; false when a signal came
     * first (the hook has removed it, the command only stops).
     */
    synchronized boolean failing() {
        if (interrupted) {
            return false;
        }
        phase = Phase.TEARING_DOWN;
        return true;
    }

    /** The command's teardown after a failure has ended. */
    void tornDown() {
        tornDown.countDown();
    }

    /** The build is complete; false when a signal came first (the hook is removing it). */
    synchronized boolean built() {
        if (interrupted) {
            return false;
        }
        phase = Phase.DONE;
        return true;
    }

    /** The build is complete and the command serves until a signal, which runs {@code stop}; false as {@link #built}. */
    synchronized boolean serving(Runnable stop) {
        if (interrupted) {
            return false;
        }
        this.stop = stop;
        phase = Phase.SERVING;
        return true;
    }

    /** Whether a signal has come (the command then leaves the rest to the hook). */
    synchronized boolean interrupted() {
        return interrupted;
    }

    private void onSignal() {
        Phase now;
        synchronized (this) {
            interrupted = true;
            now = phase;
            if (now == Phase.BUILDING) {
                // Under the monitor: the command cannot declare the run built while it goes.
                List<String> removed = RealWorld.abandon(prefix);
                err.println("dockwire: interrupted; removed what was made (" + prefix + "*, "
                        + removed.size() + " namespace" + (removed.size() == 1 ? "" : "s") + ")");
                err.flush();
                return;
            }
        }
        switch (now) {
            case TEARING_DOWN -> await();
            case SERVING -> stop.run();
            default -> { }
        }
    }

    private void await() {
        try {
            tornDown.await(TEARDOWN_WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
