package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.Signal;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.LogEntry;
import dev.dockwire.run.World;
import dev.dockwire.sim.EventLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A container's main process in the engine, by state on the virtual clock: start, exit, stop, logs. */
class MainProcessTest {
    private final World world = new World(1, EngineProfile.DOCKER_28);
    private final Engine e = world.engine();
    private final EventLoop loop = world.host().loop();

    private Container run(String image, String... cmd) {
        return e.run(new ContainerCreate(null, image, List.of(cmd), null, null, List.of(), null, List.of(), List.of()));
    }

    @Test
    void pid1IsTheCommandAndTheContainerStopsWithItsStatusWhenItExits() {
        Container c = run("alpine", "sh", "-c", "exit 3");
        assertEquals(List.of("sh", "-c", "exit 3"), e.processes(c).init().argv(), "no modelled program: it stays up");
        Container echo = run("alpine", "echo", "a", "b");
        ContainerProcesses procs = e.processes(echo);
        assertEquals(1, procs.init().pid());
        assertTrue(procs.modelled());
        loop.runFor(1_000_000);
        assertEquals(Container.State.EXITED, echo.state());
        assertEquals(0, echo.exitCode());
        assertNull(e.processes(echo));
        assertEquals(List.of(new LogEntry("stdout", 0, "a b")), e.log(echo).entries());
        Container f = run("busybox", "false");
        loop.runFor(1_000_000);
        assertEquals(1, f.exitCode());
    }

    @Test
    void theImagesEntrypointRunsItsCmdAndStopSignalEndsNginxGracefully() {
        Container web = run("nginx");
        // the entrypoint execs nginx, whose master titles itself (ngx_setproctitle); its workers are 29 and 30
        assertEquals(List.of("nginx: master process nginx -g daemon off;"), e.processes(web).init().argv());
        assertEquals(List.of(1, 29, 30), e.processes(web).running().stream().map(p -> p.pid()).toList());
        long before = loop.nanos();
        e.stop(web.name(), 10_000_000_000L, null);
        assertEquals(0, web.exitCode(), "SIGQUIT, nginx's STOPSIGNAL, which it handles");
        assertEquals(before, loop.nanos(), "no grace period spent");
    }

    @Test
    void aCommandTheEntrypointExecsIsPid1NotTheImagesServer() {
        // docker-entrypoint.sh ends in exec "$@": ls is PID 1, and runs and ends as in alpine
        for (String image : List.of("nginx", "httpd", "redis", "postgres", "mysql", "mariadb", "mongo")) {
            Container c = run(image, "ls", "/");
            assertNull(e.processes(c).daemon(), image);
            assertEquals(List.of("ls", "/"), e.processes(c).init().argv(), image);
            loop.runFor(1_000_000);
            assertEquals(Container.State.EXITED, c.state(), image);
            assertEquals(0, c.exitCode(), image);
        }
        assertNull(e.processes(run("nginx", "sh", "-c", "ls /etc/nginx")).daemon(), "the shell execs ls");
        // traefik/whoami's own /whoami is named as the whoami applet: it serves, whatever its arguments
        assertNotNull(e.processes(run("traefik/whoami", "ls", "/")).daemon());
        assertNotNull(e.processes(run("nginx", "sh", "-c", "nginx -g 'daemon off;'")).daemon());
    }

    @Test
    void anAppletAsPid1RunsAndEndsWithNoClientAttached() {
        // docker run -d alpine ls /etc: runc execs ls, which prints and exits; the container stops with its status
        Container ls = run("alpine", "ls", "/etc");
        assertEquals(List.of("ls", "/etc"), e.processes(ls).init().argv());
        assertEquals(1, e.processes(ls).init().pid());
        loop.runFor(1_000_000);
        assertEquals(Container.State.EXITED, ls.state());
        assertEquals(0, ls.exitCode());
        assertTrue(e.log(ls).entries().stream().anyMatch(l -> l.line().equals("os-release")));
        Container missing = run("alpine", "cat", "/nope");
        loop.runFor(1_000_000);
        assertEquals(1, missing.exitCode());
        assertEquals(List.of("stderr cat: can't open '/nope': No such file or directory"),
                e.log(missing).entries().stream().map(l -> l.stream() + " " + l.line()).toList());
        Container ps = run("alpine", "ps");
        loop.runFor(1_000_000);
        assertEquals(List.of("PID   USER     TIME  COMMAND", "    1 root      0:00 ps"),
                e.log(ps).entries().stream().map(LogEntry::line).toList(), "ps is PID 1 itself");
        Container script = run("alpine", "sh", "/nope.sh");
        loop.runFor(1_000_000);
        assertEquals(2, script.exitCode(), "ash: can't open '/nope.sh'");
        // what follows for ever, or runs no model, stays up as PID 1 until stopped
        for (List<String> forever : List.of(List.of("tail", "-f", "/dev/null"), List.of("top", "-b"))) {
            Container c = run("alpine", forever.toArray(String[]::new));
            loop.runFor(1_000_000_000L);
            assertTrue(c.running(), forever.toString());
            assertEquals(forever, e.processes(c).init().argv());
        }
    }

    @Test
    void aPid1WithoutAHandlerOutlivesTheGracePeriodAndIsKilled() {
        Container s = run("alpine", "sleep", "3600");
        long before = loop.nanos();
        e.stop(s.name(), 3_000_000_000L, null);
        assertEquals(137, s.exitCode());
        assertEquals(before + 3_000_000_000L, loop.nanos());
        Container p = run("alpine", "ping", "127.0.0.1");
        loop.runFor(2_500_000_000L);
        e.stop(p.name(), 10_000_000_000L, Signal.SIGINT);
        assertEquals(0, p.exitCode(), "ping handles SIGINT");
        List<LogEntry> log = e.log(p).entries();
        assertEquals("--- 127.0.0.1 ping statistics ---", log.get(log.size() - 3).line());
    }

    @Test
    void restartingAgainAppendsToTheLogAndPid1IsNewAndAgainOne() {
        Container c = run("alpine", "echo", "once");
        loop.runFor(1_000_000);
        e.start(c.name());
        assertEquals(1, e.processes(c).init().pid());
        loop.runFor(1_000_000);
        assertEquals(List.of("once", "once"), e.log(c).entries().stream().map(LogEntry::line).toList());
        e.remove(c.name(), false, () -> { });
        assertEquals(List.of(), e.log(c).entries(), "the log goes with the container");
    }
}
