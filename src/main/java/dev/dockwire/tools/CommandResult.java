package dev.dockwire.tools;

import java.util.List;

/** What a command printed (stdout and stderr interleaved, as a terminal shows them) and its exit status. */
public record CommandResult(int status, List<String> output) {
    public static CommandResult ok(List<String> lines) {
        return new CommandResult(0, lines);
    }

    public static CommandResult fail(int status, String line) {
        return new CommandResult(status, List.of(line));
    }
}
