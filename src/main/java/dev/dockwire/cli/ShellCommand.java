package dev.dockwire.cli;

import dev.dockwire.host.Completion;
import dev.dockwire.host.HostFileCommands;
import dev.dockwire.host.InteractiveShell;
import dev.dockwire.run.LiveHost;
import dev.dockwire.run.Session;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.topology.ScriptParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dockwire shell [FILE]}: an interactive prompt on the emulated Docker host, with line
 * editing and history; a script given as FILE runs first at full speed, then the host goes live
 * ({@link LiveHost}: time follows the wall clock, {@code --speed N} times as fast). Ctrl-C and
 * Ctrl-Z go to the foreground job; {@code exit} or Ctrl-D ends the session.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Type docker and host commands at an emulated Docker host's prompt.")
final class ShellCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A script to run first.")
    Path file;

    @Option(names = "--seed", description = "Seed for everything random (default 1).")
    long seed = 1;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where captures go (default: a new captures/shell/N for each session).")
    Path out;

    @Option(names = "--speed", paramLabel = "N", description = "Run time N times as fast as the wall clock (default 1).")
    double speed = 1;

    /** The first {@code BASE/N} no earlier session has written to. */
    static Path freshDir(Path base) {
        for (int n = 1; ; n++) {
            Path dir = base.resolve(Integer.toString(n));
            if (!Files.exists(dir)) {
                return dir;
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        if (!(speed > 0)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--speed must be positive");
        }
        Path dir = out != null ? out : freshDir(Path.of("captures", "shell"));
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
             Session session = new Session("shell", seed, new Session.Options(dir, seed, true).startingNow(), null,
                     line -> terminal.writer().println(line))) {
            session.world().engine().images().startFresh(); // a fresh host: `docker run` pulls first, as on a new machine
            if (file != null) {
                var script = ScriptParser.parse(file.toString(), "shell", Files.readString(file));
                script.images().forEach(i -> session.world().engine().images().declare(i.image(), i.port(), i.text()));
                for (var c : script.commands()) {
                    session.step(c.line(), c.lineNumber(), new Session.Expect(c.status(), c.anyStatus(), c.contains(),
                            c.notContains(), c.matches()));
                }
            }
            InteractiveShell shell = new InteractiveShell(session.host());
            LiveHost[] live = new LiveHost[1]; // Tab asks the host on the loop's thread once it is live
            LineReader reader = WindowReader.of(terminal, new ShellCompleter(new Completion(session.host(), shell),
                            task -> live[0] == null ? task.get() : live[0].call(task)),
                    Path.of(System.getProperty("user.home"), ".dockwire_history"));
            Banner.lines(session.host().hostname(), session.world().engine(), session.captureDirectory())
                    .forEach(terminal.writer()::println);
            terminal.flush();
            int status = prompt(terminal, reader, session, shell, speed, l -> live[0] = l);
            session.finish();
            return status;
        }
    }

    /** The prompt's reader as bash reads: backslashes kept, {@code > } (PS2) for more, no {@code !} history expansion. */
    static LineReaderBuilder reader(Terminal terminal, ShellCompleter completer) {
        return LineReaderBuilder.builder().terminal(terminal).parser(new ShellLineParser()).completer(completer)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "> ").option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    }

    /** The live prompt on the host's own shell (what tests drive through a terminal on pipes). */
    static int prompt(Terminal terminal, LineReader reader, Session session, double speed) {
        return prompt(terminal, reader, session, new InteractiveShell(session.host()), speed, l -> { });
    }

    /**
     * Makes the host live ({@code started} hears it), reads lines until the session ends, and takes
     * the host back; the status the host's shell ended with ({@code exit 3}: 3), {@code dockwire shell}'s own.
     */
    static int prompt(Terminal terminal, LineReader reader, Session session, InteractiveShell shell, double speed,
                       java.util.function.Consumer<LiveHost> started) {
        java.util.function.Consumer<String> foreground = line -> {
            if (line.equals(HostFileCommands.CLEAR_SEQUENCE)) {
                // clear's sequence homes the cursor: a newline after it would leave the prompt on the second row.
                terminal.writer().print(line);
                terminal.flush();
            } else {
                reader.printAbove(line);
            }
        };
        try (LiveHost live = new LiveHost(session, speed, foreground, reader::printAbove)) {
            started.accept(live);
            return run(terminal, reader, session, shell, live);
        }
    }

    /**
     * Reads lines until Ctrl-D or {@code exit} at the host's own prompt, each run live in the shell
     * on top ({@link InteractiveShell}: the host's, or one inside a container); Ctrl-C at the
     * prompt only clears the line. Returns the status bash would exit with ({@link InteractiveShell#hostExit}).
     */
    private static int run(Terminal terminal, LineReader reader, Session session, InteractiveShell shell, LiveHost live) {
        terminal.handle(Terminal.Signal.INT, s -> live.interrupt());
        terminal.handle(Terminal.Signal.TSTP, s -> live.suspend());
        // The window's size as TIOCGWINSZ reads it, and again on each SIGWINCH (a dumb terminal on pipes says 0x0: 24x80 stays).
        Runnable sized = () -> {
            org.jline.terminal.Size size = terminal.getSize();
            shell.windowSize(size.getRows(), size.getColumns());
        };
        live.call(() -> {
            sized.run();
            return null;
        });
        terminal.handle(Terminal.Signal.WINCH, s -> live.post(sized)); // while a command runs
        if (reader instanceof WindowReader w) {
            w.resized(() -> live.post(sized)); // while the prompt reads: its own handler has SIGWINCH then
        }
        boolean[] detaching = DetachKeys.bind(reader, () -> live.call(shell::atHost));
        boolean warned = false;
        while (true) {
            String line;
            boolean leaving;
            try {
                line = reader.readLine(live.call(shell::prompt));
                if (detaching[0]) {
                    detaching[0] = false;
                    live.call(shell::detach).output().forEach(reader::printAbove);
                    continue;
                }
                leaving = shell.leavesHost(line.trim());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                // Ctrl-D leaves a container's shell (bash prints exit), or at the host's prompt ends the session.
                CommandResult left = live.call(shell::endOfInput);
                if (left != null) {
                    left.output().forEach(reader::printAbove);
                    continue;
                }
                line = "exit";
                leaving = true;
            }
            String t = line.trim();
            if (leaving) {
                InteractiveShell.HostExit end = live.call(() -> shell.hostExit(t));
                reader.printAbove("exit"); // exit.def: an interactive bash says so, before it looks at its jobs
                if (warned || !live.anyStopped()) {
                    return end.status();
                }
                reader.printAbove("There are stopped jobs."); // bash's exit_or_logout: a second exit leaves them
                warned = true;
                continue;
            }
            warned = false;
            try {
                List<String> declared = t.isEmpty() ? null : live.call(() -> PromptDirective.apply(t, session.world().engine()));
                if (declared == null && shell.atHost()) {
                    declared = live.call(() -> PromptReport.apply(t, session));
                }
                if (declared != null) {
                    declared.forEach(reader::printAbove);
                } else {
                    String typed = line;
                    live.run(() -> shell.run(typed));
                    if (live.call(shell::hostExited)) { // exit inside a compound line, a function, after other commands
                        InteractiveShell.HostExit end = live.call(() -> shell.hostExit(""));
                        if (end.says()) {
                            reader.printAbove("exit");
                        }
                        if (!live.anyStopped()) {
                            return end.status();
                        }
                        reader.printAbove("There are stopped jobs.");
                        warned = true;
                    }
                }
            } catch (RuntimeException e) {
                reader.printAbove("dockwire: internal error: " + e); // the host and its containers live on
            }
        }
    }
}
