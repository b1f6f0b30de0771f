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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host's prompt: every line runs on app.sh's shell in bash's dialect, its commands the host's
 * table ({@link HostCommands}: the docker CLI, iproute2, the host's programs, run by the {@link Shell}'s
 * command table). The session's variables are the Shell's own map; {@code $?}, the working directory
 * and the exported names pass between the session and the host at each line; {@code COMMAND &},
 * {@code a | b &} and {@code wait} are the terminal's jobs ({@link dev.dockwire.proc.JobControl}).
 */
final class HostSh {
    private final DockerHost host;
    private final Shell shell;
    private final Set<String> exported = new LinkedHashSet<>();
    private final Sh.Session session;
    private final HostCommands commands;
    private Integer exitStatus;
    /** The host's home when the last line ran, which HOME was set to. */
    private String loginHome;

    HostSh(DockerHost host, Shell shell) {
        this.host = host;
        this.shell = shell;
        this.session = Sh.Session.sharing("bash", Dialect.BASH, shell.variables(), exported, host.currentDirectory());
        this.commands = new HostCommands(host, shell, session);
    }

    /**
     * Runs one line at the prompt on app.sh ({@link #run}); in a script what background jobs
     * wrote is in its output where it was written ({@link #held}), bounded as a terminal's
     * scrollback is ({@link BoundedOutput}). Notes an {@code exit}.
     */
    CommandResult line(String line) {
        exitStatus = null;
        String home = host.home().toString(); // the login shell's HOME, where cd and ~ go (the host's, unless a line set its own)
        if (shell.variables().getOrDefault("HOME", home).equals(loginHome == null ? home : loginHome)) {
            shell.variables().put("HOME", home);
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

    /** Runs {@code line} on app.sh's shell with the Shell's store, and hands the store back. */
    CommandResult run(String line) {
        session.status(shell.lastStatus());
        session.directory(host.currentDirectory());
        exported.retainAll(host.environment().keySet());
        exported.addAll(host.environment().keySet());
        shell.variables().putAll(host.environment()); // what the runner exported meanwhile (COMPOSE_FILE), as a shell imports its environment
        host.jobControl().command(line); // the line's own job, as the step limit names it should no program of it be what it ended
        CommandResult r = held(host.runProgram(host.engine(), Kernel.HOST, loginShell(), "bash", session.line(line, commands), List.of()));
        if (session.unterminated() && !r.output().isEmpty() && !Lines.unterminated(r.output())) { // printf abc: no newline after it
            r = new CommandResult(r.status(), new Lines(r.output(), true), r.errors());
        }
        shell.setStatus(r.status());
        if (session.exited()) {
            exitStatus = r.status();
        }
        if (!session.directory().equals(host.currentDirectory())) {
            host.changeDirectory(session.directory());
        }
        for (String name : List.copyOf(host.environment().keySet())) {
            if (!exported.contains(name)) {
                host.export(name, null); // unset, or export -n
            }
        }
        for (String name : exported) {
            String value = shell.variables().get(name);
            if (value != null) {
                host.export(name, value);
            }
        }
        return r;
    }

    /**
     * Where a line's shell runs: as the login shell's own process ({@link JobControl#SHELL_PID}, its
     * {@code $$}), for bash reads its lines itself: a line takes no pid, the programs it forks do.
     */
    private static PidNamespace loginShell() {
        return new PidNamespace(() -> JobControl.SHELL_PID, JobControl.SHELL_PID - 1);
    }

    /**
     * {@code r} after what the script's terminal showed while it ran: a running background job
     * keeps the foreground's lines in the order written ({@link JobControl#keepsOrder}), held in
     * the table until taken, as the Shell takes them after each command ({@link JobControl#takeLines}).
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
