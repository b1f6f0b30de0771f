package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.Container;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker compose version, stop, start, restart, kill, rm, create, run, top, images, pull}
 * against what Compose 2.26.1 (Debian trixie's plugin, the docker 28.2 client) printed for the
 * same commands on a terminal (script(1)) against the reference engine: the last frame of its
 * progress display. Compose's {@code N/M} divides by the lines of the frame before the last, so an
 * operation quicker than its 100 ms tick reads {@code 1/0} there; dockwire's frames are always
 * {@code N/N}. The reference kit's script {@code compose-commands} holds what is printed without a
 * terminal.
 */
class ComposeCommandsTest {
    private static final String FILE = "services:\\n  web:\\n    image: nginx\\n    depends_on: [db]\\n"
            + "  db:\\n    image: alpine\\n    command: sleep 3600\\n";
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(12);
        h.run("mkdir -p /s12cterm");
        h.run("printf '" + FILE + "' > /s12cterm/compose.yaml");
        h.run("cd /s12cterm");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private List<String> ok(String line) {
        return h.ok(line);
    }

    @Test
    void versionIsDebiansPackageVersion() {
        assertEquals(List.of("Docker Compose version 2.26.1-4"), ok("docker compose version"));
        assertEquals(List.of("2.26.1-4"), ok("docker compose version --short"));
        assertEquals(List.of("{\"version\":\"2.26.1-4\"}"), ok("docker compose version -f json"));
        assertEquals(List.of("Docker Compose version 2.26.1-4"), ok("docker compose version --format pretty"));
        assertEquals(new CommandResult(1, List.of("unknown command \"x\" for \"docker compose version\"")),
                h.run("docker compose version x"));
        assertEquals("Usage:  docker compose version [OPTIONS]", ok("docker compose version --help").get(1));
    }

    @Test
    void stopStartRestartAndKillPrintComposesLastFrame() {
        ok("docker compose up -d");
        assertEquals(List.of("[+] Stopping 2/2", " ✔ Container s12cterm-web-1  Stopped", " ✔ Container s12cterm-db-1   Stopped"),
                ok("docker compose stop"), "reverse dependency order");
        assertEquals(List.of("[+] Running 2/2", " ✔ Container s12cterm-db-1   Started", " ✔ Container s12cterm-web-1  Started"),
                ok("docker compose start"));
        assertEquals(List.of("[+] Stopping 1/1", " ✔ Container s12cterm-web-1  Stopped"), ok("docker compose stop web"));
        assertEquals(List.of("[+] Killing 1/1", " ✔ Container s12cterm-db-1  Killed"), ok("docker compose kill"),
                "only the running containers");
        assertEquals(List.of("no container to kill"), ok("docker compose kill"));
        assertEquals(List.of("[+] Running 2/2", " ✔ Container s12cterm-db-1   Started", " ✔ Container s12cterm-web-1  Started"),
                ok("docker compose start web"), "the service and what it depends on");
        assertEquals(List.of("[+] Restarting 1/1", " ✔ Container s12cterm-web-1  Started"), ok("docker compose restart web"));
        Container web = h.world.host().engine().container("s12cterm-web-1");
        CommandResult bogus = h.run("docker compose kill -s BOGUS web");
        assertEquals(new CommandResult(1, List.of("[+] Killing 1/1", " ✘ Container s12cterm-web-1  Error while Killing",
                "Error response from daemon: cannot kill container: " + web.id() + ": invalid signal: BOGUS")), bogus,
                "moby 28's router wraps the daemon's error with the ID Compose sends");
        assertTrue(web.running());
        assertEquals(List.of("[+] Stopping 2/2", " ✔ Container s12cterm-web-1  Stopped", " ✔ Container s12cterm-db-1   Stopped"),
                ok("docker compose stop -t 1"));
        assertEquals(137, h.world.host().engine().container("s12cterm-db-1").exitCode(), "sleep as PID 1 ignores SIGTERM: SIGKILL after 1 s");
    }

    @Test
    void rmRemovesTheStoppedContainersNewestFirst() {
        assertEquals(List.of("No stopped containers"), ok("docker compose rm -f"));
        ok("docker compose up -d");
        ok("docker compose stop");
        assertEquals(List.of("Going to remove s12cterm-web-1, s12cterm-db-1"), ok("docker compose rm"),
                "without -f the question goes unanswered: no terminal to read a yes from");
        assertEquals(List.of("Going to remove s12cterm-web-1", "[+] Removing 1/1", " ✔ Container s12cterm-web-1  Removed"),
                ok("docker compose rm -f web"));
        assertEquals(List.of("[+] Running 1/1", " ✔ Container s12cterm-db-1  Started"), ok("docker compose start"),
                "a service without containers is passed over while the project has some");
        assertEquals(List.of("[+] Stopping 1/1", " ✔ Container s12cterm-db-1  Stopped", "Going to remove s12cterm-db-1",
                "[+] Removing 1/1", " ✔ Container s12cterm-db-1  Removed"), ok("docker compose rm -s -f"));
        assertEquals(List.of("No stopped containers"), ok("docker compose rm -s -f"));
        assertEquals(new CommandResult(1, List.of("service \"db\" has no container to start")), h.run("docker compose start"));
    }

    @Test
    void createMakesTheContainersWithoutStartingThem() {
        assertEquals(List.of("[+] Creating 3/3", " ✔ Network s12cterm_default  Created", " ✔ Container s12cterm-db-1   Created",
                " ✔ Container s12cterm-web-1  Created"), ok("docker compose create"));
        assertEquals(List.of(), ok("docker compose create"), "containers never started have no event");
        assertTrue(h.world.host().engine().containers().stream().noneMatch(Container::running));
        assertEquals(List.of("[+] Running 1/1", " ✔ Container s12cterm-db-1  Started"), ok("docker compose start db"));
        String before = h.world.host().engine().container("s12cterm-db-1").id();
        assertEquals(List.of("[+] Creating 1/1", " ✔ Container s12cterm-db-1  Recreated"), ok("docker compose create --force-recreate db"));
        Container db = h.world.host().engine().container("s12cterm-db-1");
        assertTrue(!db.id().equals(before) && !db.running(), "a new container, not started");
        ok("docker compose up -d");
        ok("docker compose stop web");
        assertEquals(List.of("[+] Creating 2/2", " ✔ Container s12cterm-db-1   Running", " ✔ Container s12cterm-web-1  Created"),
                ok("docker compose create"), "an exited container is Created");
    }

    @Test
    void runStartsTheDependenciesThenItsOneOffContainer() {
        ok("docker compose create");
        assertEquals(List.of("[+] Running 1/1", " ✔ Container s12cterm-db-1  Started", "hi"), ok("docker compose run --rm web echo hi"),
                "db created, never started: no Creating event");
        ok("docker compose stop");
        assertEquals(List.of("[+] Creating 1/1", " ✔ Container s12cterm-db-1  Created", "[+] Running 1/1",
                " ✔ Container s12cterm-db-1  Started", "hi"), ok("docker compose run --rm web echo hi"));
        assertEquals(List.of("[+] Creating 1/1", " ✔ Container s12cterm-db-1  Running", "hi"), ok("docker compose run --rm web echo hi"));
        assertEquals(List.of("hi"), ok("docker compose run --rm --no-deps web echo hi"));
        assertEquals(new CommandResult(3, List.of()), h.run("docker compose run --rm db sh -c 'exit 3'"));
        assertEquals(List.of("hello"), ok("docker compose run --rm -e GREETING=hello db sh -c 'echo $GREETING'"));
        List<String> detached = ok("docker compose run -d --no-deps db");
        Container oneOff = h.world.host().engine().containerById(detached.get(0));
        assertNotNull(oneOff, detached.toString());
        assertTrue(oneOff.name().matches("s12cterm-db-run-[0-9a-f]{12}"), oneOff.name());
        assertEquals("True", oneOff.labels().get("com.docker.compose.oneoff"));
        assertTrue(h.world.host().engine().containers().stream().filter(c -> c.name().contains("-run-")).count() == 1, "--rm removed the others");
        assertTrue(ok("docker compose ps -a").stream().anyMatch(l -> l.startsWith(oneOff.name())), "ps -a lists run's containers");
        assertTrue(ok("docker compose ps").stream().noneMatch(l -> l.startsWith(oneOff.name())), "ps alone does not");
        assertEquals(List.of("[+] Stopping 2/2", " ✔ Container s12cterm-web-1  Stopped", " ✔ Container s12cterm-db-1   Stopped"),
                ok("docker compose stop"), "stop leaves run's containers alone");
        assertTrue(oneOff.running());
        assertEquals(List.of(oneOff.name()), ok("docker compose top").stream().filter(l -> l.startsWith("s12cterm-")).toList(),
                "top and images list run's containers");
        assertEquals(4, ok("docker compose images").size(), "the header, db-1, web-1 (stopped) and the one-off");
        assertEquals(List.of("[+] Killing 1/1", " ✔ Container " + oneOff.name() + "  Killed"), ok("docker compose kill"),
                "kill reaches run's containers too");
        assertTrue(!oneOff.running());
    }

    @Test
    void runPublishesTheServicePortsOnlyWhenAsked() {
        h.run("printf 'services:\\n  web:\\n    image: nginx\\n    restart: always\\n    ports:\\n      - \"8091:80\"\\n' > /s12cterm/compose.yaml");
        ok("docker compose run -d --name plain web");
        assertEquals(List.of(), ok("docker port plain"));
        ok("docker create --name bare nginx");
        assertEquals(ok("docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' bare"),
                ok("docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' plain"), "run drops the restart policy (prepareRun)");
        ok("docker compose run -d --name mapped -p 8093:80 web");
        assertEquals(List.of("80/tcp -> 0.0.0.0:8093", "80/tcp -> [::]:8093"), ok("docker port mapped"));
        ok("docker compose run -d --name service --service-ports web");
        assertEquals(List.of("80/tcp -> 0.0.0.0:8091", "80/tcp -> [::]:8091"), ok("docker port service"));
        ok("docker compose run -d --name extra -l team=net --cap-add NET_ADMIN -u 1000 web");
        // as recorded: Compose sends the capability as written
        assertEquals(List.of("net True [\"NET_ADMIN\"] 1000"), ok("docker inspect -f '{{index .Config.Labels \"team\"}} "
                + "{{index .Config.Labels \"com.docker.compose.oneoff\"}} {{json .HostConfig.CapAdd}} {{.Config.User}}' extra"));
        assertEquals(new CommandResult(1, List.of("label must be set as KEY=VALUE")), h.run("docker compose run -l team web"));
    }

    @Test
    void topListsEachRunningContainersProcesses() {
        ok("docker compose up -d");
        List<String> top = ok("docker compose top db");
        assertEquals("s12cterm-db-1", top.get(0));
        // psPrinter's tabwriter: columns three wider than their widest cell, at least five; the processes' CMD padded too
        assertEquals("UID    PID    PPID   C    STIME   TTY   TIME       CMD", top.get(1));
        assertTrue(top.get(2).matches("root   \\d+ +\\d+ +0    \\d\\d:\\d\\d   \\?     00:00:00   sleep 3600   "), top.get(2));
        assertEquals("", top.get(3), "a blank line after each container");
        assertEquals(List.of(), ok("docker compose top nope"));
    }

    @Test
    void imagesListsTheContainersImages() {
        ok("docker compose up -d");
        List<String> images = ok("docker compose images");
        assertEquals("CONTAINER           REPOSITORY          TAG                 IMAGE ID            SIZE", images.get(0));
        assertTrue(images.get(1).matches("s12cterm-db-1       alpine              latest              [0-9a-f]{12}        \\S+"), images.get(1));
        assertTrue(images.get(2).startsWith("s12cterm-web-1      nginx               latest"), images.get(2));
        List<String> ids = ok("docker compose images -q");
        assertEquals(2, ids.size());
        assertTrue(ids.stream().allMatch(id -> id.matches("[0-9a-f]{64}")), ids.toString());
    }

    @Test
    void pullPullsEachServicesImage() {
        h.run("printf 'services:\\n  web:\\n    image: nginx\\n  db:\\n    image: alpine\\n  api:\\n    image: mycorp/api:2\\n' > /s12cterm/compose.yaml");
        CommandResult r = h.run("docker compose pull");
        String denied = "pull access denied for mycorp/api, repository does not exist or may require 'docker login': "
                + "denied: requested access to the resource is denied";
        assertEquals(new CommandResult(18, List.of("[+] Pulling 3/3", " ✔ web Pulled ", " ✔ db Pulled  ", " ✘ api Error  " + denied,
                "Error response from daemon: " + denied)), r, "pull.go's lines, padded as tty.go pads ID and Text");
        assertEquals(List.of("[+] Pulling 1/1", " ✔ web Pulled "), ok("docker compose pull web"));
        assertEquals(new CommandResult(1, List.of("no such service: nope")), h.run("docker compose pull nope"));
        assertNull(h.world.host().engine().findContainer("s12cterm-web-1"));
    }

    @Test
    void minusPAloneNamesTheProjectWithoutReadingTheFile() {
        ok("docker compose up -d");
        // as recorded with -p and no -f: each command's own answer for a service no container has
        assertEquals(List.of(), ok("docker compose -p s12cterm stop nope"));
        assertEquals(List.of("no container to kill"), ok("docker compose -p s12cterm kill nope"));
        assertEquals(List.of("No stopped containers"), ok("docker compose -p s12cterm rm -f nope"));
        assertEquals(new CommandResult(1, List.of("no such service: \"nope\": not found")), h.run("docker compose -p s12cterm start nope"));
        assertEquals(new CommandResult(1, List.of("no such service: nope")), h.run("docker compose -p s12cterm restart nope"));
        // and with the file
        assertEquals(new CommandResult(1, List.of("no such service: nope")), h.run("docker compose stop nope"));
        assertEquals(new CommandResult(1, List.of("no such service: nope")), h.run("docker compose kill nope"));
    }
}
