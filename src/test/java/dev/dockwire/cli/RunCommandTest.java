package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockwire.testing.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockwire run}: input kinds by content, the JSON report, extra captures, the terminal status line. */
class RunCommandTest {

    @Test
    void inputKindsAreToldApartByContent() {
        assertEquals(InputKind.COMPOSE, InputKind.of("version: '3'\nservices:\n  web: {image: nginx}\n"));
        assertEquals(InputKind.TOPOLOGY, InputKind.of("name: t\ncompose:\n  services:\n    web: {image: nginx}\n"));
        assertEquals(InputKind.TOPOLOGY, InputKind.of("containers:\n  a1: {}\nsteps:\n  - run: docker ps\n"));
        assertEquals(InputKind.SCRIPT, InputKind.of("docker compose -f x.yml up -d\n"));
    }

    @Test
    void aFileThatIsNoRunIsTheLoadersErrorWithItsName(@TempDir Path dir) throws Exception {
        String[][] cases = {
                {"empty.sh", "", "empty.sh: the file is empty: nothing to run"},
                {"comments.sh", "# only a comment\n\n", "comments.sh: the file holds only comments: nothing to run"},
                {"list.yml", "# a list\n- a\n- b\n", "list.yml:2: Top-level object must be a mapping"}};
        for (String[] c : cases) {
            Path file = dir.resolve(c[0]);
            Files.writeString(file, c[1]);
            CliRun r = CliRun.of("run", file.toString(), "--out", dir.toString());
            assertEquals(2, r.status(), c[0]);
            assertEquals("dockwire: " + dir.resolve(c[2]), r.err().strip(), c[0]);
            assertTrue(!Files.exists(dir.resolve(c[0].replaceFirst("\\..*", ""))), "nothing is built for " + c[0]);
        }
    }

    @Test
    void jsonReportsEveryStepExpectationAndCapture(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("compose.yaml");
        // stdin_open: alpine's sh reading /dev/null would exit at once, as on a real engine
        Files.writeString(file, """
                name: j
                services:
                  a: {image: alpine, stdin_open: true}
                x-dockwire:
                  steps:
                    - exec: a ping -c 1 a
                      expect: {status: 0, contains: "1 packets received"}
                    - run: docker compose ps --services
                      expect: {contains: b}
                """);
        CliRun r = CliRun.of("run", file.toString(), "--json", "--out", dir.resolve("cap").toString(), "--capture", "eth0");
        assertEquals("1", String.valueOf(r.status()), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("compose", json.get("kind").asText());
        assertEquals(false, json.get("ok").asBoolean());
        JsonNode first = json.get("steps").get(0);
        assertEquals("docker exec j-a-1 ping -c 1 a", first.get("command").asText());
        assertEquals(6, first.get("line").asInt());
        assertEquals("[\"status 0\",\"contains 1 packets received\"]", first.get("expectations").toString());
        assertTrue(first.get("ok").asBoolean());
        JsonNode second = json.get("steps").get(1);
        assertEquals("[\"expected output to contain \\\"b\\\"\"]", second.get("failures").toString());
        assertEquals("[\"a\"]", second.get("output").toString());
        assertTrue(r.err().contains("$ docker compose up -d"), "the transcript goes to stderr");
        JsonNode captures = json.get("captures");
        assertEquals(dir.resolve("cap").resolve("eth0.pcapng").toString(), captures.get(0).get("path").asText());
        assertTrue(Files.size(dir.resolve("cap").resolve("eth0.pcapng")) > 0);
        assertTrue(captures.size() >= 3, "eth0, docker0 and j_default's bridge: " + captures);
    }

    @Test
    void aCaptureOfAnInterfaceThatNeverAppearsIsReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yml");
        Files.writeString(file, "containers:\n  a1: {}\ncapture: {bridges: false, interfaces: [mynet, eth9]}\nnetworks:\n  mynet: {}\n");
        CliRun r = CliRun.of("run", file.toString(), "--out", dir.toString());
        assertEquals("0", String.valueOf(r.status()), r.err());
        assertTrue(r.out().matches("(?s).*capture: \\S+/br-[0-9a-f]{12}\\.pcapng \\(\\d+ frames\\)\n.*"), r.out());
        assertTrue(r.out().contains("capture: no interface eth9 appeared on the host (a host device, a bridge or a network name)"), r.out());
        assertTrue(!r.out().contains("docker0.pcapng"), "bridges: false captures only what is named");
    }

    @Test
    void theStatusLineIsRedrawnBelowEachTranscriptLineAndErasedAtTheEnd() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TerminalStatus s = new TerminalStatus(new PrintStream(buf, true));
        s.update(1, 3, 2, 1_500_000_000L);
        s.println("$ docker ps");
        s.end();
        String clear = "\r\u001b[K";
        String status = "[dockwire] steps 1/3 · 2 containers · virtual time 1.5s";
        assertEquals(clear + status + clear + "$ docker ps\n" + status + clear, buf.toString());
    }

    @Test
    void aTopologyRunsItsComposeFileAndScriptsAndAFailureNamesTheScriptsLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/compose.yaml"), "services:\n  api:\n    image: hashicorp/http-echo\n"
                + "    command: [\"-text=from compose\"]\n"
                // http-echo is distroless: curl from netshoot in api's network namespace.
                // stdin_open: netshoot's zsh reading /dev/null would exit at once, as on a real engine
                + "  tools:\n    image: nicolaka/netshoot\n    stdin_open: true\n    network_mode: \"service:api\"\n");
        Files.writeString(dir.resolve("check.sh"), "docker compose ps --services\n# expect: contains api\n"
                + "docker ps\n# expect: contains nothing-like-this\n");
        Path file = dir.resolve("t.yml");
        Files.writeString(file, """
                networks:
                  ops: {}
                containers:
                  probe: {networks: [ops]}
                compose: app/compose.yaml
                scripts: [check.sh]
                steps:
                  - exec: tools curl -s http://localhost:5678
                    expect: {status: 0, contains: from compose}
                  - run: docker network ls --format "{{.Name}}"
                    expect: {matches: "^app_default$"}
                """);
        CliRun r = CliRun.of("run", file.toString(), "--no-capture");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).* ✔ Container app-api-1 +Started\n.*"), r.out());
        assertTrue(r.out().contains("$ docker compose ps --services\napi\n"), r.out());
        assertTrue(r.out().contains("FAILED (" + dir.resolve("check.sh") + ":3): expected output to contain \"nothing-like-this\""), r.out());
        assertTrue(r.out().contains("$ docker exec app-tools-1 curl -s http://localhost:5678\nfrom compose"), r.out());
        assertTrue(r.out().contains("steps: 3 passed, 1 failed"), r.out());
    }
}
