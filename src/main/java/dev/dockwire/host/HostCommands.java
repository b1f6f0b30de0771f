package dev.dockwire.host;

import dev.dockwire.app.Signal;
import dev.dockwire.app.sh.Commands;
import dev.dockwire.app.sh.Sh;
import dev.dockwire.proc.JobControl;
import dev.dockwire.text.Pipe;
import dev.dockwire.tools.CommandResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The host's PATH as {@code app.sh}'s shell sees it: every name a command of {@link DockerHost}'s
 * table (the docker CLI, iproute2, the host's programs), run by its synchronous {@code exec} and
 * heard back on the next turn of the loop, as {@code ContainerCommands} runs the seam tools. A
 * {@link HostSh} runs the host's lines with it.
 */
final class HostCommands implements Commands {
    /** The provider the shell's applets see: the host's text tools print GNU's texts. */
    static final String PROVIDER = "debian";

    private final DockerHost host;
    /** The session the commands run for, whose working directory they start in; null: the host's exec alone. */
    private final Sh.Session session;
    /** The session's variables ({@code TIMEFORMAT}). */
    private final Map<String, String> vars;

    HostCommands(DockerHost host) {
        this(host, null, Map.of());
    }

    HostCommands(DockerHost host, Sh.Session session, Map<String, String> vars) {
        this.host = host;
        this.session = session;
        this.vars = vars;
    }

    /** The host's root login shell's limits (systemd 252's defaults on Debian 12). */
    @Override
    public dev.dockwire.libc.Rlimits rlimits(int pid) {
        return dev.dockwire.libc.Rlimits.HOST;
    }

    /** The host's root holds CAP_SYS_RESOURCE: only EINVAL and nr_open refuse it. */
    @Override
    public String setrlimit(int pid, dev.dockwire.libc.Rlimits now, dev.dockwire.libc.Rlimit r, long soft, long hard) {
        return now.check(r, soft, hard, true);
    }

    /** The host's programs ({@link Execvp}) have their own {@code cat}, {@code ls} and text tools, over its files and with GNU's texts. */
    @Override
    public boolean shellApplets() {
        return session == null;
    }

    /**
     * The host's PATH ({@link HostPath#onPath}): a name it lacks is the shell's own
     * {@code not found} in its dialect (bash's {@code command not found} at the prompt, dash's
     * {@code sh: 1: X: not found} in a child {@code sh -c}).
     */
    @Override
    public String provider(String name) {
        return session == null || HostPath.onPath(host, name) ? PROVIDER : null;
    }

    /** The host's directories as the shell globs and {@code cd}s through them. */
    @Override
    public List<String> list(String dir) {
        if (session == null) {
            return Commands.super.list(dir);
        }
        java.util.TreeSet<String> names = host.fileSystem().list(dir);
        return names == null ? null : List.copyOf(names);
    }

    /** The host's directories are all known: a path that is none is ENOENT, a file ENOTDIR (bash's {@code cd: X: No such file or directory}). */
    @Override
    public String chdirError(String dir) {
        if (session == null || host.fileSystem().isDirectory(dir)) {
            return null;
        }
        return (host.fileSystem().stat(dir) == null ? HostFileSystem.Errno.ENOENT : HostFileSystem.Errno.ENOTDIR).text;
    }

    @Override
    public Stat stat(String path) {
        HostFileSystem.Stat s = session == null ? null : host.fileSystem().lstat(path);
        if (s != null && s.symlink()) { // lstat(2) of a link made on the host: the link itself, no blocks (ext4's fast symlink)
            return new Stat(Stat.SYMLINK | 0777, 1, 0, 0, s.size(), 0, s.mtimeMillis());
        }
        return s == null ? null : new Stat((s.directory() ? Stat.DIRECTORY : Stat.REGULAR) | s.mode(), s.directory() ? 2 : 1, 0, 0,
                s.size(), (s.size() + 511) / 512, s.mtimeMillis());
    }

    @Override
    public String readlink(String path) {
        return session == null ? null : host.fileSystem().readlink(path);
    }

    /**
     * Runs {@code argv} in the session's directory with {@code env} as the host's environment
     * while it runs (the shell's exported variables and the command's {@code NAME=value} prefixes).
     */
    private CommandResult run(List<String> argv, Map<String, String> env, List<String> stdin, boolean terminal, boolean errTerminal,
            List<String> reader) {
        if (session == null) {
            return host.exec(argv, stdin);
        }
        if (!session.directory().equals(host.currentDirectory())) {
            host.changeDirectory(session.directory());
        }
        Map<String, String> environment = host.environment();
        Map<String, String> before = new LinkedHashMap<>(environment);
        environment.clear();
        environment.putAll(env);
        try {
            Pipe pipe = reader == null ? Pipe.open() : Pipe.into(reader);
            // not to the terminal: a program that streams (docker logs -f) writes into the pipe, the file or $( ), not past it
            // run inside the line's turn of the loop: its time is its own, not the line's against the step limit
            Execvp programs = new Execvp(host);
            CommandResult r = host.jobControl().child(() -> terminal ? programs.run(argv, stdin, true, errTerminal, Pipe.open())
                    : host.jobControl().collected(() -> programs.run(argv, stdin, false, errTerminal, pipe)));
            return HostJobs.reaps(argv, 1) ? reaped(r) : r;
        } finally {
            environment.clear();
            environment.putAll(before);
        }
    }

    /** {@code r} and after it what a script's bash says of the background jobs a signal ended, reaped after a program or {@code wait}. */
    private CommandResult reaped(CommandResult r) {
        List<String> notices = host.jobControl().reaped();
        if (notices.isEmpty()) {
            return r;
        }
        List<String> out = new java.util.ArrayList<>(r.output());
        List<String> errors = new java.util.ArrayList<>(r.errors());
        for (String notice : notices) {
            out.add("bash: " + notice);
            errors.add("bash: " + notice);
        }
        return new CommandResult(r.status(), out, errors);
    }

    /**
     * bash's {@code time [-p] COMMAND} in a line app.sh runs: the command, then its times on
     * stderr as the prompt's own {@code time} prints them ({@link TimeKeyword}: the virtual clock's
     * real time, {@code TIMEFORMAT}). A pipeline of several commands app.sh times itself ({@link #timeReport}).
     */
    private CommandResult timed(List<String> argv, Map<String, String> env, List<String> stdin, Output out) {
        boolean posix = argv.size() > 1 && argv.get(1).equals("-p");
        List<String> command = argv.subList(posix ? 2 : 1, argv.size());
        long started = host.loop().nanos();
        CommandResult r = command.isEmpty() ? CommandResult.ok(List.of())
                : run(command, env, stdin, out.terminal(), out.errTerminal(), out.reader());
        return TimeKeyword.report(r, host.loop().nanos() - started, posix, vars.get("TIMEFORMAT"));
    }

    /** A script's {@code false &}: a job done at once, as a builtin started with {@code &} is ({@link JobControl#spawning}). */
    @Override
    public int ended(String text, int status) {
        JobControl jobs = host.jobControl();
        int before = jobs.lastBackgroundPid();
        jobs.command(text);
        jobs.spawning(() -> status, s -> s);
        return jobs.lastBackgroundPid() == before ? 0 : jobs.lastBackgroundPid();
    }

    /** bash's {@code time} keyword over a pipeline at the host's prompt ({@link TimeKeyword}: the virtual clock's real time). */
    @Override
    public List<String> timeReport(long nanos, boolean posix, String format) {
        return session == null ? null : TimeKeyword.report(CommandResult.ok(List.of()), nanos, posix, format).output();
    }

    /** The host's prompt keeps its jobs in the terminal's table ({@link JobControl}). */
    @Override
    public boolean jobControl() {
        return session != null;
    }

    /**
     * {@code COMMAND &} in a line app.sh runs: a job of the terminal's table ({@link JobControl#spawning}: {@code [1] PID} at a live terminal, listed by
     * {@code jobs}, ended by {@code kill %N}, waited for by {@code wait}); app.sh hears it gone at
     * once, the table keeping it.
     */
    @Override
    public Running start(String job, int ppid, List<String> argv, Map<String, String> env, List<String> stdin, Output out,
            IntConsumer done) {
        if (job == null || session == null) {
            return start(ppid, argv, env, stdin, out, done);
        }
        JobControl jobs = host.jobControl();
        jobs.command(job);
        // COMMAND > FILE &: what the job writes once in the background goes to its stdout's file, not the terminal
        java.util.function.Consumer<String> sink = out.terminal() ? null : out::out;
        CommandResult r = jobs.spawning(() -> jobs.redirected(sink,
                () -> run(argv, env, stdin.isEmpty() ? null : stdin, false, out.errTerminal(), null)), CommandResult::status);
        int pid = jobs.lastBackgroundPid();
        return said(r, out, done, pid, signal -> { }); // the job is the table's: kill %N and kill PID reach it there
    }

    /** {@code a | b &} at the host's prompt: one job of the terminal's table ({@link BackgroundPipeline}). */
    @Override
    public int pipeline(List<List<String>> stages, Map<String, String> env, Output out) {
        if (session == null) {
            return 0;
        }
        JobControl jobs = host.jobControl();
        int before = jobs.lastBackgroundPid();
        jobs.command(String.join(" | ", stages.stream().map(s -> String.join(" ", s)).toList()));
        CommandResult r = BackgroundPipeline.start((argv, stdin) -> run(argv, env, stdin, false, out.errTerminal(), null), stages, jobs);
        said(r, out, status -> { }, 0, signal -> { });
        return jobs.lastBackgroundPid() == before ? 0 : jobs.lastBackgroundPid();
    }

    @Override
    public Running start(int ppid, List<String> argv, Map<String, String> env, List<String> stdin, Output out, IntConsumer done) {
        List<String> in = stdin.isEmpty() ? null : stdin;
        if (session != null) { // the name Ctrl-Z's Stopped line and the step limit's notice give it
            host.jobControl().command(String.join(" ", argv));
        }
        CommandResult r = session != null && argv.get(0).equals("time") ? timed(argv, env, in, out)
                : run(argv, env, in, out.terminal(), out.errTerminal(), out.reader());
        return said(r, out, done, 0, signal -> { }); // it ran to its end inside exec: nothing is left to signal
    }

    private static void flush(StringBuilder lines, Output out) {
        if (lines.length() > 0) {
            out.outLines(lines.toString());
            lines.setLength(0);
        }
    }

    /** What {@code r} printed, to {@code out} (its stderr lines named), and its status to {@code done} on the loop's next turn. */
    private Running said(CommandResult r, Output out, IntConsumer done, int pid, java.util.function.Consumer<Signal> signals) {
        List<String> errors = r.errors();
        int e = 0;
        List<String> output = r.output();
        boolean open = dev.dockwire.text.Lines.unterminated(output); // its last line written without a newline
        StringBuilder lines = new StringBuilder(); // stdout's lines since stderr's last, written at once: a job's file appends them in one write
        for (int i = 0; i < output.size(); i++) { // CommandResult keeps them in the order printed; errors() names stderr's
            String line = output.get(i);
            if (e < errors.size() && line.equals(errors.get(e))) {
                e++;
                flush(lines, out);
                out.err(line);
            } else if (open && i == output.size() - 1) {
                flush(lines, out);
                out.outPartial(line);
            } else {
                lines.append(line).append('\n');
            }
        }
        flush(lines, out);
        host.loop().schedule(0, () -> done.accept(r.status()));
        return new Running() {
            @Override
            public int pid() {
                return pid;
            }

            @Override
            public void signal(Signal signal) {
                signals.accept(signal);
            }
        };
    }
}
