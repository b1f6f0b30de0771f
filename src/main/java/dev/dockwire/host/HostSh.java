package dev.dockwire.host;

import dev.dockwire.app.sh.Dialect;
import dev.dockwire.app.sh.Sh;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.proc.BoundedOutput;
import dev.dockwire.proc.JobControl;
import dev.dockwire.proc.PidNamespace;
import dev.dockwire.text.Lines;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host's prompt: every line runs on app.sh's shell in bash's dialect, its commands the host's
 * table ({@link HostCommands}: the docker CLI, iproute2, the host's programs through {@link Execvp}).
 * The session's variables and {@code $?} are its own; the working directory and the exported names
 * pass between the session and the host at each line; {@code COMMAND &}, {@code a | b &} and
 * {@code wait} are the terminal's jobs ({@link dev.dockwire.proc.JobControl}). A {@link #child} is a
 * shell the prompt's commands fork ({@code xargs sh -c}, sshd's {@code bash -c}): it starts from the
 * host's environment and directory, and its {@code cd}, variables and {@code exit} end with it.
 */
final class HostSh {
    private final DockerHost host;
    /** The shell's variables (bash's shell_variables), the exported among them named in {@link #exported}. */
    private final Map<String, String> vars = new HashMap<>();
    private final Set<String> exported = new LinkedHashSet<>();
    private final Sh.Session session;
    private final HostCommands commands;
    /** Argv[0], which names the shell in its messages. */
    private final String arg0;
    /** A shell a command forked: nothing of it reaches the host's prompt. */
    private final boolean child;
    /** {@code $?}: the status of the last line, or of a container's shell the prompt opened. */
    private int lastStatus;
    private Integer exitStatus;
    /** The host's home when the last line ran, which HOME was set to. */
    private String loginHome;

    /** The host's login shell, its prompt's: the first level ({@code SHLVL} 1, as sshd's bash starts). */
    HostSh(DockerHost host) {
        this(host, "bash", Dialect.BASH, false);
        vars.put("SHLVL", "1");
    }

    /**
     * A nested interactive shell typed at the prompt ({@link NestedHostShell}): the terminal's, so
     * its {@code cd}, exports and jobs are the host's while it runs; {@code arg0} and {@code dialect}
     * as exec'd (Debian's {@code sh} is dash).
     */
    static HostSh nested(DockerHost host, String arg0, Dialect dialect) {
        return new HostSh(host, arg0, dialect, false);
    }

    private HostSh(DockerHost host, String arg0, Dialect dialect, boolean child) {
        this.host = host;
        this.arg0 = arg0;
        this.child = child;
        this.session = Sh.Session.sharing(arg0, dialect, vars, exported, host.currentDirectory());
        this.commands = new HostCommands(host, session, vars);
    }

    /**
     * A shell forked on {@code host} by one of its commands, {@code arg0} and {@code dialect} as
     * exec'd: Debian's {@code sh} (dash) for {@code xargs sh -c}, {@code bash} for sshd's command.
     */
    static HostSh child(DockerHost host, String arg0, Dialect dialect) {
        return new HostSh(host, arg0, dialect, true);
    }

    /**
     * {@code sh -c SCRIPT [NAME [ARG...]]} (also {@code bash}, {@code dash}) as a command of the host
     * runs it ({@code xargs}, {@code timeout}, {@code ip netns exec}): a {@link #child}, Debian's
     * {@code sh} being dash; NAME its {@code $0} (else the name it was exec'd by), which its messages
     * start with ({@code NAME: 1: X: not found}), the ARGs its {@code $1...}. {@code stdin}
     * (null: none) is the script's first command's input. Null when it is no {@code -c}.
     */
    static CommandResult exec(DockerHost host, String name, List<String> args, List<String> stdin) {
        if (args.size() < 2 || !args.get(0).equals("-c")) {
            return null;
        }
        boolean bash = name.endsWith("bash");
        StringBuilder line = new StringBuilder();
        if (args.size() > 3) {
            line.append("set --");
            args.subList(3, args.size()).forEach(a -> line.append(" '").append(a.replace("'", "'\\''")).append('\''));
            line.append('\n');
        }
        line.append(HostText.withInput(args.get(1), stdin));
        String arg0 = args.size() > 2 ? args.get(2) : name;
        return child(host, arg0, bash ? Dialect.BASH : Dialect.DASH).line(line.toString());
    }

