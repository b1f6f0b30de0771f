package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import java.util.List;

/** The docker CLI's error output shared by its command families (docker/cli's cli/required.go and the daemon's errors). */
final class CliErrors {
    private CliErrors() {
    }

    /** A daemon error as the CLI prints it: {@code Error response from daemon: ...}, status 1. */
    static CommandOutput daemonError(EngineException e) {
        return new CommandOutput(1, List.of(("Error response from daemon: " + e.getMessage()).split("\n")));
    }

    /** A wrong argument count, as cobra's ExactArgs/MinimumNArgs print it. */
    static CommandOutput usage(String cmd, String exactly, String usage) {
        return new CommandOutput(1, List.of("\"docker " + cmd + "\" requires " + exactly + ".",
                "See 'docker " + cmd + " --help'.", "", "Usage:  docker " + cmd + " " + usage));
    }
}
