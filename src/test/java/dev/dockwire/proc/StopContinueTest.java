package dev.dockwire.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SIGSTOP/SIGTSTP and SIGCONT by state (kernel/signal.c do_signal_stop, prepare_signal). */
class StopContinueTest {
    private final PidNamespace pids = new PidNamespace(() -> 0);

    @Test
    void aStoppedProcessDefersItsWorkUntilSigcontAndSigkillStillEndsIt() {
        Process init = pids.spawn(0, List.of("sleep", "1d"), Map.of(), 0);
        Process p = pids.spawn(0, List.of("ping", "web"), Map.of(), 0);
        List<String> ran = new ArrayList<>();
        assertTrue(pids.kill(p.pid(), Signal.SIGTSTP));
        assertTrue(p.stopped());
        p.whenRunning(() -> ran.add("tick"));
        assertEquals(List.of(), ran, "held while stopped");
        pids.kill(p.pid(), Signal.SIGCONT);
        assertFalse(p.stopped());
        assertEquals(List.of("tick"), ran, "run on SIGCONT");
        pids.kill(p.pid(), Signal.SIGSTOP);
        pids.kill(p.pid(), Signal.SIGKILL);
        assertEquals(137, p.status());
        assertFalse(p.stopped());
        pids.kill(init.pid(), Signal.SIGTSTP);
        assertFalse(init.stopped(), "init is spared a SIGTSTP it does not handle");
        pids.kill(init.pid(), Signal.SIGSTOP);
        assertTrue(init.stopped(), "but not SIGSTOP from outside");
    }

    @Test
    void aHandledSigtstpRunsTheHandlerAndSigcontResumesBeforeItsHandler() {
        pids.spawn(0, List.of("init"), Map.of(), 0);
        Process p = pids.spawn(0, List.of("sh"), Map.of(), 0);
        List<String> seen = new ArrayList<>();
        p.handle(Signal.SIGTSTP, () -> seen.add("tstp"));
        p.handle(Signal.SIGCONT, () -> seen.add("cont running=" + !p.stopped()));
        pids.kill(p.pid(), Signal.SIGTSTP);
        assertFalse(p.stopped(), "a handled SIGTSTP does not stop");
        pids.kill(p.pid(), Signal.SIGSTOP);
        pids.kill(p.pid(), Signal.SIGCONT);
        assertEquals(List.of("tstp", "cont running=true"), seen);
        assertEquals(Signal.SIGTSTP, Signal.parse("TSTP"));
        assertEquals(Signal.SIGCONT, Signal.parse("18"));
    }
}
