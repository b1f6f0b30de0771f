package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code docker pause} and {@code unpause} as dockerd does them (moby v28.2.2 daemon/pause.go,
 * unpause.go): the container's cgroup frozen through runc, State.Paused set beside Running, the
 * health monitor closed while paused (daemon/health.go updateHealthMonitor). The refusals are
 * moby's: a container that does not run (container.GetRunningTask), one already paused
 * (errNotPaused's "already paused"), one restarting, and unpause of one not paused.
 */
final class ContainerPause {
    private final Predicate<Container> hasTask;
    private final Consumer<Container> freeze;
    private final Consumer<Container> thaw;
    private final DaemonEvents events;

    /**
     * {@code hasTask}: whether the container's processes run ({@code MainProcesses.running});
     * {@code freeze} and {@code thaw} its cgroup (MainProcesses' pause and unpause); {@code events}
     * hears {@code pause} (pause.go) and {@code unpause} (monitor.go's EventResumed, also after kill's resume).
     */
    ContainerPause(Predicate<Container> hasTask, Consumer<Container> freeze, Consumer<Container> thaw, DaemonEvents events) {
        this.hasTask = hasTask;
        this.freeze = freeze;
        this.thaw = thaw;
        this.events = events;
    }

    Container pause(Container c) {
        if (c.state() == Container.State.RESTARTING) {
            throw new EngineException("Container " + c.id() + " is restarting, wait until the container is running");
        }
        if (!c.running() || !hasTask.test(c)) {
            throw new EngineException("container " + c.id() + " is not running");
        }
        if (c.paused()) {
            throw new EngineException("Container " + c.id() + " is already paused");
        }
        freeze.accept(c);
        c.paused(true);
        events.container(c, "pause");
        return c;
    }

    Container unpause(Container c) {
        if (!c.paused()) {
            throw new EngineException("Container " + c.id() + " is not paused");
        }
        resume(c);
        return c;
    }

    /** The task resumed (task.Resume): by unpause, or by kill and stop after their signal, as killWithSignal does. */
    void resume(Container c) {
        if (c.paused()) {
            c.paused(false);
            thaw.accept(c);
            events.container(c, "unpause");
        }
    }
}
