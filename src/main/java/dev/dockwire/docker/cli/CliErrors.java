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
        return CommandOutput.error(1, List.of(("Error response from daemon: " + e.getMessage()).split("\n")));
    }

    /**
     * A wrong argument count ({@code requirement}: {@code exactly 1 argument} or {@code at least 2
     * arguments}) as docker 28's cli/required.go prints it: ExactArgs says {@code Run 'docker X
     * --help'}, RequiresMinArgs {@code See 'docker X --help'}; status 1.
     */
    static CommandOutput usage(String cmd, String requirement, String usage) {
        boolean exact = requirement.startsWith("exactly ");
        return CommandOutput.error(1, List.of("docker: 'docker " + cmd + "' requires " + (exact ? requirement.substring(8) : requirement),
                "", "Usage:  docker " + cmd + " " + usage, "",
                (exact ? "Run" : "See") + " 'docker " + cmd + " --help' for more information"));
    }

    /**
     * The client's exit status for a failed {@code docker run} (cli/command/container/run.go,
     * runStartContainerErr): 127 when the runtime found no program to start, 126 when it could not
     * exec it, else 125, the daemon's.
     */
    static int runStatus(String error) {
        // the start's errors: the runtime's, and WithDevices' for a --device the host lacks (its ENOENT: 127 too)
        if (!error.startsWith("failed to create task for container: failed to create shim task")
                && !error.startsWith("error gathering device information")) {
            return 125;
        }
        if (error.contains("executable file not found") || error.contains("no such file or directory")) {
            return 127;
        }
        return error.contains("permission denied") ? 126 : 125;
    }
}
