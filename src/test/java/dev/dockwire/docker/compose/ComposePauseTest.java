package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker compose pause|unpause [SERVICE...]} as Compose 2.26.1 runs them
 * (pkg/compose/pause.go: the running containers in the daemon's list order, {@code Pausing} with
 * {@code Paused} events, unpause under progress.Run's {@code Running} with {@code Unpaused}), and
 * {@code compose ps}/{@code ls} of a paused project.
 */
class ComposePauseTest {
    private static final String FILE = "services:\\n  web:\\n    image: nginx\\n    depends_on: [db]\\n"
            + "  db:\\n    image: alpine\\n    command: sleep 3600\\n";
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(12);
        h.run("mkdir -p /s13p");
        h.run("printf '" + FILE + "' > /s13p/compose.yaml");
        h.run("cd /s13p");
        h.ok("docker compose up -d");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void pauseAndUnpauseEveryRunningContainerNewestFirst() {
        assertEquals(List.of("[+] Pausing 2/2", " ✔ Container s13p-web-1  Paused", " ✔ Container s13p-db-1   Paused"),
                h.ok("docker compose pause"));
        List<String> ps = h.ok("docker compose ps");
        assertTrue(ps.get(1).contains("Up Less than a second (Paused)"), String.join("\n", ps));
        assertEquals(List.of("paused", "paused"), h.ok("docker ps --format '{{.State}}'"));
        assertEquals("s13p                paused(2)           /s13p/compose.yaml", h.ok("docker compose ls").get(1));
        assertEquals(List.of("[+] Running 2/2", " ✔ Container s13p-web-1  Unpaused", " ✔ Container s13p-db-1   Unpaused"),
                h.ok("docker compose unpause"));
        assertEquals(List.of("running", "running"), h.ok("docker ps --format '{{.State}}'"));
    }

    @Test
    void aServiceAloneAndTheDaemonsErrors() {
        assertEquals(List.of("[+] Pausing 1/1", " ✔ Container s13p-db-1  Paused"), h.ok("docker compose pause db"));
        String db = h.ok("docker inspect -f '{{.Id}}' s13p-db-1").get(0);
        assertEquals(List.of("Error response from daemon: Container " + db + " is already paused"), h.fails("docker compose pause db", 1));
        assertEquals(List.of("no such service: nope"), h.fails("docker compose pause nope", 1));
        h.ok("docker compose unpause db");
        h.ok("docker compose stop");
        assertEquals(List.of(), h.ok("docker compose pause"), "nothing running: nothing to pause");
        assertEquals("Usage:  docker compose pause [SERVICE...]", h.ok("docker compose pause --help").get(1));
    }
}
