package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker build} runs its RUN lines end to end: each in a container of the image so far
 * (its WORKDIR, ENV, the files of the steps before), printed as BuildKit's plain progress, its
 * changes the step's layer — the files a container of the result starts with, the sizes
 * {@code docker history} shows, the base of what {@code docker diff} compares — and a RUN that
 * exits non-zero failing the build with buildx's texts. The legacy builder's texts are held to the
 * real engine by the reference script build-run.sh.
 */
class DockerBuildRunTest {
    private final TestHost h = new TestHost(23);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void runLinesMakeTheImagesFiles() {
        h.run("mkdir -p /r && printf 'FROM alpine\\nENV GREETING=hi\\nRUN echo $GREETING > /hello && echo built\\nWORKDIR /app\\n"
                + "RUN echo in $(pwd) && echo x > f && rm /etc/group\\nRUN cat > /etc/motd <<EOF\\nwelcome\\nEOF\\n' > /r/Dockerfile");
        List<String> out = h.ok("docker build -t r:1 /r");
        int run = out.indexOf("#5 [2/5] RUN echo $GREETING > /hello && echo built");
        assertEquals(List.of("#5 0.100 built", "#5 DONE 0.1s"), out.subList(run + 1, run + 3), String.join("\n", out));
        assertTrue(out.contains("#7 0.100 in /app"), String.join("\n", out));
        assertTrue(out.stream().noneMatch(l -> l.startsWith("WARNING")), String.join("\n", out));
        assertEquals(List.of("hi", "x", "welcome"), h.ok("docker run --rm r:1 cat /hello /app/f /etc/motd"));
        assertEquals(1, h.run("docker run --rm r:1 cat /etc/group").status(), "the layer's whiteout hides the base's file");
        assertEquals(List.of("RUN /bin/sh -c cat > /etc/motd <<EOF # buildkit 8B",
                        "RUN /bin/sh -c echo in $(pwd) && echo x > f && rm /etc/group # buildkit 2B", "WORKDIR /app 0B",
                        "RUN /bin/sh -c echo $GREETING > /hello && echo built # buildkit 3B"),
                h.ok("docker history --no-trunc --format '{{.CreatedBy}} {{.Size}}' r:1").subList(0, 4));
        h.ok("docker run --name c1 r:1 sh -c 'echo y > /y; rm /hello'");
        assertEquals(List.of("D /hello", "A /y"), h.ok("docker diff c1"), "the RUN's files are the image's, not the container's");
        assertEquals(List.of("c1"), h.ok("docker ps -a --format '{{.Names}}'"), "no build container is left");
        List<String> again = h.ok("docker build -t r:1 /r");
        assertTrue(again.containsAll(List.of("#5 [2/5] RUN echo $GREETING > /hello && echo built", "#5 CACHED")), String.join("\n", again));
    }

    @Test
    void aFailingRunFailsTheBuildAsBuildxSaysIt() {
        h.run("mkdir -p /f && printf 'FROM alpine\\nRUN echo oops && false\\nCMD [\"sh\"]\\n' > /f/Dockerfile");
        CommandResult r = h.run("docker build -t f:1 /f");
        assertEquals(1, r.status());
        List<String> out = r.output();
        int run = out.indexOf("#5 [2/2] RUN echo oops && false");
        assertEquals(List.of("#5 0.100 oops",
                "#5 ERROR: process \"/bin/sh -c echo oops && false\" did not complete successfully: exit code: 1",
                "------", " > [2/2] RUN echo oops && false:", "0.100 oops", "------",
                "Dockerfile:2", "--------------------",
                "   1 |     FROM alpine",
                "   2 | >>> RUN echo oops && false",
                "   3 |     CMD [\"sh\"]",
                "   4 |     ",
                "--------------------",
                "ERROR: failed to solve: process \"/bin/sh -c echo oops && false\" did not complete successfully: exit code: 1"),
                out.subList(run + 1, out.size()), String.join("\n", out));
        assertEquals(1, h.run("docker image inspect f:1").status(), "no image is made");
        assertEquals(List.of(), h.ok("docker ps -aq"));
    }

