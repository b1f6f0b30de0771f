package dev.dockwire.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signal delivery, default actions, the rule for a namespace's init, and reaping, by state. */
class PidNamespaceTest {
    private int hostPid = 4000;
    private final PidNamespace ns = new PidNamespace(() -> ++hostPid);

    private Process spawn(String... argv) {
        return ns.spawn(0, List.of(argv), Map.of("PATH", "/bin"), 0);
    }

    @Test
    void pidsCountFromOneAndTheHostSeesItsOwn() {
        Process init = spawn("sleep", "3600");
        Process exec = spawn("ping", "web");
        assertEquals(1, init.pid());
        assertEquals(2, exec.pid());
        assertEquals(4001, init.hostPid());
        assertEquals(4002, exec.hostPid());
        assertEquals("ping web", exec.commandLine());
        assertEquals(init, ns.init());
        assertEquals(List.of(init, exec), ns.running());
    }

    @Test
    void execveKeepsThePidParentLimitsAndStartButNotTheHandlers() {
        spawn("sleep", "3600");
        Process sh = ns.spawn(1, List.of("sh", "-c", "true; sleep 600"), Map.of("PATH", "/bin"), 7);
        sh.uid(1000);
        sh.limits(sh.limits().with(dev.dockwire.libc.Rlimit.NOFILE, 50, 50));
        List<Integer> heard = new ArrayList<>();
        sh.onExit(heard::add);
        boolean[] trapped = {false};
        sh.handle(Signal.SIGTERM, () -> trapped[0] = true);

        sh.exec(List.of("sleep", "600"), Map.of("HOME", "/root"));

        assertEquals(List.of(sh), ns.running().subList(1, 2), "no new process");
        assertEquals(2, sh.pid());
        assertEquals(4002, sh.hostPid());
        assertEquals(1, sh.ppid());
        assertEquals(7, sh.startNanos());
        assertEquals(1000, sh.uid());
        assertEquals(50, sh.limits().soft(dev.dockwire.libc.Rlimit.NOFILE));
        assertEquals("sleep 600", sh.commandLine());
        assertEquals(Map.of("HOME", "/root"), sh.env());
        assertTrue(ns.kill(2, Signal.SIGTERM));
        assertFalse(trapped[0], "execve resets a caught signal to its default action");
        assertEquals(List.of(143), heard, "who waited for the shell hears the program's end");
        sh.exec(List.of("true"), Map.of());
        assertEquals("sleep 600", sh.commandLine(), "an ended process execs nothing");
    }

    @Test
    void aChildWhoseParentEndedIsInitsChild() {
        spawn("sleep", "3600");
        Process sh = ns.spawn(0, List.of("sh", "-c", "sleep 100 &"), Map.of(), 0);
        Process job = ns.spawn(sh.pid(), List.of("sleep", "100"), Map.of(), 0);
        assertEquals(2, job.ppid());
        sh.exit(0);
        assertEquals(1, job.ppid(), "reparented to the namespace's init at the parent's exit, reaped or not");
        ns.reap(sh.pid());
        assertEquals(1, job.ppid());
        assertEquals(0, sh.ppid(), "started from outside");
    }

    @Test
    void anUnhandledSignalTerminatesAnOrdinaryProcessWith128PlusN() {
        spawn("sleep", "3600");
        Process p = spawn("sleep", "5");
        assertTrue(ns.kill(2, Signal.SIGTERM));
        assertEquals(143, p.status());
        assertEquals(Signal.SIGTERM, p.killedBy());
        assertFalse(ns.kill(2, Signal.SIGTERM), "ESRCH: it has ended");
        Process q = spawn("sleep", "5");
        ns.kill(q.pid(), Signal.SIGQUIT);
        assertEquals(131, q.status());
    }

    @Test
    void initIgnoresEverySignalItDoesNotHandleButSigkill() {
        Process init = spawn("ping", "web");
        for (Signal s : List.of(Signal.SIGHUP, Signal.SIGINT, Signal.SIGQUIT, Signal.SIGTERM)) {
            assertTrue(ns.kill(1, s));
            assertFalse(init.exited(), s + " is discarded for init");
        }
        ns.kill(1, Signal.SIGKILL);
        assertEquals(137, init.status());
    }

    @Test
    void aHandlerRunsInsteadOfTheDefaultActionAndMayExit() {
        Process nginx = spawn("nginx", "-g", "daemon off;");
        List<String> seen = new ArrayList<>();
        nginx.handle(Signal.SIGHUP, () -> seen.add("reload"));
        nginx.handle(Signal.SIGQUIT, () -> nginx.exit(0));
        ns.kill(1, Signal.SIGHUP);
        assertEquals(List.of("reload"), seen);
        assertFalse(nginx.exited());
        ns.kill(1, Signal.SIGQUIT);
        assertEquals(0, nginx.status());
        assertNull(nginx.killedBy());
        assertThrows(IllegalArgumentException.class, () -> nginx.handle(Signal.SIGKILL, () -> { }));
    }

    @Test
    void exitListenersHearTheStatusOnceAndZombiesStayUntilReaped() {
        Process p = spawn("true");
        List<Integer> heard = new ArrayList<>();
        p.onExit(heard::add);
        assertNull(ns.reap(1), "still running");
        p.exit(0);
        p.exit(1);
        assertEquals(List.of(0), heard);
        assertEquals(List.of(), ns.running());
        assertEquals(p, ns.process(1), "a zombie until its parent waits");
        assertEquals(0, ns.reap(1));
        assertNull(ns.process(1));
        p.onExit(heard::add);
        assertEquals(List.of(0, 0), heard, "a listener added late hears at once");
    }

    @Test
    void whenTheNamespaceEndsEveryProcessIsKilled() {
        Process init = spawn("sleep", "3600");
        Process other = spawn("sleep", "3600");
        ns.killAll();
        assertEquals(137, init.status());
        assertEquals(137, other.status());
    }
}
