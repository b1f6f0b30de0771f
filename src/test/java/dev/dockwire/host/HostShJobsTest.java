package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.Signal;
import dev.dockwire.proc.JobControl;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Job control in the lines app.sh runs at a live host prompt, on the virtual clock: {@code &} in a
 * loop makes jobs of the terminal's one table ({@code [1] PID}, {@code jobs}), and Ctrl-C of a
 * loop's foreground command ends the loop with {@code $?} 130.
 */
class HostShJobsTest {
    private final TestHost h = new TestHost(5);
    private final List<String> terminal = new ArrayList<>();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void ampersandInALoopMakesJobsOfTheTerminalsTable() {
        JobControl jobs = h.world.host().jobControl();
        jobs.attach(terminal::add, terminal::add);
        h.run("for i in 1 2; do sleep 30 & done");
        assertEquals(2, terminal.stream().filter(l -> l.matches("\\[[12]\\] \\d+")).count(), String.join("\n", terminal));
        assertEquals(List.of("[1]-  Running                 sleep 30 &", "[2]+  Running                 sleep 30 &"), jobs.jobs());
        assertTrue(h.world.host().loop().nanos() < 1_000_000_000L, "the line went on at once: " + h.world.host().loop().nanos());
    }

    @Test
    void ctrlCInALoopEndsTheLoop() {
        JobControl jobs = h.world.host().jobControl();
        jobs.attach(terminal::add, terminal::add);
        long start = h.world.host().loop().nanos();
        h.world.host().loop().schedule(2_000_000_000L, () -> jobs.signalForeground(Signal.SIGINT));
        CommandResult r = h.run("for i in 1 2 3; do sleep 20; done; echo after");
        assertEquals(130, r.status(), String.join("\n", terminal));
        assertTrue(terminal.stream().noneMatch(l -> l.contains("after")), String.join("\n", terminal));
        assertTrue(h.world.host().loop().nanos() - start < 3_000_000_000L, "the loop ended at the ^C");
    }
}
