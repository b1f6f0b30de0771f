package dev.dockwire.tools;

import dev.dockwire.libc.Output;
import java.util.List;

/** What a host tool or the host's shell printed and its exit status ({@link Output}: stderr's lines named). */
public final class CommandResult extends Output {
    /** A result all of whose lines went to stdout. */
    public CommandResult(int status, List<String> output) {
        this(status, output, List.of());
    }

    /** {@code errors}: the lines of {@code output}, in order, that went to stderr. */
    public CommandResult(int status, List<String> output, List<String> errors) {
        super(status, output, errors);
    }

    /** Another layer's result as the host's: the same status and lines, stderr's named. */
    public static CommandResult of(Output o) {
        return new CommandResult(o.status(), o.output(), o.errors());
    }

    public static CommandResult ok(List<String> lines) {
        return new CommandResult(0, lines);
    }

    /** One line and a status; a failure's line is its error message, on stderr. */
    public static CommandResult fail(int status, String line) {
        List<String> lines = List.of(line);
        return new CommandResult(status, lines, status == 0 ? List.of() : lines);
    }

    /** A failure whose every line went to stderr (an error and its usage hint). */
    public static CommandResult error(int status, List<String> lines) {
        return new CommandResult(status, lines, lines);
    }
}
