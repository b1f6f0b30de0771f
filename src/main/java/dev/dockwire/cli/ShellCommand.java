package dev.dockwire.cli;

import dev.dockwire.host.Completion;
import dev.dockwire.host.InteractiveShell;
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
 * editing and history; a script given as FILE runs first. {@code exit} or Ctrl-D ends it.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Type docker and host commands at an emulated Docker host's prompt.")
final class ShellCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A script to run first.")
    Path file;

    @Option(names = "--seed", description = "Seed for everything random (default 1).")
    long seed = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "Where captures go (default: captures/shell).")
    Path out = Path.of("captures", "shell");

    @Override
    public Integer call() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
             Session session = new Session("shell", seed, new Session.Options(out, seed, true), null,
                     line -> terminal.writer().println(line))) {
            if (file != null) {
                var script = ScriptParser.parse(file.toString(), "shell", Files.readString(file));
                script.images().forEach(i -> session.world().engine().declareHttpImage(i.image(), i.port(), i.text()));
                for (var c : script.commands()) {
                    session.step(c.line(), c.lineNumber(), new Session.Expect(c.status(), c.anyStatus(), c.contains(),
                            c.notContains(), c.matches()));
                }
            }
            InteractiveShell shell = new InteractiveShell(session.host());
            LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".dockwire_history"))
                    .parser(new ShellLineParser()).completer(new ShellCompleter(new Completion(session.host(), shell)))
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "> ").option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            Banner.lines(session.host().hostname(), session.world().engine(), session.captureDirectory())
                    .forEach(terminal.writer()::println);
            while (true) {
                String line;
                try {
                    line = reader.readLine(shell.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    CommandResult left = shell.endOfInput();
                    if (left == null) {
                        break;
                    }
                    left.output().forEach(terminal.writer()::println);
                    continue;
                }
                String t = line.trim();
                if (t.isEmpty()) {
                    continue;
                }
                if (shell.leavesHost(t)) {
                    break;
                }
                List<String> declared = PromptDirective.apply(t, session.world().engine());
                (declared != null ? declared : shell.run(line).output()).forEach(terminal.writer()::println);
                terminal.flush();
            }
            session.finish();
        }
        return 0;
    }
}
