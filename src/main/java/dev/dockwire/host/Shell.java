package dev.dockwire.host;

import dev.dockwire.proc.JobControl;
import dev.dockwire.text.Lines;
import dev.dockwire.text.Pipe;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small POSIX-sh-like interpreter for the command lines people type on a Docker host or in
 * {@code docker exec CTR sh -c "..."}: words with single/double quotes and backslashes,
 * {@code $VAR}/{@code ${VAR}} and {@code $(...)} expansion, {@code NAME=value} assignments,
 * pipelines {@code |}, lists {@code ;} {@code &&} {@code ||}, redirections {@code > FILE},
 * {@code >> FILE}, {@code 2>&1}, {@code 2>/dev/null}, {@code < FILE}, here-documents, several
 * lines (a newline ends a command as {@code ;} does, a backslash-newline joins two), {@code $?},
 * the text builtins (echo, printf, cat of files, grep, head, tail, wc, sort, true, false, exit) and
 * {@code export}, {@code unset}, {@code cd}, {@code pwd} ({@link ShellBuiltins}). Everything else goes
 * to the {@link ExecEnv}, which knows the commands of its place (host or container).
 */
public final class Shell {
    private final ExecEnv env;
    private final boolean namesJobs;
    private final Map<String, String> vars = new HashMap<>();
    private int lastStatus;
    /** How many command substitutions this shell runs inside: 0 for the prompt's. */
    private int nesting;

    /**
     * The deepest command substitution run. bash has no bound (5,000 nested {@code $( )} overflow
     * its stack: SIGSEGV); ours is named and said in the words of bash's FUNCNEST limit.
     */
    static final int MAX_SUBSTITUTION_NESTING = 256;

    /** Ends every shell of a too-deep nest of substitutions, up to the prompt's, which says it. */
    private static final class TooDeep extends IllegalArgumentException {
        TooDeep() {
            super("maximum command substitution nesting level exceeded (" + MAX_SUBSTITUTION_NESTING + ")");
        }
    }
    private Integer exited;
    /** What the command substitutions of the line being expanded said on stderr. */
    private final List<String> substitutionErrors = new ArrayList<>();

    public Shell(ExecEnv env) {
        this(env, false);
    }

    /** {@code namesJobs}: the host's own shell, whose command lines name the jobs ({@code jobs}, "Stopped"). */
    Shell(ExecEnv env, boolean namesJobs) {
        this.env = env;
        this.namesJobs = namesJobs;
    }

    public Map<String, String> variables() {
        return vars;
    }

    /**
     * Runs a command line (or several, one a line, with their here-documents); returns the status
     * of the last command and everything printed. Each and-or list is expanded just before it
     * runs, so {@code $?} and {@code export} of one line reach the next.
     */
    public CommandResult run(String line) {
        exited = null;
        Lines out = new Lines(); // as a terminal shows it: after a line without newline the next text goes on it
        Lines held = new Lines(); // at a live terminal: a line printed without newline, waiting for the rest of it
        List<String> errors = new ArrayList<>();
        ShellParser parser = new ShellParser(line, this::substitute, vars);
        int status = 0;
        String op = null;
        while (exited == null) {
            ShellParser.AndOr item;
            boolean skip = op != null && (op.equals("&&") && status != 0 || op.equals("||") && status == 0);
            try {
                item = parser.next(skip);
            } catch (IllegalArgumentException e) {
                if (e instanceof TooDeep && nesting > 0) {
                    throw e;
                }
                String message = env.shellName() + ": " + e.getMessage();
                out.addAll(substitutionErrors);
                errors.addAll(substitutionErrors);
                substitutionErrors.clear();
                out.add(message);
                errors.add(message);
                status = 2;
                setStatus(status);
                break;
            }
            if (item == null) {
                break;
            }
            if (skip) {
                op = item.op();
                continue;
            }
            List<ShellParser.Command> stages = item.pipeline();
            JobControl jobs = env.jobControl();
            if (namesJobs && jobs != null) { // also in a script: the step limit names the command it ends
                jobs.command(describe(stages) + ("&".equals(item.op()) && stages.size() == 1 ? HostJobs.redirections(stages.get(0)) : ""));
            }
            boolean background = "&".equals(item.op()) && stages.size() == 1 && !stages.get(0).words().isEmpty()
                    && (!stages.get(0).redirected() || namesJobs && jobs != null);
            long started = env.nanos();
            CommandResult r = background ? spawn(stages.get(0), jobs) : namesJobs && jobs != null && BackgroundPipeline.applies(item)
                    ? BackgroundPipeline.start(this, stages, jobs) : pipeline(stages);
            if (item.timed() != null) {
                r = TimeKeyword.report(r, env.nanos() - started, item.timed() == ShellParser.Timed.POSIX, vars.get("TIMEFORMAT"));
            }
            if (!substitutionErrors.isEmpty()) { // said while the words were expanded, before the command ran
                List<String> said = new ArrayList<>(substitutionErrors);
                said.addAll(r.output());
                List<String> saidErrors = new ArrayList<>(substitutionErrors);
                saidErrors.addAll(r.errors());
                r = new CommandResult(r.status(), said, saidErrors);
                substitutionErrors.clear();
            }
            if (jobs != null && jobs.streaming()) {
                Lines.append(held, r.output()); // in order with what the next item streams
                int done = held.size() - (held.unterminated() ? 1 : 0);
                held.subList(0, done).forEach(jobs::print);
                held.subList(0, done).clear();
            } else {
                if (namesJobs && jobs != null) {
                    out.addAll(jobs.takeLines()); // written while it ran, by jobs (and by it, while jobs ran)
                }
                Lines.append(out, r.output());
                errors.addAll(r.errors());
                if (namesJobs && jobs != null && !background && !stages.isEmpty() && HostJobs.reaps(stages.get(0).words(), stages.size())) {
                    for (String notice : jobs.reaped()) { // bash's SCRIPT: line N: PID Killed  CMD, on stderr
                        out.add(env.shellName() + ": " + notice);
                        errors.add(env.shellName() + ": " + notice);
                    }
                }
            }
            status = r.status();
            setStatus(status);
            op = item.op();
        }
        held.forEach(l -> env.jobControl().print(l)); // the prompt follows it (bash would put it on the same line)
        return new CommandResult(status, out, errors);
    }

