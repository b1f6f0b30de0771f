package dev.dockwire.docker.engine;

import dev.dockwire.app.Signal;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.proc.Process;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How dockerd ends a container on request: {@code docker stop} (daemon/stop.go: the stop signal,
 * a grace period, then SIGKILL) and {@code docker kill} (daemon/kill.go: one signal to PID 1, the
 * container stops when PID 1 ends). Both tell the restart policy that the user stopped it.
 */
final class ContainerStop {
    private final Engine engine;
    private final EventLoop clock;
    private final MainProcesses mains;
    private final ContainerMonitor monitor;
    private final ContainerPause pauses;

    ContainerStop(Engine engine, EventLoop clock, MainProcesses mains, ContainerMonitor monitor, ContainerPause pauses) {
        this.engine = engine;
        this.clock = clock;
        this.mains = mains;
        this.monitor = monitor;
        this.pauses = pauses;
    }

    /** The image's STOPSIGNAL to PID 1 (ignored without a handler), then SIGKILL at once unless PID 1 ended on it. */
    Container stop(Container c) {
        if (!c.running()) {
            return monitor.stopWhileRestarting(c);
        }
        monitor.stopping(c);
        killed(c, null);
        mains.signal(c, null);
        pauses.resume(c); // killWithSignal: a paused container is resumed to take its stop signal
        killIfRunning(c);
        engine.daemonEvents().container(c, "stop");
        return c;
    }

    /**
     * {@code signal} (null: the image's STOPSIGNAL) to PID 1, and SIGKILL when {@code graceNanos}
     * of the clock have passed: the daemon's timer, which runs whether or not the client still
     * waits. {@code client} waits for the condition that the container has stopped (the client
     * may give up first: Ctrl-C at a terminal).
     */
    Container stop(Container c, long graceNanos, Signal signal, Consumer<BooleanSupplier> client) {
        if (!c.running()) {
            return monitor.stopWhileRestarting(c);
        }
        monitor.stopping(c);
        killed(c, signal);
        Process init = mains.signal(c, signal);
        if (signal == null || stopSignal(c) == null || signal == stopSignal(c)) {
            pauses.resume(c); // killWithSignal: the stop signal queued, then task.Resume
        }
        Timeout kill = clock.schedule(graceNanos, () -> {
            if (mains.running(c) != null && mains.running(c).init() == init) {
                killIfRunning(c);
            }
        });
        client.accept(() -> init.exited() || !c.running());
        if (init.exited()) {
            kill.cancel();
            clock.runUntil(() -> !c.running()); // the monitor takes the container down at once
        }
        if (!c.running()) {
            engine.daemonEvents().container(c, "stop"); // containerStop returned nil
        }
        return c;
    }

    /**
     * {@code docker kill [-s SIGNAL]}. As killWithSignal does, the restart policy is cancelled
     * (container.ExitOnNext) when the signal is SIGKILL, the container's STOPSIGNAL, or any signal
     * for a container without one; another signal that ends PID 1 leaves {@code always} and
     * {@code on-failure} to restart it. Either way the container counts as stopped by hand, which
     * {@code unless-stopped} heeds.
     */
    Container kill(Container c, String ref, Signal signal) {
        if (!c.running()) {
            throw new EngineException("cannot kill container: " + ref + ": container " + c.id() + " is not running");
        }
        Signal stopSignal = stopSignal(c);
        boolean exitOnNext = signal == Signal.SIGKILL || stopSignal == null || stopSignal == signal;
        if (exitOnNext) {
            monitor.stopping(c);
        } else {
            monitor.stoppedByHand(c);
        }
        if (signal != Signal.SIGKILL) {
            killed(c, signal); // SIGKILL's is Kill's, below
        }
        mains.signal(c, signal);
        if (exitOnNext) {
            pauses.resume(c); // the signal is queued, then the paused task resumed to take it; another waits for unpause
        }
        return signal == Signal.SIGKILL ? killIfRunning(c) : c;
    }

    /** Config.StopSignal ({@code --stop-signal}'s, else the image's) when it names one other than SIGTERM, else null. */
    private static Signal stopSignal(Container c) {
        Signal s = Signal.parse(Images.stopSignal(c));
        return s == Signal.SIGTERM ? null : s;
    }

    /** {@code docker rm -f} of a running container: SIGKILL and the teardown, without waiting. */
    Container killIfRunning(Container c) {
        if (c.running()) {
            killed(c, Signal.SIGKILL);
            mains.signal(c, Signal.SIGKILL);
            long ran = clock.nanos() - c.startedAt();
            c.stopped(engine.teardown(c), clock.nanos());
            engine.daemonEvents().died(c, c.exitCode(), ran);
        }
        return c;
    }

    /** killWithSignal's event: {@code signal}'s number (null: the image's STOPSIGNAL, SIGTERM when it names none). */
    private void killed(Container c, Signal signal) {
        Signal s = signal != null ? signal : stopSignal(c) != null ? stopSignal(c) : Signal.SIGTERM;
        engine.daemonEvents().killed(c, s.number());
    }
}
