package dev.dockwire.app.sh;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A container's {@code sh}/{@code ash}/{@code dash}/{@code bash} as a program: {@code sh [-ex] -c
 * SCRIPT [NAME [ARG...]]}, {@code sh FILE [ARG...]}, or a script read from stdin. Like ash's
 * cmdloop it parses one complete command at a time and runs it before reading the next, so what
 * precedes a syntax error runs; the error itself ends the shell with status 2. The EXIT trap runs
 * last, then the shell exits with the last command's status.
 */
public final class Sh implements Program {
    /** Whether {@code name} is a builtin of the shell (echo, printf, test, cd, ...): no program is looked up for it. */
    public static boolean builtin(String name) {
        return Builtins.any(name);
    }

    private final String arg0;
    private final Dialect dialect;
    private final Commands commands;
    private final Map<String, String> env;
    private String cwd = "/";

    /**
     * @param arg0 the name the shell was exec'd by ({@code sh}, {@code /bin/sh}), which its messages begin with
     * @param env its environment, exported to what it runs
     */
    public Sh(String arg0, Dialect dialect, Commands commands, Map<String, String> env) {
        this.arg0 = arg0;
        this.dialect = dialect;
        this.commands = commands;
        this.env = env;
    }

    private boolean direct;

    /**
     * This shell only carries one of its applets exec'd by the runtime ({@code docker exec C env}:
     * {@code sh -c 'exec "$@"' sh env}): no shell runs in the real container, so it adds no
     * variables and passes the environment in the order the runtime gave it.
     */
    public Sh direct() {
        direct = true;
        return this;
    }

