package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The terminal's Ctrl-C (SIGINT to the foreground process group) while a shell waits for its
 * child. The non-interactive cases were measured here with {@code killpg(SIGINT)} half a second
 * into {@code SHELL -c SCRIPT} (BusyBox 1.35 sh, dash 0.5.12, bash 5.2): ash and dash die of it
 * even when the child caught it and exited 0 (ping printing its statistics); bash goes on then,
 * and dies only with a child that died of it; a trap's action runs after the child and the script
 * goes on. An interactive shell (job control: the child is a job of its own) drops the rest of the
 * line only when the child died of it (ash/dash waitforjob's {@code jp->sigint}).
 */
class ShInterruptTest {
    private static final long S = 1_000_000_000L;

    private static ShRig interrupted(Dialect dialect, String script) {
        return new ShRig().interruptGroupAt(S / 2).run(dialect, script, 10 * S);
    }

    @Test
    void ashAndDashDieOfItWhateverTheChildDid() {
        for (Dialect d : List.of(Dialect.ASH, Dialect.DASH)) {
            ShRig sleep = interrupted(d, "sleep 3; echo after");
            assertEquals(List.of(), sleep.stdout(), d.name());
            assertEquals(130, sleep.status, d.name());
            ShRig ping = interrupted(d, "pinger; echo after rc=$?");
            assertEquals(List.of("statistics"), ping.stdout(), d.name());
            assertEquals(130, ping.status, d.name());
        }
    }

    @Test
    void bashGoesOnAfterAChildThatCaughtIt() {
        ShRig ping = interrupted(Dialect.BASH, "pinger; echo after rc=$?");
        assertEquals(List.of("statistics", "after rc=0"), ping.stdout());
        assertEquals(0, ping.status);
        ShRig sleep = interrupted(Dialect.BASH, "sleep 3; echo after");
        assertEquals(List.of(), sleep.stdout());
        assertEquals(130, sleep.status);
    }

    @Test
    void aTrapRunsAfterTheChildAndTheScriptGoesOn() {
        for (Dialect d : Dialect.values()) {
            ShRig rig = interrupted(d, "trap 'echo trapped' INT; sleep 3; echo after");
            assertEquals(List.of("trapped", "after"), rig.stdout(), d.name());
            assertEquals(0, rig.status, d.name());
        }
    }

    @Test
    void anInteractiveLineStopsOnlyWhenItsChildDiedOfIt() {
        Sh.Session session = new Sh.Session("sh", Dialect.ASH, Map.of("PATH", "/bin"));
        ShRig ping = new ShRig().interruptGroupAt(S / 2);
        ping.loop.schedule(0, () -> session.line("pinger; echo after", ping).start(ping, List.of()));
        ping.loop.runUntil(() -> ping.status != null);
        assertEquals(List.of("statistics", "after"), ping.stdout());
        assertEquals(0, session.status());

        ShRig sleep = new ShRig().interruptGroupAt(S / 2);
        sleep.loop.schedule(0, () -> session.line("sleep 3; echo after", sleep).start(sleep, List.of()));
        sleep.loop.runUntil(() -> sleep.status != null);
        assertEquals(List.of(), sleep.stdout());
        assertEquals(130, session.status(), "$? after the line Ctrl-C ended");

        ShRig next = new ShRig();
        next.loop.schedule(0, () -> session.line("echo rc=$?", next).start(next, List.of()));
        next.loop.runUntil(() -> next.status != null);
        assertEquals(List.of("rc=130"), next.stdout(), "the session goes on");
    }

    @Test
    void anInteractiveLineInterruptedWhileTheShellHasYieldedGoesNoFurther() {
        // 45 builtins: the shell yields to the loop after 40 steps (1 ms of CPU time on the clock);
        // Ctrl-C lands in that gap, with no child running, so the line ends there with 130.
        Sh.Session session = new Sh.Session("sh", Dialect.ASH, Map.of("PATH", "/bin"));
        ShRig rig = new ShRig().interruptGroupAt(Interp.STEP_NANOS * 20);
        String line = ": ; ".repeat(45) + "sleep 3; echo after";
        rig.loop.schedule(0, () -> session.line(line, rig).start(rig, List.of()));
        rig.loop.runFor(5 * S);
        assertEquals(List.of(), rig.started, "nothing after the interrupt runs");
        assertEquals(List.of(), rig.stdout());
        assertEquals(130, session.status());
    }
}
