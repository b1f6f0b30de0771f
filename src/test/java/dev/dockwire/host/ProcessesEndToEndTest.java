package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Containers run their programs: the issue's transcript, on what the commands print. */
class ProcessesEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void pingerRunsToItsEndItsLogHoldsTheRepliesAndNginxStopsOnSigquit() {
        h.ok("docker network create pnet");
        h.ok("docker run -d --name web --network pnet nginx");
        h.ok("docker run -d --name pinger --network pnet alpine ping -c 3 web");
        h.ok("sleep 4");
        List<String> logs = h.ok("docker logs pinger");
        assertTrue(logs.get(0).equals("PING web (172.18.0.2): 56 data bytes"),
                String.join("\n", logs));
        assertEquals(3, logs.stream().filter(l -> l.matches("64 bytes from 172\\.18\\.0\\.2: seq=\\d ttl=64 time=.*")).count(),
                String.join("\n", logs));
        assertTrue(logs.contains("--- web ping statistics ---"), String.join("\n", logs));
        assertTrue(logs.stream().anyMatch(l -> l.equals("3 packets transmitted, 3 packets received, 0% packet loss")), String.join("\n", logs));
        List<String> ps = h.ok("docker ps -a");
        String pinger = ps.stream().filter(l -> l.endsWith("pinger")).findFirst().orElseThrow();
        assertTrue(pinger.contains("Exited (0) "), pinger);
        assertEquals(List.of("0"), h.ok("docker wait pinger"));
        assertEquals(List.of("hi"), h.ok("docker run --rm alpine echo hi"));
        assertEquals(List.of("pinger", "web"), h.ok("docker ps -a --format '{{.Names}}'"), "--rm removed the third");
        CommandResult stop = h.run("docker stop web");
        assertEquals(0, stop.status());
        assertEquals(List.of("web"), stop.output());
        String web = h.ok("docker ps -a").stream().filter(l -> l.endsWith("web")).findFirst().orElseThrow();
        assertTrue(web.contains("Exited (0) Less than a second ago"), "nginx quits on SIGQUIT at once: " + web);
    }

    @Test
    void aPid1WithoutAHandlerIgnoresSigtermAndIsKilledAfterTheGracePeriod() {
        h.ok("docker run -d --name s1 alpine sleep 3600");
        h.ok("docker stop -t 3 s1");
        String s = h.ok("docker ps -a").get(1);
        assertTrue(s.contains("Exited (137) 3 seconds ago") || s.contains("Exited (137) Less than a second ago"), s);
        h.ok("docker run -d --name p1 alpine ping -c 100 127.0.0.1");
        h.ok("sleep 2");
        h.ok("docker stop -s INT p1");
        List<String> logs = h.ok("docker logs --tail 2 p1");
        assertTrue(logs.get(0).startsWith("3 packets transmitted, 3 packets received"), String.join("\n", logs));
        assertEquals(List.of("0"), h.ok("docker wait p1"), "ping handles SIGINT: its statistics, then status 0");
    }

    @Test
    void foregroundRunReturnsTheProgramsStatusAndLogsCarryTimestamps() {
        CommandResult r = h.run("docker run --name f1 alpine false");
        assertEquals(1, r.status());
        assertTrue(h.ok("docker ps -a").get(1).contains("Exited (1) "));
        h.ok("sleep 1");
        h.ok("docker run -d --name e1 alpine echo hello");
        h.ok("sleep 1");
        assertEquals(List.of("2025-01-01T00:00:01.000000000Z hello"), h.ok("docker logs -t e1"));
        CommandResult cat = h.run("docker run --rm alpine cat /nonexistent");
        assertEquals(1, cat.status());
        assertEquals(List.of("cat: can't open '/nonexistent': No such file or directory"), cat.output());
    }

    @Test
    void topListsPid1AndAnExecdProcess() {
        h.ok("docker run -d --name t1 alpine sleep 3600");
        List<String> top = h.ok("docker top t1");
        assertEquals("UID                 PID                 PPID                C                   STIME               TTY"
                + "                 TIME                CMD", top.get(0));
        assertTrue(top.get(1).matches("root                \\d+ +\\d+ +0                   00:00               \\?"
                + "                   00:00:00            sleep 3600"), top.get(1));
    }

    @Test
    void psInsideTheContainerListsPid1AndItself() {
        h.ok("docker run -d --name t1 alpine sleep 3600");
        assertEquals(List.of("PID   USER     TIME  COMMAND", "    1 root      0:00 sleep 3600", "    2 root      0:00 ps"),
                h.ok("docker exec t1 ps"));
        assertEquals("    3 root      0:00 ps aux", h.ok("docker exec t1 ps aux").get(2), "pids are not reused at once");
    }

    @Test
    void busyboxPsColumnsAndProcpsPsByTheImagesPackage() {
        h.ok("docker run -d --name t1 alpine sleep 3600");
        // not the last command of -c, which ash would exec in the shell's stead: ps is the shell's child
        assertEquals(List.of("PID   PPID  PGID  STAT COMMAND", "    1     0     1 S    sleep 3600",
                "    2     0     2 S    sh -c sleep 9 & ps -o pid,ppid,pgid,stat,args; true", "    3     2     2 S    sleep 9",
                "    4     2     2 R    ps -o pid,ppid,pgid,stat,args"), h.ok("docker exec t1 sh -c 'sleep 9 & ps -o pid,ppid,pgid,stat,args; true'"));
        CommandResult bad = h.run("docker exec t1 ps -o pid,pcpu");
        assertEquals(1, bad.status());
        assertEquals("ps: bad -o argument 'pcpu', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,nice,rgroup,ruser,"
                + "time,tty,vsz,sid,stat,rss", bad.output().get(0));
        // python's image has procps: ps is procps-ng's, with its BSD and standard layouts
        h.ok("docker run -d --name py python:3.12 sleep 3600");
        List<String> aux = h.ok("docker exec py ps aux");
        assertEquals("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND", aux.get(0));
        assertEquals("root           1  0.0  0.0      0     0 ?        Ss   00:00   0:00 sleep 3600", aux.get(1));
        assertEquals("UID          PID    PPID  C STIME TTY          TIME CMD", h.ok("docker exec py ps -ef").get(0));
    }

    @Test
    void aForegroundCommandThatNeverEndsIsEndedByTheStepTimeout() {
        CommandResult r = h.run("docker run --name forever alpine sleep infinity");
        assertEquals(137, r.status());
        assertEquals(List.of("dockwire: 'docker run alpine' was still running after 60 s of virtual time"
                + " (the step timeout; '# dockwire: step-timeout N' changes it); ended it"), r.output());
        assertTrue(h.ok("docker ps -a").get(1).contains("Exited (137) Less than a second ago"));
        h.world.host().stepTimeout(5_000_000_000L);
        h.ok("docker run -d --name srv nginx");
        CommandResult follow = h.run("docker logs -f srv");
        assertEquals(0, follow.status());
        assertTrue(follow.output().get(0).startsWith("/docker-entrypoint.sh: "), "nginx's log first: " + follow.output());
        assertTrue(follow.output().get(follow.output().size() - 1).contains("after 5 s of virtual time"), String.join("\n", follow.output()));
    }

    @Test
    void entrypointReplacesTheImagesAndDropsItsCmd() {
        assertEquals(List.of("hello"), h.ok("docker run --rm --entrypoint echo nginx hello"));
        assertEquals(List.of("-g daemon off;"), h.ok("docker run --rm --entrypoint /bin/echo nginx -g 'daemon off;'"));
        h.ok("docker run -d --name w1 alpine sleep 3");
        CommandResult follow = h.run("docker logs -f w1");
        assertEquals(List.of(), follow.output(), "follows until the container stops");
        assertEquals(List.of("0"), h.ok("docker wait w1"));
    }

    @Test
    void serviceLogsShowEachTasksLinesAfterItsNameAndNode() {
        h.ok("docker swarm init --advertise-addr 192.168.1.11");
        h.ok("docker network create -d overlay my_overlay_net");
        h.ok("docker service create --name web --network my_overlay_net nginx");
        h.ok("docker service create --name app --network my_overlay_net alpine ping -c 2 web");
        h.ok("sleep 3");
        List<String> logs = h.ok("docker service logs app");
        assertTrue(logs.get(0).matches("app\\.1\\.[0-9a-z]{12}@docker-host    \\| PING web \\(10\\.0\\.1\\.\\d+\\): 56 data bytes"),
                String.join("\n", logs));
        assertEquals(2, logs.stream().filter(l -> l.contains("    | 64 bytes from 10.0.1.")).count(), String.join("\n", logs));
        assertEquals(List.of("no such task or service: nothing"), h.run("docker service logs nothing").output());
    }

    @Test
    void composeLogsPrefixEachLineWithTheContainersNameInTheProject() {
        h.ok("printf 'services:\\n  web:\\n    image: nginx\\n  pinger:\\n    image: alpine\\n    command: ping -c 1 web\\n' > compose.yaml");
        h.ok("docker compose -p demo up -d");
        h.ok("sleep 2");
        List<String> logs = h.ok("docker compose -p demo logs pinger");
        assertTrue(logs.get(0).matches("pinger-1 \\| PING web \\(.*\\): 56 data bytes"), String.join("\n", logs));
        assertTrue(logs.contains("pinger-1 | --- web ping statistics ---"), String.join("\n", logs));
        assertTrue(h.ok("docker compose -p demo ps -a").stream().anyMatch(l -> l.contains("Exited (0)")));
    }

    @Test
    void aSwarmTaskThatExitsCompletesAndIsReplacedAfterTheRestartDelay() {
        h.ok("docker swarm init --advertise-addr 192.168.1.11");
        h.ok("docker service create --name once alpine sleep 3");
        h.ok("sleep 4");
        List<String> ps = h.ok("docker service ps once");
        assertEquals(2, ps.size(), String.join("\n", ps));
        assertTrue(ps.get(1).matches("[0-9a-z]{12}   once\\.1    alpine:latest   docker-host   Shutdown        Complete 1 second ago +"),
                String.join("\n", ps));
        h.ok("sleep 5");
        ps = h.ok("docker service ps once");
        assertEquals(3, ps.size(), String.join("\n", ps));
        assertTrue(ps.get(1).contains(" once.1 ") && ps.get(1).contains("Running 1 second ago"), String.join("\n", ps));
        assertTrue(ps.get(2).contains(" \\_ once.1") && ps.get(2).contains("Complete 6 seconds ago"), String.join("\n", ps));
        h.ok("docker service rm once");
        assertEquals(List.of(), h.ok("docker ps -aq"), "the service's tasks, ended ones too, go with it");
    }

    @Test
    void aSwarmTaskThatFailsShowsItsExitCode() {
        h.ok("docker swarm init --advertise-addr 192.168.1.11");
        h.ok("docker service create --name f alpine false");
        h.ok("sleep 1");
        List<String> ps = h.ok("docker service ps f");
        assertTrue(ps.get(1).contains("Failed 1 second ago   \"task: non-zero exit (1)\""), String.join("\n", ps));
        h.ok("docker service create --name echoer alpine echo hi");
        h.ok("sleep 6");
        assertEquals(List.of("echoer.1@", "echoer.1@"), h.ok("docker service logs --no-task-ids echoer").stream()
                .map(l -> l.substring(0, 9)).toList());
    }

    @Test
    void restartPoliciesStartPid1AgainWithTheDaemonsBackOff() {
        h.ok("docker run -d --name f1 --restart on-failure:2 alpine false");
        h.ok("sleep 0.05");
        assertTrue(h.ok("docker ps -a").get(1).contains("Restarting (1) Less than a second ago"), h.ok("docker ps -a").get(1));
        h.ok("sleep 1");
        assertTrue(h.ok("docker ps -a").get(1).contains("Exited (1) "), "two restarts (after 100 and 200 ms), then it stays down");
        h.ok("docker run -d --name a1 --restart always alpine sleep 1");
        h.ok("sleep 1.05");
        String a = h.ok("docker ps").get(1);
        assertTrue(a.contains("Restarting (0) Less than a second ago"), a);
        h.ok("sleep 0.1");
        assertTrue(h.ok("docker ps").get(1).contains("Up Less than a second"), h.ok("docker ps").get(1));
        h.ok("docker stop a1");
        h.ok("sleep 5");
        assertTrue(h.ok("docker ps -a").get(1).contains("Exited (0) 5 seconds ago"), "sleep 1 ended by itself during the grace period; docker stop ends the restarts: " + h.ok("docker ps -a").get(1));
    }

    @Test
    void killSendsSigkillOrTheSignalNamedWhichPid1IgnoresWithoutAHandler() {
        h.ok("docker run -d --name k1 alpine sleep 3600");
        assertEquals(List.of("k1"), h.ok("docker kill -s TERM k1"));
        assertTrue(h.ok("docker ps").get(1).contains("Up "), "init ignores an unhandled SIGTERM");
        h.ok("docker kill k1");
        assertTrue(h.ok("docker ps -a").get(1).contains("Exited (137) Less than a second ago"));
        CommandResult again = h.run("docker kill k1");
        assertEquals(1, again.status());
        assertTrue(again.output().get(0).matches("Error response from daemon: cannot kill container: k1: container [0-9a-f]{64} is not running"),
                again.output().get(0));
        h.ok("docker run -d --name p1 alpine ping 127.0.0.1");
        h.ok("sleep 1");
        h.ok("docker kill -s INT p1");
        h.ok("sleep 1");
        assertTrue(h.ok("docker ps -a").get(1).contains("Exited (0) 1 second ago"), "ping's SIGINT handler: statistics, then 0");
    }

    @Test
    void logsSinceAndUntilAndStartAttached() {
        h.ok("docker run -d --name p1 alpine ping -c 5 127.0.0.1");
        h.ok("sleep 6");
        List<String> recent = h.ok("docker logs --since 3s p1");
        assertTrue(recent.get(0).contains("seq=3"), String.join("\n", recent));
        List<String> early = h.ok("docker logs --until 2025-01-01T00:00:00.5Z p1");
        assertEquals(2, early.size(), String.join("\n", early));
        h.ok("docker create --name c1 alpine echo attached");
        CommandResult a = h.run("docker start -a c1");
        assertEquals(0, a.status());
        assertEquals(List.of("attached"), a.output());
    }
}
