package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import java.util.List;
import java.util.Map;

/**
 * The events of the requests whose work the CLI's side carries out over the engine: a
 * {@code docker exec} (moby daemon/exec.go and monitor.go: {@code exec_create} and
 * {@code exec_start} when it begins, {@code exec_die} with its exit code when it ends), an attach
 * (daemon/attach.go: {@code attach}), the client's resize of a container's TTY (daemon/resize.go), a pull (daemon/containerd/image_pull.go) and a container
 * prune (daemon/prune.go).
 */
public final class ClientEvents {
    private ClientEvents() {
    }

    /**
     * {@code docker pull IMAGE} has pulled it: LogImageEvent of the familiar tagged reference
     * ({@code alpine:latest}) with the repository as its {@code name}.
     */
    public static void pulled(Engine engine, String image) {
        Reference ref = Reference.parse(image);
        if (ref != null) {
            engine.daemonEvents().image(ref.familiarTagged(), "pull", Map.of("name", ref.familiarName()));
        }
    }

    /** ContainersPrune has removed the stopped containers: {@code prune} without an actor, the space {@code reclaimed}. */
    public static void containersPruned(Engine engine) {
        engine.daemonEvents().pruned(Event.CONTAINER);
    }

    /** ContainerAttach: the client attached to {@code c} ({@code docker attach}, an attached {@code docker run} before its start). */
    public static void attached(Engine engine, Container c) {
        engine.daemonEvents().container(c, "attach");
    }

    /**
     * ContainerResize (daemon/resize.go): the client sized {@code c}'s TTY to its terminal's
     * {@code rows} and {@code columns} after {@code docker run -t} or {@code docker attach} started
     * or joined it at a terminal (cli/command/container/tty.go MonitorTtySize), logged as
     * {@code resize} with {@code height} and {@code width}; nothing for 0x0, as the daemon returns
     * early. An exec's resize (ContainerExecResize) logs nothing.
     */
    public static void resized(Engine engine, Container c, int rows, int columns) {
        if (rows != 0 || columns != 0) {
            engine.daemonEvents().container(c, "resize", Map.of("height", Integer.toString(rows), "width", Integer.toString(columns)));
        }
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
