package dev.dockwire.cli;

import dev.dockwire.run.Session;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A status line under the transcript while a run goes on a terminal: steps done, containers
 * built, virtual time reached. Each transcript line clears it and it is drawn again below; it
 * is erased when the run ends. Not used when the output is not a terminal.
 */
final class TerminalStatus implements Session.Progress {
    private static final String CLEAR = "\r\u001b[K";
    private final PrintStream out;
    private String status = "";

    TerminalStatus(PrintStream out) {
        this.out = out;
    }

    /** Prints a transcript line above the status line. */
    void println(String line) {
        out.print(CLEAR + line + "\n" + status);
        out.flush();
    }

    @Override
    public void update(int stepsDone, int stepsTotal, int containers, long virtualNanos) {
        status = String.format(Locale.ROOT, "[dockwire] steps %d/%d · %d containers · virtual time %.1fs",
                stepsDone, stepsTotal, containers, virtualNanos / 1e9);
        out.print(CLEAR + status);
        out.flush();
    }

    /** Erases the status line. */
    void end() {
        status = "";
        out.print(CLEAR);
        out.flush();
    }
}
