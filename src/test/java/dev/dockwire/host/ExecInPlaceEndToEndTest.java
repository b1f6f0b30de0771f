package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A shell's last command and {@code exec CMD} run in the shell's own process (execve), as ps, docker
 * top, /proc and docker stop see it: alpine's ash for -c's last command, bash for a simple last one,
 * dash only for exec; an entrypoint ending in {@code exec "$@"} leaves the command as PID 1.
 */
class ExecInPlaceEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void ashsLastCommandIsPid1AndIgnoresSigtermAsPid1() {
        h.ok("docker run -d --name e1 alpine sh -c 'sleep 1; sleep 600'");
        h.ok("sleep 2");
        List<String> ps = h.ok("docker exec e1 ps -o pid,ppid,comm,args");
        assertEquals("PID   PPID  COMMAND          COMMAND", ps.get(0));
        assertEquals("    1     0 sleep            sleep 600", ps.get(1), String.join("\n", ps));
        // alpine's BusyBox execs /bin/ps (no PREFER_APPLETS): its args are its own, not "{ps} sh -c ..."
        assertTrue(ps.get(2).matches(" +\\d+ +0 ps +ps -o pid,ppid,comm,args"), String.join("\n", ps));
        assertEquals(3, ps.size(), String.join("\n", ps));
        List<String> top = h.ok("docker top e1 -o pid,args");
        assertEquals(2, top.size(), String.join("\n", top));
        assertTrue(top.get(1).endsWith(" sleep 600"), top.get(1));
        assertEquals(top.get(1).trim().split(" +")[0], h.ok("docker inspect -f '{{.State.Pid}}' e1").get(0), "State.Pid is the sleep's");
        assertEquals(List.of("sleep"), h.ok("docker exec e1 cat /proc/1/comm"));
        assertEquals(List.of("1"), h.ok("docker exec e1 pidof sleep"));
        assertEquals(1, h.run("docker exec e1 pgrep -x sh").status(), "no shell is left");
        h.ok("docker stop -t 2 e1");
        assertEquals(List.of("137"), h.ok("docker inspect -f '{{.State.ExitCode}}' e1"), "sleep as PID 1 has no SIGTERM handler");
    }

    @Test
    void execKeepsTheShellsPidAndATrapKeepsTheShell() {
        h.ok("docker run -d --name e2 alpine sleep 600");
        List<String> out = h.ok("docker exec e2 sh -c 'echo $$; exec ps -o pid,ppid,args'");
        String shell = out.get(0);
        assertTrue(out.get(out.size() - 1).matches(" +" + shell + " +0 ps -o pid,ppid,args"), String.join("\n", out));
        List<String> trapped = h.ok("docker exec e2 sh -c 'trap \"echo bye\" EXIT; echo $$; ps -o pid,ppid,comm'");
        String sh = trapped.get(0);
        assertTrue(trapped.contains(String.format("%5s     0 sh", sh)), String.join("\n", trapped));
        assertTrue(trapped.stream().anyMatch(l -> l.matches(" +\\d+ +" + sh + " ps")), "ps is the shell's child: " + trapped);
        assertEquals("bye", trapped.get(trapped.size() - 1));
        List<String> sub = h.ok("docker exec e2 sh -c 'exec sleep 5 & echo $$; ps -o ppid,args'");
        assertTrue(sub.contains(String.format("%5s sleep 5", sub.get(0))), "exec in a background subshell: the shell's child " + sub);
        assertTrue(h.ok("docker exec e2 ps -o ppid,args").contains("    1 sleep 5"), "its shell ended: PID 1 is its parent");
    }

    @Test
    void anEntrypointEndingInExecLeavesTheCommandAsPid1() {
        h.ok("docker run -d --name e3 --entrypoint sh alpine -c 'echo starting; exec \"$@\"' sh sleep 600");
        h.ok("sleep 1");
        List<String> top = h.ok("docker top e3 -o pid,args");
        assertEquals(2, top.size(), String.join("\n", top));
        assertTrue(top.get(1).endsWith(" sleep 600"), top.get(1));
        assertEquals(List.of("starting"), h.ok("docker logs e3"));
        h.ok("docker run -d --name pg -e POSTGRES_PASSWORD=x postgres:15");
        h.ok("sleep 2");
        assertEquals(List.of("postgres"), args(h.ok("docker top pg -o pid,args")), "docker-entrypoint.sh exec'd the server");
    }

    @Test
    void bashExecsItsSimpleLastCommandAndDashForksIt() {
        h.ok("docker run -d --name b1 debian bash -c 'sleep 1; sleep 600'");
        h.ok("docker run -d --name d1 debian sh -c 'sleep 1; sleep 600'");
        h.ok("sleep 2");
        assertEquals(List.of("sleep 600"), args(h.ok("docker top b1 -o pid,args")));
        assertEquals(List.of("sh -c sleep 1; sleep 600", "sleep 600"), args(h.ok("docker top d1 -o pid,args")));
        assertEquals(List.of("sleep"), h.ok("docker exec b1 cat /proc/1/comm"));
    }

    private static List<String> args(List<String> top) {
        return top.stream().skip(1).map(l -> l.trim().replaceFirst("^\\d+ +", "")).toList();
    }
}
