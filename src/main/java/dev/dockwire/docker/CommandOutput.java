package dev.dockwire.docker;

import java.util.List;

/**
 * What a docker command or a process in a container printed (stdout and stderr interleaved, as a
 * terminal shows them) and its exit status. The engine's own type: the host's terminal turns it
 * into its shell's result, so nothing under {@code docker} depends on the host's tools.
 */
public record CommandOutput(int status, List<String> output) {
    public static CommandOutput ok(List<String> lines) {
        return new CommandOutput(0, lines);
    }

    public static CommandOutput fail(int status, String line) {
        return new CommandOutput(status, List.of(line));
    }
}
