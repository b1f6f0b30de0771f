package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.Health;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.run.World;
import dev.dockwire.sim.EventLoop;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's health monitor as a state machine on the virtual clock (moby daemon/health.go). */
class HealthMonitorTest {
    private static final long S = 1_000_000_000L;
    private final World world = new World(1, EngineProfile.DOCKER_28);
    private final Engine e = world.engine();
    private final EventLoop loop = world.host().loop();

    @AfterEach
    void tearDown() {
        world.close();
    }

    private Container run(String image, ImageConfig.Healthcheck hc, String... cmd) {
        return e.run(new ContainerCreate(null, image, List.of(cmd), null, null, List.of(), null, List.of(), List.of())
                .withHealthcheck(hc));
    }

    private static ImageConfig.Healthcheck shell(String line, long interval, long timeout, long startPeriod, int retries) {
        return new ImageConfig.Healthcheck(List.of("CMD-SHELL", line), interval, timeout, startPeriod, retries);
    }

    @Test
    void startingUntilTheFirstProbeOneIntervalAfterTheStartThenHealthy() {
        Container c = run("busybox", shell("true", S, 0, 0, 0), "sleep", "100");
        long t0 = c.startedAt();
        assertEquals(Health.Status.STARTING, c.health().status());
        assertEquals("health: starting", c.health().toString());
        loop.runFor(S - 1);
        assertTrue(c.health().log().isEmpty(), "no probe before one interval has passed");
        loop.runFor(1);
        assertEquals(Health.Status.HEALTHY, c.health().status());
        assertEquals(List.of(new Health.Result(t0 + S, t0 + S, 0, "")), c.health().log());
        loop.runFor(10 * S);
        assertEquals(Health.MAX_LOG_ENTRIES, c.health().log().size(), "the last five probes are kept");
        assertEquals(t0 + 7 * S, c.health().log().get(0).start());
    }

    @Test
    void retriesConsecutiveFailuresMakeItUnhealthyAndAStartBeginsAfresh() {
        Container c = run("busybox", shell("echo bad; exit 3", 2 * S, 0, 0, 2), "sleep", "100");
        long t0 = c.startedAt();
        loop.runFor(2 * S);
        assertEquals(Health.Status.STARTING, c.health().status());
        assertEquals(1, c.health().failingStreak());
        assertEquals(new Health.Result(t0 + 2 * S, t0 + 2 * S, 3, "bad\n"), c.health().log().get(0));
        loop.runFor(2 * S);
        assertEquals(Health.Status.UNHEALTHY, c.health().status());
        assertEquals(2, c.health().failingStreak());
        c.healthcheck(shell("true", 2 * S, 0, 0, 2));
        e.stop(c.name(), 0, null);
        e.start(c.name());
        assertEquals(Health.Status.STARTING, c.health().status(), "a start resets the status and the streak");
        assertEquals(0, c.health().failingStreak());
        assertEquals(2, c.health().log().size(), "and keeps the log");
        loop.runFor(2 * S);
        assertEquals(Health.Status.HEALTHY, c.health().status());
    }

    @Test
    void failuresWithinTheStartPeriodDoNotCountWhileStartingAndItIsProbedEveryStartInterval() {
        Container c = run("busybox", new ImageConfig.Healthcheck(List.of("CMD-SHELL", "false"), 10 * S, 0, 12 * S, 2 * S, 1),
                "sleep", "100");
        long t0 = c.startedAt();
        loop.runFor(11 * S);
        assertEquals(Health.Status.STARTING, c.health().status());
        assertEquals(0, c.health().failingStreak());
        assertEquals(List.of(2 * S, 4 * S, 6 * S, 8 * S, 10 * S),
                c.health().log().stream().map(r -> r.start() - t0).toList(), "every start interval during the start period");
        loop.runFor(S);
        assertEquals(Health.Status.UNHEALTHY, c.health().status(), "the probe at 12s starts at the period's end: it counts");
        assertEquals(1, c.health().failingStreak());
        loop.runFor(9 * S);
        assertEquals(t0 + 12 * S, c.health().log().get(4).start(), "past the start period, the interval");
        loop.runFor(S);
        assertEquals(t0 + 22 * S, c.health().log().get(4).start());
    }