    /**
     * {@code COMMAND &}: the host's shell starts it as a job of the terminal ({@link JobControl#spawning}),
     * whose first wait leaves it in the background, builtins included; its status is 0 and
     * {@code $!} the job's pid, as bash sets them (execute_cmd.c, last_asynchronous_pid). Elsewhere
     * the place decides ({@link ExecEnv#spawn}).
     */
    private CommandResult spawn(ShellParser.Command cmd, JobControl jobs) {
        if (!namesJobs || jobs == null) {
            return env.spawn(cmd.words());
        }
        if (cmd.redirected()) {
            return spawnRedirected(cmd, jobs);
        }
        CommandResult r = jobs.spawning(() -> command(cmd, null, false, cmd.err() == ShellParser.Target.STDERR, Pipe.open()),
                CommandResult::status);
        if (jobs.lastBackgroundPid() > 0) {
            vars.put("!", Integer.toString(jobs.lastBackgroundPid()));
        }
        return new CommandResult(0, r.output(), r.errors());
    }

    /**
     * {@code COMMAND > FILE &}: the files are opened (truncated for {@code >}) as the job starts,
     * the job's lines go into its stdout's file as it writes them (a {@code cat} meanwhile sees what
     * was written by then), and what it said before it went to the background goes where its
     * redirections say. A file that cannot be opened: bash's error, and nothing runs.
     */
    private CommandResult spawnRedirected(ShellParser.Command cmd, JobControl jobs) {
        for (ShellParser.Target t : List.of(cmd.out(), cmd.err())) {
            if (t.isFile() && !env.writeFile(t.file(), "", t.append())) {
                String message = env.cannotCreate(t.file());
                return new CommandResult(0, List.of(message), List.of(message));
            }
        }
        ShellParser.Target to = cmd.out();
        java.util.function.Consumer<String> sink = to.isFile() ? line -> env.writeFile(to.file(), line + "\n", true) : null;
        boolean errTerminal = cmd.err() == ShellParser.Target.STDERR;
        CommandResult r = jobs.spawning(() -> jobs.redirected(sink, () -> collected(() -> command(cmd, null, false, errTerminal, Pipe.open()))),
                CommandResult::status);
        vars.put("!", Integer.toString(jobs.lastBackgroundPid()));
        Streams s = route(cmd, r);
        for (Map.Entry<ShellParser.Target, StringBuilder> f : s.files.entrySet()) {
            env.writeFile(f.getKey().file(), f.getValue().toString(), true); // opened above: what it said at once follows
        }
        return new CommandResult(0, s.shown, s.terminal);
    }

    /** Sets {@code $?}, as a command that ended elsewhere (a shell inside a container left with {@code exit N}) does. */
    void setStatus(int status) {
        lastStatus = status;
        vars.put("?", Integer.toString(status));
    }

