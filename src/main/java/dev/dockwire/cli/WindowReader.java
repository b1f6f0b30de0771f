package dev.dockwire.cli;

import java.nio.file.Path;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;

/**
 * The live prompt's reader, configured as {@link ShellCommand#reader} configures one, that also
 * passes a SIGWINCH on: while it reads a line JLine's own handler takes the terminal's SIGWINCH
 * (LineReaderImpl.readLine replaces the terminal's handler until it returns), and a container's
 * shell on top waits in exactly that read when the user resizes the window.
 */
final class WindowReader extends LineReaderImpl {
    private volatile Runnable resized = () -> { };

    private WindowReader(Terminal terminal) {
        super(terminal, "dockwire", new java.util.HashMap<>());
    }

    /** A reader with the prompt's parser, completer, PS2 and no history expansion, its history kept in {@code history}. */
    static WindowReader of(Terminal terminal, ShellCompleter completer, Path history) {
        WindowReader r = new WindowReader(terminal);
        r.setParser(new ShellLineParser());
        r.setCompleter(completer);
        r.setHistory(new DefaultHistory());
        r.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, "> ");
        r.setVariable(LineReader.HISTORY_FILE, history);
        r.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        return r;
    }

    /** What a SIGWINCH during a read also does. */
    void resized(Runnable task) {
        this.resized = task;
    }

    @Override
    protected synchronized void handleSignal(Terminal.Signal signal) {
        super.handleSignal(signal);
        if (signal == Terminal.Signal.WINCH) {
            resized.run();
        }
    }
}
