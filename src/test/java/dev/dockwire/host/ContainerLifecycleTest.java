package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A container's life around its PID 1 as dockerd leads it: shells as PID 1, restarts by hand and by policy. */
class ContainerLifecycleTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    private String row(String name) {
        return h.ok("docker ps -a").stream().filter(l -> l.endsWith(" " + name)).findFirst().orElseThrow();
    }

    @Test
    void aShellAsPid1ExitsAtOnceWithoutStdinAndWaitsWithIt() {
        h.ok("docker run -d --name plain alpine");
        h.ok("docker run -dit --name alpine1 alpine ash");
        h.ok("sleep 1");
        assertTrue(row("plain").contains("Exited (0) 1 second ago"), "stdin is /dev/null: sh reads EOF: " + row("plain"));
        assertTrue(row("alpine1").contains("Up 1 second"), "-i keeps stdin open: " + row("alpine1"));
        assertEquals(List.of("true true"), h.ok("docker inspect -f '{{.Config.OpenStdin}} {{.Config.Tty}}' alpine1"));
        CommandResult fg = h.run("docker run --name fg alpine");
        assertEquals(0, fg.status());
        assertEquals(List.of(), fg.output());
    }

    @Test
    void shDashCExecsItsOneSimpleCommandAsPid1() {
        h.ok("docker run -d --name p1 alpine sh -c 'ping -c 2 127.0.0.1'");
        List<String> top = h.ok("docker top p1");
        assertTrue(top.get(1).endsWith("ping -c 2 127.0.0.1"), String.join("\n", top));
        h.ok("sleep 3");
        assertTrue(row("p1").contains("Exited (0) "), row("p1"));
        assertTrue(h.ok("docker logs p1").contains("--- 127.0.0.1 ping statistics ---"));
    }

    @Test
    void aForegroundScriptEndsPid1WithItsStatusAndLogsItsOutput() {
        CommandResult r = h.run("docker run --name s1 alpine sh -c 'echo one; echo two; exit 3'");
        assertEquals(3, r.status());
        assertEquals(List.of("one", "two"), r.output());
        assertTrue(row("s1").contains("Exited (3) Less than a second ago"), row("s1"));
        assertEquals(List.of("one", "two"), h.ok("docker logs s1"));
    }

    @Test
    void aRestartingContainerCountsAsRunningAndDockerStartResetsTheCount() {
        h.ok("docker run -d --name f1 --restart always alpine false");
        h.ok("sleep 0.05");
        assertEquals(List.of("restarting true true 1"),
                h.ok("docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Restarting}} {{.RestartCount}}' f1"));
        h.ok("sleep 2");
        h.ok("docker stop f1");
        assertTrue(Integer.parseInt(h.ok("docker inspect -f '{{.RestartCount}}' f1").get(0)) > 1);
        h.ok("docker start f1");
        // daemon/start.go: ResetRestartManager(true); false exits at once and ShouldRestart counts that exit
        // before its 100 ms back-off, so the next command may see this start's own restart already (as on moby)
        assertTrue(Integer.parseInt(h.ok("docker inspect -f '{{.RestartCount}}' f1").get(0)) <= 1, "daemon/start.go: ResetRestartManager(true)");
    }

    @Test
    void killWithAnotherSignalThanStopsignalLeavesTheRestartPolicyOn() {
        h.ok("docker run -d --name pg --restart always -e POSTGRES_PASSWORD=secret postgres");
        h.ok("docker kill -s TERM pg");
        h.ok("sleep 1");
        assertTrue(row("pg").contains("Up "), "SIGTERM is not postgres' STOPSIGNAL (SIGINT): always restarts it: " + row("pg"));
        assertEquals(List.of("1"), h.ok("docker inspect -f '{{.RestartCount}}' pg"));
        h.ok("docker kill -s INT pg");
        h.ok("sleep 1");
        assertTrue(row("pg").contains("Exited (0) 1 second ago"), "the STOPSIGNAL cancels the restart: " + row("pg"));
        h.ok("docker run -d --name u1 --restart unless-stopped -e POSTGRES_PASSWORD=secret postgres");
        h.ok("docker kill -s TERM u1");
        h.ok("sleep 1");
        assertTrue(row("u1").contains("Exited (0) 1 second ago"), "unless-stopped heeds a kill by hand: " + row("u1"));
    }

    @Test
    void execDetachedStartsTheProgramInTheContainerAndReturnsAtOnce() {
        h.ok("docker run -d --name t1 alpine sleep 3600");
        assertEquals(List.of(), h.ok("docker exec -d t1 ping -c 3 127.0.0.1"));
        List<String> top = h.ok("docker top t1");
        assertEquals(3, top.size(), String.join("\n", top));
        assertTrue(top.get(2).endsWith("ping -c 3 127.0.0.1"), String.join("\n", top));
        h.ok("sleep 3");
        assertEquals(2, h.ok("docker top t1").size(), "ping ended after its third reply");
        assertEquals(List.of(), h.ok("docker exec -d t1 sh -c 'echo hi > /tmp/x'"));
        assertEquals(List.of("hi"), h.ok("docker exec t1 cat /tmp/x"));
        CommandResult missing = h.run("docker exec -d nosuch true");
        assertEquals(1, missing.status());
        assertEquals(List.of("Error response from daemon: No such container: nosuch"), missing.output());
    }

    @Test
    void nginxLogsItsEntrypointAndEachRequestItServes() {
        h.ok("docker run -d --name web -p 8080:80 nginx");
        h.ok("sleep 5");
        h.ok("curl -s -o /dev/null localhost:8080");
        List<String> logs = h.ok("docker logs web");
        assertEquals("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration", logs.get(0));
        assertEquals("/docker-entrypoint.sh: Configuration complete; ready for start up", logs.get(8));
        assertEquals(List.of("2025/01/01 00:00:00 [notice] 1#1: using the \"epoll\" event method",
                "2025/01/01 00:00:00 [notice] 1#1: nginx/1.31.3",
                "2025/01/01 00:00:00 [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19) ",
                "2025/01/01 00:00:00 [notice] 1#1: OS: Linux 6.1.0-28-amd64",
                "2025/01/01 00:00:00 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1024:524288",
                "2025/01/01 00:00:00 [notice] 1#1: start worker processes",
                "2025/01/01 00:00:00 [notice] 1#1: start worker process 29",
                "2025/01/01 00:00:00 [notice] 1#1: start worker process 30"), logs.subList(9, 17), "nginx's own lines (its error log, on stderr)");
        assertTrue(logs.get(17).matches("172\\.17\\.0\\.1 - - \\[01/Jan/2025:00:00:05 \\+0000\\] \"GET / HTTP/1\\.1\" 200 896 \"-\" \"curl/[0-9.]+\" \"-\""),
                logs.get(17));
    }

    @Test
    void aServiceWhoseImageCannotBePulledHasItsTasksRejectedAndRetried() {
        h.ok("docker swarm init --advertise-addr 192.168.1.11");
        List<String> create = h.ok("docker service create --name badsvc nosuchimage");
        assertEquals(List.of("image nosuchimage:latest could not be accessed on a registry to record",
                "its digest. Each node will access nosuchimage:latest independently,",
                "possibly leading to different nodes running different", "versions of the image.", ""),
                create.subList(0, 5), "docker 28.2's warning, as the reference host printed it");
        assertTrue(create.contains("overall progress: 0 out of 1 tasks "), String.join("\n", create));
        assertTrue(create.contains("1/1: No such image: nosuchimage:latest "), String.join("\n", create));
        h.ok("sleep 6");
        List<String> ps = h.ok("docker service ps badsvc");
        assertEquals(3, ps.size(), String.join("\n", ps));
        assertTrue(ps.get(1).matches("[0-9a-z]{12} +badsvc\\.1 +nosuchimage:latest +docker-host +Shutdown +"
                + "Rejected 1 second ago +\"No such image: nosuchimage:la…\" *"), ps.get(1));
        assertTrue(ps.get(2).contains(" \\_ badsvc.1 ") && ps.get(2).contains("Rejected 6 seconds ago"), ps.get(2));
        assertTrue(h.ok("docker service ps --no-trunc badsvc").get(1).contains("\"No such image: nosuchimage:latest\""));
        // cli/command/task/print.go: the earlier tasks of a slot are indented only in a table.
        assertEquals(List.of("badsvc.1", "badsvc.1"), h.ok("docker service ps --format '{{.Name}}' badsvc"));
        assertEquals(List.of("NAME           DESIRED STATE", "badsvc.1       Shutdown", " \\_ badsvc.1   Shutdown"),
                h.ok("docker service ps -f desired-state=shutdown --format 'table {{.Name}}\t{{.DesiredState}}' badsvc"));
        assertEquals(List.of("ID        NAME      IMAGE     NODE      DESIRED STATE   CURRENT STATE   ERROR     PORTS"),
                h.ok("docker service ps --filter desired-state=running badsvc"));
        // daemon/cluster/filters.go newListTasksFilters
        assertEquals(List.of("Error response from daemon: invalid filter 'foo'"), h.run("docker service ps -f foo=1 badsvc").output());
        assertEquals(List.of("Error response from daemon: Invalid desired-state filter: 'up'"),
                h.run("docker service ps -f desired-state=up badsvc").output());
        assertEquals(List.of(), h.ok("docker ps -aq"), "a rejected task has no container");
        h.ok("docker service rm badsvc");
    }

    @Test
    void everyLinuxSignalIsKnownWithItsDefaultAction() {
        h.ok("docker run -d --name web httpd");
        h.ok("docker stop web");
        assertTrue(row("web").contains("Exited (0) Less than a second ago"), "httpd's STOPSIGNAL SIGWINCH is its graceful stop: " + row("web"));
        h.ok("docker run -d --name s1 alpine sleep 3600");
        assertEquals(List.of("s1"), h.ok("docker kill -s USR1 s1"));
        assertTrue(row("s1").contains("Up "), "init ignores a signal it does not handle: " + row("s1"));
    }

    /**
     * A signal name the daemon does not know, as Docker 28 answers it (moby v28.2.2: the daemon, no
     * longer the API router, parses it with moby/sys/signal's {@code invalid signal: X}; kill.go
     * before the container is looked up, stop.go and restart.go only to stop a running one). Docker
     * 20.10 said {@code Invalid signal: X} for all three, whatever the containers.
     */
    @Test
    void anUnknownSignalIsRefusedAsADocker28DaemonRefusesIt() {
        h.ok("docker run -d --name s1 alpine sleep 3600");
        h.ok("docker run -d --name s2 alpine sleep 2");
        h.ok("sleep 3");
        CommandResult kill = h.run("docker kill -s SIGFOO s1 nosuch");
        assertEquals(1, kill.status());
        assertEquals(List.of("Error response from daemon: cannot kill container: s1: invalid signal: SIGFOO",
                "Error response from daemon: cannot kill container: nosuch: invalid signal: SIGFOO"), kill.output());
        CommandResult stop = h.run("docker stop -s FOO s1 s2 nosuch");
        assertEquals(1, stop.status());
        assertEquals(List.of("Error response from daemon: cannot stop container: s1: invalid signal: FOO", "s2",
                "Error response from daemon: No such container: nosuch"), stop.output());
        CommandResult restart = h.run("docker restart -s 0 s1 s2");
        assertEquals(1, restart.status());
        assertEquals(List.of("Error response from daemon: Cannot restart container s1: invalid signal: 0", "s2"), restart.output());
        assertTrue(row("s1").contains("Up 3 seconds"), "the running one is left running: " + row("s1"));
        assertTrue(row("s2").contains("Up Less than a second"), "the stopped one is started, its stop skipped: " + row("s2"));
    }

    /**
     * Real-time signals as moby/sys/signal's SignalMap names them ({@code RTMIN}, {@code RTMIN+1..15},
     * {@code RTMAX-14..-1}, {@code RTMAX}, or 34-64): the daemon sends them, and init ignores one it
     * does not handle; a number outside the map is one the linux daemon does not support (the
     * reference Docker 20.10 here answers the same, capitalised).
     */
    @Test
    void realTimeSignalsAreSentAndInitIgnoresThem() {
        h.ok("docker run -d --name web nginx");
        for (String sig : List.of("RTMIN+3", "SIGRTMAX-1", "40", "rtmin+1", "RTMIN", "SIGRTMAX", "34", "64")) {
            assertEquals(List.of("web"), h.ok("docker kill -s " + sig + " web"), sig);
        }
        assertTrue(row("web").contains("Up "), "init ignores a signal it does not handle: " + row("web"));
        for (String sig : List.of("33", "32", "65", "99")) {
            CommandResult r = h.run("docker kill -s " + sig + " web");
            assertEquals(1, r.status());
            assertEquals(List.of("Error response from daemon: cannot kill container: web: the linux daemon does not support signal " + sig),
                    r.output());
        }
        for (String sig : List.of("RTMIN+16", "RTMAX-15", "RTMIN_3", "0")) {
            assertEquals(List.of("Error response from daemon: cannot kill container: web: invalid signal: " + sig),
                    h.run("docker kill -s " + sig + " web").output());
        }
    }

    @Test
    void aShellScriptAsPid1RunsItsCommandsInTurnAndExitsWithTheLastStatus() {
        h.ok("docker run -d --name seq alpine sh -c 'echo start; ping -c 2 127.0.0.1 && echo done; false'");
        List<String> top = h.ok("docker top seq");
        assertTrue(top.get(1).endsWith("sh -c echo start; ping -c 2 127.0.0.1 && echo done; false"), String.join("\n", top));
        h.ok("sleep 3");
        List<String> logs = h.ok("docker logs seq");
        assertEquals("start", logs.get(0));
        assertEquals("done", logs.get(logs.size() - 1));
        assertTrue(row("seq").contains("Exited (1) "), row("seq"));
        h.ok("docker run -d --name loop alpine sh -c 'while true; do sleep 1; done'");
        h.ok("sleep 2");
        assertTrue(row("loop").contains("Up 2 seconds"), "a loop is no list of commands: it stays up as before: " + row("loop"));
    }

    @Test
    void execDashIPassesWhatWasPipedToTheClientToTheProcess() {
        h.ok("docker run -d --name c1 alpine sleep 3600");
        assertEquals(List.of("hi"), h.ok("echo hi | docker exec -i c1 cat"));
        assertEquals(List.of(), h.ok("echo hi | docker exec c1 cat"), "without -i the client's stdin is not attached");
        assertEquals(List.of("2"), h.ok("printf 'a\\nb\\nab\\n' | docker exec -i c1 grep -c b"));
    }
}
