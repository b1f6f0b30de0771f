package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shells inside containers opened from a terminal, and -it refused without one. */
class InteractiveShellTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void withoutATerminalDockerSaysSo() {
        h.ok("docker run -d --name c1 alpine sleep 3600");
        CommandResult exec = h.run("docker exec -it c1 sh");
        assertEquals(List.of("the input device is not a TTY"), exec.output());
        assertEquals(1, exec.status());
        CommandResult run = h.run("docker run -it --name c2 alpine sh");
        assertEquals(List.of("the input device is not a TTY"), run.output());
        assertEquals(1, run.status());
        assertFalse(String.join("\n", h.ok("docker ps -a")).contains("c2"), "run -it checks the terminal before creating");
        assertEquals(List.of("Error response from daemon: No such container: nope"), h.run("docker exec -it nope sh").output());
        assertEquals(0, h.run("docker exec -i c1 sh -c 'echo hi'").status(), "-i alone needs no terminal");
        assertEquals(List.of("the input device is not a TTY"), h.run("docker exec -it c1 sh -c 'echo hi'").output(),
                "CheckTty refuses -it without a terminal whatever the command, as the reference host did");
        assertEquals(List.of("the input device is not a TTY"), h.run("docker run -it --rm alpine").output(), "alpine's CMD is sh");
    }

    @Test
    void exitInACompoundLineOrAFunctionEndsTheSession() {
        InteractiveShell t = new InteractiveShell(h.world.host());
        assertEquals(List.of("a"), t.run("if true; then echo a; exit 2; echo b; fi").output());
        assertTrue(t.hostExited());
        t.run("echo next");
        assertFalse(t.hostExited());
        t.run("(exit 3); false | exit 4");
        assertFalse(t.hostExited(), "a subshell's and a pipeline stage's exit end only them");
        t.run("bye() { exit; }");
        t.run("bye");
        assertTrue(t.hostExited());
        t.run("echo \"${x?unset}\"");
        assertFalse(t.hostExited(), "an expansion error ends the line, not an interactive bash");
        t.run("set -e");
        t.run("false || true; if false; then :; fi");
        assertFalse(t.hostExited(), "set -e spares a condition's failure");
        assertEquals(1, t.run("false").status());
        assertTrue(t.hostExited(), "set -e ends an interactive bash too (printf 'set -e\\nfalse\\n' | bash -i)");
        t.run("set +e");
        assertEquals(6, t.run("exec sh -c 'exit 6'").status());
        assertTrue(t.hostExited(), "exec CMD: the prompt is gone, the status CMD's");
        t.run("set +e");
        h.ok("docker run -d --name c1 alpine sleep 3600");
        t.run("docker exec -it c1 sh");
        t.run("exit 5");
        assertTrue(t.atHost(), "the container's shell left");
        assertFalse(t.hostExited());
    }

    @Test
    void bashAndShAtThePromptOpenNestedShellsAsOnDebian() {
        // bash 5.2 and dash 0.5.12 in tmux: bash's SHLVL one more, its exit says so; dash's # prompt, SHLVL inherited
        h.ok("docker run -d --name c1 alpine sleep 3600");
        InteractiveShell t = new InteractiveShell(h.world.host());
        assertEquals(List.of("1"), t.run("echo $SHLVL").output(), "the login shell's level");
        t.run("x=1; export Y=2; cd /tmp");
        assertEquals(0, t.run("bash").status());
        assertEquals(1, t.depth());
        assertTrue(t.atHost(), "a nested shell is on the host: no detach keys");
        assertEquals("root@docker-host:/tmp# ", t.prompt());
        assertEquals(List.of("2 [] [2]"), t.run("echo \"$SHLVL [$x] [$Y]\"").output(), "exported variables only");
        t.run("cd /; export Z=3; f() { echo f; }");
        assertEquals("root@docker-host:/# ", t.prompt());
        assertEquals(0, t.run("sh").status());
        assertEquals("# ", t.prompt());
        assertEquals(List.of("2 sh [3]", "sh: 1: nosuch: not found"), t.run("echo \"$SHLVL $0 [$Z]\"; nosuch").output());
        assertEquals(List.of(), t.run("exit 4").output(), "dash says nothing");
        assertEquals(List.of("4"), t.run("echo $?").output());
        t.run("docker exec -it c1 sh");
        assertEquals("/ # ", t.prompt());
        assertFalse(t.atHost());
        t.run("exit 6");
        assertEquals(List.of("6"), t.run("echo $?").output(), "the nested bash has the exec's status");
        CommandResult out = t.run("f; exit 5");
        assertEquals(List.of("f", "exit"), out.output());
        assertEquals(0, t.depth());
        assertEquals("root@docker-host:/tmp# ", t.prompt(), "the outer shell's directory is back");
        assertEquals(List.of("5 1 [] [2] [1]"), t.run("echo \"$? $SHLVL [$Z] [$Y] [$x]\"").output());
        assertEquals(List.of("bash: f: command not found"), t.run("f").output(), "the nested shell's function went with it");
        t.run("bash");
        assertEquals(List.of("exit"), t.endOfInput().output(), "Ctrl-D in bash says exit");
        assertFalse(t.hostExited());
        assertEquals(127, t.run("bash -c 'exit 3'; bash nosuch.sh").status(), "a command or a script is no nested prompt");
        assertEquals(0, t.depth());
    }

    @Test
    void execItOpensAshInAlpineAndExitReturnsItsStatus() {
        h.ok("docker run -d --name c1 alpine sleep 3600");
        InteractiveShell t = new InteractiveShell(h.world.host());
        assertEquals("root@docker-host:~# ", t.prompt());
        CommandResult open = t.run("docker exec -it c1 sh");
        assertEquals(0, open.status(), String.join("\n", open.output()));
        assertEquals("/ # ", t.prompt());
        assertFalse(t.atHost());
        String id = h.ok("docker inspect -f '{{.Id}}' c1").get(0);
        assertEquals(List.of(id.substring(0, 12)), t.run("hostname").output());
        assertTrue(String.join("\n", t.run("ip addr").output()).contains("172.17.0.2"));
        assertEquals(List.of("sh: nope: not found"), t.run("nope").output());
        assertEquals(3, t.run("exit 3").status());
        assertTrue(t.atHost());
        assertEquals(List.of("3"), t.run("echo $?").output());
    }

    @Test
    void exitWithinALineLeavesTheContainersShell() {
        h.ok("docker run -d --name c2 alpine sleep 3600");
        InteractiveShell t = new InteractiveShell(h.world.host());
        t.run("docker exec -it c2 sh");
        assertEquals(List.of("a"), t.run("echo a; exit").output());
        assertTrue(t.atHost(), "ash's exit after another command ends it (was: still at / #)");
        t.run("docker exec -it c2 sh");
        t.run("f() { exit 4; }");
        assertEquals(4, t.run("true && f").status());
        assertTrue(t.atHost());
        assertEquals(List.of("4"), t.run("echo $?").output());
        t.run("docker exec -it c2 sh");
        t.run("(exit 5)");
        assertFalse(t.atHost(), "a subshell's exit ends only the subshell");
        assertEquals(5, t.run("exit").status(), "exit without a number: $?");
    }

    @Test
    void bashAndDashInDebianAndCtrlD() {
        h.ok("docker run -d --name d1 debian sleep 3600");
        InteractiveShell t = new InteractiveShell(h.world.host());
        t.run("docker exec -it d1 bash");
        String hostname = h.ok("docker exec d1 hostname").get(0);
        assertEquals("root@" + hostname + ":/# ", t.prompt());
        t.run("false");
        CommandResult eof = t.endOfInput();
        assertEquals(List.of("exit"), eof.output(), "bash says exit on Ctrl-D");
        assertEquals(1, eof.status());
        t.run("docker exec -it d1 sh");
        assertEquals("# ", t.prompt());
        t.run("exit");
        assertEquals(null, t.endOfInput(), "Ctrl-D at the host ends the session");
    }

    @Test
    void runItOpensTheImagesShellAndRmRemovesTheContainer() {
        InteractiveShell t = new InteractiveShell(h.world.host());
        assertEquals(0, t.run("docker run -it --rm --name tmp alpine sh").status());
        assertEquals("/ # ", t.prompt());
        assertTrue(String.join("\n", h.ok("docker ps")).contains("tmp"));
        t.run("exit 0");
        assertFalse(String.join("\n", h.ok("docker ps -a")).contains("tmp"));
        t.run("docker run -it --name kept alpine");
        assertEquals("/ # ", t.prompt(), "alpine's CMD is /bin/sh");
        t.run("exit");
        assertTrue(String.join("\n", h.ok("docker ps -a")).contains("Exited"));
    }

    @Test
    void aShellTheImageLacksIsRuncsError() {
        h.ok("docker run -d --name c1 alpine sleep 3600");
        InteractiveShell t = new InteractiveShell(h.world.host());
        CommandResult r = t.run("docker exec -it c1 bash");
        assertEquals(127, r.status());
        assertEquals(List.of("OCI runtime exec failed: exec failed: unable to start container process: exec: \"bash\": executable file not found in $PATH: unknown"),
                r.output());
        assertTrue(t.atHost());
        assertEquals(List.of("hi"), t.run("docker exec -it c1 echo hi").output(), "a command that is no shell runs as without -t");
    }
}
