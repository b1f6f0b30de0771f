package dev.dockwire.docker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The builder's RUN lines through a {@link RunStep} (dockerfile2llb dispatchRun): the process each
 * starts, what it sees of the stage (environment with the ARGs in scope, WORKDIR, USER, the files of
 * the layers so far), its layer taken into the next steps and the image, and a non-zero exit as the
 * solve's error. The runner here is a stand-in that answers from a table.
 */
class ImageBuilderRunTest {
    private static final ImageConfig ALPINE = new ImageConfig("alpine", List.of(), List.of("/bin/sh"),
            List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), "", "", List.of(), "", null, Map.of());

    private static final Bases BASES = new Bases() {
        @Override
        public ImageConfig config(String image) {
            return image.startsWith("alpine") ? ALPINE : null;
        }

        @Override
        public String digest(String image) {
            return "sha256:abc";
        }

        @Override
        public Set<String> removed(String image) {
            return Set.of();
        }
    };

    private static final BuildContext EMPTY = new BuildContext() {
        @Override
        public String read(String path) {
            return null;
        }

        @Override
        public List<String> files() {
            return List.of();
        }
    };

    /** A runner that records each request and answers with {@code answer}'s result for it. */
    private static final class Recording implements RunStep {
        final List<Request> requests = new ArrayList<>();
        final Function<Request, Ran> answer;

        Recording(Function<Request, Ran> answer) {
            this.answer = answer;
        }

        @Override
        public Ran run(Request r) {
            requests.add(r);
            return answer.apply(r);
        }
    }

    private static RunStep.Ran ok(Map<String, String> written, Set<String> deleted, String... output) {
        return new RunStep.Ran(0, List.of(output), 2_000_000, written, deleted);
    }

    private static Build build(String dockerfile, RunStep runner) throws DockerfileException {
        return ImageBuilder.build(Dockerfile.parse(dockerfile), Map.of(), null, BASES, EMPTY, runner);
    }

    @Test
    void eachRunSeesTheStageSoFarAndItsLayerIsTheImagesFiles() throws Exception {
        Recording runner = new Recording(r -> r.argv().get(2).startsWith("echo hi")
                ? ok(Map.of("/hello", "hi\n"), Set.of(), "hi")
                : ok(Map.of("/app/f", "x\n"), Set.of("/etc/group")));
        Build b = build("FROM alpine\nARG V=1\nENV A=b\nRUN echo hi > /hello\nWORKDIR /app\nUSER nobody\nRUN echo x > f && rm /etc/group\n", runner);
        assertEquals(2, runner.requests.size());
        RunStep.Request first = runner.requests.get(0);
        assertEquals(List.of("/bin/sh", "-c", "echo hi > /hello"), first.argv());
        assertEquals(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "A=b", "V=1"), first.env());
        assertEquals("", first.workdir());
        assertEquals(Map.of(), first.files());
        RunStep.Request second = runner.requests.get(1);
        assertEquals("/app", second.workdir());
        assertEquals("nobody", second.user());
        assertEquals(Map.of("/hello", "hi\n"), second.files(), "the second RUN's container holds the first one's layer");
        assertEquals(Map.of("/hello", "hi\n", "/app/f", "x\n"), b.files());
        assertEquals(Set.of("/etc/group"), b.removed());
        assertEquals(List.of("hi"), b.ran().get(1).output(), "by step index: [2/4] RUN echo hi");
        assertEquals(3, b.ran().get(1).size());
        assertTrue(b.skipped().isEmpty());
    }

    @Test
    void execFormShellAndHereDocuments() throws Exception {
        Recording runner = new Recording(r -> ok(Map.of(), Set.of()));
        build("FROM alpine\nRUN [\"echo\", \"a b\"]\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN echo c | cat\n"
                + "RUN <<EOF\necho one\necho two\nEOF\nRUN cat > /f <<EOT\nhello\nEOT\n", runner);
        assertEquals(List.of(List.of("echo", "a b"), List.of("/bin/ash", "-eo", "pipefail", "-c", "echo c | cat"),
                List.of("/bin/ash", "-eo", "pipefail", "-c", "echo one\necho two\n"),
                List.of("/bin/ash", "-eo", "pipefail", "-c", "cat > /f <<EOT\nhello\nEOT")),
                runner.requests.stream().map(RunStep.Request::argv).toList());
    }

    @Test
    void aNonZeroExitFailsTheSolveWithBothBuildersTexts() {
        Recording runner = new Recording(r -> r.argv().get(2).equals("true") ? ok(Map.of(), Set.of())
                : new RunStep.Ran(1, List.of("oops"), 1_000_000, Map.of(), Set.of()));
        RunFailed e = assertThrows(RunFailed.class, () -> build("FROM alpine\nRUN true\nRUN echo \"oops\" && false\nCMD [\"sh\"]\n", runner));
        assertEquals("process \"/bin/sh -c echo \\\"oops\\\" && false\" did not complete successfully: exit code: 1", e.getMessage());
        assertEquals("The command '/bin/sh -c echo \"oops\" && false' returned a non-zero code: 1", e.legacyMessage());
        assertEquals(3, e.startLine());
        assertEquals(List.of("[1/3] FROM docker.io/library/alpine:latest@sha256:abc", "[2/3] RUN true", "[3/3] RUN echo \"oops\" && false"), e.steps());
        assertEquals(List.of("oops"), e.ran().get(2).output());
    }

    @Test
    void aProgramDockwireDoesNotModelIsSkippedAsBefore() throws Exception {
        Recording runner = new Recording(r -> new RunStep.Ran(126, List.of("/bin/sh: dockwire: npm is on the image's PATH but not modelled, so it cannot run here"),
                0, Map.of(), Set.of()));
        Build b = build("FROM alpine\nRUN npm ci\n", runner);
        assertEquals(List.of("npm ci (line 2)"), b.skipped());
    }

    @Test
    void withoutARunnerNothingRuns() throws Exception {
        Build b = ImageBuilder.build(Dockerfile.parse("FROM alpine\nRUN echo hi > /hello\n"), Map.of(), null, BASES, EMPTY);
        assertEquals(Map.of(), b.files());
        assertEquals(Map.of(), b.ran());
    }
}
