package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import java.util.List;

/**
 * The events of a {@code docker exec} whose process the host runs (moby daemon/exec.go and
 * monitor.go): {@code exec_create} and {@code exec_start} when it begins, {@code exec_die} with
 * its exit code when it ends.
 */
public final class ExecEvents {
    private ExecEvents() {
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
