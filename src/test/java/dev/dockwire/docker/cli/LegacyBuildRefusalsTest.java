package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the legacy builder ({@code DOCKER_BUILDKIT=0}) refuses that BuildKit takes, in moby 28's words
 * (daemon/builder/dockerfile): a {@code --target} no stage is named (builder.go, before any step: the
 * daemon's HTTP error; 20.10 said {@code failed to reach build target X in Dockerfile}, so no reference
 * script records it), and a RUN's flags (dispatchers.go dispatchRun, its first flag; COPY --chmod is in
 * the reference script build-owners.sh).
 */
class LegacyBuildRefusalsTest {
    private final TestHost h = new TestHost(24);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void aTargetNoStageNamesIsTheDaemonsError() {
        h.run("mkdir -p /r && printf 'FROM alpine AS base\\nRUN echo a\\nFROM base AS second\\n' > /r/Dockerfile");
        CommandResult r = h.run("DOCKER_BUILDKIT=0 docker build --target secnd /r");
        assertEquals(1, r.status(), String.join("\n", r.output()));
        assertEquals(List.of("Sending build context to Docker daemon  2.048kB", "Error response from daemon: target stage \"secnd\" could not be found"),
                r.output().subList(r.output().size() - 2, r.output().size()).stream().map(l -> l.replace("\r", "")).toList());
    }

    @Test
    void aRunsFlagNeedsBuildKit() {
        h.run("mkdir -p /r && printf 'FROM alpine\\nRUN --network=none echo a\\n' > /r/Dockerfile");
        CommandResult r = h.run("DOCKER_BUILDKIT=0 docker build -t rf:1 /r");
        assertEquals(1, r.status(), String.join("\n", r.output()));
        assertEquals(List.of("Step 2/2 : RUN --network=none echo a", "the --network option requires BuildKit. Refer to"
                        + " https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled"),
                r.output().subList(r.output().size() - 2, r.output().size()));
        assertEquals(1, h.run("docker image inspect rf:1").status(), "nothing is tagged");
    }
}
