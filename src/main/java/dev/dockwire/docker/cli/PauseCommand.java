package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker [container] pause|unpause CONTAINER...} as the docker 28.2 client runs them
 * (cli/command/container/pause.go, unpause.go): each container asked of the daemon, its name as
 * given printed when it succeeded, the daemon's errors after ({@code errors.Join}), status 1 if any failed.
 */
final class PauseCommand {
    private PauseCommand() {
    }

    static CommandOutput run(Engine engine, List<String> args, boolean pause) {
        String cmd = pause ? "pause" : "unpause";
        CliFlags f = CliFlags.parse(args, List.of(), true);
        if (f.positional().isEmpty()) {
            return CliErrors.usage(cmd, "at least 1 argument", "CONTAINER [CONTAINER...]");
        }
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String ref : f.positional()) {
            try {
                engine.pause(ref, pause);
                out.add(ref);
            } catch (EngineException e) {
                errors.addAll(CliErrors.daemonError(e).output());
            }
        }
        out.addAll(errors);
        return errors.isEmpty() ? CommandOutput.ok(out) : new CommandOutput(1, out, errors);
    }
}
