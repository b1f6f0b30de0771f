package dev.dockwire.docker;

import dev.dockwire.libc.Output;
import java.util.List;

/**
 * What a docker command or a process in a container printed and its exit status ({@link Output}:
 * stderr's lines named). The engine's own type: the host's terminal turns it into its shell's
 * result, so nothing under {@code docker} depends on the host's tools.
 */
public final class CommandOutput extends Output {
    /** An output all of whose lines went to stdout. */
    public CommandOutput(int status, List<String> output) {
        this(status, output, List.of());
    }

    /** {@code errors}: the lines of {@code output}, in order, that went to stderr. */
    public CommandOutput(int status, List<String> output, List<String> errors) {
        super(status, output, errors);
    }

    public static CommandOutput ok(List<String> lines) {
        return new CommandOutput(0, lines);
    }

    /** One line and a status; a failure's line is its error message, on stderr. */
    public static CommandOutput fail(int status, String line) {
        List<String> lines = List.of(line);
        return new CommandOutput(status, lines, status == 0 ? List.of() : lines);
    }

    /** A failure whose every line went to stderr. */
    public static CommandOutput error(int status, List<String> lines) {
        return new CommandOutput(status, lines, lines);
    }
}
