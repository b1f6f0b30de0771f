package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker build} end to end: BuildKit's plain progress as docker 28's buildx prints it off a
 * terminal, the image in {@code docker images}, its containers running what the Dockerfile says.
 */
class DockerBuildTest {
    private final TestHost h = new TestHost(23);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void nginxServesThroughTheCopiedConfig() {
        h.world.host().workingDirectory(Path.of("src/test/resources/dev/dockwire/build/nginx"));
        List<String> out = h.ok("docker build -t nginx:1 .");
        assertEquals("#0 building with \"default\" instance using docker driver", out.get(0));
        assertEquals(List.of("#1 [internal] load build definition from Dockerfile", "#1 transferring dockerfile: 48B done", "#1 DONE 0.0s", "",
                "#2 [internal] load metadata for docker.io/library/nginx:latest", "#2 DONE 0.0s", ""), out.subList(2, 9));
        assertTrue(out.contains("#4 [1/2] FROM docker.io/library/nginx:latest@" + h.world.host().engine().images().published("nginx").id()), String.join("\n", out));
        assertTrue(out.contains("#5 [internal] load build context"), String.join("\n", out));
        assertTrue(out.contains("#6 [2/2] COPY default.conf /etc/nginx/conf.d/"), String.join("\n", out));
        assertTrue(out.contains("#7 naming to docker.io/library/nginx:1 done"), String.join("\n", out));
        String id = h.ok("docker images --format '{{.ID}}' nginx:1").get(0);
        assertEquals(out.stream().filter(l -> l.startsWith("#7 writing image sha256:")).findFirst().orElseThrow(),
                "#7 writing image " + h.ok("docker images --no-trunc --format '{{.ID}}' nginx:1").get(0) + " done");
        assertEquals(12, id.length());

        h.ok("docker run -d --name web nginx:1");
        h.ok("docker run -d --name client --link web nicolaka/netshoot sleep 3600");
        assertTrue(String.join("\n", h.ok("docker exec client curl -s http://web:8080/")).contains("Welcome to nginx!"));
        assertEquals(7, h.run("docker exec client curl -s http://web:80/").status(), "the copied config moved nginx to 8080");
        assertEquals(List.of("    listen       8080;"), h.ok("docker exec web grep listen /etc/nginx/conf.d/default.conf"));
    }

    @Test
    void sameContentSameIdAndQuiet() {
        h.run("mkdir -p /ctx && printf 'FROM alpine\\nENV GREETING=hello\\nCMD [\"sh\", \"-c\", \"echo $GREETING\"]\\n' > /ctx/Dockerfile");
        List<String> first = h.ok("docker build -q -t greet:1 /ctx");
        assertEquals(1, first.size());
        assertTrue(first.get(0).matches("sha256:[0-9a-f]{64}"), first.get(0));
        assertEquals(first, h.ok("docker build -q -t greet:2 /ctx"));
        h.run("printf 'FROM alpine\\nENV GREETING=bye\\nCMD [\"sh\", \"-c\", \"echo $GREETING\"]\\n' > /ctx/Dockerfile");
        assertNotEquals(first, h.ok("docker build -q /ctx"));
        assertEquals(List.of("hello"), h.ok("docker run --rm greet:1"));
        List<String> images = h.ok("docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}'");
        assertTrue(images.contains("greet:1 " + first.get(0).substring(7, 19)), String.join("\n", images));
        h.ok("docker create --name g1 greet:1");
        assertTrue(h.ok("docker inspect -f '{{.Config.Env}}' g1").get(0).contains("GREETING=hello"));
    }

