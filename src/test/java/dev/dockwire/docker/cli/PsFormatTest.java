package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docker ps as the docker 28.2 client prints it: table and json formats, {@code \t}/{@code \n},
 * {@code -l}/{@code -n}, the daemon's filters and the PORTS column with its {@code [::]} bindings.
 * Expected texts were printed by /usr/local/bin/docker (28.2.2) against the reference engine.
 */
class PsFormatTest {
    private final TestHost h = new TestHost(11);

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void fails(String line, int status, String... lines) {
        CommandResult r = h.run(line);
        assertEquals(status, r.status(), line + "\n" + String.join("\n", r.output()));
        assertEquals(List.of(lines), r.output(), line);
    }

    @Test
    void tableFormatsAreLaidOutByTheTabWriterWithTheirHeader() {
        h.ok("docker run -d --name web -p 8080:80 nginx");
        h.ok("docker run -d --name a-long-name busybox sleep 600");
        assertEquals(List.of("NAMES         PORTS", "a-long-name   ", "web           0.0.0.0:8080->80/tcp, [::]:8080->80/tcp"),
                h.ok("docker ps --format 'table {{.Names}}\\t{{.Ports}}'"));
        assertEquals(List.of("NAMES", "a-long-name", "web"), h.ok("docker ps --format 'table {{.Names}}'"));
        assertEquals(List.of("CONTAINER ID   IMAGE     NAMES"),
                h.ok("docker ps --filter name=nothing --format 'table {{.ID}}\\t{{json .Image}}\\t{{upper .Names}}'"));
        List<String> table = h.ok("docker ps --format table");
        assertEquals(h.ok("docker ps"), table, "table alone is the default table");
        assertEquals(List.of("a-long-name\tUp Less than a second", "", "web\tUp Less than a second", ""),
                h.ok("docker ps --format '{{.Names}}\\t{{.Status}}\\n'"));
    }

    @Test
    void jsonFormatPrintsOneObjectPerContainerWithSortedKeys() {
        h.ok("docker run -d --name web -l app=web -p 8080:80 nginx");
        String json = h.ok("docker ps --format json").get(0);
        assertTrue(json.matches("\\{\"Command\":\"\\\\\"/docker-entrypoint\\.…\\\\\"\",\"CreatedAt\":\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+0000 UTC\","
                + "\"ID\":\"[0-9a-f]{12}\",\"Image\":\"nginx\",\"Labels\":\"app=web\",\"LocalVolumes\":\"0\",\"Mounts\":\"\",\"Names\":\"web\","
                + "\"Networks\":\"bridge\",\"Platform\":null,\"Ports\":\"0.0.0.0:8080-\\\\u003e80/tcp, \\[::\\]:8080-\\\\u003e80/tcp\","
                + "\"RunningFor\":\"Less than a second ago\",\"Size\":\"0B\",\"State\":\"running\",\"Status\":\"Up Less than a second\"}"), json);
        assertEquals(List.of("web"), h.ok("docker ps --format '{{.Label \"app\"}}'"));
        assertEquals(List.of("app", "web"), h.ok("docker ps --format 'table {{.Label \"app\"}}'"));
    }

    @Test
    void latestAndLastListTheNewestInAnyState() {
        h.ok("docker run -d --name one busybox sleep 600");
        h.ok("docker create --name two busybox true");
        h.ok("docker create --name three busybox true");
        assertEquals(List.of("three"), h.ok("docker ps -l --format '{{.Names}}'"));
        assertEquals(List.of("three", "two"), h.ok("docker ps -n 2 --format '{{.Names}}'"));
        assertEquals(List.of("one"), h.ok("docker ps --format '{{.Names}}'"));
        CommandResult q = h.run("docker ps -q --format '{{.Names}}'");
        assertEquals("WARNING: Ignoring custom format, because both --format and --quiet are set.", q.output().get(0));
        assertTrue(q.output().get(1).matches("[0-9a-f]{12}"));
    }