    private List<String> substitute(String command) {
        if (nesting >= MAX_SUBSTITUTION_NESTING) {
            throw new TooDeep();
        }
        Shell inner = new Shell(env).withVars(vars);
        inner.nesting = nesting + 1;
        CommandResult r = collected(() -> inner.run(command));
        substitutionErrors.addAll(r.errors()); // $( ) takes stdout; stderr stays on the terminal
        return r.stdout();
    }

    /** Runs {@code task} with its output captured rather than on the terminal ($(...), a pipe, a redirect). */
    private CommandResult collected(java.util.function.Supplier<CommandResult> task) {
        JobControl jobs = env.jobControl();
        return jobs == null ? task.get() : jobs.collected(task);
    }

    /** A pipeline as {@code jobs} names it. */
    private static String describe(List<ShellParser.Command> stages) {
        StringBuilder sb = new StringBuilder();
        for (ShellParser.Command c : stages) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(String.join(" ", c.words()));
        }
        return sb.toString();
    }

    /** Runs one command given as words (no parsing or expansion), with the builtins available. */
    public CommandResult run(List<String> argv) {
        return run(argv, null);
    }

    /** As {@link #run(List)}, with {@code stdin} (null: none) as the command's input. */
    public CommandResult run(List<String> argv, List<String> stdin) {
        return run(argv, stdin, false, true);
    }

    /** As {@link #run(List, List)}, told isatty(1) and isatty(2) of the command ({@code ls} lays out columns for a terminal). */
    CommandResult run(List<String> argv, List<String> stdin, boolean terminal, boolean errTerminal) {
        return run(argv, stdin, terminal, errTerminal, Pipe.open());
    }

    /** As {@link #run(List, List, boolean, boolean)}, writing into {@code pipe} ({@code cat big | head -1} dies of SIGPIPE). */
    CommandResult run(List<String> argv, List<String> stdin, boolean terminal, boolean errTerminal, Pipe pipe) {
        return command(new ShellParser.Command(List.copyOf(argv)), stdin, terminal, errTerminal, pipe);
    }

    private Shell withVars(Map<String, String> v) {
        vars.putAll(v);
        return this;
    }

    /**
     * Runs a pipeline: each command's stdout goes to the next command (the last one's to the
     * terminal), its stderr to the terminal, as its redirections say otherwise; what reaches the
     * terminal from the commands before the last comes first (stderr is unbuffered).
     */
    private CommandResult pipeline(List<ShellParser.Command> stages) {
        List<String> stdin = null;
        CommandResult last = CommandResult.ok(List.of());
        List<String> errors = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        List<String> stream;
        List<String> shown = List.of();
        List<String> shownErrors = List.of();
        for (int i = 0; i < stages.size(); i++) {
            ShellParser.Command cmd = stages.get(i);
            shown = List.of();
            shownErrors = List.of();
            if (cmd.input() != null) {
                stdin = cmd.input().file == null ? cmd.input().lines : inputFile(cmd.input().file);
                if (stdin == null) {
                    errors.add(env.shellName() + ": " + cmd.input().file + ": No such file or directory");
                    last = new CommandResult(1, List.of());
                    statuses.add(1);
                    stdin = List.of();
                    continue;
                }
            }
            List<String> in = stdin;
            boolean terminal = i == stages.size() - 1 && !cmd.redirected() && nesting == 0;
            // isatty(2): the shell's own stderr (the terminal), or 2>&1 where stdout is the terminal
            boolean errTerminal = cmd.err() == ShellParser.Target.STDERR || cmd.err() == ShellParser.Target.STDOUT && terminal;
            Pipe pipe = i < stages.size() - 1 && stages.get(i + 1).input() == null ? Pipe.into(stages.get(i + 1).words()) : Pipe.open();
            last = i < stages.size() - 1 || cmd.redirected() ? collected(() -> command(cmd, in, false, errTerminal, pipe))
                    : command(cmd, in, terminal, errTerminal, pipe);
            Streams s = route(cmd, last);
            int status = last.status();
            for (Map.Entry<ShellParser.Target, StringBuilder> f : s.files.entrySet()) {
                if (!env.writeFile(f.getKey().file(), f.getValue().toString(), f.getKey().append())) {
                    errors.add(env.cannotCreate(f.getKey().file()));
                    status = 1;
                }
            }
            stream = s.stream;
            if (i < stages.size() - 1) {
                errors.addAll(s.terminal);
                shown = List.of();
                shownErrors = List.of();
            } else { // its stdout and stderr both reach the terminal: in the order it wrote them
                shown = s.shown;
                shownErrors = s.terminal;
            }
            last = new CommandResult(status, stream);
            stdin = stream;
            statuses.add(status);
        }
        pipeStatus(statuses);
        Lines all = new Lines(errors, false);
        Lines.append(all, shown);
        List<String> allErrors = new ArrayList<>(errors);
        allErrors.addAll(shownErrors);
        return new CommandResult(last.status(), all, allErrors);
    }

    /**
     * Where a command's lines went: the stream (the pipe to the next command or the shell's
     * stdout), the terminal's stderr, and the files, each with what it got; {@code shown}, the
     * stream's and the terminal's lines in the order written (what a terminal shows of the last command).
     */
    private record Streams(List<String> stream, List<String> terminal, Map<ShellParser.Target, StringBuilder> files,
            List<String> shown) {
    }

    /** Sends the command's stdout and stderr where its redirections point them. */
    private static Streams route(ShellParser.Command cmd, CommandResult r) {
        Lines stream = new Lines();
        List<String> terminal = new ArrayList<>();
        Lines shown = new Lines();
        Map<ShellParser.Target, StringBuilder> files = new java.util.LinkedHashMap<>();
        for (ShellParser.Target t : List.of(cmd.out(), cmd.err())) {
            if (t.isFile()) {
                files.putIfAbsent(t, new StringBuilder()); // opened (and truncated) even when nothing is written
            }
        }
        List<String> errors = r.errors();
        int j = 0;
        List<String> output = r.output();
        boolean open = Lines.unterminated(output); // its last line written without a newline
        for (int k = 0; k < output.size(); k++) {
            String line = output.get(k);
            boolean end = !open || k < output.size() - 1;
            boolean error = j < errors.size() && line.equals(errors.get(j));
            if (error) {
                j++;
            }
            ShellParser.Target t = error ? cmd.err() : cmd.out();
            if (t == ShellParser.Target.STDOUT) {
                stream.add(line);
                shown.add(line);
                stream.unterminated(!end);
                shown.unterminated(!end);
            } else if (t == ShellParser.Target.STDERR) {
                terminal.add(line);
                shown.add(line);
                shown.unterminated(!end);
            } else {
                files.get(t).append(line).append(end ? "\n" : "");
            }
        }
        return new Streams(stream, terminal, files, shown);
    }

    /**
     * bash's PIPESTATUS after a foreground pipeline: {@code ${PIPESTATUS[@]}} (and {@code [*]}) the
     * statuses of its commands, {@code ${PIPESTATUS[N]}} one of them, {@code $PIPESTATUS} the first.
     */
    private void pipeStatus(List<Integer> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        vars.keySet().removeIf(k -> k.startsWith("PIPESTATUS"));
        List<String> texts = statuses.stream().map(String::valueOf).toList();
        vars.put("PIPESTATUS", texts.get(0));
        vars.put("PIPESTATUS[@]", String.join(" ", texts));
        vars.put("PIPESTATUS[*]", String.join(" ", texts));
        for (int i = 0; i < texts.size(); i++) {
            vars.put("PIPESTATUS[" + i + "]", texts.get(i));
        }
    }

    /** {@code < FILE}: the file's lines, or null when there is none. */
    private List<String> inputFile(String path) {
        String content = env.readFile(path);
        return content == null ? null : Lines.of(content);
    }

    private CommandResult command(ShellParser.Command cmd, List<String> stdin, boolean terminal, boolean errTerminal, Pipe pipe) {
        List<String> argv = cmd.words();
        if (argv.isEmpty()) {
            return CommandResult.ok(List.of());
        }
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        return switch (name) {
            case "exit" -> exit(args);
            case "export", "unset", "cd" -> ShellBuiltins.run(name, args, vars, env);
            default -> new Execvp(env).run(argv, stdin, terminal, errTerminal, pipe);
        };
    }

    /** {@code exit [N]}: the rest of the line does not run; the status is N, else the last command's. */
    private CommandResult exit(List<String> args) {
        int status = lastStatus;
        if (!args.isEmpty()) {
            try {
                status = Integer.parseInt(args.get(0)) & 0xff;
            } catch (NumberFormatException e) {
                exited = 2; // bash and ash still exit
                return CommandResult.fail(2, env.shellName().equals("bash") ? "bash: exit: " + args.get(0) + ": numeric argument required"
                        : env.shellName() + ": exit: line 0: Illegal number: " + args.get(0)); // BusyBox ash, non-interactive (sh -c)
            }
        }
        exited = status;
        return new CommandResult(status, List.of());
    }

    /** The status {@code exit} asked for, or null while the shell has not exited. */
    public Integer exited() {
        return exited;
    }

    public int lastStatus() {
        return lastStatus;
    }
}
