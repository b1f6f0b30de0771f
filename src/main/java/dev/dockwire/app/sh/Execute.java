package dev.dockwire.app.sh;

import dev.dockwire.app.Signal;
import dev.dockwire.app.sh.Ast.Redir;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A simple command (XCU 2.9.1): its words expanded, its assignments and redirections applied, then
 * the command found — a function, a builtin ({@link Builtins}), one of the shell's applets
 * ({@link Applets}: the text tools, {@code cat}, {@code ls}, ...) where the PATH has it, or a
 * program of the place ({@link Commands}) whose exit the script waits for on the loop.
 */
final class Execute {
    /** The streams a command's redirections set up, and what {@link #close} writes to files afterwards. */
    static final class Redirected {
        private Io io;
        private final List<Runnable> closers = new ArrayList<>();
        /** {@code exec} without a command: its files outlive it, written as the text comes. */
        private boolean lasting;

        Io io() {
            return io;
        }

        /** Flushes what went to files into them. */
        void close() {
            closers.forEach(Runnable::run);
        }
    }

    private final Interp sh;
    private final Builtins builtins;
    private final Applets applets;

    Execute(Interp sh) {
        this.sh = sh;
        this.builtins = new Builtins(sh);
        this.applets = new Applets(sh);
    }

    void simple(Ast.Simple s, Io io, Runnable k) {
        sh.substituted = false;
        boolean replaces = sh.tail.contains(s) && !sh.trapsKeepShell() && (!sh.isSubshell() || sh.tailSubshell);
        sh.expander.fields(s.words(), io, argv -> assignments(s.assigns(), 0, new LinkedHashMap<>(), io, assigns -> {
            if (sh.flow != null) {
                k.run();
                return;
            }
            boolean execRedirects = argv.size() == 1 && argv.get(0).equals("exec") && !sh.functions.containsKey("exec");
            redirected(s.redirs(), io, execRedirects, rio -> {
                if (rio == null) {
                    if (execRedirects && sh.dialect != Dialect.BASH) {
                        sh.exit(sh.status); // a special builtin's redirection error ends ash and dash (XCU 2.8.1)
                    }
                    k.run();
                    return;
                }
                if (execRedirects) {
                    // exec's redirections without a command: the shell's own descriptors from now on
                    io.become(rio.io());
                    if (sh.xtrace) {
                        io.err.line("+ exec");
                    }
                    sh.status = 0;
                    k.run();
                    return;
                }
                Runnable done = () -> {
                    rio.close();
                    k.run();
                };
                if (sh.xtrace) {
                    List<String> trace = new ArrayList<>();
                    assigns.forEach((n, v) -> trace.add(n + "=" + v));
                    trace.addAll(argv);
                    io.err.line("+ " + String.join(" ", trace));
                }
                if (argv.isEmpty()) {
                    sh.vars.putAll(assigns);
                    if (!sh.substituted) {
                        sh.status = 0;
                    }
                    done.run();
                    return;
                }
                sh.execNext = replaces;
                sh.jobRedirs = sh.background == null ? "" : FunctionText.redirs(s.redirs());
                command(argv, assigns, rio.io(), done);
            });
        }));
    }

    private void assignments(List<Ast.Assign> list, int i, Map<String, String> out, Io io, Consumer<Map<String, String>> k) {
        if (i == list.size() || sh.flow != null) {
            k.accept(out);
            return;
        }
        Ast.Assign a = list.get(i);
        sh.expander.string(a.value(), io, v -> {
            out.put(a.name(), v);
            assignments(list, i + 1, out, io, k);
        });
    }

    /** What a program started with {@code io} writes, and what it asks of it (isatty, the pipe's reader). */
    private static Commands.Output output(Io io) {
        return new Commands.Output() {
            @Override
            public void out(String line) {
                io.out.line(line);
            }

            @Override
            public void err(String line) {
                io.err.line(line);
            }

            @Override
            public void outPartial(String text) {
                io.out.write(text);
            }

            @Override
            public void outLines(String text) {
                io.out.write(text);
            }

            @Override
            public boolean terminal() {
                return io.out.terminal();
            }

            @Override
            public boolean errTerminal() {
                return io.err.terminal();
            }

            @Override
            public List<String> reader() {
                return io.out.reader();
            }
        };
    }