    @Test
    void dockerignoreLeavesFilesOutOfTheContextAndBinaryFilesAreCopied(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM alpine\nWORKDIR /code\nCOPY . .\n");
        Files.writeString(dir.resolve("app.py"), "print('hi')\n");
        Files.writeString(dir.resolve("NOTES.md"), "notes\n");
        Files.writeString(dir.resolve("README.md"), "readme\n");
        Files.createDirectories(dir.resolve("captures/shell/1"));
        Files.write(dir.resolve("captures/shell/1/docker0.pcapng"), new byte[] {0x0a, 0x0d, 0x0d, 0x0a, (byte) 0xff, (byte) 0xfe, 0});
        Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff});
        String ignore = "# not in the image\n*.md\n!README.md\ncaptures\n";
        Files.writeString(dir.resolve(".dockerignore"), ignore);
        h.world.host().workingDirectory(dir);
        List<String> out = h.ok("docker build -t ig:1 .");
        // fsutil's transfer: the file's bytes and its stat packet (2B when there is none).
        assertTrue(out.contains("#3 transferring context: " + (ignore.length() + 40) + "B done"), String.join("\n", out));
        assertEquals(List.of(".dockerignore", "Dockerfile", "README.md", "app.py", "logo.png"), h.ok("docker run --rm ig:1 ls -A"));
    }

    @Test
    void errorsAsBuildxPrintsThem() {
        h.run("mkdir -p /e && echo notes > /e/README");
        CommandResult none = h.run("docker build /e");
        assertEquals(1, none.status());
        // The frontend loads the (empty) definition before it reads the file: its vertex comes first (buildkit dockerui/config.go).
        assertEquals(List.of("#0 building with \"default\" instance using docker driver", "", "#1 [internal] load build definition from Dockerfile",
                "#1 transferring dockerfile: 2B done", "#1 DONE 0.0s",
                "ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory"), none.output());
        CommandResult nowhere = h.run("docker build -t e:1 /nowhere");
        assertEquals(1, nowhere.status());
        assertEquals(List.of("ERROR: unable to prepare context: path \"/nowhere\" not found"), nowhere.output());
        assertEquals(List.of(), h.ok("docker images -q e"));
        h.run("printf 'FROM alpine\\nRUN true\\nFORM x\\n' > /e/Dockerfile");
        CommandResult bad = h.run("docker build -t e:1 /e");
        assertEquals(1, bad.status());
        List<String> tail = bad.output().subList(bad.output().size() - 8, bad.output().size());
        assertEquals(List.of("Dockerfile:3", "--------------------", "   1 |     FROM alpine", "   2 |     RUN true",
                "   3 | >>> FORM x", "   4 |     ", "--------------------",
                "ERROR: failed to solve: dockerfile parse error on line 3: unknown instruction: FORM (did you mean FROM?)"), tail);
        CommandResult args = h.run("docker build");
        assertEquals(1, args.status());
        assertEquals("ERROR: \"docker buildx build\" requires exactly 1 argument.", args.output().get(0).lines().findFirst().orElseThrow());
    }

    /**
     * A two-stage build with COPY --from, against golden transcripts of buildx 0.13's plain progress
     * (progressui printer.go) in the order a docker-driver build prints it (checked against recorded
     * buildx logs: the metadata loads, .dockerignore, every stage's FROM, the build context, the steps
     * stage by stage; a rebuild's steps {@code CACHED}, its FROMs {@code DONE}: a local image store's sources).
     */
    @Test
    void multiStageProgressAsBuildxPrintsIt() throws java.io.IOException {
        Path dir = Path.of("src/test/resources/dev/dockwire/build/multistage");
        h.world.host().workingDirectory(dir.resolve("context"));
        assertEquals(golden(dir.resolve("progress.txt")), h.ok("docker build -t site:1 ."));
        assertEquals(golden(dir.resolve("progress-cached.txt")), h.ok("docker build -t site:1 ."));
        List<String> again = h.ok("docker build --no-cache -t site:1 .");
        assertEquals(golden(dir.resolve("progress.txt")), again, "--no-cache runs every step");
        h.ok("printf '<h1>changed</h1>\\n' > index.html");
        List<String> changed = h.ok("docker build -t site:2 .");
        assertTrue(changed.containsAll(List.of("#8 [build 2/5] WORKDIR /src", "#8 CACHED", "#9 [build 3/5] COPY package.json .", "#9 CACHED",
                "#10 [build 4/5] RUN npm ci", "#10 CACHED", "#11 [build 5/5] COPY index.html .", "#11 DONE 0.0s",
                "#12 [stage-1 2/2] COPY --from=build /src/index.html /usr/share/nginx/html/", "#12 DONE 0.0s")),
                "only the steps from the changed file on run again: " + String.join("\n", changed));
        h.ok("docker run -d --name site site:2");
        assertEquals(List.of("<h1>changed</h1>"), h.ok("docker exec site cat /usr/share/nginx/html/index.html"));
    }

    private static List<String> golden(Path file) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(file);
    }
}
