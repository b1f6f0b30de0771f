package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The container's shell (app.sh) as PID 1, in a healthcheck and under docker exec, on what the commands print. */
class ContainerShellEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aWhileLoopAsPid1TicksAndIsKilledAfterTheGracePeriod() {
        h.ok("docker run -d --name w1 alpine sh -c 'while true; do echo tick; sleep 1; done'");
        h.ok("sleep 3");
        List<String> logs = h.ok("docker logs w1");
        assertTrue(logs.size() >= 3 && logs.stream().allMatch("tick"::equals), String.join("\n", logs));
        h.ok("docker stop w1");
        String w = h.ok("docker ps -a").get(1);
        assertTrue(w.contains("13 seconds ago   Exited (137) Less than a second ago"),
                "sh as PID 1 ignores SIGTERM without a trap, so docker stop kills it after 10 s: " + w);
    }

    @Test
    void aTrapOnTermEndsTheLoopWithItsStatus() {
        h.ok("docker run -d --name t1 alpine sh -c \"trap 'exit 0' TERM; while true; do echo tick; sleep 1; done\"");
        h.ok("sleep 2");
        h.ok("docker stop t1");
        String t = h.ok("docker ps -a").get(1);
        assertTrue(t.contains("Exited (0) "), t);
        assertTrue(t.contains("Less than a second ago") || t.contains("1 second ago"), t);
    }

    @Test
    void aScriptThatTemplatesItsConfigThenExecsTheImagesServerServes() {
        // awesome-compose's nginx-flask-mongo: command: /bin/bash -c "envsubst < /tmp/nginx.conf > ... && nginx -g 'daemon off;'"
        h.ok("docker network create n");
        h.ok("docker run -d --name web --network n -e UPSTREAM=backend:9091 nginx /bin/bash -c "
                + "\"echo 'proxy_pass http://\\${UPSTREAM};' > /tmp/t && envsubst < /tmp/t > /tmp/u && nginx -g 'daemon off;'\"");
        h.ok("sleep 1");
        assertEquals(List.of("proxy_pass http://backend:9091;"), h.ok("docker exec web cat /tmp/u"));
        assertTrue(h.ok("docker ps --format '{{.Names}} {{.Status}}'").contains("web Up 1 second"));
        List<String> page = h.ok("docker run --rm --network n alpine wget -qO- http://web/");
        assertTrue(page.contains("<h1>Welcome to nginx!</h1>"), String.join("\n", page));
        List<String> logs = h.ok("docker logs web");
        assertEquals(List.of("2025/01/01 00:00:00 [notice] 1#1: using the \"epoll\" event method",
                "172.18.0.3 - - [01/Jan/2025:00:00:01 +0000] \"GET / HTTP/1.1\" 200 896 \"-\" \"Wget\" \"-\""),
                List.of(logs.get(0), logs.get(logs.size() - 1)),
                "nginx's own lines (the exec'd master's start) and its access log; the entrypoint's scripts run only when it execs nginx itself");
        assertEquals(9, logs.size(), String.join("\n", logs));
        h.ok("docker stop web");
        assertEquals(List.of("web Exited (0) Less than a second ago"), h.ok("docker ps -a --format '{{.Names}} {{.Status}}'"),
                "bash execs the last command of a lone and-or list, so docker stop's SIGTERM reaches nginx, which exits 0");
    }

    @Test
    void aKilledShellRunsNothingMoreInItsGoneNamespace() {
        h.ok("docker network create n");
        h.ok("docker run -d --name web --network n nginx");
        h.ok("docker run -d --name w1 --network n alpine sh -c 'while true; do wget -q -O /dev/null http://web; echo got; sleep 1; done'");
        h.ok("sleep 2");
        h.ok("docker stop w1");
        int logged = h.ok("docker logs w1").size();
        h.ok("sleep 3");
        assertEquals(logged, h.ok("docker logs w1").size(), "after SIGKILL the loop neither prints nor opens a socket in the removed namespace");
        assertTrue(h.ok("docker ps -a --format '{{.Names}} {{.Status}}'").contains("w1 Exited (137) 3 seconds ago"));
    }

    @Test
    void anUntilLoopWaitsForItsServer() {
        h.ok("docker network create n");
        h.ok("docker run -d --name c1 --network n alpine sh -c 'until nc -z web 80; do echo waiting; sleep 1; done; echo up'");
        h.ok("sleep 2");
        h.ok("docker run -d --name web --network n nginx");
        h.ok("sleep 3");
        List<String> logs = h.ok("docker logs c1");
        assertEquals(List.of("nc: bad address 'web'", "waiting"), logs.subList(0, 2), "BusyBox nc's error while web is unknown");
        assertEquals("up", logs.get(logs.size() - 1), String.join("\n", logs));
        assertTrue(h.ok("docker ps -a").stream().anyMatch(l -> l.endsWith(" c1") && l.contains("Exited (0)")));
    }

    @Test
    void execRunsLoopsPipesAndEachImagesTools() {
        h.ok("docker run -d --name a1 alpine sleep 3600");
        h.ok("docker run -d --name u1 ubuntu sleep 3600");
        assertEquals(List.of("one", "2"), h.ok("docker exec a1 sh -c 'for n in 1 2; do echo $n; done | sed s/1/one/'"));
        assertEquals(List.of("3"), h.ok("docker exec u1 sh -c 'seq 3 | awk \"{s+=\\$1} END {print s/2}\"'"));
        assertEquals(List.of("uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),"
                + "11(floppy),20(dialout),26(tape),27(video)"), h.ok("docker exec a1 sh -c id"));
        assertEquals(List.of("uid=0(root) gid=0(root) groups=0(root)"), h.ok("docker exec u1 sh -c 'id'"));
        CommandResult cat = h.run("docker exec a1 sh -c 'cat /nope'");
        assertEquals(List.of("cat: can't open '/nope': No such file or directory"), cat.output());
        assertEquals(1, cat.status());
        assertEquals(List.of("cat: /nope: No such file or directory"), h.run("docker exec u1 sh -c 'cat /nope'").output());
        assertEquals(List.of("sh: 1: ping: not found"), h.run("docker exec u1 sh -c 'ping -c1 a1'").output());
        assertTrue(h.ok("docker exec a1 sh -c 'env | sort'").contains("HOSTNAME=" + h.ok("docker exec a1 hostname").get(0)));
        assertTrue(h.ok("docker exec a1 sh -c 'ls /etc'").containsAll(List.of("hostname", "hosts", "resolv.conf")));
        assertEquals(List.of("sh: syntax error: unexpected \"fi\""), h.run("docker exec a1 sh -c 'if true; then fi'").output());
        assertEquals(List.of("sh: 1: Syntax error: \"fi\" unexpected"), h.run("docker exec u1 sh -c 'if true; then fi'").output());
        assertEquals(2, h.run("docker exec a1 sh -c 'if true; then fi'").status());
    }

    @Test
    void theInteractiveShellKeepsItsStateFromLineToLine() {
        h.ok("docker run -d --name c1 alpine sleep 3600");
        InteractiveShell t = new InteractiveShell(h.world.host());
        assertEquals(0, t.run("docker exec -it c1 sh").status());
        assertEquals("/ # ", t.prompt());
        t.run("x=5; f() { echo f$1; }");
        assertEquals(List.of("f5", "4", "3"), t.run("f $x; i=$x; while [ $i -gt 3 ]; do i=$((i-1)); echo $i; done").output());
        assertEquals(List.of("sh: curl: not found"), t.run("curl web").output());
        assertEquals(List.of("127"), t.run("echo $?").output());
        assertEquals(List.of("sh: syntax error: unexpected \"done\""), t.run("done").output());
    }

    /** An alias defined at the prompt expands on the lines after (not on its own line): ash, and an interactive bash. */
    @Test
    void anAliasExpandsOnTheInteractiveShellsNextLines() {
        h.ok("docker run -d --name c1 alpine sleep 3600");
        h.ok("docker run -d --name d1 debian sleep 3600");
        InteractiveShell t = new InteractiveShell(h.world.host());
        t.run("docker exec -it c1 sh");
        assertEquals(List.of("sh: ll: not found"), t.run("alias ll='ls -d'; ll /etc").output());
        assertEquals(List.of("/etc"), t.run("ll /etc").output());
        t.run("exit");
        t.run("docker exec -it d1 bash");
        t.run("alias hi='echo hi ' w=world");
        assertEquals(List.of("hi world"), t.run("hi w").output());
    }
}
