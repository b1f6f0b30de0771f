package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.topology.Script;
import dev.dockwire.topology.ScriptParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code COMMAND &} in a script, on the virtual clock: any command starts in the background and
 * the script goes on at once; its lines appear among the foreground's where a terminal shows them
 * (in the order written); {@code wait} is a foreground wait the step limit ends; at the end the
 * jobs still running are named, and nothing waits for them.
 */
class ScriptJobsEndToEndTest {
    private static Session.Report run(Path dir, String text, List<String> lines) {
        Script s = ScriptParser.parse("jobs.sh", "jobs", text);
        return new ScriptRunner(dir.resolve("jobs.sh").toString()).run(s, new Session.Options(dir.resolve("out"), null, false),
                lines::add);
    }

    /** What a script's first {@code docker run} of alpine prints first: a script's host is fresh (the pull's lines, stderr). */
    private static final List<String> ALPINE_PULLED = List.of("Unable to find image 'alpine:latest' locally",
            "latest: Pulling from library/alpine", "e2de96513ba9: Pulling fs layer", "e2de96513ba9: Verifying Checksum",
            "e2de96513ba9: Download complete", "e2de96513ba9: Pull complete",
            "Digest: sha256:3cf95fe0816180395592b8373f3ec60663f076127617bbacb4eacf9667afe2e9",
            "Status: Downloaded newer image for alpine:latest");

