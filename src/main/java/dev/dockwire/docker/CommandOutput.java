package dev.dockwire.docker;

import java.util.List;
import java.util.Objects;

/**
 * What a docker command or a process in a container printed and its exit status: {@link #output()}
 * as a terminal shows it (stdout and stderr interleaved), {@link #errors()} the lines of it that
 * went to stderr, in order. The engine's own type: the host's terminal turns it into its shell's
 * result, so nothing under {@code docker} depends on the host's tools. Two outputs are equal when
 * they show the same lines with the same status.
 */
public final class CommandOutput {
    private final int status;
    private final List<String> output;
    private final List<String> errors;

    /** An output all of whose lines went to stdout. */
    public CommandOutput(int status, List<String> output) {
        this(status, output, List.of());
    }

    /** {@code errors}: the lines of {@code output}, in order, that went to stderr. */
    public CommandOutput(int status, List<String> output, List<String> errors) {
        this.status = status;
        this.output = output;
        this.errors = errors;
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

    public int status() {
        return status;
    }

    public List<String> output() {
        return output;
    }

    /** The lines of {@link #output()} that went to stderr. */
    public List<String> errors() {
        return errors;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandOutput r && r.status == status && r.output.equals(output);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, output);
    }

    @Override
    public String toString() {
        return "CommandOutput[status=" + status + ", output=" + output + (errors.isEmpty() ? "" : ", errors=" + errors) + "]";
    }
}
