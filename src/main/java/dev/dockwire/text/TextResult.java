package dev.dockwire.text;

import dev.dockwire.libc.Output;
import java.util.List;

/** What a text tool printed and its exit status ({@link Output}: stderr's lines named). */
public final class TextResult extends Output {
    /** A result all of whose lines went to stdout. */
    public TextResult(int status, List<String> output) {
        this(status, output, List.of());
    }

    /** {@code errors}: the lines of {@code output}, in order, that went to stderr. */
    public TextResult(int status, List<String> output, List<String> errors) {
        super(status, output, errors);
    }

    public static TextResult ok(List<String> lines) {
        return new TextResult(0, lines);
    }

    /** A failure's lines (its message and usage hint), on stderr. */
    public static TextResult fail(int status, String... lines) {
        List<String> all = List.of(lines);
        return new TextResult(status, all, status == 0 ? List.of() : all);
    }
}
