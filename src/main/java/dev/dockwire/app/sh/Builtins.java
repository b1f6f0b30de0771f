package dev.dockwire.app.sh;

import dev.dockwire.app.Signal;
import dev.dockwire.libc.LexicalPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shell's builtins (ash's builtintab): {@code echo}, {@code printf}, {@code test}/{@code [},
 * {@code true}, {@code false}, {@code :}, {@code exit}, {@code export}, {@code unset}, {@code set}
 * ({@code -e}, {@code -x}, positional parameters), {@code shift}, {@code read}, {@code cd},
 * {@code pwd}, {@code exec}, {@code wait}, {@code trap}, {@code eval}, {@code .}, {@code local},
 * {@code return}, {@code break}, {@code continue}, {@code command}; {@code type}, {@code command -v},
 * {@code alias}, {@code unalias} and {@code hash} are {@link CommandNames}'. Their errors read as the
 * dialect's ({@code sh: cd: line 1: can't cd to X: No such file or directory} in ash).
 */
final class Builtins {
    private static final Set<String> NAMES = Set.of("echo", "printf", "test", "[", "true", "false", ":", "exit", "export",
            "unset", "set", "shift", "read", "cd", "pwd", "exec", "wait", "trap", "eval", ".", "source", "local", "return",
            "break", "continue", "command", "readonly", "[[", "type", "alias", "unalias", "hash", "shopt", "kill", "ulimit");

    /** Whether a shell of some dialect runs {@code name} itself. */
    static boolean any(String name) {
        return NAMES.contains(name);
    }
    /** The directories every image has, where {@code cd} and redirections may go without the place listing them. */
    private final Interp sh;
    /** Aliases, the PATH lookups remembered, and the builtins that show them. */
    final CommandNames names;
    /** bash's shell options ({@code shopt}). */
    final Shopt shopt = new Shopt();

    Builtins(Interp sh) {
        this.sh = sh;
        this.names = new CommandNames(sh, this);
    }

    boolean has(String name) {
        return NAMES.contains(name) && !((name.equals("source") || name.equals("[[")) && sh.dialect == Dialect.DASH)
                && !(name.equals("shopt") && sh.dialect != Dialect.BASH) && !(name.equals("kill") && sh.commands.killer() == null);
    }

    /** {@code path} against the working directory {@code cwd}, {@code .} and {@code ..} folded. */
    static String resolve(String cwd, String path) {
        return LexicalPath.clean(cwd, path);
    }

    /** Whether {@code dir} is a directory of the place. */
    static boolean isDirectory(Interp sh, String dir) {
        return sh.commands.list(dir) != null;
    }

    /** A builtin's error: ash names the builtin and the line ({@code sh: cd: line 1: ...}), dash the line then the builtin. */
    void error(Io io, String builtin, String message) {
        String text = switch (sh.dialect) {
            // Debian's busybox 1.35 numbers a -c script's lines from 0 here (ash_vmsg's errlinno).
            case ASH -> sh.arg0 + ": " + builtin + ": line " + (sh.line - 1) + ": " + message;
            case DASH -> sh.arg0 + ": " + sh.line + ": " + builtin + ": " + message;
            case BASH -> sh.arg0 + ": " + (sh.unnumbered ? "" : "line " + sh.line + ": ") + builtin + ": " + message;
        };
        io.err.line(text);
    }

    void run(String name, List<String> args, Io io, Runnable k) {
        switch (name) {
            case "echo" -> done(Printf.echo(sh.dialect, args, io.out), k);
            case "printf" -> done(Printf.printf(sh, args, io), k);
            case "test", "[", "[[" -> done(new Test(sh, io, name).run(args), k);
            case "true", ":" -> done(0, k);
            case "false" -> done(1, k);
            case "exit" -> exit(args, io, k);
            case "export", "readonly" -> done(export(name.equals("export"), args, io), k);
            case "unset" -> {
                for (String a : args) {
                    if (!a.startsWith("-")) {
                        sh.vars.remove(a);
                        sh.exported.remove(a);
                        sh.functions.remove(a);
                    }
                }
                done(0, k);
            }
            case "set" -> done(set(args, io), k);
            case "shopt" -> done(shopt.run(args, io, this), k);
            case "shift" -> shift(args, io, k);
            case "read" -> done(read(args, io), k);
            case "cd" -> done(cd(args, io), k);
            case "type", "alias", "unalias", "hash" -> done(names.run(name, args, io), k);
            case "kill" -> done(kill(args, io), k);
            case "ulimit" -> done(ulimit(args, io), k);
            case "pwd" -> {
                io.out.line(sh.cwd);
                done(0, k);
            }
            case "exec" -> exec(args, io, k);
            case "wait" -> {
                if (sh.commands.jobControl()) { // the terminal's table holds the jobs: its wait
                    List<String> argv = new ArrayList<>(List.of(name));
                    argv.addAll(args);
                    sh.execute.program(argv, Map.of(), io, k);
                } else {
                    waitJobs(k);
                }
            }
            case "trap" -> done(trap(args, io), k);
            case "eval" -> sh.eval(String.join(" ", args), io, k);
            case ".", "source" -> dot(name, args, io, k);
            case "local" -> local(args, io, k);
            case "return" -> {
                sh.status = args.isEmpty() ? sh.status : number(args.get(0), sh.status);
                sh.flow = Interp.Flow.RETURN;
                k.run();
            }
            case "break", "continue" -> {
                int n = args.isEmpty() ? 1 : Math.max(1, number(args.get(0), 1));
                if (sh.loopDepth > 0) {
                    sh.flow = name.equals("break") ? Interp.Flow.BREAK : Interp.Flow.CONTINUE;
                    sh.flowCount = Math.min(n, sh.loopDepth);
                }
                done(0, k);
            }
            default -> command(args, io, k);
        }
    }

