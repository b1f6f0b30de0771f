package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.ImageCommit;
import dev.dockwire.docker.engine.ImageService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker [container] commit [-a AUTHOR] [-c CHANGE]... [-m MESSAGE] [-p=false] CONTAINER
 * [REPOSITORY[:TAG]]} as the docker 28.2 client runs it (cli/command/container/commit.go over
 * client/container_commit.go: the name parsed before the request, a digest refused), the daemon's
 * {@link ImageCommit}; prints the new image's ID.
 */
final class CommitCommand {
    private static final List<Spec> SPECS = List.of(new Spec("author", 'a', true), new Spec("change", 'c', true),
            new Spec("message", 'm', true), new Spec("pause", 'p', false));

    private CommitCommand() {
    }

    /** {@code path}: {@code commit} or {@code container commit}; {@code wallMillis}: the daemon's clock for the image's Created. */
    static CommandOutput run(CliEnv host, String path, List<String> args, long wallMillis) {
        CliFlags f = CliFlags.parse(Booleans.spelled(args, 'p', "pause"), SPECS, true);
        boolean pause = Booleans.value(f, "pause", "-p, --pause", true);
        if (f.positional().isEmpty() || f.positional().size() > 2) {
            return CommandOutput.error(1, List.of("docker: 'docker " + path + "' requires at least 1 and at most 2 arguments", "",
                    DockerHelp.usageLine(path), "", "Run 'docker " + path + " --help' for more information"));
        }
        String name = f.positional().size() == 2 ? f.positional().get(1) : null;
        if (name != null && !name.isEmpty()) {
            String invalid = ImageService.referenceError(name);
            if (invalid != null) {
                return CommandOutput.fail(1, invalid);
            }
            if (name.contains("@")) {
                return CommandOutput.fail(1, "refusing to create a tag with a digest reference");
            }
        }
        List<String> changes = new ArrayList<>(f.all("change"));
        try {
            String id = new ImageCommit(host.engine()).commit(new ImageCommit.Request(f.positional().get(0), name == null || name.isEmpty() ? null : name,
                    f.get("author") == null ? "" : f.get("author"), f.get("message") == null ? "" : f.get("message"), pause,
                    config -> CommitChanges.apply(config, changes), Instant.ofEpochMilli(wallMillis)));
            return CommandOutput.ok(List.of(id));
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
    }
}
