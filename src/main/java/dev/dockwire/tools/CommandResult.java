package dev.dockwire.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a command printed and its exit status. {@link #output()} is what a terminal shows: stdout
 * and stderr interleaved. {@link #errors()} names the lines of it that went to stderr (in order, a
 * subsequence of the output), so a shell can send only stdout down a pipe, into a file or into
 * {@code $( )} while stderr stays on the terminal. Two results are equal when they show the same
 * lines with the same status.
 */
public final class CommandResult {
    private final int status;
    private final List<String> output;
    private final List<String> errors;

    /** A result all of whose lines went to stdout. */
    public CommandResult(int status, List<String> output) {
        this(status, output, List.of());
    }

    /** {@code errors}: the lines of {@code output}, in order, that went to stderr. */
    public CommandResult(int status, List<String> output, List<String> errors) {
        this.status = status;
        this.output = output;
        this.errors = errors;
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

    public int status() {
        return status;
    }

    /** Everything printed, as the terminal shows it. */
    public List<String> output() {
        return output;
    }

    /** The lines of {@link #output()} that went to stderr. */
    public List<String> errors() {
        return errors;
    }

    /** The lines that went to stdout: the output without {@link #errors()}. */
    public List<String> stdout() {
        return errors.isEmpty() ? output : without(output, errors);
    }

    /** {@code all} without the subsequence {@code taken} (matched in order, leftmost first). */
    public static List<String> without(List<String> all, List<String> taken) {
        List<String> rest = new ArrayList<>(all.size());
        int j = 0;
        for (String line : all) {
            if (j < taken.size() && line.equals(taken.get(j))) {
                j++;
            } else {
                rest.add(line);
            }
        }
        return rest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandResult r && r.status == status && r.output.equals(output);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, output);
    }

    @Override
    public String toString() {
        return "CommandResult[status=" + status + ", output=" + output + (errors.isEmpty() ? "" : ", errors=" + errors) + "]";
    }
}