    /**
     * {@code a | b &} at a prompt with job control: a pipeline of programs (no builtin, function,
     * assignment or redirection) started as one job of the terminal ({@link Commands#pipeline}),
     * {@code started} told its pid once the words are expanded; false when it is no such pipeline,
     * which then runs as any background list does.
     */
    boolean backgroundPipeline(Ast.Cmd c, Io io, java.util.function.IntConsumer started) {
        if (!sh.commands.jobControl() || !(c instanceof Ast.Pipeline p) || p.bang()) {
            return false;
        }
        for (Ast.Cmd stage : p.stages()) {
            String name = stage instanceof Ast.Simple s && s.assigns().isEmpty() && s.redirs().isEmpty() && !s.words().isEmpty()
                    ? s.words().get(0).plain() : null;
            if (name == null || sh.functions.containsKey(name) || builtins.has(name)) {
                return false;
            }
        }
        stageWords(p.stages(), 0, new ArrayList<>(), io, stages -> started.accept(stages.stream().anyMatch(List::isEmpty) ? 0
                : sh.commands.pipeline(stages, sh.environment(Map.of()), output(io))));
        return true;
    }

    private void stageWords(List<Ast.Cmd> stages, int i, List<List<String>> out, Io io, Consumer<List<List<String>>> k) {
        if (i == stages.size()) {
            k.accept(out);
            return;
        }
        sh.expander.fields(((Ast.Simple) stages.get(i)).words(), io, words -> {
            out.add(words);
            stageWords(stages, i + 1, out, io, k);
        });
    }

    /** Runs {@code argv}: function, builtin, applet or program, in that order (ash's find_command). */
    void command(List<String> argv, Map<String, String> assigns, Io io, Runnable k) {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        Ast.Cmd f = sh.functions.get(name);
        if (f != null || builtins.has(name)) {
            sh.execNext = false; // only a program can take the shell's place
        }
        if (f != null) {
            Runnable restore = exportedWhileItRuns(assigns);
            sh.call(f, args, io, () -> {
                restore.run();
                k.run();
            });
            return;
        }
        if (builtins.has(name)) {
            Runnable restore = assigned(assigns, SPECIAL.contains(name) && sh.dialect != Dialect.BASH);
            builtins.run(name, args, io, () -> {
                restore.run();
                k.run();
            });
            return;
        }
        program(argv, assigns, io, k);
    }

    /** A subshell's aliases, PATH lookups and shell options: {@code parent}'s, copied. */
    void inherit(Execute parent) {
        builtins.names.inherit(parent.builtins.names);
        builtins.shopt.inherit(parent.builtins.shopt);
    }

    /** The aliases the parser expands: {@link CommandNames#expansion}. */
    java.util.function.Function<String, String> aliases() {
        return builtins.names::expansion;
    }

    /** XCU 2.14's special builtins: the assignments before them stay (in ash and dash; bash outside posix mode undoes them too). */
    static final java.util.Set<String> SPECIAL = java.util.Set.of("break", ":", "continue", ".", "eval", "exec", "exit", "export",
            "readonly", "return", "set", "shift", "times", "trap", "unset");

    /**
     * Makes {@code assigns}; unless {@code keep}, they last only while the command runs (XCU 2.9.1:
     * before a function or a regular builtin, {@code IFS=: read a b}): what undoes them.
     */
    private Runnable assigned(Map<String, String> assigns, boolean keep) {
        Map<String, String> before = new java.util.HashMap<>();
        if (!keep) {
            assigns.keySet().forEach(n -> before.put(n, sh.vars.get(n))); // null: it was unset
        }
        sh.vars.putAll(assigns);
        return () -> before.forEach((n, v) -> {
            if (v == null) {
                sh.vars.remove(n);
            } else {
                sh.vars.put(n, v);
            }
        });
    }

    /**
     * The prefixes before a function call (XCU 2.9.5): variables exported to the programs it runs
     * while it runs, as each shell's tempenv / localvars make them, then their values and export
     * undone. bash alone keeps one the function {@code export}ed (its tempenv propagated on export).
     */
    private Runnable exportedWhileItRuns(Map<String, String> assigns) {
        Runnable values = assigned(assigns, false);
        java.util.Set<String> wasExported = new java.util.HashSet<>();
        for (String n : assigns.keySet()) {
            if (!sh.exported.add(n)) {
                wasExported.add(n);
            }
        }
        java.util.Set<String> outer = sh.prefixExports;
        java.util.Set<String> temporary = new java.util.HashSet<>(assigns.keySet());
        sh.prefixExports = temporary;
        return () -> {
            sh.prefixExports = outer;
            Map<String, String> kept = new LinkedHashMap<>();
            assigns.keySet().stream().filter(n -> !temporary.contains(n)).forEach(n -> kept.put(n, sh.vars.get(n)));
            values.run();
            for (String n : assigns.keySet()) {
                if (kept.containsKey(n)) {
                    sh.vars.put(n, kept.get(n));
                } else if (!wasExported.contains(n)) {
                    sh.exported.remove(n);
                }
            }
        };
    }

