package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        // docker-entrypoint.sh ends in exec "$@": ls is PID 1, run by the client as the container's shell runs it
        for (String image : List.of("nginx", "httpd", "redis", "postgres", "mysql", "mariadb", "mongo")) {
            ContainerProcesses procs = e.processes(run(image, "ls", "/"));
            assertNull(procs.daemon(), image);
            assertFalse(procs.modelled(), image + ": its command runs and ends as in alpine");
        }
        assertNull(e.processes(run("nginx", "sh", "-c", "ls /etc/nginx")).daemon(), "the shell execs ls");
        // traefik/whoami's own /whoami is named as the whoami applet: it serves, whatever its arguments
        assertNotNull(e.processes(run("traefik/whoami", "ls", "/")).daemon());
        assertNotNull(e.processes(run("nginx", "sh", "-c", "nginx -g 'daemon off;'")).daemon());
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