    /**
     * Runs one line at the prompt on app.sh ({@link #run}); in a script what background jobs
     * wrote is in its output where it was written ({@link #held}), bounded as a terminal's
     * scrollback is ({@link BoundedOutput}). Notes an {@code exit}.
     */
    CommandResult line(String line) {
        exitStatus = null;
        String home = host.home().toString(); // the login shell's HOME, where cd and ~ go (the host's, unless a line set its own)
        if (vars.getOrDefault("HOME", home).equals(loginHome == null ? home : loginHome)) {
            vars.put("HOME", home);
        }
        loginHome = home;
        CommandResult r = run(line);
        List<String> bounded = BoundedOutput.bound(r.output());
        return bounded == r.output() ? r : new CommandResult(r.status(), bounded, r.errors());
    }

    /** The status the {@code exit} builtin of the last line ended the shell with, or null when none ran. */
    Integer exitStatus() {
        return exitStatus;
    }

    /** Whether that {@code exit} was the builtin itself, which an interactive bash announces with {@code exit} on stderr. */
    boolean saysExit() {
        return exitStatus != null && session.exitTyped();
    }

    /** {@code $?}: the last line's status, what bash exits with on Ctrl-D or a bare {@code exit}. */
    int lastStatus() {
        return lastStatus;
    }

    /** Sets {@code $?}, as a command that ended elsewhere (a shell inside a container left with {@code exit N}) does. */
    void status(int status) {
        lastStatus = status;
        vars.put("?", Integer.toString(status));
    }

    /** Runs {@code line} on app.sh's shell with the session's store; the prompt's hands the directory and exports back to the host. */
    CommandResult run(String line) {
        session.status(lastStatus);
        String directory = host.currentDirectory();
        session.directory(directory);
        exported.retainAll(host.environment().keySet());
        exported.addAll(host.environment().keySet());
        vars.putAll(host.environment()); // what the runner exported meanwhile (COMPOSE_FILE), as a shell imports its environment
        CommandResult r;
        if (child) {
            try {
                r = host.runProgram(host.engine(), Kernel.HOST, new PidNamespace(() -> 0, 1), arg0, session.line(line, commands), List.of());
            } finally {
                if (!host.currentDirectory().equals(directory)) {
                    host.changeDirectory(directory); // its cd was its own: the host's programs ran in it meanwhile
                }
            }
        } else {
            host.jobControl().command(line); // the line's own job, as the step limit names it should no program of it be what it ended
            r = held(host.runProgram(host.engine(), Kernel.HOST, loginShell(), arg0, session.line(line, commands), List.of()));
        }
        if (session.unterminated() && !r.output().isEmpty() && !Lines.unterminated(r.output())) { // printf abc: no newline after it
            r = new CommandResult(r.status(), new Lines(r.output(), true), r.errors());
        }
        status(r.status());
        if (session.exited()) {
            exitStatus = r.status();
        }
        if (!child) {
            handBack();
        }
        return r;
    }

    /** The line's working directory and exported variables become the host's, as its programs see them next. */
    private void handBack() {
        if (!session.directory().equals(host.currentDirectory())) {
            host.changeDirectory(session.directory());
        }
        for (String name : List.copyOf(host.environment().keySet())) {
            if (!exported.contains(name)) {
                host.export(name, null); // unset, or export -n
            }
        }
        for (String name : exported) {
            String value = vars.get(name);
            if (value != null) {
                host.export(name, value);
            }
        }
    }

    /**
     * Where a line's shell runs: as the login shell's own process ({@link JobControl#SHELL_PID}, its
     * {@code $$}), for bash reads its lines itself: a line takes no pid, the programs it forks do.
     */
    private static PidNamespace loginShell() {
        PidNamespace pids = new PidNamespace(() -> JobControl.SHELL_PID, JobControl.SHELL_PID - 1);
        pids.limits(dev.dockwire.libc.Rlimits.HOST);
        return pids;
    }

    /**
     * {@code r} after what the script's terminal showed while it ran: a running background job
     * keeps the foreground's lines in the order written ({@link JobControl#keepsOrder}), held in
     * the table until taken ({@link JobControl#takeLines}).
     */
    private CommandResult held(CommandResult r) {
        JobControl jobs = host.jobControl();
        List<String> before = jobs.live() ? List.of() : jobs.takeLines();
        if (before.isEmpty()) {
            return r;
        }
        List<String> out = new ArrayList<>(before);
        out.addAll(r.output());
        return new CommandResult(r.status(), out, r.errors());
    }
}