    /** A command the PATH must provide: the shell's applet, or a process of the place. */
    void program(List<String> argv, Map<String, String> assigns, Io io, Runnable k) {
        String name = argv.get(0);
        String provider = sh.commands.provider(name);
        if (provider == null) {
            io.err.line(sh.dialect.notFound(sh.arg0, sh.unnumbered ? 0 : sh.line, name)); // bash at its prompt numbers no lines
            sh.status = 127;
            k.run();
            return;
        }
        builtins.names.executed(name);
        boolean replaces = sh.execNext;
        // execve(2) in the shell's own process: not in a subshell it forks (one of its own in the real shells, which
        // dockwire runs in the shell's process), nor in the background, nor at an interactive prompt (each line a
        // process of its own)
        boolean inPlace = replaces && (!sh.subshell() || sh.tailSubshell) && !sh.interactive && sh.background == null && sh.ctx.pid() != 0;
        if (inPlace && Applets.runs(name)) {
            sh.commands.becomes(sh.ctx.pid(), argv); // its own applet, run in the process it execs: ps and /proc see it
        }
        Integer applet = applets.run(name, provider, argv.subList(1, argv.size()), assigns, io);
        if (applet != null) {
            sh.status = applet;
            k.run();
            return;
        }
        Map<String, String> env = sh.environment(assigns);
        sh.execNext = false;
        boolean[] finished = {false};
        // The shell's own SIGINT while its foreground child runs (a terminal's Ctrl-C reaches both):
        // ash and dash with -c catch it (setsignal's S_CATCH) and so does bash; what they do once
        // the child is reaped is interrupted(). An interactive shell is not in the child's group,
        // and a trap's action or an exec'd program takes the signal instead.
        boolean catches = !replaces && !sh.interactive && !sh.traps.containsKey("INT");
        boolean[] interrupted = {false};
        if (catches) {
            sh.ctx.onSignal(Signal.SIGINT, () -> interrupted[0] = true);
        }
        sh.forked();
        String job = sh.background == null ? null : String.join(" ", argv) + sh.jobRedirs;
        sh.jobRedirs = "";
        if (inPlace) {
            io.out.flush(); // what the shell wrote is written before its process becomes the program's
            io.err.flush();
        }
        IntConsumer ended = status -> {
            if (!finished[0]) {
                finished[0] = true;
                sh.running = null;
                if (catches) {
                    sh.ctx.onSignal(Signal.SIGINT, null);
                }
                sh.resumed(() -> {
                    sh.status = status;
                    if (!interrupted(interrupted[0], status, io)) {
                        k.run();
                    }
                });
            }
        };
        Commands.Running r = inPlace ? sh.commands.exec(sh.ctx.pid(), argv, env, io.in.handOn(), output(io), ended)
                : sh.commands.start(job, replaces && !sh.subshell() && sh.background == null ? 0 : sh.ctx.pid(), argv, env,
                        io.in.handOn(), output(io), ended); // a subshell's exec: a child of the shell that forked it
        if (r == null) {
            io.err.line(dev.dockwire.app.Program.notModelled(name));
            sh.status = dev.dockwire.app.Program.NOT_MODELLED;
            k.run();
            return;
        }
        if (!finished[0]) {
            sh.running = r;
            if (replaces && r.pid() != sh.ctx.pid()) {
                // A place that started it as a process of its own (the host's): the signals sent to the shell's
                // pid reach it as after execve(2) (docker stop's SIGTERM to PID 1), and the shell's status is the
                // program's once it ends. In place, the program installs its own handlers on the process.
                for (Signal signal : Signal.values()) {
                    if (signal.catchable()) {
                        sh.ctx.onSignal(signal, () -> r.signal(signal));
                    }
                }
            }
        }
        if (sh.background != null) {
            sh.background.accept(r.pid());
        }
    }

