package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The programs that act on a container's processes and time, through {@code docker exec}: kill as
 * a program and as each shell's builtin, pgrep/pkill, killall, pidof, timeout. The alpine lines are
 * held to the real 20.10 engine's transcript ({@code procs-kill.sh}/{@code procs-kill.out} beside
 * this test, recorded on its BusyBox stand-in): PID 1 without a handler ignores {@code kill} and
 * {@code kill -9} from inside, {@code docker kill} ends it.
 */
class ProcessProgramsEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    private void same(String line, int status, List<String> output) {
        CommandResult r = h.run(line);
        assertEquals(output, r.output(), line);
        assertEquals(status, r.status(), line);
    }

    @Test
    void killInAlpineAsTheRealEngineShowsIt() {
        h.ok("docker run -d --name pk-s1 alpine sleep 3600");
        same("docker exec pk-s1 kill 99", 1, List.of("kill: can't kill pid 99: No such process"));
        same("docker exec pk-s1 sh -c 'kill 99; echo $?'", 0, List.of("sh: can't kill pid 99: No such process", "1"));
        same("docker exec pk-s1 kill 1", 0, List.of());
        same("docker exec pk-s1 kill -9 1", 0, List.of());
        same("docker exec pk-s1 sh -c 'kill -9 1; echo $?'", 0, List.of("0"));
        assertTrue(h.ok("docker ps --format '{{.Names}} {{.Status}}' --filter name=pk-s1").get(0).startsWith("pk-s1 Up "));
        same("docker exec pk-s1 killall nosuch", 1, List.of("killall: nosuch: no process killed"));
        same("docker exec pk-s1 pidof sleep", 0, List.of("1"));
        same("docker exec pk-s1 timeout 1 sleep 5", 143, List.of());
        same("docker exec pk-s1 timeout 5 sleep 1", 0, List.of());
        same("docker exec pk-s1 timeout 1 nosuch", 127, List.of("timeout: can't execute 'nosuch': No such file or directory"));
        h.ok("docker kill pk-s1");
        assertEquals(List.of("pk-s1 Exited (137) Less than a second ago"),
                h.ok("docker ps -a --format '{{.Names}} {{.Status}}' --filter name=pk-s1"));
    }

    @Test
    void eachExecdProgramTakesOnePidAndTheOthersFindWhatTheShellStarted() {
        h.ok("docker run -d --name t1 alpine sleep 3600");
        same("docker exec t1 kill 99", 1, List.of("kill: can't kill pid 99: No such process"));
        assertEquals("    3 root      0:00 ps", h.ok("docker exec t1 ps").get(2), "kill was pid 2, exec'd by runc");
        same("docker exec t1 sh -c 'sleep 100 & sleep 200 & pgrep -x sleep; pgrep -l -n sleep; pidof sleep'", 0,
                List.of("1", "5", "6", "6 sleep", "6 5 1"));
        same("docker exec t1 sh -c 'sleep 100 & pkill -x sleep; echo $?; sleep 1; pgrep -x sleep'", 0, List.of("0", "1"));
        same("docker exec t1 sh -c 'type kill; kill -l 9; kill -s TERM 99'", 1,
                List.of("kill is a shell builtin", "KILL", "sh: can't kill pid 99: No such process"));
    }

    @Test
    void debianShellsWordKillAsBashAndDashDo() {
        h.ok("docker run -d --name d1 debian sleep 3600");
        same("docker exec d1 bash -c 'kill 99; echo $?'", 0, List.of("bash: line 1: kill: (99) - No such process", "1"));
        same("docker exec d1 sh -c 'kill 99; echo $?'", 0, List.of("sh: 1: kill: No such process", "", "1"));
        same("docker exec d1 kill 1", 126, List.of("OCI runtime exec failed: exec failed: unable to start container process: "
                + "exec: \"kill\": executable file not found in $PATH: unknown"));
    }

    @Test
    void gnuTimeoutOnTheVirtualClock() {
        h.ok("docker run -d --name d1 debian sleep 3600");
        same("docker exec d1 timeout 1 sleep 5", 124, List.of());
        same("docker exec d1 timeout --preserve-status 1 sleep 5", 143, List.of());
        same("docker exec d1 timeout -s KILL 1 sleep 5", 137, List.of());
        same("docker exec d1 timeout -k 1 1 sh -c 'trap \"\" TERM; sleep 5'", 137, List.of());
        same("docker exec d1 timeout 2 true", 0, List.of());
        same("docker exec d1 timeout 1x true", 125, List.of("timeout: invalid time interval '1x'", "Try 'timeout --help' for more information."));
        same("docker exec d1 timeout 1 nosuch", 127, List.of("timeout: failed to run command 'nosuch': No such file or directory"));
        long before = h.world.host().loop().nanos();
        same("docker exec d1 sh -c 'timeout 0.5 sleep 3; echo $?'", 0, List.of("124"));
        long took = h.world.host().loop().nanos() - before;
        assertTrue(took >= 500_000_000L && took < 600_000_000L, "timeout 0.5 ends sleep after half a second of virtual time: " + took);
    }

    @Test
    void procpsKillAndPgrepInANodeImage() {
        h.ok("docker run -d --name n1 node sleep 3600");
        same("docker exec n1 kill 99", 1, List.of("kill: (99): No such process"));
        same("docker exec n1 pgrep -l sleep", 0, List.of("1 sleep"));
        same("docker exec n1 pgrep", 2, List.of("pgrep: no matching criteria specified", "Try `pgrep --help' for more information."));
    }

    @Test
    void busyboxWatchRunsItsCommandEachPeriodUntilTimeoutEndsIt() {
        h.ok("docker run -d --name w1 alpine sleep 3600");
        CommandResult r = h.run("docker exec w1 timeout 5 watch -n 2 echo hi");
        assertEquals(143, r.status());
        String header = "\033[H\033[JEvery 2.0s: echo hi" + " ".repeat(41);
        // busybox 1.35's watch off a terminal: 80 columns, the time over the last 20 but one (as this machine's busybox prints it)
        List<String> out = r.output();
        assertEquals(9, out.size(), String.join("\n", out));
        for (int round = 0; round < 3; round++) {
            assertTrue(out.get(3 * round).matches(java.util.regex.Pattern.quote(header) + "2025-01-01 00:00:\\d\\d"), out.get(3 * round));
            assertEquals(List.of("", "hi"), out.subList(3 * round + 1, 3 * round + 3));
        }
        int s0 = Integer.parseInt(out.get(0).substring(out.get(0).length() - 2));
        assertEquals(List.of(s0 + 2, s0 + 4), List.of(Integer.parseInt(out.get(3).substring(out.get(3).length() - 2)),
                Integer.parseInt(out.get(6).substring(out.get(6).length() - 2))), "a round each 2 s of virtual time");
        CommandResult t = h.run("docker exec w1 timeout 3 watch -t -n 1 echo x");
        assertEquals(List.of("\033[H\033[Jx", "\033[H\033[Jx", "\033[H\033[Jx"), t.output());
        assertEquals(List.of("BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.", "", "Usage: watch [-n SEC] [-t] PROG ARGS", "",
                "Run PROG periodically", "", "\t-n SEC\tPeriod (default 2)", "\t-t\tDon't print header"), h.fails("docker exec w1 watch", 1));
    }
}
