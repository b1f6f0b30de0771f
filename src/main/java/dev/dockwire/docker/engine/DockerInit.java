package dev.dockwire.docker.engine;

import dev.dockwire.app.Signal;
import dev.dockwire.proc.PidNamespace;
import dev.dockwire.proc.Process;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker run --init}: the daemon's docker-init (tini 0.19, bind-mounted at /sbin/docker-init
 * and made the entrypoint as {@code /sbin/docker-init -- CMD...}: daemon/oci_linux.go WithCommonOptions)
 * is the container's PID 1 and its command a child, pid 7 as the reference engine's ps shows it.
 * tini.c forwards every signal it gets to that child but the synchronous ones, SIGCHLD and the tty's
 * stops ({@code configure_signals}), and exits with the child's status; so the command is no
 * namespace init, and a SIGTERM it has no handler for ends it. When tini itself dies the namespace does.
 */
final class DockerInit {
    /** tini.c configure_signals: what it leaves unblocked, and SIGCHLD, which it reaps. */
    private static final Set<Signal> KEPT = EnumSet.of(Signal.SIGFPE, Signal.SIGILL, Signal.SIGSEGV, Signal.SIGBUS, Signal.SIGABRT,
            Signal.SIGTRAP, Signal.SIGSYS, Signal.SIGTTIN, Signal.SIGTTOU, Signal.SIGCHLD);
    /** The pid the command gets: runc's and tini's forks take 2 to 6 before it. */
    private static final int CHILD_PID = 7;

    private DockerInit() {
    }

    /** PID 1 of {@code pids}: {@code /sbin/docker-init -- argv}, run as {@code uid}. */
    static Process start(PidNamespace pids, List<String> argv, Map<String, String> env, long nowNanos, int uid) {
        List<String> cmd = new ArrayList<>(List.of("/sbin/docker-init", "--"));
        cmd.addAll(argv);
        Process tini = pids.spawn(0, cmd, env, nowNanos);
        tini.uid(uid);
        pids.advanceTo(CHILD_PID - 1);
        return tini;
    }

    /** tini waiting on {@code child}: the signals it gets forwarded, its exit the child's, its death the namespace's. */
    static void supervise(PidNamespace pids, Process tini, Process child) {
        for (Signal s : Signal.values()) {
            if (s.catchable() && !KEPT.contains(s)) {
                tini.handle(s, () -> pids.kill(child.pid(), s));
            }
        }
        child.onExit(status -> {
            if (!tini.exited()) {
                tini.exit(status);
            }
        });
        tini.onExit(status -> pids.killAll());
    }
}