    /**
     * After a foreground child ended, what a SIGINT during it does (true: the shell goes no further).
     * ash and dash die of it whatever the child did (raise_interrupt / onint: SIG_DFL, raise); bash
     * only when the child died of it too (wait-and-cooperative-exit), so bash goes on after a
     * {@code ping} that caught it. An interactive shell hears of it from the child's status alone
     * (waitforjob's {@code jp->sigint}), abandons the rest of the line with status 130 and ends the ^C's line.
     * A child that exits 130 is taken to have died of SIGINT.
     */
    private boolean interrupted(boolean caught, int status, Io io) {
        boolean childDied = status == Signal.SIGINT.exitStatus();
        if (sh.interactive && childDied) {
            io.err.line(""); // cmdloop's newline_and_flush after EXINT: the tty echoed ^C without one
            sh.flow = Interp.Flow.EXIT;
            return false;
        }
        if (caught && (sh.dialect != Dialect.BASH || childDied)) {
            sh.ctx.exit(Signal.SIGINT.exitStatus());
            return true;
        }
        return false;
    }

    /** Applies {@code redirs} over {@code io}; {@code k} hears null when one failed (its error printed, status 1, or 2 in dash). */
    void redirected(List<Redir> redirs, Io io, Consumer<Redirected> k) {
        redirected(redirs, io, false, k);
    }

    private void redirected(List<Redir> redirs, Io io, boolean lasting, Consumer<Redirected> k) {
        Redirected r = new Redirected();
        r.io = io;
        r.lasting = lasting;
        apply(redirs, 0, r, k);
    }

    private void apply(List<Redir> redirs, int i, Redirected r, Consumer<Redirected> k) {
        if (i == redirs.size() || sh.flow != null) {
            k.accept(r);
            return;
        }
        Redir x = redirs.get(i);
        Runnable rest = () -> apply(redirs, i + 1, r, k);
        if (x.op().equals("<<")) {
            Consumer<String> body = text -> {
                List<String> lines = text.isEmpty() ? List.of() : List.of(text.replaceAll("\n$", "").split("\n", -1));
                r.io = r.io.with(x.fd(), new Io.Input(lines));
                rest.run();
            };
            if (x.expand()) {
                sh.expander.string(x.target(), r.io, body);
            } else {
                body.accept(((Ast.Lit) x.target().parts().get(0)).text());
            }
            return;
        }
        target(x, r.io, target -> {
            if (target == null) {
                failed(r.io, FunctionText.word(x.target()) + ": ambiguous redirect");
                k.accept(null);
                return;
            }
            if (x.op().equals(">&") && x.fd() == 1 && !target.matches("[0-9]+|-")) {
                // >&word naming a file: > word 2>&1 in bash and ash (redir.c's r_duplicating_output_word,
                // ash's N_TOFILE); dash's parser takes only a number or - there
                if (sh.dialect == Dialect.DASH) {
                    r.io.err.line(sh.dialect.syntaxError(sh.arg0, SyntaxError.message("bad fd number", sh.line)));
                    sh.exit(2);
                    k.accept(null);
                    return;
                }
                if (!writing(x, target, 1, r, k)) {
                    return;
                }
                r.io = r.io.with(2, r.io.out);
                rest.run();
                return;
            }
            if (x.op().equals(">&") || x.op().equals("<&")) {
                if (!duplicate(x.fd(), target, r)) {
                    failed(r.io, target + ": Bad file descriptor");
                    k.accept(null);
                    return;
                }
                rest.run();
                return;
            }
            String path = Builtins.resolve(sh.cwd, target);
            if (x.op().equals("<")) {
                String content = path.equals("/dev/null") ? "" : sh.ctx.readFile(path);
                if (content == null) {
                    failed(r.io, sh.dialect == Dialect.ASH ? "can't open " + target + ": no such file"
                            : sh.dialect == Dialect.DASH ? "cannot open " + target + ": No such file"
                            : target + ": No such file or directory");
                    k.accept(null);
                    return;
                }
                r.io = r.io.with(x.fd(), Io.Input.file(content)); // as written: a last line without newline stays so
                rest.run();
                return;
            }
            if (writing(x, target, x.fd(), r, k)) {
                rest.run();
            }
        });
    }

    /**
     * A redirection's target word: bash expands it as a command's words and takes one field (a
     * pattern matching one file names it; none, or several, is an ambiguous redirect: null);
     * ash and dash expand it unsplit, with no pathname expansion (XCU 2.7: "not performed").
     */
    private void target(Redir x, Io io, Consumer<String> k) {
        if (sh.dialect != Dialect.BASH) {
            sh.expander.string(x.target(), io, k);
            return;
        }
        sh.expander.fields(List.of(x.target()), io, fields -> k.accept(fields.size() == 1 ? fields.get(0) : null));
    }

