package dev.dockwire.cli;

import dev.dockwire.run.LiveHost;
import dev.dockwire.run.Session;
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
             Session session = new Session("shell", seed, new Session.Options(dir, seed, true), null,
                     line -> terminal.writer().println(line))) {
            if (file != null) {
                var script = ScriptParser.parse(file.toString(), "shell", Files.readString(file));
                script.images().forEach(i -> session.world().engine().declareHttpImage(i.image(), i.port(), i.text()));
                for (var c : script.commands()) {
                    session.step(c.line(), c.lineNumber(), new Session.Expect(c.status(), c.anyStatus(), c.contains(),
                            c.notContains(), c.matches()));
                }
            }
            LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".dockwire_history"))
                    .build();
            prompt(terminal, reader, session, speed);
            session.finish();
        }
        return 0;
    }

    /** Reads lines until Ctrl-D or {@code exit}, each run live on the host; Ctrl-C at the prompt only clears the line. */
    static void prompt(Terminal terminal, LineReader reader, Session session, double speed) {
        try (LiveHost live = new LiveHost(session, speed, reader::printAbove, reader::printAbove)) {
            run(terminal, reader, session, live);
        }
    }

    private static void run(Terminal terminal, LineReader reader, Session session, LiveHost live) {
        terminal.handle(Terminal.Signal.INT, s -> live.interrupt());
        terminal.handle(Terminal.Signal.TSTP, s -> live.suspend());
        String prompt = "root@" + session.host().hostname() + ":~# ";
        boolean warned = false;
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                line = "exit";
            }
            String t = line.trim();
            if (t.equals("exit") || t.equals("logout")) {
                if (warned || !live.anyStopped()) {
                    break;
                }
                reader.printAbove("There are stopped jobs."); // bash's exit_or_logout: a second exit leaves them
                warned = true;
                continue;
            }
            warned = false;
            try {
                List<String> declared = t.isEmpty() ? null : live.call(() -> PromptDirective.apply(t, session.world().engine()));
                if (declared != null) {
                    declared.forEach(reader::printAbove);
                } else {
                    live.run(t);
                }
            } catch (RuntimeException e) {
                reader.printAbove("dockwire: internal error: " + e); // the host and its containers live on
            }
        }
    }
}
