package dev.dockwire.host;

import dev.dockwire.app.sh.Printf;
import dev.dockwire.proc.BoundedOutput;
import dev.dockwire.proc.JobControl;
import dev.dockwire.text.Flavour;
import dev.dockwire.text.Lines;
import dev.dockwire.text.Pipe;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;

/**
 * An argv run as execvp(3) finds it on the place's PATH: the programs of /bin this class is
 * ({@code cat}, {@code yes}, {@code echo}, {@code printf}, {@code true}, {@code false},
 * {@code pwd}, and {@code seq}, {@code grep}, {@code head}, {@code tail}, {@code wc}, {@code sort}
 * over {@link HostText}), every other name the {@link ExecEnv}'s own exec. The shell that forked
 * it ({@code app.sh}) has done the words, redirections and pipes; this is what runs after exec.
 */
final class Execvp {
    private final ExecEnv env;

    Execvp(ExecEnv env) {
        this.env = env;
    }

    /** Runs {@code argv} with {@code stdin} (null: none), its stdout no terminal and its stderr the terminal. */
    CommandResult run(List<String> argv, List<String> stdin) {
        return run(argv, stdin, false, true, Pipe.open());
    }

    /**
     * Runs {@code argv}, told isatty(1) and isatty(2) ({@code ls} lays out columns for a terminal),
     * writing into {@code pipe} ({@code cat big | head -1} dies of SIGPIPE).
     */
    CommandResult run(List<String> argv, List<String> stdin, boolean terminal, boolean errTerminal, Pipe pipe) {
        if (argv.isEmpty()) {
            return CommandResult.ok(List.of());
        }
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        List<String> help = env.textFlavour() == Flavour.BUSYBOX ? dev.dockwire.libc.BusyboxHelp.of(name, args) : null;
        if (help != null) {
            return new CommandResult(0, help, help); // appletlib.c's --help, before the applet runs
        }
        return switch (name) {
            case "echo" -> echo(args);
            case "printf" -> printf(args);
            case "true", ":" -> CommandResult.ok(List.of());
            case "false" -> new CommandResult(1, List.of());
            case "pwd" -> CommandResult.ok(List.of(env.currentDirectory()));
            case "cat" -> cat(args, stdin, pipe);
            case "yes" -> yes(args, pipe);
            case "grep", "egrep", "head", "tail", "wc", "sort" -> HostText.run(name, args, stdin, env, env.textFlavour(), null);
            case "seq" -> HostText.run(name, args, stdin, env, env.textFlavour(), null, pipe);
            default -> HostText.piped(env.exec(argv, stdin, terminal, errTerminal), pipe);
        };
    }

    /** coreutils' echo: {@code -n} leaves the line without its newline. */
    static CommandResult echo(List<String> args) {
        boolean newline = true;
        int i = 0;
        if (!args.isEmpty() && args.get(0).equals("-n")) {
            newline = false;
            i = 1;
        }
        String text = String.join(" ", args.subList(i, args.size()));
        if (!newline && text.isEmpty()) {
            return CommandResult.ok(List.of());
        }
        return CommandResult.ok(new Lines(List.of(text.split("\n", -1)), !newline)); // -n: the line ends without one
    }

    /** printf (the shells' formatter: flags, width, precision, %b, %c, numbers). */
    static CommandResult printf(List<String> args) {
        StringBuilder out = new StringBuilder();
        List<String> errors = new ArrayList<>();
        int status = Printf.bash(args, out, errors::add);
        // An unterminated last line still shows, as on a terminal; errors come first (stderr is unbuffered).
        Lines lines = new Lines(errors, false);
        lines.addAll(Lines.of(out.toString()));
        lines.unterminated(out.length() > 0 && out.charAt(out.length() - 1) != '\n');
        return new CommandResult(status, lines, errors);
    }

    private CommandResult cat(List<String> all, List<String> stdin, Pipe pipe) {
        dev.dockwire.text.CatOptions opts = dev.dockwire.text.CatOptions.parse(env.textFlavour(), all);
        if (opts.error() != null) {
            return new CommandResult(opts.error().status(), opts.error().output(), opts.error().errors());
        }
        List<String> args = opts.operands();
        if (args.isEmpty() && opts.plain()) {
            return copy(stdin == null ? List.of() : stdin, pipe, 0, new Lines());
        }
        if (args.isEmpty()) {
            args = List.of("-");
        }
        Lines out = new Lines();
        List<String> errors = new ArrayList<>();
        int status = 0;
        for (String path : args) {
            String denied = path.equals("-") ? null : env.readError(path);
            String content = path.equals("-") ? Lines.text(stdin) : denied != null ? null : env.readFile(path);
            if (content == null) {
                // GNU cat names the file as open(2)/read(2) failed; BusyBox's says it could not open it.
                String why = denied != null ? denied : "No such file or directory";
                String error = env.textFlavour() == Flavour.GNU
                        ? "cat: " + path + ": " + (denied == null && env.isDirectory(path) ? "Is a directory" : why)
                        : "cat: can't open '" + path + "': " + why;
                Lines.append(out, List.of(error));
                errors.add(error);
                status = 1;
            } else {
                CommandResult r = copy(Lines.of(opts.apply(content)), pipe, status, out);
                if (r.status() == Pipe.SIGPIPE_STATUS) {
                    return new CommandResult(r.status(), r.output(), errors);
                }
            }
        }
        return new CommandResult(status, out, errors);
    }

    /** Writes {@code lines} after {@code out} into {@code pipe}, stopping as SIGPIPE stops a writer whose reader has gone. */
    private static CommandResult copy(List<String> lines, Pipe pipe, int status, Lines out) {
        if (pipe.readToTheEnd()) {
            Lines.append(out, lines); // as written: cat a b joins a's unterminated last line to b's first
            return new CommandResult(status, out);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!pipe.write(lines.get(i))) {
                return new CommandResult(pipe.stoppedStatus(), out);
            }
            Lines.append(out, Lines.slice(lines, i, i + 1));
        }
        return new CommandResult(status, out);
    }

    /**
     * coreutils' {@code yes [STRING...]}: the line without end. Into a reader that stops
     * ({@code yes | head -1}) it dies of SIGPIPE once the pipe is full; read to the end it writes
     * past the step's output limit and runs on until the script's step limit ends it (SIGKILL), or
     * at a live terminal until Ctrl-C.
     */
    private CommandResult yes(List<String> args, Pipe pipe) {
        String line = args.isEmpty() ? "y" : String.join(" ", args);
        List<String> out = new ArrayList<>();
        long bytes = 0;
        while (pipe.write(line)) {
            out.add(line);
            bytes += line.length() + 1L;
            if (pipe.readToTheEnd() && bytes > BoundedOutput.LIMIT_BYTES) {
                JobControl jobs = env.jobControl();
                if (pipe.toCommand()) {
                    return new CommandResult(137, out); // the step limit ends the whole pipeline; its last command says so
                }
                if (jobs == null || jobs.live() || jobs.limit() <= 0) {
                    return new CommandResult(130, out); // ended by the terminal's Ctrl-C, the only way it ends
                }
                out.add(jobs.timedOut("yes" + (args.isEmpty() ? "" : " " + String.join(" ", args))));
                return new CommandResult(137, out);
            }
        }
        return new CommandResult(pipe.stoppedStatus(), out);
    }
}
