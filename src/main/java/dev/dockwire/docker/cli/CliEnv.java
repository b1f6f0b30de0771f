package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ExecConfig;
import dev.dockwire.sim.EventLoop;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the docker CLI (and the compose plugin) sees of the host it runs on, as docker/cli's
 * {@code command.Cli} gives its commands a client and streams: the engine it talks to, the clock,
 * the host's files and environment, and the runtime side of {@code docker exec}. The host's
 * terminal implements it; the CLI never reaches the host's own tools.
 */
public interface CliEnv {
    Engine engine();

    EventLoop loop();

    /** {@code docker exec CTR ARGV...}: runs {@code argv} inside the running container {@code c}, without a shell around it. */
    CommandOutput execIn(Container c, List<String> argv);

    /** {@code docker exec -i CTR ARGV...} with what was piped to the client: the lines reach the process's stdin. */
    CommandOutput execIn(Container c, List<String> argv, List<String> stdin);

    /**
     * {@code docker exec [-e VAR] [-u USER] [-w DIR] [-t] [--privileged] CTR CMD...}: as
     * {@link #execIn(Container, List, List)} with the exec's options ({@link ExecConfig}: its
     * variables and terminal in the process's environment, its working directory, every
     * capability under --privileged as moby's daemon/exec.go gives them; the container's mounts,
     * /proc/sys read-only among them, stay as they are).
     */
    default CommandOutput exec(Container c, ExecConfig exec, List<String> stdin) {
        return execIn(c, exec.cmd(), stdin);
    }

    /**
     * {@code docker exec -d CTR ARGV...}: starts {@code exec}'s command (as its user, with its environment) inside {@code c} and returns at once; its
     * output goes nowhere, and {@code ended} takes its exit status when it ends (not when it never started).
     */
    CommandOutput execDetached(Container c, dev.dockwire.docker.engine.ExecConfig exec, java.util.function.IntConsumer ended);

    /** A file a command names: one written on the host, else one on disk relative to {@link #workingDirectory}; null when neither exists. */
    String readHostOrDisk(String path);

    /**
     * The files under directory {@code dir} (written on the host, else on disk relative to
     * {@link #workingDirectory}), as paths relative to it with {@code /}, sorted: a build's context.
     * Null when {@code dir} is no directory.
     */
    default List<String> listHostOrDisk(String dir) {
        return null;
    }

    /**
     * The host's files as the client's {@code docker cp} reads and writes them: the host shell's
     * file view (an overlay that never writes the disk), absolute paths.
     */
    default dev.dockwire.docker.HostFiles hostFiles() {
        return engine().volumes().hostFiles();
    }

    /** Variables the host's commands see, such as {@code COMPOSE_FILE} and {@code COMPOSE_PROJECT_NAME}. */
    Map<String, String> environment();

    /**
     * How long (virtual nanoseconds) a foreground command that does not end ({@code docker run}
     * of a server, {@code docker logs -f}, {@code docker wait}) may run before it is ended.
     */
    long stepTimeoutNanos();

    /** The terminal's job control: a foreground command's wait, Ctrl-C and Ctrl-Z, streaming its lines. */
    dev.dockwire.proc.JobControl jobControl();

    /** The directory relative paths name on disk. */
    Path workingDirectory();

    /** The terminal's size, rows and columns (TIOCGWINSZ, the client's GetTtySize); 0 and 0 when there is none. */
    default int[] terminalSize() {
        return new int[] {0, 0};
    }

    /**
     * Whether the client's standard input is a terminal (docker/cli's cli/streams/in.go): a user
     * at the interactive prompt, not a script.
     */
    default boolean stdinIsTerminal() {
        return false;
    }

    /**
     * Whether the client's standard output is a terminal (cli/streams/out.go): the prompt's, not
     * a pipe, a file or {@code $( )}; {@code docker save} and {@code export} refuse to write an archive there.
     */
    default boolean stdoutIsTerminal() {
        return stdinIsTerminal();
    }

    /** isatty(2) of the client: where {@code docker run} writes the pull's progress (create.go pullImage to Err()). */
    default boolean stderrIsTerminal() {
        return stdoutIsTerminal();
    }

    /**
     * {@code docker exec -it CTR sh} and {@code docker run -it IMAGE sh} on a terminal: opens the
     * shell {@code argv} names inside {@code c} at the terminal's prompt; {@code afterExit} runs
     * with its status when the user leaves it. Null when {@code argv} is no interactive shell, which
     * then runs as without {@code -t}.
     */
    default CommandOutput attachShell(Container c, List<String> argv, java.util.function.IntConsumer afterExit) {
        return null;
    }

    /** {@code docker exec -it}: as {@link #attachShell(Container, List, java.util.function.IntConsumer)} with the exec's options. */
    default CommandOutput attachShell(Container c, ExecConfig exec, java.util.function.IntConsumer afterExit) {
        return attachShell(c, exec.cmd(), afterExit);
    }
}