    /** The shell started in {@code dir} ({@code docker exec -w}, the image's WorkingDir) instead of {@code /}. */
    public Sh in(String dir) {
        cwd = dir;
        return this;
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        boolean errexit = false;
        boolean xtrace = false;
        String script = null;
        int i = 0;
        boolean dashC = false;
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            dashC |= a.indexOf('c') > 0;
            errexit |= a.indexOf('e') > 0;
            xtrace |= a.indexOf('x') > 0;
        }
        List<String> rest = args.subList(i, args.size());
        String name = arg0;
        List<String> positional = new ArrayList<>();
        if (dashC) {
            if (rest.isEmpty()) {
                ctx.err(dialect == Dialect.BASH ? arg0 + ": -c: option requires an argument" : arg0 + ": -c requires an argument");
                ctx.exit(2);
                return;
            }
            script = rest.get(0);
            if (rest.size() > 1) {
                name = rest.get(1);
                positional.addAll(rest.subList(2, rest.size()));
            }
        } else if (!rest.isEmpty()) {
            script = ctx.readFile(rest.get(0));
            if (script == null) {
                ctx.err(dialect == Dialect.ASH ? arg0 + ": can't open '" + rest.get(0) + "': No such file or directory"
                        : dialect == Dialect.DASH ? arg0 + ": 0: cannot open " + rest.get(0) + ": No such file"
                        : arg0 + ": " + rest.get(0) + ": No such file or directory");
                ctx.exit(dialect == Dialect.BASH ? 127 : 2);
                return;
            }
            name = rest.get(0);
            positional.addAll(rest.subList(1, rest.size()));
        } else {
            script = String.join("\n", ctx.stdin());
        }
        Interp sh = new Interp(ctx, commands, dialect, arg0, env, positional);
        if (ctx.pid() > 0) {
            sh.pid = ctx.pid(); // $$: the shell's process (docker exec's sh is not PID 1), which its last command may exec in place
        }
        sh.cwd = cwd;
        sh.direct = direct;
        if (!direct) {
            sh.exportStartup();
        }
        sh.name = name;
        sh.errexit = errexit;
        sh.xtrace = xtrace;
        // docker run -t: the pty is stdout and stderr, and the programs the script runs see it (isatty, ls's columns)
        Io io = Io.started(ctx.isatty(1) ? Io.Sink.terminal(ctx::out) : new Io.Sink(ctx::out),
                ctx.isatty(2) ? Io.Sink.terminal(ctx::err) : new Io.Sink(ctx::err), dashC || !rest.isEmpty() ? Io.Input.from(ctx.stdin()) : Io.Input.empty());
        run(sh, script, io, ctx::exit);
    }

    /** Runs {@code script} in {@code sh} to its end (or {@code exit}), then the EXIT trap; {@code done} hears the status. */
    static void run(Interp sh, String script, Io io, IntConsumer done) {
        Parser p = new Parser(script, sh.dialect == Dialect.BASH);
        p.aliases = sh.execute.aliases();
        loop(sh, p, io, () -> sh.exitTraps(io, () -> {
            io.out.flush();
            io.err.flush();
            done.accept(sh.status);
        }), true, true);
    }

    /** {@code execs}: a script's shell, which may exec its last command; {@code first}: no command ran before. */
    private static void loop(Interp sh, Parser p, Io io, Runnable k, boolean execs, boolean first) {
        if (sh.flow == Interp.Flow.EXIT) {
            k.run();
            return;
        }
        sh.flow = null;
        Ast.Cmd c;
        try {
            c = p.next();
        } catch (SyntaxError e) {
            io.err.line(sh.dialect.syntaxError(sh.arg0, e, !sh.unnumbered));
            sh.status = 2;
            k.run();
            return;
        }
        if (c == null) {
            k.run();
            return;
        }
        sh.tail = execs && p.atEnd() ? TailExec.of(sh.dialect, c, first) : java.util.Set.of();
        sh.run(c, io, () -> loop(sh, p, io, k, execs, false));
    }

    /**
     * An interactive shell's state from one line to the next ({@code docker exec -it C sh}): its
     * variables, functions, working directory and {@code $?}; each line runs as the program
     * {@link #line} returns, on the loop like a script.
     */
    public static final class Session {
        private final String arg0;
        private final Dialect dialect;
        private final Map<String, String> env;
        private Interp sh;
        private int status;
        private boolean unterminated;
        /** Where the shell starts: the exec's {@code -w}, the container's WorkingDir, else {@code /}. */
        private String start;
        /** The caller's variables and exported names, which this shell uses as its own ({@link #sharing}); null: its own copy. */
        private Map<String, String> store;
        private java.util.Set<String> exported;
        /** The shell's descriptors after the last line ({@code exec >FILE} changes them for good); null before the first. */
        private Io descriptors;
        /** The last line's terminal, its stdout and stderr, which are the next line's in {@link #descriptors}. */
        private Io.Sink[] terminal;

        public Session(String arg0, Dialect dialect, Map<String, String> env) {
            this(arg0, dialect, env, "/");
        }

        public Session(String arg0, Dialect dialect, Map<String, String> env, String start) {
            this.arg0 = arg0;
            this.dialect = dialect;
            this.env = env;
            this.start = start;
        }

        /**
         * A session whose variables and exported names are {@code vars} and {@code exported}
         * themselves, kept by the caller (the host's prompt, whose other lines its own shell
         * runs): what one line sets the next sees, whichever shell runs it. It adds no startup
         * variables (the caller's shell started long ago).
         */
        public static Session sharing(String arg0, Dialect dialect, Map<String, String> vars, java.util.Set<String> exported, String start) {
            Session s = new Session(arg0, dialect, Map.of(), start);
            s.store = vars;
            s.exported = exported;
            return s;
        }

        /** {@code $?} before the next line: the status a command run elsewhere left. */
        public void status(int status) {
            this.status = status;
        }

        /** The working directory for the next line: where a {@code cd} run elsewhere went. */
        public void directory(String dir) {
            if (sh == null) {
                start = dir;
            } else {
                sh.cwd = dir;
            }
        }

        /** Whether the session defined a function {@code name}. */
        public boolean function(String name) {
            return sh != null && sh.functions.containsKey(name);
        }

        /** Whether the session defined an alias {@code name} (a command word it expands). */
        public boolean alias(String name) {
            return sh != null && sh.execute.aliases().apply(name) != null;
        }

        /** The shell's working directory now (the prompt's {@code \w}): where it started until a {@code cd}. */
        public String directory() {
            return sh == null ? start : sh.cwd;
        }

        /** {@code text} (one line or more) as a program that runs it in this session and exits with its status. */
        public Program line(String text, Commands commands) {
            return (ctx, args) -> {
                if (sh == null && store != null) {
                    sh = new Interp(ctx, commands, dialect, arg0, store, exported);
                    sh.interactive = true;
                    sh.unnumbered = dialect == Dialect.BASH; // bash numbers no lines at its prompt
                    sh.cwd = start;
                    sh.pid = ctx.pid(); // $$: the login shell's process, which reads every line
                } else if (sh == null) {
                    sh = new Interp(ctx, commands, dialect, arg0, env, new ArrayList<>());
                    sh.interactive = true;
                    sh.cwd = start; // runc's chdir to the process's cwd before the shell starts: its PWD too
                    sh.exportStartup();
                } else {
                    sh.attach(ctx, commands);
                }
                sh.status = status;
                Io.Sink out = Io.Sink.terminal(ctx::out);
                Io.Sink err = Io.Sink.terminal(ctx::err);
                Io io = descriptors == null ? new Io(out, err, new Io.Input(ctx.stdin()))
                        : descriptors.carried(terminal[0], terminal[1], out, err, new Io.Input(ctx.stdin()));
                sh.tty = out;
                Interp shell = sh;
                // Ctrl-C at the prompt's command: a running child has it (its own job); else the
                // shell drops the rest of the line, $? 130 (ash's raise_interrupt in an interactive shell).
                ctx.onSignal(Signal.SIGINT, () -> {
                    if (shell.running == null) {
                        io.out.flush();
                        io.err.flush();
                        shell.status = Signal.SIGINT.exitStatus();
                        status = shell.status;
                        ctx.exit(shell.status);
                    }
                });
                Parser p = new Parser(text, dialect == Dialect.BASH);
                p.aliases = sh.execute.aliases();
                loop(sh, p, io, () -> {
                    descriptors = io; // what exec's redirections made them stays for the next line
                    terminal = new Io.Sink[] {out, err};
                    unterminated = io.out.pending();
                    io.out.flush();
                    io.err.flush();
                    status = sh.status;
                    ctx.exit(sh.status);
                }, false, true);
            };
        }

        /** Whether the last line ran the {@code exit} builtin in this shell (not in a subshell): the session ends. */
        public boolean exited() {
            return sh != null && sh.exitBuiltin;
        }

        /** Whether the last line's shell ended by the {@code exit} builtin (not {@code exec CMD} or {@code set -e}): bash says {@code exit}. */
        public boolean exitTyped() {
            return exited() && sh.exitWord;
        }

        /** {@code $?} after the last line. */
        public int status() {
            return status;
        }

        /** Whether the last line's output ended without a newline ({@code printf abc}): the terminal's next text follows it. */
        public boolean unterminated() {
            return unterminated;
        }
    }
}
