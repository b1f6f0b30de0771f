package dev.dockwire.host;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's terminal as a user at {@code dockwire shell} has it: a stack of prompts, the host's
 * at the bottom and on it each shell opened inside a container ({@code docker exec -it CTR sh},
 * {@code docker run -it IMAGE sh}). Lines go to the shell on top; {@code exit [N]} or the end of
 * input (Ctrl-D) there leaves it and the command that opened it ends with that status. Having one
 * makes the host's standard input a terminal, so {@code -it} is allowed.
 */
public final class InteractiveShell {
    private static final Pattern EXIT = Pattern.compile("\\s*(?:exit|logout)(?:\\s+(-?\\d+))?\\s*;?\\s*");

    /**
     * A shell opened inside a container and what to do when it ends; {@code main}: it is the
     * container's own process ({@code docker run -it}, {@code docker attach}), not an exec's.
     */
    private record Frame(OpenShell shell, IntConsumer afterExit, boolean main) {
    }

    private final DockerHost host;
    private final Deque<Frame> frames = new ArrayDeque<>();
    /** The terminal window's rows and columns: a VT100's 24 by 80 until the terminal says otherwise. */
    private int[] windowSize = {24, 80};

    public InteractiveShell(DockerHost host) {
        this.host = host;
        host.terminal(this);
    }

    /** The terminal window's size, rows and columns (what TIOCGWINSZ reads). */
    public int[] windowSize() {
        return windowSize.clone();
    }

    /**
     * The terminal's window is {@code rows} by {@code columns} (a live terminal's size, SIGWINCH's
     * new one). A container's TTY the client is attached to follows: on SIGWINCH the docker client
     * resizes it (docker/cli cli/command/container/tty.go MonitorTtySize), and the daemon logs a
     * {@code resize} event for a container's TTY, none for an exec's (daemon/resize.go).
     */
    public void windowSize(int rows, int columns) {
        if (rows <= 0 || columns <= 0 || rows == windowSize[0] && columns == windowSize[1]) {
            return; // a dumb terminal's 0x0 says nothing; an unchanged size is no SIGWINCH
        }
        this.windowSize = new int[] {rows, columns};
        Container c = container();
        if (c != null && frames.peek().main()) {
            dev.dockwire.docker.engine.ClientEvents.resized(host.engine(), c, rows, columns);
        }
    }

    /** The prompt of the shell on top: {@code root@docker-host:~# } at the host, {@code / # } in an alpine container. */
    public String prompt() {
        return frames.isEmpty() ? hostPrompt() : frames.peek().shell().prompt();
    }

    /** Whether the next line is read on the host (its own shell or one nested in it), not inside a container. */
    public boolean atHost() {
        return frames.isEmpty() || frames.peek().shell().container() == null;
    }

    /** Whether {@code text} is {@code exit [N]} or {@code logout} typed at the host's own prompt: the session ends. */
    public boolean leavesHost(String text) {
        return frames.isEmpty() && EXIT.matcher(text).matches();
    }

    /**
     * Whether the line just run at the host's prompt ran bash's {@code exit} there (in a compound
     * line, a function, after other commands; typed alone {@link #leavesHost} saw it first): the session ends.
     */
    public boolean hostExited() {
        return frames.isEmpty() && host.exitStatus() != null;
    }

    /**
     * How the host's own shell ends, what {@code dockwire shell} then exits with: {@code status} as
     * bash's (exit's N, else {@code $?}; {@code exec CMD}'s), {@code says} whether bash announces it
     * with {@code exit} on stderr (the exit builtin and Ctrl-D do; exec.def and set -e do not).
     */
    public record HostExit(int status, boolean says) {
    }

    /**
     * The end of the session {@code typed} asks for at the host's prompt ({@code exit [N]},
     * {@code logout}, or {@code exit} for Ctrl-D), or, when it was no such line, the one the line
     * just run there came to ({@link #hostExited}).
     */
    public HostExit hostExit(String typed) {
        Matcher m = EXIT.matcher(typed);
        if (m.matches()) {
            return new HostExit(m.group(1) == null ? host.loginShell().lastStatus() : Integer.parseInt(m.group(1)) & 0xff, true);
        }
        return new HostExit(host.exitStatus() == null ? host.loginShell().lastStatus() : host.exitStatus(),
                host.loginShell().saysExit());
    }

    /** The container whose shell is on top, or null at the host's prompt. */
    Container container() {
        return frames.isEmpty() ? null : frames.peek().shell().container();
    }

