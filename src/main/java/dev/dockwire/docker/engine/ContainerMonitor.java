package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.proc.Process;
import dev.dockwire.sim.EventLoop;
import java.util.HashSet;
import java.util.Set;

/**
 * What dockerd does when a container's PID 1 exits (daemon/monitor.go, handleContainerExit): the
 * container stops with its status, a swarm task's end goes to the swarm, the restart policy may
 * start it again after its back-off ({@link RestartManager}), and {@code --rm} removes it.
 */
final class ContainerMonitor {
    private final Engine engine;
    private final EventLoop clock;
    private final RestartManager restarts = new RestartManager();
    private final Set<String> autoRemove = new HashSet<>();
    private final Set<String> stopping = new HashSet<>();
    private final Set<String> stoppedByHand = new HashSet<>();

    ContainerMonitor(Engine engine, EventLoop clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** PID 1 of {@code c} ended (by itself or by a signal). */
    void exited(Container c, Process init) {
        boolean stoppedByUser = stopping.remove(c.id());
        ContainerProcesses r = engine.processes(c);
        if (!c.running() || r == null || r.init() != init) {
            return; // docker stop/rm already took the container down
        }
        long ran = clock.nanos() - c.startedAt();
        int status = engine.teardown(c);
        c.stopped(status, clock.nanos());
        engine.daemonEvents().died(c, status, ran);
        if (engine.swarm() != null) {
            engine.swarm().taskExited(c.name(), status, clock.nanos(), (delay, task) -> clock.schedule(delay, task));
        }
        long delay = stoppedByUser ? -1 : restarts.next(c, status, ran, stoppedByHand.contains(c.id()));
        if (delay >= 0) {
            c.restarting();
            clock.schedule(delay, () -> {
                if (c.state() == Container.State.RESTARTING && engine.findContainer(c.id()) == c) {
                    engine.restart(c);
                }
            });
        } else if (autoRemove.remove(c.id())) {
            engine.remove(c.id(), false, () -> { });
            engine.volumes().removeAnonymous(c); // the daemon's autoremove is containerRm with RemoveVolume
        }
    }

    /** {@code docker stop} is under way: PID 1's exit is not one the restart policy answers (container.ExitOnNext). */
    void stopping(Container c) {
        stopping.add(c.id());
        stoppedByHand.add(c.id());
    }

    /**
     * {@code docker kill} with a signal other than the container's STOPSIGNAL: the restart policy
     * still answers PID 1's exit, but {@code unless-stopped} sees a container stopped by hand
     * (moby's HasBeenManuallyStopped).
     */
    void stoppedByHand(Container c) {
        stoppedByHand.add(c.id());
    }

    /**
     * {@code docker start} by a user (daemon/start.go with resetRestartManager): a fresh restart
     * manager, RestartCount back to 0, no longer stopped by hand.
     */
    void startedByHand(Container c) {
        stoppedByHand.remove(c.id());
        restarts.forget(c);
        c.resetRestartCount();
    }

    /** {@code docker stop} of a container waiting to restart: it stays stopped. */
    Container stopWhileRestarting(Container c) {
        if (c.state() == Container.State.RESTARTING) {
            c.stopped(c.exitCode(), c.finishedAt());
        }
        return c;
    }

    /** {@code docker run --rm}: remove {@code c} once it has stopped. */
    void autoRemove(Container c) {
        autoRemove.add(c.id());
    }

    void removed(Container c) {
        autoRemove.remove(c.id());
        stopping.remove(c.id());
        stoppedByHand.remove(c.id());
        restarts.forget(c);
    }
}