    @Test
    void aServerStartedByARunDoesNotHangTheBuild() {
        h.run("mkdir -p /s && printf 'FROM alpine\\nRUN httpd -f -p 8080 || echo ended\\nRUN echo after > /after\\n' > /s/Dockerfile");
        CommandResult r = h.run("docker build -t s:1 /s");
        assertEquals(0, r.status(), String.join("\n", r.output()));
        assertEquals(List.of("after"), h.ok("docker run --rm s:1 cat /after"));
    }

    @Test
    void theLegacyBuilderPrintsItsSteps() {
        h.run("mkdir -p /l && printf 'FROM alpine\\nRUN echo hi\\n' > /l/Dockerfile");
        h.ok("export DOCKER_BUILDKIT=0");
        CommandResult r = h.run("docker build -t l:1 /l");
        assertEquals(0, r.status());
        List<String> out = r.output();
        assertEquals("DEPRECATED: The legacy builder is deprecated and will be removed in a future release.", out.get(0));
        assertEquals("Sending build context to Docker daemon  2.048kB\r\r", out.get(4));
        assertEquals("Step 2/2 : RUN echo hi", out.get(7));
        assertTrue(out.get(8).matches(" ---> Running in [0-9a-f]{12}"), out.get(8));
        assertEquals("hi", out.get(9));
        assertEquals("Removing intermediate container " + out.get(8).substring(" ---> Running in ".length()), out.get(10));
        assertEquals("Successfully tagged l:1", out.get(out.size() - 1));
    }

    /** {@code NAME=value docker build}: the prefix is the client's environment for that command only, as bash passes it. */
    @Test
    void anAssignmentBeforeTheCommandReachesTheClientForItAlone() {
        h.run("mkdir -p /p && printf 'FROM alpine\\nRUN echo hi\\n' > /p/Dockerfile");
        List<String> legacy = h.run("DOCKER_BUILDKIT=0 docker build -t p:1 /p").output();
        assertEquals("DEPRECATED: The legacy builder is deprecated and will be removed in a future release.", legacy.get(0));
        assertEquals("Successfully tagged p:1", legacy.get(legacy.size() - 1));
        assertEquals(List.of("[]"), h.ok("echo \"[$DOCKER_BUILDKIT]\""));
        List<String> buildkit = h.run("docker build -t p:2 /p").output();
        assertTrue(buildkit.stream().noneMatch(l -> l.startsWith("DEPRECATED")), String.join("\n", buildkit));
    }

    @Test
    void aCachedRunDoesNotRunAgainAndBuildKitsContainersAreNoEvents() {
        h.run("mkdir -p /c && printf 'FROM alpine\\nRUN date +%%s > /when && echo ran\\n' > /c/Dockerfile");
        List<String> first = h.ok("docker build -t c:1 /c");
        assertTrue(first.contains("#5 0.100 ran"), String.join("\n", first));
        String when = h.ok("docker run --rm c:1 cat /when").get(0);
        h.ok("sleep 2");
        List<String> again = h.ok("docker build -t c:1 /c");
        assertTrue(again.containsAll(List.of("#5 [2/2] RUN date +%s > /when && echo ran", "#5 CACHED")), String.join("\n", again));
        assertEquals(List.of(when), h.ok("docker run --rm c:1 cat /when"), "the cached step's layer, not a new run's");
        h.ok("docker build --no-cache -t c:1 /c");
        assertTrue(!h.ok("docker run --rm c:1 cat /when").get(0).equals(when), "--no-cache runs it again");
        List<String> events = h.ok("docker events --since 0 --until $(date +%s) --filter type=container --format '{{.Action}} {{.Actor.Attributes.image}}'");
        assertEquals(List.of(), events.stream().filter(e -> !e.endsWith(" c:1")).toList(), "BuildKit's steps run no engine container");
    }

    @Test
    void aProgramTheImageLacksFailsTheBuildAsTheShellSaysIt() {
        h.run("mkdir -p /m && printf 'FROM alpine\\nRUN foo --version\\n' > /m/Dockerfile");
        CommandResult r = h.run("docker build -t m:1 /m");
        assertEquals(1, r.status(), String.join("\n", r.output()));
        assertTrue(r.output().containsAll(List.of("#5 0.100 /bin/sh: foo: not found",
                "ERROR: failed to solve: process \"/bin/sh -c foo --version\" did not complete successfully: exit code: 127")),
                String.join("\n", r.output()));
    }
}
