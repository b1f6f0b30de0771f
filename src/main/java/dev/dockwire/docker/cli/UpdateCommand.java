package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Resources;
import dev.dockwire.docker.engine.ContainerUpdate;
import dev.dockwire.docker.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker [container] update [OPTIONS] CONTAINER...} as the docker 28.2 client runs it
 * (cli/command/container/update.go): at least one flag, the restart policy parsed as
 * opts.ParseRestartPolicy does, the sizes as go-units RAMInBytes and {@code --cpus} as a rational
 * number (pflag's {@code invalid argument} errors, status 125), then each container updated
 * ({@link ContainerUpdate}): its name as given printed, the daemon's errors after, status 1 if any failed.
 */
final class UpdateCommand {
    private static final List<Spec> SPECS = java.util.stream.Stream.concat(ResourceFlags.SPECS.stream(),
            java.util.stream.Stream.of(new Spec("restart", (char) 0, true))).toList();

    private UpdateCommand() {
    }

    static CommandOutput run(Engine engine, List<String> args) {
        CliFlags f = CliFlags.parse(args, SPECS, true);
        Resources r = ResourceFlags.parse(f);
        if (f.positional().isEmpty()) { // pflag converted the values first, then cobra counts the arguments
            return CliErrors.usage("update", "at least 1 argument", "[OPTIONS] CONTAINER [CONTAINER...]");
        }
        boolean anyFlag = SPECS.stream().anyMatch(s -> f.has(s.name()));
        if (!anyFlag) {
            return CommandOutput.fail(1, "you must provide one or more flags when using this command");
        }
        String policy = null;
        int retries = 0;
        String raw = f.has("restart") ? f.get("restart") : "";
        if (!raw.isEmpty()) { // opts.ParseRestartPolicy
            int colon = raw.indexOf(':');
            if (colon == 0) {
                return CommandOutput.fail(1, "invalid restart policy format: no policy provided before colon");
            }
            String count = colon < 0 ? "" : raw.substring(colon + 1);
            if (!count.isEmpty()) {
                try {
                    retries = Integer.parseInt(count);
                } catch (NumberFormatException e) {
                    return CommandOutput.fail(1, "invalid restart policy format: maximum retry count must be an integer");
                }
            }
            policy = colon < 0 ? raw : raw.substring(0, colon);
        }
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String ref : f.positional()) {
            try {
                ContainerUpdate.update(engine, ref, r, policy, retries);
                out.add(ref);
            } catch (EngineException e) {
                errors.addAll(CliErrors.daemonError(e).output());
            }
        }
        out.addAll(errors);
        return errors.isEmpty() ? CommandOutput.ok(out) : new CommandOutput(1, out, errors);
    }

}