    /**
     * Opens {@code target} for writing on descriptor {@code fd} ({@code >}, {@code >>}, {@code >|},
     * {@code <>}, bash's {@code >&FILE}); false (its error printed, {@code k} told) when open(2) refuses it.
     */
    private boolean writing(Redir x, String target, int fd, Redirected r, Consumer<Redirected> k) {
        String path = Builtins.resolve(sh.cwd, target);
        boolean readWrite = x.op().equals("<>");
        String refused = Builtins.isDirectory(sh, path) ? "Is a directory" : sh.ctx.writeError(path);
        if (refused != null) {
            failed(r.io, sh.dialect == Dialect.ASH ? "can't create " + target + ": " + refused
                    : sh.dialect == Dialect.DASH ? "cannot create " + target + ": " + refused
                    : target + ": " + refused);
            k.accept(null);
            return false;
        }
        if (readWrite) {
            // O_RDWR|O_CREAT: the file is made if absent and never truncated; read from its start, or written over it
            String content = path.equals("/dev/null") ? "" : sh.ctx.readFile(path);
            if (content == null) {
                sh.ctx.writeFile(path, "");
                content = "";
            }
            r.io = r.io.with(fd, fd != 1 && fd != 2 ? Io.Input.file(content) : path.startsWith("/dev/") ? output(path, true, r)
                    : over(path, r));
            return true;
        }
        r.io = r.io.with(fd, output(path, x.op().equals(">>"), r));
        return true;
    }

    private void failed(Io io, String message) {
        sh.error(io, message);
        sh.status = sh.dialect == Dialect.DASH ? 2 : 1;
    }

    /**
     * {@code 2>&1}, {@code >&2}, {@code 3>&1}, {@code <&3}: descriptor {@code fd} becomes what the
     * target is now (dup2(2)); {@code N>&-} closes it. False when the target is not open (EBADF).
     */
    private boolean duplicate(int fd, String target, Redirected r) {
        if (target.equals("-")) {
            r.io = r.io.with(fd, null);
            return true;
        }
        if (!target.matches("[0-9]+")) {
            return true; // N>&word naming a file for N other than 1 is not modelled: left as it is
        }
        Object to = r.io.fd(Integer.parseInt(target));
        if (to == null) {
            return false;
        }
        r.io = r.io.with(fd, to);
        return true;
    }

    /** {@code 1<> FILE}: what the command writes goes over the file's first bytes, the rest of it kept (no O_TRUNC). */
    private Io.Sink over(String path, Redirected r) {
        StringBuilder content = new StringBuilder();
        Io.Sink sink = new Io.Sink(l -> content.append(l).append('\n'));
        r.closers.add(() -> {
            content.append(sink.takePartial());
            String now = sh.ctx.readFile(path);
            String before = now == null ? "" : now;
            sh.ctx.writeFile(path, content + before.substring(Math.min(before.length(), content.length())));
        });
        return sink;
    }

    /**
     * A file opened for writing: the devices are the streams themselves; a file is written when the
     * command is done, or as the text comes when it outlives the line ({@code exec > FILE}) or its
     * writer runs in the background ({@code ping HOST > FILE &}: a {@code cat FILE} meanwhile sees
     * what was written by then, as the process's open descriptor writes it). The caller refused what open(2) refuses: a known directory (the place's
     * directories are not all known, an image's /etc/nginx/conf.d) and what the files say (EROFS).
     */
    private Io.Sink output(String path, boolean append, Redirected r) {
        switch (path) {
            case "/dev/null":
                return Io.Sink.discard();
            case "/dev/stdout":
                return r.io.out;
            case "/dev/stderr":
                return r.io.err;
            case "/dev/tty":
                if (sh.tty != null) {
                    return sh.tty; // the controlling terminal: exec >/dev/tty gives the session its screen back
                }
                break;
            default:
                break;
        }
        StringBuilder content = new StringBuilder();
        String before = append ? sh.ctx.readFile(path) : null;
        sh.ctx.writeFile(path, before == null ? "" : before);
        if (r.lasting || sh.background != null) {
            return Io.Sink.through(text -> {
                String now = sh.ctx.readFile(path);
                sh.ctx.writeFile(path, (now == null ? "" : now) + text);
            });
        }
        Io.Sink sink = new Io.Sink(l -> content.append(l).append('\n'));
        r.closers.add(() -> {
            content.append(sink.takePartial());
            String now = append ? sh.ctx.readFile(path) : "";
            sh.ctx.writeFile(path, (now == null ? "" : now) + content);
        });
        return sink;
    }
}
