package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockwire run} of a compose file end to end: up, steps, scale, the project name, errors at their line. */
class ComposeRunnerTest {

    private static Path write(Path dir, String text) throws Exception {
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void nslookupOfAScaledServiceAnswersEveryReplica(@TempDir Path dir) throws Exception {
        Path file = write(dir, """
                services:
                  api:
                    image: hashicorp/http-echo
                  client:
                    image: alpine
                    command: sleep infinity  # alpine's sh reads /dev/null and exits at once: docker exec finds it not running
                x-dockwire:
                  steps:
                    - exec: client nslookup api
                      expect: {status: 0}
                """);
        CliRun r = CliRun.of("run", file.toString(), "--no-capture", "-p", "shop", "--scale", "api=4");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("dockwire: compose project shop (seed 1)"), r.out());
        assertTrue(r.out().contains("$ docker compose up -d --scale api=4"), r.out());
        assertTrue(r.out().contains(" ✔ Container shop-api-4     Started"), r.out());
        assertTrue(r.out().contains("$ docker exec shop-client-1 nslookup api"), r.out());
        Matcher m = Pattern.compile("Name:\tapi\nAddress: (172\\.18\\.0\\.\\d+)").matcher(r.out());
        java.util.Set<String> addresses = new java.util.TreeSet<>();
        while (m.find()) {
            addresses.add(m.group(1));
        }
        assertEquals(java.util.Set.of("172.18.0.2", "172.18.0.3", "172.18.0.4", "172.18.0.5"), addresses);
    }

    @Test
    void theProjectIsNamedAfterTheDirectoryAndStepsFailTheRun(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("My_Shop"));
        Files.writeString(dir.resolve(".env"), "GREETING=hi there\n");
        Path file = write(dir, """
                services:
                  echo:
                    image: hashicorp/http-echo
                    command: ["-text=${GREETING}"]
                  tools:
                    image: nicolaka/netshoot  # http-echo is distroless: curl from netshoot in echo's namespace
                    command: sleep infinity  # netshoot's zsh would exit at once without a terminal
                    network_mode: "service:echo"
                x-dockwire:
                  steps:
                    - exec: tools curl -s http://localhost:5678
                      expect: {contains: "hi there"}
                    - run: docker compose exec tools curl -s http://localhost:5678
                      expect: {contains: "bye"}
                """);
        CliRun r = CliRun.of("run", file.toString(), "--no-capture");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*Container my_shop-echo-1 +Started\n.*"), r.out());
        assertTrue(r.out().contains("$ docker exec my_shop-tools-1 curl -s http://localhost:5678\nhi there"), r.out());
        assertTrue(r.out().contains("FAILED (" + file + ":13): expected output to contain \"bye\""), r.out());
        assertTrue(r.out().contains("steps: 1 passed, 1 failed"), r.out());
    }

    @Test
    void badInputAndEngineErrorsExitTwoWithTheLine(@TempDir Path dir) throws Exception {
        Path file = write(dir, "services:\n  web:\n    image: nginx\n    ports:\n      - \"80:abc\"\n");
        CliRun bad = CliRun.of("run", file.toString(), "--no-capture");
        assertEquals(2, bad.status());
        assertEquals("dockwire: " + file + ":5: services.web.ports[0]: invalid port \"80:abc\": container port \"abc\" is not a number"
                + " 1-65535; expected [HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL] like \"8080:80\"\n", bad.err());
        Files.writeString(file, """
                services:
                  db:
                    image: postgres
                    networks:
                      back:
                        ipv4_address: 10.9.9.9
                networks:
                  back:
                    ipam:
                      config: [{subnet: 10.1.0.0/24}]
                """);
        CliRun engine = CliRun.of("run", file.toString(), "--no-capture");
        assertEquals(2, engine.status());
        assertEquals("dockwire: " + file + ":2: services.db: Error response from daemon: invalid config for network "
                + dir.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9_-]", "") + "_back: invalid endpoint settings:\n"
                + "no configured subnet or ip-range contain the IP address 10.9.9.9\n", engine.err());
        assertTrue(engine.out().contains(" ✘ Container " + dir.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9_-]", "")
                + "-db-1"), engine.out());
        Files.writeString(file, "services:\n  a:\n    image: alpine\n    networks: [o]\nnetworks:\n  o:\n    driver: overlay\n");
        CliRun overlay = CliRun.of("run", file.toString(), "--no-capture");
        // An overlay needs a swarm manager, which a compose run's single host is not: Docker's error, at the network's line.
        assertEquals(2, overlay.status());
        // Compose 2.26.1 against the reference engine: "failed to create network co-ov_o: Error response from daemon: ...".
        assertEquals("dockwire: " + file + ":6: networks.o: failed to create network " + dir.getFileName().toString().toLowerCase()
                .replaceAll("[^a-z0-9_-]", "") + "_o: Error response from daemon: This node is not a swarm manager."
                + " Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.\n", overlay.err());
    }
}
