package dev.dockwire.text;

import java.util.List;
import java.util.Objects;

/**
 * What a tool printed and its exit status: {@link #output()} as a terminal shows it (stdout and
 * stderr interleaved), {@link #errors()} the lines of it that went to stderr, in order. Two results
 * are equal when they show the same lines with the same status.
 */
public final class TextResult {
    private final int status;
    private final List<String> output;
    private final List<String> errors;

    /** A result all of whose lines went to stdout. */
    public TextResult(int status, List<String> output) {
        this(status, output, List.of());
    }

    /** {@code errors}: the lines of {@code output}, in order, that went to stderr. */
    public TextResult(int status, List<String> output, List<String> errors) {
        this.status = status;
        this.output = output;
        this.errors = errors;
    }

    public static TextResult ok(List<String> lines) {
        return new TextResult(0, lines);
    }

    /** A failure's lines (its message and usage hint), on stderr. */
    public static TextResult fail(int status, String... lines) {
        List<String> all = List.of(lines);
        return new TextResult(status, all, status == 0 ? List.of() : all);
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
        return o instanceof TextResult r && r.status == status && r.output.equals(output);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, output);
    }

    @Override
    public String toString() {
        return "TextResult[status=" + status + ", output=" + output + (errors.isEmpty() ? "" : ", errors=" + errors) + "]";
    }
}
