package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The container's shell (app.sh) as PID 1, in a healthcheck and under docker exec, on what the commands print. */
class ContainerShellEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aWhileLoopAsPid1TicksAndIsKilledAfterTheGracePeriod() {
        h.ok("docker run -d --name w alpine sh -c 'while true; do echo tick; sleep 1; done'");
        h.ok("sleep 3");
        List<String> logs = h.ok("docker logs w");
        assertTrue(logs.size() >= 3 && logs.stream().allMatch("tick"::equals), String.join("\n", logs));
        h.ok("docker stop w");
        String w = h.ok("docker ps -a").get(1);
        assertTrue(w.contains("13 seconds ago   Exited (137) Less than a second ago"),
                "sh as PID 1 ignores SIGTERM without a trap, so docker stop kills it after 10 s: " + w);
    }

    @Test
    void aTrapOnTermEndsTheLoopWithItsStatus() {
        h.ok("docker run -d --name t alpine sh -c \"trap 'exit 0' TERM; while true; do echo tick; sleep 1; done\"");
        h.ok("sleep 2");
        h.ok("docker stop t");
        String t = h.ok("docker ps -a").get(1);
        assertTrue(t.contains("Exited (0) "), t);
        assertTrue(t.contains("Less than a second ago") || t.contains("1 second ago"), t);
    }

    @Test
    void anUntilLoopWaitsForItsServer() {
        h.ok("docker network create n");
        h.ok("docker run -d --name c --network n alpine sh -c 'until nc -z web 80; do echo waiting; sleep 1; done; echo up'");
        h.ok("sleep 2");
        h.ok("docker run -d --name web --network n nginx");
        h.ok("sleep 3");
        List<String> logs = h.ok("docker logs c");
        assertEquals(List.of("nc: bad address 'web'", "waiting"), logs.subList(0, 2), "BusyBox nc's error while web is unknown");
        assertEquals("up", logs.get(logs.size() - 1), String.join("\n", logs));
        assertTrue(h.ok("docker ps -a").stream().anyMatch(l -> l.endsWith(" c") && l.contains("Exited (0)")));
    }
}
