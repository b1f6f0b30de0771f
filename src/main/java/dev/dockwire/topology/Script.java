package dev.dockwire.topology;

import java.util.List;

/**
 * A script of command lines as typed on a Docker host, with what each must do. Pure data.
 *
 * @param name  the script's name (file name without extension), used for the capture directory
 * @param seed  from a {@code # dockwire: seed N} directive, else 1
 * @param images images declared with {@code # dockwire: image ...}
 * @param daemon from {@code # dockwire: daemon engine=docker-27 userland-proxy=false}, else the default
 * @param capture every bridge, plus what {@code # dockwire: capture loopback host IFACE...} adds
 * @param stepTimeoutSeconds from {@code # dockwire: step-timeout N}: how long (virtual seconds) a
 *     foreground command that does not end may run before it is ended, else {@link #STEP_TIMEOUT_SECONDS}
 */
public record Script(String name, long seed, List<Command> commands, List<ImageDecl> images, Daemon daemon,
                     Topology.CaptureSpec capture, long stepTimeoutSeconds) {
    /** The step timeout unless a script sets another. */
    public static final long STEP_TIMEOUT_SECONDS = 60;

    public Script(String name, long seed, List<Command> commands, List<ImageDecl> images) {
        this(name, seed, commands, images, Daemon.DEFAULT, new Topology.CaptureSpec(true, null), STEP_TIMEOUT_SECONDS);
    }

    /** {@code # dockwire: image NAME http PORT (hostname | text TEXT)}: what an unmodelled image runs. */
    public record ImageDecl(String image, int port, String text) {
    }

    /**
     * One command line (continuations joined) and its expectations.
     *
     * @param status  the exit status it must have; null = any non-failing default (0)
     * @param anyStatus true when the script said {@code # expect: any}
     */
    public record Command(String line, int lineNumber, Integer status, boolean anyStatus,
                          List<String> contains, List<String> notContains, List<String> matches) {
    }
}
