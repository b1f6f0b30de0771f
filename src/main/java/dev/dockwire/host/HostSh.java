package dev.dockwire.host;

import dev.dockwire.app.sh.Ast;
import dev.dockwire.app.sh.Dialect;
import dev.dockwire.app.sh.Parser;
import dev.dockwire.app.sh.Sh;
import dev.dockwire.app.sh.SyntaxError;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.proc.BoundedOutput;
import dev.dockwire.proc.JobControl;
import dev.dockwire.text.Lines;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host's prompt's lines that its own {@link Shell} cannot run — compound commands ({@code for},
 * {@code while}, {@code until}, {@code if}, {@code case}, {@code { }}, {@code ( )}), functions and
 * their calls, {@code !}, words with pathname patterns ({@code *.txt}), the builtins it lacks ({@code [}, {@code [[}, {@code test}, {@code read}, {@code set},
 * {@code eval}, {@code local}, ...), {@code $((...))} and {@code ${NAME<op>word}} — run by app.sh's
 * shell in bash's dialect, its commands the host's table ({@link HostCommands}). One store: the
 * session's variables are the Shell's own map, {@code $?}, the working directory and the exported
 * names pass from one to the other at each line, so what a line sets the next sees whichever shell
 * runs it. A step towards the prompt on app.sh alone (notes/s19/hostsh.md); lines both can run stay
 * on the Shell, which keeps job control, {@code time}, PIPESTATUS and live streaming.
 */
final class HostSh {
    /** app.sh's builtins the host's Shell does not run itself (bash's builtins by the same names). */
    private static final Set<String> BUILTINS = Set.of("test", "[", "[[", "set", "shift", "read", "exec", "trap", "eval", ".",
            "source", "local", "return", "break", "continue", "command", "readonly", "alias", "unalias");
    /** The tokens whose syntax error bash words itself ({@code syntax error near unexpected token `done'}). */
    private static final Set<String> RESERVED = Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}", "in", ";;",
            "(", ")");

    /**
     * Step 5's switch, for comparing transcripts: with {@code DOCKWIRE_HOST_SH=app} in the
     * environment every line runs on app.sh (the Shell only runs the programs of its table).
     */
    private static final boolean EVERY_LINE = "app".equals(System.getenv("DOCKWIRE_HOST_SH"));

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

    /** Whether {@code line} needs app.sh's shell: it has what {@link Shell} cannot run. */
    boolean wants(String line) {
        if (EVERY_LINE) {
            return true;
        }
        Ast.Cmd c;
        try {
            c = Parser.parse(line, true);
        } catch (SyntaxError e) {
            return e.token() != null && RESERVED.contains(e.token()) || e.endOfFile();
        } catch (RuntimeException e) {
            return false; // what app.sh's grammar does not read (the Shell's own forms) stays there
        }
        return needs(c);
    }

    /**
     * Runs one line at the prompt, on the Shell or on app.sh ({@link #wants}); in a script what
     * background jobs wrote is in its output where it was written ({@link Shell#run(String)}),
     * bounded as a terminal's scrollback is ({@link BoundedOutput}). Notes an {@code exit}.
     */
    CommandResult line(String line) {
        exitStatus = null;
        String home = host.home().toString(); // the login shell's HOME, where cd and ~ go (the host's, unless a line set its own)
        if (shell.variables().getOrDefault("HOME", home).equals(loginHome == null ? home : loginHome)) {
            shell.variables().put("HOME", home);
        }
        loginHome = home;
        CommandResult r;
        if (wants(line)) {
            r = run(line);
        } else {
            r = shell.run(line);
            exitStatus = shell.exited();
        }
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
        CommandResult r = held(host.runProgram(host.engine(), Kernel.HOST, "bash", session.line(line, commands), List.of()));
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

    private boolean needs(Ast.Cmd c) {
        if (c instanceof Ast.Simple s) {
            String name = s.words().isEmpty() ? null : s.words().get(0).plain();
            if (name != null && (BUILTINS.contains(name) || session.function(name) || session.alias(name))) {
                return true;
            }
            return s.words().stream().anyMatch(w -> needs(w) || globs(w)) || s.assigns().stream().anyMatch(a -> needs(a.value()))
                    || s.redirs().stream().anyMatch(r -> r.target() != null && needs(r.target()));
        }
        if (c instanceof Ast.Pipeline p) {
            return p.bang() || p.stages().stream().anyMatch(this::needs);
        }
        if (c instanceof Ast.AndOr a) {
            return needs(a.left()) || needs(a.right());
        }
        if (c instanceof Ast.Seq q) {
            return q.items().stream().anyMatch(i -> needs(i.cmd()));
        }
        return true; // a compound command, a function's definition, a redirected compound
    }

    /**
     * Whether {@code w} has an unquoted {@code *}, {@code ?} or {@code [}: bash expands it to the
     * names it matches (the Shell has no pathname expansion; app.sh's {@code Glob} does).
     */
    private static boolean globs(Ast.Word w) {
        for (Ast.Part p : w.parts()) {
            if (p instanceof Ast.Lit lit && !lit.quoted() && lit.text().chars().anyMatch(ch -> ch == '*' || ch == '?' || ch == '[')) {
                return true;
            }
        }
        return false;
    }

    private boolean needs(Ast.Word w) {
        for (Ast.Part p : w.parts()) {
            if (p instanceof Ast.Arith) {
                return true;
            }
            if (p instanceof Ast.Param param && param.op() != null) {
                return true;
            }
            if (p instanceof Ast.CmdSub sub && needs(sub.body())) {
                return true;
            }
        }
        return false;
    }
}