    private static String at(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.contains(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " in\n" + String.join("\n", lines)));
    }

    @Test
    void dockerEventsInTheBackgroundPrintsARunsEventsAmongItsOwnLines(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        Session.Report r = run(dir, """
                docker events --filter type=container --format '{{.Action}}' &
                docker run --rm --name once alpine echo hi
                # expect: contains hi
                docker run --rm --name twice alpine true
                echo "pid $!"
                jobs
                """, lines);
        assertTrue(r.ok(), String.join("\n", lines));
        assertEquals(List.of(), r.steps().get(0).output(), "a non-interactive bash prints no [1] PID");
        List<String> first = r.steps().get(1).output();
        // The run's own line where the container wrote it: after its start, before its death.
        assertEquals(Stream.concat(ALPINE_PULLED.stream(), Stream.of("create", "attach", "start", "hi", "die", "destroy")).toList(), first);
        assertEquals(List.of("create", "attach", "start", "die", "destroy"), r.steps().get(2).output());
        assertEquals(List.of("pid 4201"), r.steps().get(3).output());
        assertEquals(List.of("[1]+  Running                 docker events --filter type=container --format {{.Action}} &"),
                r.steps().get(4).output());
        assertTrue(lines.contains("dockwire: the script ended with 'docker events --filter type=container --format {{.Action}}' (pid 4201)"
                + " still running in the background; bash leaves it running, the run ends it with the world"), String.join("\n", lines));
    }

    @Test
    void aBackgroundPingsRepliesInterleaveWithTheForegroundsAndWaitGivesItsStatus(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        Session.Report r = run(dir, """
                docker network create jnet
                docker run -d --name web --network jnet alpine sleep infinity
                docker run -d --name pinger --network jnet alpine sleep infinity
                docker exec pinger ping -c 3 -i 2 web &
                ping -c 4 172.18.0.2
                wait %1
                echo "status $?"
                ping -c 1 nowhere.invalid &
                wait $!
                # expect: status 2
                jobs
                """, lines);
        assertTrue(r.ok(), String.join("\n", lines));
        List<String> both = r.steps().get(4).output();
        // The host's ping (one a second) and the container's (one every two seconds) as they printed.
        int hostSecond = both.indexOf(at(both, "icmp_seq=2 "));
        int containerSecond = both.indexOf(at(both, " seq=1 ttl=64"));
        int hostFourth = both.indexOf(at(both, "icmp_seq=4 "));
        assertTrue(hostSecond < containerSecond && containerSecond < hostFourth, String.join("\n", both));
        List<String> rest = r.steps().get(5).output();
        assertTrue(rest.contains("3 packets transmitted, 3 packets received, 0% packet loss"), String.join("\n", rest));
        assertEquals(List.of("status 0"), r.steps().get(6).output());
        assertEquals(List.of(), r.steps().get(9).output(), "wait forgot the jobs it waited for");
    }

    /** {@code ping HOST > FILE &}: a background job as bash makes it, the file growing while it runs ($! its pid). */
    @Test
    void aRedirectedCommandWithAnAmpersandRunsInTheBackgroundAndItsFileGrows(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        Session.Report r = run(dir, """
                docker network create jnet
                docker run -d --name web --network jnet alpine sleep infinity
                ping -c 4 172.18.0.2 > out.txt &
                echo "pid $!"
                sleep 1.5
                cat out.txt
                jobs
                wait $!
                # expect: status 0
                cat out.txt
                ping -c 1 172.18.0.2 >> out.txt &
                wait
                wc -l out.txt
                """, lines);
        assertTrue(r.ok(), String.join("\n", lines));
        assertEquals(List.of(), r.steps().get(2).output(), "nothing on the terminal: no [1] PID, the replies go to the file");
        assertEquals(List.of("pid 4201"), r.steps().get(3).output());
        List<String> early = r.steps().get(5).output();
        assertEquals(List.of("PING 172.18.0.2 (172.18.0.2) 56(84) bytes of data."), early.subList(0, 1), String.join("\n", early));
        assertEquals(2, early.stream().filter(l -> l.contains("icmp_seq=")).count(), "replies 1 and 2 by 1.5 s: " + early);
        assertEquals(List.of("[1]+  Running                 ping -c 4 172.18.0.2 > out.txt &"), r.steps().get(6).output());
        List<String> whole = r.steps().get(8).output();
        assertTrue(whole.contains("4 packets transmitted, 4 received, 0% packet loss, time 3004ms")
                || whole.stream().anyMatch(l -> l.startsWith("4 packets transmitted, 4 received")), String.join("\n", whole));
        assertEquals(List.of((whole.size() + 6) + " out.txt"), r.steps().get(11).output(), "appended by the second job");
    }

    @Test
    void waitOnAJobThatNeverEndsIsAForegroundWaitTheStepLimitEnds(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        Session.Report r = run(dir, """
                # dockwire: step-timeout 10
                docker run -d --name web alpine sleep infinity
                docker logs -f web &
                sleep 1000 &
                echo at once
                wait
                # expect: status 137
                echo after
                kill %2
                wait %2
                # expect: status 143
                fg
                # expect: status 1
                """, lines);
        assertTrue(r.ok(), String.join("\n", lines));
        assertEquals(List.of("at once"), r.steps().get(3).output());
        assertEquals(List.of("dockwire: 'wait' was still running after 10 s of virtual time"
                + " (the step timeout; '# dockwire: step-timeout N' changes it); ended it"), r.steps().get(4).output());
        assertEquals(List.of("after"), r.steps().get(5).output());
        assertEquals(List.of("bash: fg: no job control"), r.steps().get(8).output());
        String transcript = String.join("\n", lines);
        assertTrue(transcript.contains("\n$ fg\nbash: fg: no job control\ndockwire: the script ended with 'docker logs -f web' (pid 4201)"
                + " still running in the background; bash leaves it running, the run ends it with the world\n"), transcript);
    }

    @Test
    void anAttachedRunBesideAJobStillEndsAtTheStepLimitAndSaysSo(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        Session.Report r = run(dir, """
                # dockwire: step-timeout 5
                sleep 100 &
                docker run --rm --name forever alpine sh -c 'echo up; sleep 1000'
                # expect: status 137
                docker ps -a --format '{{.Names}}'
                """, lines);
        assertTrue(r.ok(), String.join("\n", lines));
        assertEquals(Stream.concat(ALPINE_PULLED.stream(), Stream.of("up", "dockwire: 'docker run alpine' was still running after 5 s"
                + " of virtual time (the step timeout; '# dockwire: step-timeout N' changes it); ended it")).toList(), r.steps().get(1).output());
        assertEquals(List.of(), r.steps().get(2).output(), "--rm removed it, as without the job: " + String.join("\n", lines));
    }
}