    @Test
    void aProbeThatOutlivesItsTimeoutFailsWithMobysMessageAndIsKilled() {
        Container c = run("busybox", shell("echo partial; sleep 5", S, S, 0, 1), "sleep", "100");
        long t0 = c.startedAt();
        loop.runFor(2 * S);
        Health.Result r = c.health().log().get(0);
        assertEquals(new Health.Result(t0 + S, t0 + 2 * S, -1, "Health check exceeded timeout (1s): partial\n"), r);
        assertEquals(Health.Status.UNHEALTHY, c.health().status());
        assertEquals(List.of(1), e.processes(c).running().stream().map(p -> p.pid()).toList(),
                "the probe's sleep was killed: only PID 1 is left");
    }

    @Test
    void aMissingProgramFailsAsTheShellOrTheRuntimeSaysAndOutputIsCutAt4096Bytes() {
        Container sh = run("busybox", shell("nosuchprog", S, 0, 0, 1), "sleep", "100");
        Container debian = e.run(new ContainerCreate(null, "postgres", List.of(), null, null, List.of(), null, List.of(), List.of())
                .withHealthcheck(shell("nosuchprog", S, 0, 0, 1)).withEnv(List.of("POSTGRES_PASSWORD=secret")));
        Container cmd = run("alpine", new ImageConfig.Healthcheck(List.of("CMD", "pg_isready"), S, 0, 0, 1), "sleep", "100");
        Container scratch = run("hashicorp/http-echo", shell("true", S, 0, 0, 1));
        Container chatty = run("busybox", shell("echo " + "y".repeat(5000), S, 0, 0, 1), "sleep", "100");
        long t0 = sh.startedAt();
        loop.runFor(S);
        assertEquals(new Health.Result(t0 + S, t0 + S, 127, "/bin/sh: nosuchprog: not found\n"), sh.health().log().get(0));
        assertEquals("/bin/sh: 1: nosuchprog: not found\n", debian.health().log().get(0).output(), "dash on Debian images");
        assertEquals(new Health.Result(t0 + S, t0 + S, -1, "OCI runtime exec failed: exec failed: unable to start container process: "
                + "exec: \"pg_isready\": executable file not found in $PATH: unknown"), cmd.health().log().get(0));
        assertEquals(-1, scratch.health().log().get(0).exitCode(), "no /bin/sh in the image");
        String out = chatty.health().log().get(0).output();
        assertEquals(4096 + 3, out.length());
        assertTrue(out.endsWith("y..."));
    }

    @Test
    void aShellTestRunsListsAndPipesIntoGrepWithTheContainersEnvironment() {
        Container redis = run("redis", shell("redis-cli ping | grep -q PONG && echo up $REDIS_VERSION || exit 1", S, 0, 0, 1));
        Container failing = run("busybox", shell("false || exit 4; echo never", S, 0, 0, 1), "sleep", "100");
        Container quoted = run("busybox", shell("echo 'a  b' \"$HOSTNAME\" \\$x # comment", S, 0, 0, 1), "sleep", "100");
        loop.runFor(S);
        assertEquals(new Health.Result(redis.startedAt() + S, redis.startedAt() + S, 0, "up 8.10.1\n"), redis.health().log().get(0));
        assertEquals(4, failing.health().log().get(0).exitCode());
        assertEquals("", failing.health().log().get(0).output());
        assertEquals("a  b " + quoted.hostname() + " $x\n", quoted.health().log().get(0).output());
    }

    @Test
    void theMonitorStopsWithTheContainerAndItsHealthReadsUnhealthy() {
        Container c = run("busybox", shell("true", S, 0, 0, 0), "sleep", "100");
        loop.runFor(S);
        e.stop(c.name(), 0, null);
        assertEquals(Health.Status.UNHEALTHY, c.health().status(), "moby's CloseMonitorChannel");
        loop.runFor(10 * S);
        assertEquals(1, c.health().log().size(), "no probe while stopped");
        Container none = run("busybox", new ImageConfig.Healthcheck(List.of("NONE"), 0, 0, 0, 0), "sleep", "100");
        assertNull(none.health(), "--no-healthcheck");
        assertNull(run("busybox", null, "sleep", "100").health(), "no check anywhere");
    }
}