    @Test
    void filtersAreTheDaemonsAlternativesPerKeyAndConjunctionAcrossKeys() {
        h.ok("docker network create back");
        h.ok("docker run -d --name web -l app=web -l tier=front nginx");
        h.ok("docker run -d --name db --network back -l app=db busybox sleep 600");
        h.run("docker run --name done busybox sh -c 'exit 3'");
        h.ok("docker create --name idle busybox true");
        assertEquals(List.of("db"), h.ok("docker ps --filter ancestor=busybox --format '{{.Names}}'"));
        assertEquals(List.of("web"), h.ok("docker ps --filter ancestor=nginx:latest --format '{{.Names}}'"));
        assertEquals(List.of("idle"), h.ok("docker ps --filter status=created --format '{{.Names}}'"), "a status filter lists stopped ones");
        assertEquals(List.of("idle", "done"), h.ok("docker ps -f status=created -f status=exited --format '{{.Names}}'"));
        assertEquals(List.of("done"), h.ok("docker ps -a --filter exited=3 --format '{{.Names}}'"));
        assertEquals(List.of("db"), h.ok("docker ps --filter network=back --format '{{.Names}}'"));
        assertEquals(List.of("db", "web"), h.ok("docker ps --filter label=app --format '{{.Names}}'"));
        assertEquals(List.of("web"), h.ok("docker ps --filter label=app=web --filter label=tier --format '{{.Names}}'"));
        assertEquals(List.of("web"), h.ok("docker ps --filter name=^/w --format '{{.Names}}'"));
        assertEquals(List.of("db", "web"), h.ok("docker ps --filter health=none --format '{{.Names}}'"));
        String id = h.ok("docker ps --filter name=db --format '{{.ID}}'").get(0);
        assertEquals(List.of("db"), h.ok("docker ps --filter id=" + id.substring(0, 6) + " --format '{{.Names}}'"));
        fails("docker ps --filter bogus=1", 1, "Error response from daemon: invalid filter 'bogus'");
        fails("docker ps --filter status=up", 1, "Error response from daemon: invalid filter 'status=up': invalid value for state (up): "
                + "must be one of created, running, paused, restarting, removing, exited, dead");
        fails("docker ps --filter x", 125, "invalid argument \"x\" for \"-f, --filter\" flag: bad format of filter (expected name=value)", "",
                "Usage:  docker ps [OPTIONS]", "", "Run 'docker ps --help' for more information");
        fails("docker ps x", 1, "docker: 'docker ps' accepts no arguments", "", "Usage:  docker ps [OPTIONS]", "",
                "Run 'docker ps --help' for more information");
    }

    @Test
    void portsGroupRangesAndListBothAddressFamiliesAsDockerProxyBindsThem() {
        h.ok("docker run -d --name p1 -p 8080:80 -p 5000-5001:5000-5001 -p 127.0.0.1:9000:9000/udp nginx");
        assertEquals(List.of("0.0.0.0:5000-5001->5000-5001/tcp, [::]:5000-5001->5000-5001/tcp, 127.0.0.1:9000->9000/udp, "
                + "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp"), h.ok("docker ps --format '{{.Ports}}'"));
        assertEquals(List.of("80/tcp -> 0.0.0.0:8080", "80/tcp -> [::]:8080", "5000/tcp -> 0.0.0.0:5000", "5000/tcp -> [::]:5000",
                "5001/tcp -> 0.0.0.0:5001", "5001/tcp -> [::]:5001", "9000/udp -> 127.0.0.1:9000"), h.ok("docker port p1"));
        assertEquals(List.of("0.0.0.0:8080", "[::]:8080"), h.ok("docker port p1 80"));
    }

    @Test
    void networkLsTakesTheSameFormats() {
        h.ok("docker network create --internal --label team=a back");
        assertEquals(List.of("NAME      DRIVER    IPV6      INTERNAL   LABELS", "back      bridge    false     true       team=a"),
                h.ok("docker network ls --filter name=back --format 'table {{.Name}}\\t{{.Driver}}\\t{{.IPv6}}\\t{{.Internal}}\\t{{.Labels}}'"));
        String json = h.ok("docker network ls --filter name=back --format json").get(0);
        assertTrue(json.matches("\\{\"CreatedAt\":\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? \\+0000 UTC\",\"Driver\":\"bridge\","
                + "\"ID\":\"[0-9a-f]{12}\",\"IPv4\":\"true\",\"IPv6\":\"false\",\"Internal\":\"true\",\"Labels\":\"team=a\",\"Name\":\"back\","
                + "\"Scope\":\"local\"}"), json);
    }
}
