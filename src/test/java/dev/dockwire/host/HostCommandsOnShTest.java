package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.app.sh.Dialect;
import dev.dockwire.app.sh.Sh;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The first step of the host's prompt on {@code app.sh} (notes/s18/hostsh-design.md): lines typed
 * at the host run by the containers' shell in bash's dialect, one session from line to line, its
 * commands {@link DockerHost}'s table through {@link HostCommands}. What the host's own shell
 * ({@code Shell}) cannot run today: {@code for}, {@code while}, {@code if}/{@code [}, {@code case},
 * functions, around docker commands.
 */
class HostCommandsOnShTest {
    private final TestHost host = new TestHost(18);
    private final Sh.Session session = new Sh.Session("bash", Dialect.BASH,
            Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME", "/root"));

    @AfterEach
    void close() {
        host.close();
    }

    /** {@code line} at the host's prompt, run by app.sh's bash with the host's commands. */
    private CommandResult sh(String line) {
        DockerHost h = host.world.host();
        return h.runProgram(h.engine(), Kernel.HOST, new dev.dockwire.proc.PidNamespace(() -> 0, 1), "bash", session.line(line, new HostCommands(h)), List.of());
    }

    @Test
    void forLoopOverWords() {
        CommandResult r = sh("for i in 1 2 3; do echo $i; done");
        assertEquals(0, r.status());
        assertEquals(List.of("1", "2", "3"), r.output());
    }

    @Test
    void ifWithTestAndVariablesKeptFromLineToLine() {
        assertEquals(0, sh("x=web").status());
        assertEquals(List.of("yes"), sh("if [ -n \"$x\" ]; then echo yes; else echo no; fi").output());
        assertEquals(List.of("3"), sh("i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i").output());
        assertEquals(List.of("web", "other"), sh("f() { case $1 in web*) echo web;; *) echo other;; esac; }; f web1; f db").output());
    }

    @Test
    void theTutorialsLoopOfDockerRuns() {
        CommandResult run = sh("for i in 1 2 3; do docker run -d --name web$i nginx; done");
        assertEquals(0, run.status(), String.join("\n", run.output()));
        long ids = run.output().stream().filter(l -> l.matches("[0-9a-f]{64}")).count();
        assertEquals(3, ids, String.join("\n", run.output()));
        CommandResult ps = sh("docker ps --format '{{.Names}}' | sort");
        assertEquals(List.of("web1", "web2", "web3"), ps.output());
        // The same engine as the host's own shell sees.
        assertEquals(List.of("web1", "web2", "web3"), host.ok("docker ps --format '{{.Names}}' | sort"));
        CommandResult count = sh("n=0; for c in $(docker ps -q); do n=$((n+1)); done; echo $n");
        assertEquals(List.of("3"), count.output());
    }

    @Test
    void aNameNoTableHasIsBashsNotFound() {
        CommandResult r = sh("nosuchcommand; echo $?");
        assertEquals(List.of("bash: nosuchcommand: command not found", "127"), r.output());
        assertEquals(List.of("bash: nosuchcommand: command not found"), r.errors());
    }

    @Test
    void theHostsPromptRunsForOnSh() {
        // What the brief found (the host's Shell has no compound commands) is gone: HostSh runs such lines.
        assertEquals(List.of("1", "2", "3"), host.run("for i in 1 2 3; do echo $i; done").output());
    }
}
