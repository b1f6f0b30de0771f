package dev.dockwire.app.sh;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Signal;
import dev.dockwire.app.sh.Ast.Cmd;
import dev.dockwire.text.Lines;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a shell's tree on the event loop (ash's evaltree, one continuation per step): nothing waits,
 * a program the script starts runs as a process of its place and the script goes on when it exits.
 * {@code break}, {@code continue}, {@code return} and {@code exit} unwind through {@link #flow} as
 * ash's evalskip does; traps run between commands, as a shell runs them once its foreground child
 * is reaped; a stretch of commands that never waits yields to the loop now and then, so a builtin-only
 * {@code while true} cannot hold the event loop, and the CPU time it used passes on the virtual clock
 * as it does on a real one: each step costs {@link #STEP_NANOS}, each program it started and waited
 * for {@link #FORK_EXEC_NANOS}, so a loop that never sleeps reaches a script's step limit too. Only a
 * stretch that never waits is charged: a child that let the clock move ({@code sleep 5}) ends the
 * stretch, so a loop that waits ticks on the clock's whole seconds.
 */
final class Interp {
    /** How a command ends other than by falling through (ash's SKIPBREAK, SKIPCONT, SKIPFUNC, exitshell). */
    enum Flow { BREAK, CONTINUE, RETURN, EXIT }

    /** The synchronous steps after which the interpreter yields to the loop (the continuations' stack stays shallow). */
    private static final int STEPS_PER_YIELD = 40;

    /**
     * The virtual CPU time one step (a command, a loop's turn) costs. A real ash or dash spends about
     * 1 µs on a builtin; dockwire's continuations cost more wall time than that, and charging 25 µs
     * keeps the wall time of a loop that never waits bounded: a 60 s step limit is 2.4 million steps.
     */
    static final long STEP_NANOS = 25_000;

    /** fork(2) + execve(2) + exit + wait4(2) of a small program: about 1 ms on a real host. */
    static final long FORK_EXEC_NANOS = 1_000_000;

    /** The CPU time used since the shell last yielded, after which it yields however few steps it ran (a timeslice, CFS's 3 ms). */
    private static final long TIMESLICE_NANOS = 3_000_000;

    ProcessContext ctx;
    Commands commands;
    final Dialect dialect;
    final String arg0;
    final Map<String, String> vars;
    final Set<String> exported;
    final Map<String, Cmd> functions;
    final Map<String, String> traps;
    final Deque<Signal> pending = new ArrayDeque<>();
    final Map<Integer, Integer> jobs = new LinkedHashMap<>();
    List<String> positional;
    String cwd = "/";
    int status;
    boolean errexit;
    boolean xtrace;
    /** The {@code NAME=value} prefixes of the function running now, exported while it runs and undone after ({@link Execute}). */
    Set<String> prefixExports = new LinkedHashSet<>();
    /** {@code set -f}: no pathname expansion. */
    boolean noglob;
    /** Inside an if/while condition or before && / ||: set -e does not apply (POSIX "-e"). */
    int conditional;
    Flow flow;
    /**
     * Whether the shell itself ended: the {@code exit} builtin, {@code exec CMD} (CMD took its
     * place) or {@code set -e} after a command that failed, which end an interactive bash too; it
     * stays after other fatal errors ({@code ${x:?}}).
     */
    boolean exitBuiltin;
    /** Whether that was the {@code exit} builtin itself, which an interactive bash announces ({@code exit} on stderr; exit.def). */
    boolean exitWord;
    /** {@code /dev/tty}: an interactive session's terminal (its line's stdout), whatever {@code exec} made stdout; null: none known. */
    Io.Sink tty;
    int flowCount;
    int lastBackground;
    /** {@code $$}: the shell's pid in its namespace (1 as a container's main process). */
    int pid = 1;
    /** The process's resource limits as {@code ulimit} last read or set them; null until it first does ({@link Commands#rlimits}). */
    dev.dockwire.libc.Rlimits limits;
    /** {@code $0}: the shell's name, or the name {@code sh -c SCRIPT NAME} gives. */
    String name;
    /** Whether a command substitution ran since the simple command began (its status is that command's then). */
    boolean substituted;
    int line = 1;
    int functionDepth;
    int loopDepth;
    Runnable interruptWait;
    /** An interactive shell's ({@code docker exec -it C sh}): its children are jobs of their own. */
    boolean interactive;
    /** A prompt's shell whose messages number no lines (bash at the host's prompt: {@code bash: cd: X: ...}). */
    boolean unnumbered;
    /** Only the vehicle of an applet exec'd without a shell ({@link Sh#direct}): the environment as given. */
    boolean direct;
    /** The program the script waits for now, or null. */
    Commands.Running running;
    /** The simple commands the shell execs in place of forking, being its script's last ({@link TailExec#of}). */
    java.util.Set<Ast.Simple> tail = java.util.Set.of();
    /** ash's may_have_traps: a trap with an action was set (ignoring one, {@code trap '' SIG}, is none), and stays so after {@code trap -}. */
    boolean mayHaveTraps;
    /** A subshell that ash runs in its shell's process, its script's last command ({@link TailExec#of}): it may exec in place. */
    boolean tailSubshell;
    /** Whether the next program started replaces the shell: {@code exec CMD}, or {@link #tail} running. */
    boolean execNext;
    /**
     * The redirections of the simple command about to start in the background, as bash's jobs
     * prints them after its words (print_cmd.c: {@code > out.txt}); empty for none.
     */
    String jobRedirs = "";
    /** A pipeline stage's stdout, whose reader may exit before it ({@code | head -2}): the stage dies of SIGPIPE once it broke. */
    Io.Sink pipeOut;
    private int steps;
    /** The CPU time used since the shell last yielded, charged to the clock when it yields. */
    private long cpuNanos;
    /** The clock when the shell last started a program. */
    private long forkedAt;
    private final boolean subshell;
    final Expander expander = new Expander(this);
    final Execute execute = new Execute(this);
    private final Compound compound = new Compound(this);

    Interp(ProcessContext ctx, Commands commands, Dialect dialect, String arg0, Map<String, String> env, List<String> positional) {
        this(ctx, commands, dialect, arg0, new LinkedHashMap<>(env), new LinkedHashSet<>(env.keySet()), new HashMap<>(),
                new HashMap<>(), positional, false);
    }

    /** A shell whose variables and exported names are {@code vars} and {@code exported} themselves, shared with its caller. */
    Interp(ProcessContext ctx, Commands commands, Dialect dialect, String arg0, Map<String, String> vars, Set<String> exported) {
        this(ctx, commands, dialect, arg0, vars, exported, new HashMap<>(), new HashMap<>(), new ArrayList<>(), false);
    }

    private Interp(ProcessContext ctx, Commands commands, Dialect dialect, String arg0, Map<String, String> vars,
                   Set<String> exported, Map<String, Cmd> functions, Map<String, String> traps, List<String> positional,
                   boolean subshell) {
        this.ctx = ctx;
        this.commands = commands;
        this.dialect = dialect;
        this.arg0 = arg0;
        this.vars = vars;
        this.exported = exported;
        this.functions = functions;
        this.traps = traps;
        this.positional = positional;
        this.subshell = subshell;
        this.name = arg0;
    }

    /** A subshell ({@code ( ... )}, a pipeline's stage, {@code &}): a copy whose changes stay inside; traps reset. */
    Interp fork() {
        Interp i = new Interp(ctx, commands, dialect, arg0, new LinkedHashMap<>(vars), new LinkedHashSet<>(exported),
                new HashMap<>(functions), new HashMap<>(), new ArrayList<>(positional), true);
        i.cwd = cwd;
        i.status = status;
        i.errexit = errexit;
        i.unnumbered = unnumbered; // an interactive bash's subshell numbers no lines either (nosuch | wc -l)
        i.xtrace = xtrace;
        i.noglob = noglob;
        i.line = line;
        i.tty = tty;
        i.pid = pid;
        i.limits = limits;
        i.name = name;
        i.pipeOut = pipeOut; // a subshell of a pipeline's stage writes into the same pipe
        i.execute.inherit(execute);
        return i;
    }

    /** Whether a trap keeps the shell from exec'ing its script's last command ({@link TailExec#trapsKeepShell}). */
    boolean trapsKeepShell() {
        return TailExec.trapsKeepShell(dialect, mayHaveTraps, traps.values());
    }

    /** Whether this is a copy of its shell for {@code ( )}, a pipeline's stage or {@code &}. */
    boolean subshell() {
        return subshell;
    }

    /** An interactive session's next line runs as another process with these commands. */
    void attach(ProcessContext ctx, Commands commands) {
        this.ctx = ctx;
        this.commands = commands;
        this.flow = null;
        this.exitBuiltin = false;
        this.exitWord = false;
        this.steps = 0;
        this.cpuNanos = 0; // it slept in read(2) for the line: the stretch of CPU time before it ended there
    }

    /**
     * The variables each shell makes and exports at start: PWD (all three), SHLVL one above the
     * one it was given (ash and bash; dash keeps none), made after the imported ones.
     */
    void exportStartup() {
        vars.put("PWD", cwd);
        exported.add("PWD");
        if (dialect != Dialect.DASH) {
            int level;
            try {
                level = Integer.parseInt(vars.getOrDefault("SHLVL", "0").trim());
            } catch (NumberFormatException e) {
                level = 0;
            }
            vars.remove("SHLVL");
            vars.put("SHLVL", Integer.toString(level + 1));
            exported.add("SHLVL");
        }
    }

    /** The environment a program gets: the exported variables, in the order this shell passes them ({@link Environ}). */
    Map<String, String> environment() {
        return environment(Map.of());
    }

    /** As {@link #environment()} with a command's own {@code NAME=value} prefixes over it. */
    Map<String, String> environment(Map<String, String> assigns) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : exported) {
            String v = vars.get(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        if (direct) {
            env.putAll(assigns);
            return env;
        }
        if (dialect == Dialect.BASH && execNext && env.containsKey("SHLVL")) {
            // bash execs its last command in its own place and first takes back the level it added
            // (execute_cmd.c, adjust_shell_level(-1)): that command sees the SHLVL bash was given
            env.put("SHLVL", Integer.toString(Integer.parseInt(env.get("SHLVL")) - 1));
        }
        return Environ.ordered(dialect, env, assigns);
    }

    /** Goes on with {@code k}, yielding to the loop after a stretch of steps that never waited. */
    void next(Runnable k) {
        cpuNanos += STEP_NANOS;
        if (++steps >= STEPS_PER_YIELD || cpuNanos >= TIMESLICE_NANOS) {
            long used = cpuNanos;
            steps = 0;
            cpuNanos = 0;
            // The clock moves by the CPU time spent before anything else runs; a shell that ended
            // meanwhile (Ctrl-C at the prompt's line, docker stop) goes no further, as in resumed().
            ctx.schedule(used, () -> {
                if (ctx.alive()) {
                    k.run();
                }
            });
        } else {
            k.run();
        }
    }

    /** A callback from the loop (a program exited): the stack is fresh again. */
    void resumed(Runnable k) {
        if (!ctx.alive()) {
            return; // killed while its child ran (docker stop's SIGKILL to PID 1): nothing more of the script runs
        }
        steps = 0;
        if (ctx.nanos() > forkedAt) {
            cpuNanos = 0; // the shell slept in wait4 while the clock moved: its stretch of CPU time ended there
        }
        k.run();
    }

    /** A program started: its fork and exec are CPU time the shell's next yield charges. */
    void forked() {
        cpuNanos += FORK_EXEC_NANOS;
        forkedAt = ctx.nanos();
    }

    /** The shell's own error text on stderr, line-numbered as its dialect does. */
    void error(Io io, String message) {
        io.err.line(dialect.error(arg0, unnumbered ? 0 : line, message));
    }

    /** Leaves the shell with {@code code} ({@code exit}, a fatal expansion error). */
    void exit(int code) {
        status = code;
        flow = Flow.EXIT;
    }

    /** Runs {@code c}, then {@code k}; {@code status} holds its exit status. */
    void run(Cmd c, Io io, Runnable k) {
        if (flow != null) {
            k.run();
            return;
        }
        if (c instanceof Ast.Simple s) {
            line = s.line();
            execute.simple(s, io, () -> {
                PipeStatus.set(this, List.of(status));
                finish(io, k);
            });
        } else if (c instanceof Ast.Seq s) {
            items(s.items(), 0, io, k);
        } else if (c instanceof Ast.AndOr a) {
            conditional++;
            run(a.left(), io, () -> {
                conditional--;
                if (flow == null && (status == 0) == a.and()) {
                    run(a.right(), io, k);
                } else {
                    k.run();
                }
            });
        } else if (c instanceof Ast.Pipeline p) {
            pipeline(p, io, k);
        } else if (c instanceof Ast.Group g) {
            run(g.body(), io, k);
        } else if (c instanceof Ast.Subshell s) {
            Interp sub = fork();
            // The script's last command inside it: ash runs the subshell without forking (evalsubshell's
            // EV_EXIT), so that command may take the shell's process as it would outside.
            sub.tail = tail;
            sub.tailSubshell = !trapsKeepShell() && (!subshell || tailSubshell) && !tail.isEmpty()
                    && TailExec.of(dialect, s.body(), false).stream().anyMatch(tail::contains);
            Io own = io.copy(); // the subshell's descriptors: its exec's redirections stay inside
            sub.run(s.body(), own, () -> sub.exitTraps(own, () -> {
                status = sub.status;
                PipeStatus.set(this, List.of(status));
                finish(io, k);
            }));
        } else if (c instanceof Ast.If || c instanceof Ast.Loop || c instanceof Ast.For || c instanceof Ast.Case) {
            compound.run(c, io, k);
        } else if (c instanceof Ast.FuncDef f) {
            functions.put(f.name(), f.body());
            status = 0;
            k.run();
        } else {
            Ast.Redirected r = (Ast.Redirected) c;
            execute.redirected(r.redirs(), io, rio -> {
                if (rio == null) {
                    k.run(); // a redirection failed: the command does not run (its error printed, the status set)
                    return;
                }
                run(r.body(), rio.io(), () -> {
                    rio.close();
                    k.run();
                });
            });
        }
    }

    /** After a command: pending traps run, then {@code set -e} may end the shell. */
    void finish(Io io, Runnable k) {
        if (pipeOut != null && pipeOut.broken() && flow == null) {
            exit(dev.dockwire.text.Pipe.SIGPIPE_STATUS); // it wrote into a pipe whose reader had gone: SIGPIPE's default action
        }
        if (!pending.isEmpty() && flow != Flow.EXIT) {
            Signal s = pending.poll();
            String action = traps.get(s.name().substring(3));
            int saved = status;
            if (action != null && !action.isEmpty()) {
                eval(action, io, () -> {
                    if (flow == null) {
                        status = saved;
                    }
                    finish(io, k);
                });
                return;
            }
        }
        if (errexit && status != 0 && conditional == 0 && flow == null) {
            flow = Flow.EXIT;
            exitBuiltin = true; // bash's ERREXIT: the shell exits, at a prompt too
        }
        next(k);
    }

    /** {@code eval STRING} and a trap's action: the text parsed and run here. */
    void eval(String text, Io io, Runnable k) {
        Cmd c;
        try {
            c = Parser.parse(text, dialect == Dialect.BASH, execute.aliases());
        } catch (SyntaxError e) {
            io.err.line(dialect.syntaxError(arg0, e, !unnumbered));
            exit(2);
            k.run();
            return;
        }
        if (c instanceof Ast.Seq s && s.items().isEmpty()) {
            status = 0;
            k.run();
            return;
        }
        run(c, io, k);
    }

    /** The EXIT trap, once, when the shell (or a subshell) ends. */
    void exitTraps(Io io, Runnable k) {
        String action = traps.remove("EXIT");
        if (action == null || action.isEmpty()) {
            k.run();
            return;
        }
        int saved = status;
        flow = null;
        eval(action, io, () -> {
            if (flow != Flow.EXIT) {
                status = saved;
            }
            k.run();
        });
    }

    /** A signal the shell traps arrived (ash's onsig): its action runs when the current command is done. */
    void signalled(Signal s) {
        pending.add(s);
        Runnable w = interruptWait;
        if (w != null) {
            interruptWait = null;
            w.run();
        }
    }

    private void items(List<Ast.Item> items, int i, Io io, Runnable k) {
        if (i == items.size() || flow != null) {
            k.run();
            return;
        }
        Ast.Item item = items.get(i);
        if (item.background() && execute.backgroundPipeline(item.cmd(), io, pid -> {
            if (pid != 0) {
                lastBackground = pid;
            }
            status = 0;
            next(() -> items(items, i + 1, io, k));
        })) {
            return;
        }
        if (item.background()) {
            Interp bg = fork();
            bg.lastBackground = -1;
            int[] pid = {0};
            bg.background = p -> pid[0] = pid[0] == 0 ? p : pid[0];
            // XCU 2.9.3.1: without job control an asynchronous list's stdin is /dev/null; bash only
            // while it is the shell's own (not a redirection's or a pipe's: execute_command_internal's stdin_redir)
            Io bgIo = interactive || dialect == Dialect.BASH && !io.startingStdin ? io : io.withIn(Io.Input.empty());
            bg.run(item.cmd(), bgIo, () -> {
                io.out.flush();
                if (pid[0] == 0 && commands.jobControl()) { // bash forks a builtin or ( ) too: a job of the terminal, $! its pid
                    pid[0] = commands.ended(jobName(item.cmd()), bg.status);
                }
                if (pid[0] != 0) {
                    jobs.put(pid[0], bg.status);
                    jobDone(pid[0]);
                }
            });
            if (pid[0] != 0) {
                lastBackground = pid[0];
                jobs.putIfAbsent(pid[0], null);
            }
            status = 0;
            next(() -> items(items, i + 1, io, k));
            return;
        }
        run(item.cmd(), io, () -> items(items, i + 1, io, k));
    }

    /** The command as {@code jobs} names it: a simple command's words, else its kind. */
    private static String jobName(Cmd c) {
        if (c instanceof Ast.Simple s) {
            return s.words().stream().map(Ast::show).collect(java.util.stream.Collectors.joining(" "));
        }
        return c instanceof Ast.Subshell sub ? "( " + jobName(sub.body()) + " )" : Ast.show(c);
    }

    /** Hears the pid of the first process a background list starts ({@code $!}); null outside {@code &}. */
    java.util.function.IntConsumer background;
    /** Called when a background job ends ({@code wait}). */
    Runnable jobWaiter;

    private void jobDone(int pid) {
        Runnable w = jobWaiter;
        if (w != null) {
            w.run();
        }
    }

    private void pipeline(Ast.Pipeline p, Io io, Runnable k) {
        if (p.stages().size() > 1 && p.stages().get(0) instanceof Ast.Simple s && s.assigns().isEmpty() && !s.words().isEmpty()
                && "time".equals(s.words().get(0).plain()) && commands.timeReport(0, false, null) != null) {
            timed(p, s, io, k);
            return;
        }
        if (p.bang()) {
            conditional++;
        }
        List<Integer> statuses = new ArrayList<>();
        stage(p, 0, io.in, io, statuses, () -> {
            PipeStatus.set(this, statuses);
            if (p.bang()) {
                conditional--;
                status = status == 0 ? 1 : 0;
            }
            k.run();
        });
    }

    /**
     * bash's {@code time [-p] a | b}: the keyword times the whole pipeline, its report on stderr
     * after the last command's output (execute_cmd.c time_command); a single command's {@code time}
     * is the place's program.
     */
    private void timed(Ast.Pipeline p, Ast.Simple first, Io io, Runnable k) {
        int skip = first.words().size() > 1 && "-p".equals(first.words().get(1).plain()) ? 2 : 1;
        List<Cmd> stages = new ArrayList<>(p.stages());
        if (first.words().size() == skip && first.redirs().isEmpty()) {
            stages.remove(0); // time before a compound command: the keyword's own stage (Parser)
        } else {
            stages.set(0, new Ast.Simple(first.assigns(), first.words().subList(skip, first.words().size()), first.redirs(), first.line()));
        }
        long started = ctx.nanos();
        pipeline(new Ast.Pipeline(p.bang(), stages), io, () -> {
            io.out.flush();
            commands.timeReport(ctx.nanos() - started, skip == 2, vars.get("TIMEFORMAT")).forEach(io.err::line);
            k.run();
        });
    }

    /** Runs the pipeline's stages one after another, each reading what the one before wrote (ash runs them at once; the output is the same). */
    private void stage(Ast.Pipeline p, int i, Io.Input in, Io io, List<Integer> statuses, Runnable k) {
        if (i == p.stages().size()) {
            k.run();
            return;
        }
        boolean last = i == p.stages().size() - 1;
        Lines buffer = new Lines();
        Io.Sink out = last ? io.out : Io.Sink.pipe(buffer, reader(p.stages().get(i + 1)));
        Interp sub = fork();
        sub.background = background;
        if (!last) {
            sub.pipeOut = out; // the last writes where the pipeline does: into an outer stage's pipe, if any (fork kept it)
        }
        sub.run(p.stages().get(i), i == 0 ? io.withOut(out) : new Io(out, io.err, in), () -> {
            if (!last) {
                out.flush();
            }
            status = sub.status;
            statuses.add(status);
            stage(p, i + 1, new Io.Input(buffer), io, statuses, k);
        });
    }

    /** The words of a stage that is a plain command reading the pipe ({@code head -2}), whose demand the writer meets; else null. */
    private static List<String> reader(Cmd stage) {
        if (!(stage instanceof Ast.Simple s) || s.words().isEmpty() || s.redirs().stream().anyMatch(r -> r.fd() == 0)) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (Ast.Word w : s.words()) {
            String plain = w.plain();
            if (plain == null) {
                return null;
            }
            words.add(plain);
        }
        return words;
    }

    /** Calls function {@code body} with {@code args} as its positional parameters. */
    void call(Cmd body, List<String> args, Io io, Runnable k) {
        List<String> saved = positional;
        positional = new ArrayList<>(args);
        functionDepth++;
        Map<String, String> locals = new HashMap<>();
        localsStack.push(locals);
        run(body, io, () -> {
            functionDepth--;
            positional = saved;
            localsStack.pop();
            for (Map.Entry<String, String> e : locals.entrySet()) {
                if (e.getValue() == null) {
                    vars.remove(e.getKey());
                } else {
                    vars.put(e.getKey(), e.getValue());
                }
            }
            if (flow == Flow.RETURN) {
                flow = null;
            }
            k.run();
        });
    }

    /** Each function call's saved values of its {@code local} variables (null: unset before). */
    final Deque<Map<String, String>> localsStack = new ArrayDeque<>();

    boolean isSubshell() {
        return subshell;
    }
}
