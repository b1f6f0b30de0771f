package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import java.util.List;

/**
 * The events of the requests whose streams the client holds while the host runs them: a
 * {@code docker exec} (moby daemon/exec.go and monitor.go: {@code exec_create} and
 * {@code exec_start} when it begins, {@code exec_die} with its exit code when it ends) and an
 * attach (daemon/attach.go: {@code attach}).
 */
public final class StreamEvents {
    private StreamEvents() {
    }

    /** ContainerAttach: the client attached to {@code c} ({@code docker attach}, an attached {@code docker run} before its start). */
    public static void attached(Engine engine, Container c) {
        engine.daemonEvents().container(c, "attach");
    }

    /** The exec of {@code argv} in {@code c} created and started; returns its ID for {@link #died}. */
    public static String started(Engine engine, Container c, List<String> argv) {
        return engine.daemonEvents().execStarted(c, argv);
    }

    /** The exec's process ended with {@code exitCode}. */
    public static void died(Engine engine, Container c, String execId, int exitCode) {
        engine.daemonEvents().execDied(c, execId, exitCode);
    }
}
