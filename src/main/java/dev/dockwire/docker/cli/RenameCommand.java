package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker [container] rename CONTAINER NEW_NAME} as the docker 28.2 client runs it
 * (cli/command/container/rename.go): names stripped of spaces, neither may be empty, the daemon's
 * error followed by the client's {@code failed to rename container named OLD}, status 1.
 */
final class RenameCommand {
    private RenameCommand() {
    }

    static CommandOutput run(Engine engine, List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(), true);
        if (f.positional().size() != 2) {
            return CliErrors.usage("rename", "exactly 2 arguments", "CONTAINER NEW_NAME");
        }
        String old = f.positional().get(0).strip();
        String name = f.positional().get(1).strip();
        if (old.isEmpty() || name.isEmpty()) {
            return CommandOutput.fail(1, "Error: Neither old nor new names may be empty");
        }
        try {
            engine.rename(old, name);
            return CommandOutput.ok(List.of());
        } catch (EngineException e) {
            List<String> out = new ArrayList<>(CliErrors.daemonError(e).output());
            out.add("Error: failed to rename container named " + old);
            return new CommandOutput(1, out);
        }
    }
}
