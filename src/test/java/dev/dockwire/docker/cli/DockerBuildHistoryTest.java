package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The history a build writes into its image, each builder's own. BuildKit's texts come from
 * moby/buildkit's frontend/dockerfile/dockerfile2llb/convert.go (commitToHistory; dispatchWorkdir
 * joins a relative WORKDIR onto the one before, {@code "WORKDIR "+wd}; runCommandString puts
 * {@code |N K=V} before a RUN): the reference engine's 28.2 client has no buildx plugin, so no
 * BuildKit build can be recorded there. The legacy builder's ({@code DOCKER_BUILDKIT=0}) texts, step
 * images and their removal are held to the real engine by build-history.sh and build-intermediate.sh;
 * here what those scripts cannot show without the engine's IDs: a step image is the parent of the next.
 */
class DockerBuildHistoryTest {
    private final TestHost h = new TestHost(24);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void buildkitHistoryNamesTheAbsoluteWorkdirAndTheArgsBeforeARun() {
        h.run("mkdir -p /r && printf 'FROM alpine\\nARG A=b\\nENV E=f\\nWORKDIR /app\\nWORKDIR sub\\nRUN echo hi\\n' > /r/Dockerfile");
        h.ok("docker build -t bk:1 /r");
        assertEquals(List.of("RUN |1 A=b /bin/sh -c echo hi # buildkit|buildkit.dockerfile.v0", "WORKDIR /app/sub|buildkit.dockerfile.v0",
                        "WORKDIR /app|buildkit.dockerfile.v0", "ENV E=f|buildkit.dockerfile.v0", "ARG A=b|buildkit.dockerfile.v0"),
                h.ok("docker history --no-trunc --format '{{.CreatedBy}}|{{.Comment}}' bk:1").subList(0, 5));
        assertEquals(List.of(""), h.ok("docker image inspect --format '{{.Parent}}' bk:1"), "BuildKit keeps no step images");
    }

    @Test
    void legacyStepImagesChainToTheBase() {
        h.run("mkdir -p /r && printf 'FROM alpine\\nENV E=f\\nRUN echo hi > /x\\n' > /r/Dockerfile");
        List<String> out = h.run("DOCKER_BUILDKIT=0 docker build -t lg:1 /r").stdout();
        List<String> ids = h.ok("docker history -q lg:1");
        assertEquals(" ---> " + ids.get(2), out.get(out.indexOf("Step 1/3 : FROM alpine") + 1), "the base's top entry is the base image");
        assertEquals(" ---> " + ids.get(1), out.get(out.indexOf("Step 2/3 : ENV E=f") + 3), String.join("\n", out));
        assertEquals(" ---> " + ids.get(0), out.get(out.size() - 3), "the last step's image is the build's");
        assertEquals(List.of(ids.get(1)), h.ok("docker image inspect --format '{{.Parent}}' lg:1").stream()
                .map(p -> p.substring(7, 19)).toList());
        assertEquals(List.of("lg:1"), h.ok("docker images --format '{{.Repository}}:{{.Tag}}'"));
        assertEquals(List.of("lg:1", "<none>:<none>"), h.ok("docker images -a --format '{{.Repository}}:{{.Tag}}'"),
                "a step image with a child is listed by -a only");
        assertEquals(List.of("Untagged: lg:1", "Deleted: " + h.ok("docker image inspect --format '{{.Id}}' lg:1").get(0)),
                h.ok("docker rmi lg:1").subList(0, 2));
        assertEquals(List.of(), h.ok("docker images -a -q"), "its parents went with it");
    }
}