    /** ulimit over the shell's process's limits: a subshell's changes stay its own. */
    private int ulimit(List<String> args, Io io) {
        Ulimit.Limits limits = new Ulimit.Limits() {
            @Override
            public dev.dockwire.libc.Rlimits get() {
                if (sh.limits == null) {
                    sh.limits = sh.commands.rlimits(sh.pid);
                }
                return sh.limits;
            }

            @Override
            public String set(dev.dockwire.libc.Rlimit r, long soft, long hard) {
                String why = sh.commands.setrlimit(sh.subshell() ? 0 : sh.pid, get(), r, soft, hard);
                if (why == null) {
                    sh.limits = get().with(r, soft, hard);
                }
                return why;
            }
        };
        String applet = sh.arg0.substring(sh.arg0.lastIndexOf('/') + 1);
        return new Ulimit(sh.dialect, dev.dockwire.libc.Getopt.MUSL, limits, applet, io.out::line, m -> error(io, "ulimit", m),
                io.err::line).run(args);
    }

    /** kill as the dialect's builtin: BusyBox's applet under the shell's name in ash ({@code sh: can't kill pid 99: ...}). */
    private int kill(List<String> args, Io io) {
        Kill.Style style = switch (sh.dialect) {
            case ASH -> Kill.Style.BUSYBOX;
            case DASH -> Kill.Style.DASH;
            case BASH -> Kill.Style.BASH;
        };
        List<String> errors = new ArrayList<>();
        java.util.function.UnaryOperator<String> word = sh.dialect == Dialect.ASH ? m -> sh.arg0 + ": " + m : m -> m;
        int status = new Kill(style, sh.commands.killer(), word, io.out::line, errors::add).run(args);
        for (String e : errors) {
            if (sh.dialect == Dialect.ASH || e.isEmpty() || e.startsWith("kill: usage") || e.startsWith("kill -l")) {
                io.err.line(e);
            } else {
                error(io, "kill", e);
            }
        }
        return status;
    }

    private void done(int status, Runnable k) {
        sh.status = status;
        k.run();
    }

    private static int number(String s, int otherwise) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private void exit(List<String> args, Io io, Runnable k) {
        int code = sh.status;
        if (!args.isEmpty()) {
            try {
                code = Integer.parseInt(args.get(0)) & 0xff;
            } catch (NumberFormatException e) {
                error(io, "exit", "Illegal number: " + args.get(0));
                code = 2;
            }
        }
        sh.exit(code);
        sh.exitBuiltin = true;
        sh.exitWord = !sh.isSubshell();
        k.run();
    }

    private int export(boolean export, List<String> args, Io io) {
        if (export && sh.dialect == Dialect.BASH && args.stream().allMatch(a -> a.equals("-p"))) { // bash's export -p (builtins/setattr.def)
            sh.exported.stream().sorted().forEach(n -> io.out.line("declare -x " + n + (!sh.vars.containsKey(n) ? "" : "=\""
                    + sh.vars.get(n).replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"")));
            return 0;
        }
        int status = 0;
        for (String a : args) {
            if (a.startsWith("-")) {
                continue;
            }
            int eq = a.indexOf('=');
            String n = eq < 0 ? a : a.substring(0, eq);
            if (sh.dialect == Dialect.BASH && !n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                error(io, "export", "`" + a + "': not a valid identifier");
                status = 1;
                continue;
            }
            if (eq >= 0) {
                sh.vars.put(n, a.substring(eq + 1));
            }
            sh.exported.add(n);
            if (sh.dialect == Dialect.BASH) {
                sh.prefixExports.remove(n); // a function's prefix it exports outlives the call in bash
            }
        }
        return status;
    }

