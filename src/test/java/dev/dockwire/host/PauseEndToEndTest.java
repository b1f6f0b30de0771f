package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker pause}/{@code unpause} on the emulated host, as moby v28.2.2 does them
 * (daemon/pause.go, unpause.go, container/state.go) and the cgroup freezer stops processes.
 */
class PauseEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    private String id(String name) {
        return h.ok("docker inspect -f '{{.Id}}' " + name).get(0);
    }

    @Test
    void aPausedPingPrintsNothingUntilUnpausedAndPsInspectAndFiltersSayPaused() {
        h.ok("docker run -d --name pinger alpine ping 127.0.0.1");
        h.ok("sleep 2");
        assertEquals(List.of("pinger"), h.ok("docker pause pinger"));
        int before = h.ok("docker logs pinger").size();
        h.ok("sleep 5");
        assertEquals(before, h.ok("docker logs pinger").size(), "a frozen ping sends nothing and prints nothing");
        String row = h.ok("docker ps").get(1);
        assertTrue(row.contains("Up 7 seconds (Paused)"), row);
        assertEquals(List.of("paused true true"), h.ok("docker inspect -f '{{.State.Status}} {{.State.Paused}} {{.State.Running}}' pinger"));
        assertEquals(List.of("pinger"), h.ok("docker ps --filter status=paused --format '{{.Names}}'"));
        assertEquals(List.of(), h.ok("docker ps --filter status=running --format '{{.Names}}'"));
        assertEquals(List.of("paused"), h.ok("docker ps --format '{{.State}}'"));
        assertEquals(List.of("pinger"), h.ok("docker unpause pinger"));
        h.ok("sleep 3");
        assertTrue(h.ok("docker logs pinger").size() >= before + 3, "ping goes on once thawed");
        assertEquals(List.of("running false"), h.ok("docker inspect -f '{{.State.Status}} {{.State.Paused}}' pinger"));
    }

    @Test
    void theDaemonRefusesWhatAPausedOrStoppedContainerCannotDo() {
        h.ok("docker run -d --name s1 alpine sleep 3600");
        h.ok("docker create --name c1 alpine true");
        String s1 = id("s1");
        String c1 = id("c1");
        assertEquals(List.of("Error response from daemon: Container " + s1 + " is not paused"), h.fails("docker unpause s1", 1));
        assertEquals(List.of("Error response from daemon: container " + c1 + " is not running"), h.fails("docker pause c1", 1));
        assertEquals(List.of("Error response from daemon: Container " + c1 + " is not paused"), h.fails("docker unpause c1", 1));
        assertEquals(List.of("Error response from daemon: No such container: nope"), h.fails("docker pause nope", 1));
        h.ok("docker pause s1");
        assertEquals(List.of("Error response from daemon: Container " + s1 + " is already paused"), h.fails("docker pause s1", 1));
        assertEquals(List.of("Error response from daemon: Container s1 is paused, unpause the container before exec"),
                h.fails("docker exec s1 echo hi", 1));
        assertEquals(List.of("You cannot attach to a paused container, unpause it first"), h.fails("docker attach s1", 1));
        assertEquals(List.of("Error response from daemon: cannot remove container \"s1\": container is paused and must be unpaused first"),
                h.fails("docker rm s1", 1));
        CommandResult both = h.run("docker pause s1 c1");
        assertEquals(1, both.status());
        assertEquals(List.of("Error response from daemon: Container " + s1 + " is already paused",
                "Error response from daemon: container " + c1 + " is not running"), both.output());
        assertEquals(List.of("s1"), h.ok("docker container unpause s1"));
        assertEquals(List.of("hi"), h.ok("docker exec s1 echo hi"));
        List<String> usage = h.fails("docker pause", 1);
        assertEquals("docker: 'docker pause' requires at least 1 argument", usage.get(0));
        assertEquals("Usage:  docker pause CONTAINER [CONTAINER...]", usage.get(2));
    }

    @Test
    void stopKillAndRmForceResumeAPausedContainerToTakeTheirSignal() {
        h.ok("docker run -d --name web nginx");
        h.ok("docker pause web");
        assertEquals(List.of("web"), h.ok("docker stop web"));
        assertTrue(h.ok("docker ps -a").get(1).contains("Exited (0) Less than a second ago"), "SIGQUIT taken once resumed");
        assertEquals(List.of("exited false"), h.ok("docker inspect -f '{{.State.Status}} {{.State.Paused}}' web"));
        h.ok("docker run -d --name k1 alpine sleep 3600");
        h.ok("docker pause k1");
        h.ok("docker kill k1");
        assertEquals(List.of("137"), h.ok("docker wait k1"));
        h.ok("docker run -d --name r1 alpine sleep 3600");
        h.ok("docker pause r1");
        assertEquals(List.of("r1"), h.ok("docker rm -f r1"));
        h.ok("docker run -d --name s2 alpine sleep 3600");
        h.ok("docker pause s2");
        h.ok("docker stop -t 2 s2");
        assertEquals(List.of("137"), h.ok("docker wait s2"), "sleep as PID 1 ignores SIGTERM also when resumed");
    }

    @Test
    void aPausedNginxsKernelStillAnswersPingsAndHandshakesButTheRequestWaitsForUnpause() {
        h.ok("docker network create n");
        h.ok("docker run -d --name web --network n nginx");
        h.ok("docker run -d --name client --network n nicolaka/netshoot sleep 3600");
        h.ok("docker pause web");
        List<String> ping = h.ok("docker exec client ping -c 1 -W 1 web");
        assertTrue(ping.stream().anyMatch(l -> l.contains("1 received")), String.join("\n", ping));
        List<String> curl = h.fails("docker exec client curl -sS -m 2 http://web/", 28);
        assertTrue(curl.get(curl.size() - 1).matches("curl: \\(28\\) Operation timed out after 20\\d\\d milliseconds with 0 bytes received"),
                String.join("\n", curl));
        h.ok("docker unpause web");
        assertTrue(h.ok("docker exec client curl -sS -m 2 http://web/").stream().anyMatch(l -> l.contains("Welcome to nginx!")));
    }

    @Test
    void theHealthMonitorStopsWhilePausedReadingUnhealthyAndRunsAgainAfter() {
        h.ok("docker run -d --name hc --health-cmd true --health-interval 1s alpine sleep 3600");
        h.ok("sleep 3");
        assertEquals(List.of("healthy"), h.ok("docker inspect -f '{{.State.Health.Status}}' hc"));
        String before = h.ok("docker inspect -f '{{range .State.Health.Log}}{{.Start}} {{end}}' hc").get(0);
        h.ok("docker pause hc");
        assertEquals(List.of("unhealthy"), h.ok("docker inspect -f '{{.State.Health.Status}}' hc"), "CloseMonitorChannel");
        assertTrue(h.ok("docker ps").get(1).contains("(Paused)"));
        h.ok("sleep 5");
        assertEquals(before, h.ok("docker inspect -f '{{range .State.Health.Log}}{{.Start}} {{end}}' hc").get(0), "no probe while paused");
        h.ok("docker unpause hc");
        h.ok("sleep 2");
        assertEquals(List.of("healthy"), h.ok("docker inspect -f '{{.State.Health.Status}}' hc"));
    }
}
