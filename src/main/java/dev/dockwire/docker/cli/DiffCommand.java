package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.ContainerChanges;
import dev.dockwire.docker.engine.Engine;
import java.util.List;

/**
 * {@code docker [container] diff CONTAINER} as the docker 28.2 client runs it
 * (cli/command/container/diff.go): exactly one container, the daemon's changes printed with
 * {@code {{.Type}} {{.Path}}} ({@link ContainerChanges}).
 */
final class DiffCommand {
    private DiffCommand() {
    }

    static CommandOutput run(Engine engine, List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(), true);
        if (f.positional().size() != 1) {
            return CliErrors.usage("diff", "exactly 1 argument", "CONTAINER");
        }
        String ref = f.positional().get(0);
        if (ref.isEmpty()) {
            return CommandOutput.fail(1, "Container name cannot be empty");
        }
        try {
            return CommandOutput.ok(new ContainerChanges(engine).changes(ref));
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
    }
}
