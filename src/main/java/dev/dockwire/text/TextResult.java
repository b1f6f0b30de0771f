package dev.dockwire.text;

import java.util.List;

/** What a tool printed (stdout and stderr interleaved, as a terminal shows them) and its exit status. */
public record TextResult(int status, List<String> output) {
    public static TextResult ok(List<String> lines) {
        return new TextResult(0, lines);
    }

    public static TextResult fail(int status, String... lines) {
        return new TextResult(status, List.of(lines));
    }
}