    private int set(List<String> args, Io io) {
        if (args.isEmpty()) {
            sh.vars.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> io.out.line(e.getKey() + "='" + e.getValue().replace("'", "'\\''") + "'"));
            return 0;
        }
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                sh.positional = new ArrayList<>(args.subList(i, args.size()));
                return 0;
            }
            if (!(a.startsWith("-") || a.startsWith("+")) || a.length() < 2) {
                break;
            }
            boolean on = a.startsWith("-");
            if (a.equals("-o") || a.equals("+o")) {
                String opt = ++i < args.size() ? args.get(i) : "";
                if (opt.equals("errexit")) {
                    sh.errexit = on;
                } else if (opt.equals("xtrace")) {
                    sh.xtrace = on;
                } else if (opt.equals("noglob")) {
                    sh.noglob = on;
                }
                continue;
            }
            for (char c : a.substring(1).toCharArray()) {
                if (c == 'e') {
                    sh.errexit = on;
                } else if (c == 'x') {
                    sh.xtrace = on;
                } else if (c == 'f') {
                    sh.noglob = on;
                }
            }
        }
        if (i < args.size()) {
            sh.positional = new ArrayList<>(args.subList(i, args.size()));
        }
        return 0;
    }

    private void shift(List<String> args, Io io, Runnable k) {
        int n = args.isEmpty() ? 1 : number(args.get(0), -1);
        if (n < 0 || n > sh.positional.size()) {
            if (sh.dialect == Dialect.DASH) {
                error(io, "shift", "can't shift that many");
                sh.exit(2);
                k.run();
                return;
            }
            done(1, k);
            return;
        }
        sh.positional = new ArrayList<>(sh.positional.subList(n, sh.positional.size()));
        done(0, k);
    }

    /**
     * {@code read [-r] [-p PROMPT] NAME...}: one line of stdin (joined to the next where it ends in a
     * backslash, without -r) split by IFS ({@link Read}), the last name taking the rest; dash
     * wants a name, ash and bash read into REPLY.
     */
    private int read(List<String> args, Io io) {
        boolean raw = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-r")) {
                raw = true;
            } else if (a.equals("-p") && i + 1 < args.size()) {
                io.err.write(args.get(++i));
            } else if (!a.startsWith("-")) {
                names.add(a);
            }
        }
        boolean reply = names.isEmpty();
        if (reply && sh.dialect == Dialect.DASH) {
            error(io, "read", "arg count");
            return 2;
        }
        String line = io.in.readLine();
        if (line == null) {
            (reply ? List.of("REPLY") : names).forEach(n -> sh.vars.put(n, ""));
            return 1;
        }
        boolean eof = false;
        while (!raw && Read.continues(line) && !io.in.endedWithoutNewline()) {
            String next = io.in.readLine();
            eof = next == null;
            line = line.substring(0, line.length() - 1) + (eof ? "" : next);
            if (eof) {
                break;
            }
        }
        // read(2) met the end before a newline: the variables are set, the status is 1 (ash's and bash's read)
        int status = eof || io.in.endedWithoutNewline() ? 1 : 0;
        if (reply) { // the line as read, its whitespace kept (ash, bash)
            sh.vars.put("REPLY", Read.split(line, 1, "", raw).get(0));
            return status;
        }
        List<String> fields = Read.split(line, names.size(), sh.vars.containsKey("IFS") ? sh.vars.get("IFS") : null, raw);
        for (int i = 0; i < names.size(); i++) {
            sh.vars.put(names.get(i), fields.get(i));
        }
        return status;
    }

    private int cd(List<String> args, Io io) {
        String target = args.isEmpty() ? sh.vars.getOrDefault("HOME", "/") : args.get(0);
        if (target.equals("-")) {
            target = sh.vars.getOrDefault("OLDPWD", sh.cwd);
        }
        String dir = resolve(sh.cwd, target);
        // An image's directories are not all known (/etc/nginx, /usr/share/nginx/html): a path that is no file is taken as one.
        String why = sh.commands.chdirError(dir);
        if (why == null && !isDirectory(sh, dir) && sh.ctx.readFile(dir) != null) {
            why = "Not a directory";
        }
        if (why != null) {
            error(io, "cd", sh.dialect == Dialect.DASH ? "can't cd to " + target
                    : sh.dialect == Dialect.ASH ? "can't cd to " + target + ": " + why
                    : target + ": " + why);
            return sh.dialect == Dialect.BASH ? 1 : 2;
        }
        sh.vars.put("OLDPWD", sh.cwd);
        sh.cwd = dir;
        sh.vars.put("PWD", dir);
        return 0;
    }

    /** {@code exec CMD}: the command takes the shell's place, so the shell ends with its status; bare {@code exec} keeps the shell. */
    private void exec(List<String> args, Io io, Runnable k) {
        if (args.isEmpty()) {
            done(0, k);
            return;
        }
        sh.execNext = true; // whatever traps are set (they are lost with the shell's program: no EXIT trap runs)
        sh.execute.program(args, Map.of(), io, () -> {
            sh.traps.remove("EXIT");
            sh.exit(sh.status);
            sh.exitBuiltin = true; // the shell's process is CMD's, which has ended: so has the session
            k.run();
        });
    }

    /** {@code wait}: until every background job has ended; a trapped signal interrupts it with {@code 128 + n} (XCU wait). */
    private void waitJobs(Runnable k) {
        if (!sh.jobs.containsValue(null)) {
            int last = sh.jobs.isEmpty() ? 0 : sh.jobs.values().stream().reduce((a, b) -> b).orElse(0);
            sh.jobs.clear();
            done(last, k);
            return;
        }
        boolean[] over = {false};
        sh.jobWaiter = () -> {
            if (!over[0] && !sh.jobs.containsValue(null)) {
                over[0] = true;
                sh.jobWaiter = null;
                sh.interruptWait = null;
                sh.resumed(() -> waitJobs(k));
            }
        };
        sh.interruptWait = () -> {
            if (!over[0]) {
                over[0] = true;
                sh.jobWaiter = null;
                Signal s = sh.pending.peek();
                sh.resumed(() -> done(s == null ? 128 : s.exitStatus(), k));
            }
        };
    }

    /** {@code trap [ACTION] SIGNAL...}: the action runs when the signal comes (or at EXIT); {@code -} restores the default. */
    private int trap(List<String> args, Io io) {
        if (args.isEmpty()) {
            sh.traps.forEach((sig, action) -> io.out.line("trap -- '" + action + "' " + sig));
            return 0;
        }
        if (args.size() == 1) {
            for (String s : args) {
                sh.traps.remove(signalName(s));
            }
            return 0;
        }
        String action = args.get(0);
        for (String s : args.subList(1, args.size())) {
            String name = signalName(s);
            if (name == null) {
                error(io, "trap", s + ": bad trap");
                return 1;
            }
            if (action.equals("-")) {
                sh.traps.remove(name);
                continue;
            }
            sh.traps.put(name, action);
            sh.mayHaveTraps |= !action.isEmpty();
            Signal sig = name.equals("EXIT") ? null : Signal.parse(name);
            if (sig != null && sig.catchable() && !sh.isSubshell()) {
                sh.ctx.onSignal(sig, () -> {
                    if (sh.traps.containsKey(name)) {
                        sh.signalled(sig);
                    } else {
                        sh.ctx.exit(sig.exitStatus());
                    }
                });
            }
        }
        return 0;
    }

    /** The trap's name for {@code s}: {@code EXIT} for {@code 0}, else the signal's name without {@code SIG}; null when none. */
    private static String signalName(String s) {
        if (s.equals("0") || s.equalsIgnoreCase("EXIT")) {
            return "EXIT";
        }
        Signal sig = Signal.parse(s);
        return sig == null ? null : sig.name().substring(3);
    }

    private void dot(String name, List<String> args, Io io, Runnable k) {
        String path = args.isEmpty() ? null : resolve(sh.cwd, args.get(0));
        String text = path == null ? null : sh.ctx.readFile(path);
        if (text == null) {
            sh.error(io, (sh.dialect == Dialect.ASH ? "can't open '" + (args.isEmpty() ? "" : args.get(0)) + "'"
                    : "cannot open " + (args.isEmpty() ? "" : args.get(0))) + ": No such file or directory");
            sh.exit(sh.dialect == Dialect.BASH ? 1 : 2);
            k.run();
            return;
        }
        sh.eval(text, io, k);
    }

    private void local(List<String> args, Io io, Runnable k) {
        Map<String, String> frame = sh.localsStack.peek();
        if (frame == null) {
            error(io, "local", "not in a function");
            sh.exit(2);
            k.run();
            return;
        }
        for (String a : args) {
            int eq = a.indexOf('=');
            String n = eq < 0 ? a : a.substring(0, eq);
            frame.putIfAbsent(n, sh.vars.get(n));
            sh.vars.put(n, eq < 0 ? sh.vars.getOrDefault(n, "") : a.substring(eq + 1));
        }
        done(0, k);
    }

    /** {@code command -v NAME} and {@code -V} ({@link CommandNames}); {@code command CMD} skips functions. */
    private void command(List<String> args, Io io, Runnable k) {
        if (!args.isEmpty() && (args.get(0).equals("-v") || args.get(0).equals("-V"))) {
            done(names.run("command", args, io), k);
            return;
        }
        if (args.isEmpty()) {
            done(0, k);
        } else if (has(args.get(0))) {
            run(args.get(0), args.subList(1, args.size()), io, k);
        } else {
            sh.execute.program(args, Map.of(), io, k);
        }
    }
}
