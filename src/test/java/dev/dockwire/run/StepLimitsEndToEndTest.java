package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.topology.Script;
import dev.dockwire.topology.ScriptParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script's steps end and stay bounded: a command that never ends, one that never stops printing. */
class StepLimitsEndToEndTest {
    private static Session.Report run(Path dir, String text, List<String> lines) {
        Script s = ScriptParser.parse("limits.sh", "limits", text);
        return new ScriptRunner(dir.resolve("limits.sh").toString()).run(s, new Session.Options(dir.resolve("out"), null, false),
                lines::add);
    }

    @Test
    void dockerExecPingWithoutCountEndsAtTheStepLimit(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        Session.Report r = run(dir, """
                # dockwire: step-timeout 30
                docker network create lmnet
                docker run -d --name pinger --network lmnet alpine sleep infinity
                docker run -d --name target --network lmnet alpine sleep infinity
                docker exec pinger ping target
                # expect: status 137
                echo after
                """, lines);
        assertTrue(r.ok(), String.join("\n", lines));
        List<String> ping = r.steps().get(3).output();
        assertEquals(32, ping.size(), String.join("\n", ping)); // the PING line, 30 replies, the limit's line
        assertTrue(ping.get(30).contains("seq=29 ttl=64"), ping.get(30));
        assertEquals("dockwire: 'docker exec pinger ping target' was still running after 30 s of virtual time"
                + " (the step timeout; '# dockwire: step-timeout N' changes it); ended it", ping.get(31));
        assertEquals(List.of("after"), r.steps().get(4).output());
    }

    @Test
    void aStepThatNeverStopsPrintingIsCutAtTheOutputLimit(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        Session.Report r = run(dir, """
                docker run -d --name talker alpine sleep infinity
                docker exec talker sh -c 'i=0; while [ $i -lt 20000 ]; do echo line-$i-%s; i=$((i+1)); done'
                """.formatted("x".repeat(90)), lines);
        assertTrue(r.ok(), String.join("\n", lines));
        List<String> out = r.steps().get(1).output();
        long bytes = out.stream().mapToLong(l -> l.length() + 1).sum();
        assertTrue(bytes < (1 << 20) + 200, "within 1 MiB and the cut line: " + bytes);
        String last = out.get(out.size() - 1);
        int kept = out.size() - 1;
        assertEquals("dockwire: output cut at 1 MiB (the step's output limit): " + (20_000 - kept) + " more lines not shown", last);
        assertEquals("line-" + (kept - 1) + "-" + "x".repeat(90), out.get(kept - 1));
    }

    @Test
    void theShellsLoopInAContainerIsEndedByTheLimitToo(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        Session.Report r = run(dir, """
                # dockwire: step-timeout 5
                docker run -d --name looper alpine sleep infinity
                docker exec looper sh -c 'while true; do sleep 1; echo tick; done'
                # expect: status 137
                docker exec looper ps
                """, lines);
        assertTrue(r.ok(), String.join("\n", lines));
        List<String> out = r.steps().get(1).output();
        assertEquals(List.of("tick", "tick", "tick", "tick"), out.subList(0, 4), String.join("\n", out));
        assertTrue(out.get(out.size() - 1).endsWith("after 5 s of virtual time (the step timeout; '# dockwire: step-timeout N'"
                + " changes it); ended it"), String.join("\n", out));
        List<String> ps = r.steps().get(2).output();
        assertTrue(ps.stream().noneMatch(l -> l.contains("while") || l.contains("sleep 1")), "the shell and its sleep are gone: " + ps);
    }

    @Test
    void aLoopThatNeverWaitsReachesTheLimitInBoundedWallTime(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        Session.Report r = run(dir, """
                # dockwire: step-timeout 20
                docker run -d --name spinner alpine sleep infinity
                docker exec spinner sh -c 'while true; do :; done'
                # expect: status 137
                docker exec spinner sh -c 'while true; do echo xxxxxxxxxxxxxxxxxxxxxxxx; done'
                # expect: status 137
                docker exec spinner sh -c 'while true; do sleep 0; done'
                # expect: status 137
                echo after
                """, lines);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(r.ok(), String.join("\n", lines));
        String limit = " was still running after 20 s of virtual time (the step timeout; '# dockwire: step-timeout N' changes it); ended it";
        assertEquals(List.of("dockwire: 'docker exec spinner sh -c while true; do :; done'" + limit), r.steps().get(1).output());
        List<String> echo = r.steps().get(2).output();
        assertEquals("xxxxxxxxxxxxxxxxxxxxxxxx", echo.get(0));
        assertTrue(echo.get(echo.size() - 2).startsWith("dockwire: output cut at 1 MiB (the step's output limit): "), echo.get(echo.size() - 2));
        assertEquals("dockwire: 'docker exec spinner sh -c while true; do echo xxxxxxxxxxxxxxxxxxxxxxxx; done'" + limit, echo.get(echo.size() - 1));
        assertEquals(List.of("dockwire: 'docker exec spinner sh -c while true; do sleep 0; done'" + limit), r.steps().get(3).output());
        assertEquals(List.of("after"), r.steps().get(4).output());
        // 3 x 20 s of virtual time (2.4 million shell steps at most): well under a second each on an idle machine
        assertTrue(seconds < 40, "three spinning steps took " + seconds + " s of wall time");
    }
}
