package dev.dockwire.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cgroup v2 freezer over a PID namespace's processes ({@code docker pause}): what a frozen
 * task does with its timers, its signals (kernel/signal.c: a fatal one kills it now, the rest wait
 * for it to run) and its open files.
 */
class FreezerTest {
    private int hostPid = 4000;
    private final PidNamespace ns = new PidNamespace(() -> ++hostPid);

    private Process spawn(String... argv) {
        return ns.spawn(0, List.of(argv), Map.of(), 0);
    }

    @Test
    void aFrozenProcesssTimersWaitUntilItIsThawedAndThenRunInOrder() {
        Process init = spawn("ping", "web");
        List<String> ran = new ArrayList<>();
        ns.freeze();
        assertTrue(init.frozen());
        assertTrue(ns.frozen());
        init.whenRunning(() -> ran.add("first"));
        init.whenRunning(() -> ran.add("second"));
        assertEquals(List.of(), ran);
        ns.thaw();
        assertFalse(init.frozen());
        assertEquals(List.of("first", "second"), ran);
        init.whenRunning(() -> ran.add("now"));
        assertEquals(List.of("first", "second", "now"), ran);
    }

    @Test
    void aHandledSignalRunsItsHandlerOnlyOnceThawedAndAFatalOneKillsAtOnce() {
        Process init = spawn("nginx");
        Process child = spawn("sleep", "60");
        List<String> handled = new ArrayList<>();
        init.handle(Signal.SIGQUIT, () -> handled.add("quit"));
        ns.freeze();
        assertTrue(ns.kill(1, Signal.SIGQUIT));
        assertEquals(List.of(), handled, "the handler runs in the task, which does not run");
        assertTrue(ns.kill(2, Signal.SIGTERM));
        assertEquals(143, child.status(), "default-fatal: complete_signal turns it into SIGKILL, which the v2 freezer lets through");
        ns.kill(1, Signal.SIGTERM);
        assertFalse(init.exited(), "init is spared an unhandled signal, frozen or not");
        ns.thaw();
        assertEquals(List.of("quit"), handled);
        ns.freeze();
        ns.kill(1, Signal.SIGKILL);
        assertEquals(137, init.status());
        assertFalse(init.frozen());
    }

    @Test
    void sigcontResumesAStoppedFrozenTaskAtOnceButItRunsOnlyWhenThawed() {
        spawn("sh");
        Process p = spawn("ping", "web");
        ns.kill(2, Signal.SIGSTOP);
        ns.freeze();
        List<String> ran = new ArrayList<>();
        p.whenRunning(() -> ran.add("tick"));
        ns.kill(2, Signal.SIGCONT);
        assertFalse(p.stopped(), "prepare_signal clears the stop at send time");
        assertEquals(List.of(), ran);
        ns.thaw();
        assertEquals(List.of("tick"), ran);
    }

    @Test
    void freezingHoldsTheOpenFilesAndThawingLetsThemGo() {
        Process p = spawn("nginx");
        List<String> calls = new ArrayList<>();
        p.openFiles(new OpenFiles() {
            @Override
            public List<Socket> sockets() {
                return List.of();
            }

            @Override
            public void freeze() {
                calls.add("freeze");
            }

            @Override
            public void thaw() {
                calls.add("thaw");
            }
        });
        ns.freeze();
        ns.freeze();
        ns.thaw();
        ns.thaw();
        assertEquals(List.of("freeze", "thaw"), calls);
    }
}