    /** How many container shells are open on the host's. */
    public int depth() {
        return frames.size();
    }

    /** Runs what was typed in the shell on top; {@code exit [N]} there (alone or within the line) returns to the shell below. */
    public CommandResult run(String text) {
        if (frames.isEmpty()) {
            return host.run(text);
        }
        Matcher m = EXIT.matcher(text);
        OpenShell shell = frames.peek().shell();
        if (m.matches()) {
            CommandResult r = leave(m.group(1) == null ? shell.lastStatus() : Integer.parseInt(m.group(1)) & 0xff);
            return shell.bash() ? new CommandResult(r.status(), List.of("exit"), List.of("exit")) : r;
        }
        CommandResult r = shell.run(text);
        if (shell.exited()) {
            leave(r.status()); // exit in a list, a function or after other commands ends the shell too
            if (shell.saysExit()) {
                List<String> out = new java.util.ArrayList<>(r.output());
                out.add("exit");
                List<String> errors = new java.util.ArrayList<>(r.errors());
                errors.add("exit"); // on stderr
                return new CommandResult(r.status(), out, errors);
            }
        }
        return r;
    }

    /**
     * Ctrl-D: in a container's shell it leaves it (bash says {@code exit}); null at the host's
     * prompt, where the session ends.
     */
    public CommandResult endOfInput() {
        if (frames.isEmpty()) {
            return null;
        }
        boolean bash = frames.peek().shell().bash();
        CommandResult r = leave(frames.peek().shell().lastStatus());
        return bash ? new CommandResult(r.status(), List.of("exit")) : r;
    }

    /**
     * The docker client's detach keys (ctrl-p,ctrl-q; cli/command/container/hijack.go over moby/term's
     * EscapeProxy) typed in a container's shell: the client leaves it with {@code read escape sequence}
     * and status 1 while the container (or the exec'd shell) runs on; null at the host's prompt.
     */
    public CommandResult detach() {
        if (atHost()) {
            return null;
        }
        frames.pop(); // not its afterExit: nothing ended
        host.exited(1);
        return new CommandResult(1, List.of("read escape sequence"));
    }

    /** Opens the shell {@code argv} names inside the container {@code inside} is of; null when it is no interactive shell. */
    CommandOutput open(ContainerEnv inside, List<String> argv, IntConsumer afterExit) {
        Container c = inside.container();
        ContainerShell shell = ContainerShell.of(c, inside, argv);
        if (shell == null) {
            return null;
        }
        if (inside.user().refused()) {
            return new CommandOutput(ContainerEnv.EXEC_FAILED, List.of(inside.user().error())); // the daemon's getUser ({@link ExecUser})
        }
        if (!ContainerShell.present(c, argv.get(0))) {
            // runc cannot find it: the same error as docker exec of any missing program
            return new CommandOutput(127, List.of("OCI runtime exec failed: exec failed: unable to start container process: exec: \""
                    + argv.get(0) + "\": executable file not found in $PATH: unknown"));
        }
        // run -it and attach hand over the container's own program; an exec names its own (an exec -it of
        // the very program a -t container runs is taken for the container's: its resizes then log events)
        frames.push(new Frame(shell, afterExit, c.tty() && argv.equals(host.engine().program(c))));
        return CommandOutput.ok(List.of());
    }

    /**
     * {@code bash}, {@code sh} or {@code dash} typed on the host without a command: a nested interactive
     * shell ({@link NestedHostShell}) on top until its {@code exit}; false when {@code args} give it a command or script.
     */
    boolean openNested(String name, List<String> args) {
        NestedHostShell shell = NestedHostShell.of(host, name.substring(name.lastIndexOf('/') + 1), args, this::hostPrompt);
        if (shell == null) {
            return false;
        }
        frames.push(new Frame(shell, status -> { }, false));
        return true;
    }

    private CommandResult leave(int status) {
        Frame f = frames.pop();
        f.shell().closed();
        f.afterExit().accept(status);
        if (frames.isEmpty()) {
            host.exited(status);
        } else {
            frames.peek().shell().status(status); // the shell below that opened it has its $?
        }
        return new CommandResult(status, List.of());
    }

    /** bash's user@host:directory# prompt for root, the working directory as {@code ~} under the host's home. */
    private String hostPrompt() {
        String cwd = host.currentDirectory();
        String home = host.home().toString();
        String w = cwd.equals(home) ? "~" : cwd.startsWith(home + "/") ? "~" + cwd.substring(home.length()) : cwd;
        return "root@" + host.hostname() + ":" + w + "# ";
    }
}
