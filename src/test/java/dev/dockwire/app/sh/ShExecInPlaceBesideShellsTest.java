package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whether a shell execs command X in its own process, beside the real shells (BusyBox 1.35 ash,
 * dash 0.5.12, bash 5.2): the real one runs {@code sh -c 'echo $$; SCRIPT'} with X a program that
 * prints its own pid (/proc/self/stat), exec'd in place when the two pids are one; ours runs SCRIPT
 * with X a program and says whether it exec'd X ({@link Commands#exec}, {@link Commands#becomes}).
 * Traps (ash's sticky may_have_traps, bash's ignored signal being no trap), subshells, groups,
 * {@code !}, functions, redirected groups and {@code exec} itself.
 */
class ShExecInPlaceBesideShellsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "X", "true; X", "true && X", "true; true && X", "if true; then X; fi", "X; true", "while true; do X; break; done",
        "{ true; X; }", "(X)", "true; (X)", "! X", "f() { X; }; f", "set -e; true; X", "true; { X; } 2>/dev/null",
        "trap '' INT; true; X", "trap 'echo x' INT; true; X", "trap 'echo x' INT; trap - INT; true; X",
        "trap 'echo t' EXIT; X", "trap 'echo t' EXIT; exec X", "exec X; echo never", "true; (exec X); true", "X & wait",
        "true; X 2>/dev/null", "X 2>/dev/null",
    })
    void execsInPlaceAsTheRealShellDoes(String script) throws Exception {
        for (Dialect dialect : Dialect.values()) {
            assertEquals(real(dialect, script), ours(dialect, script), dialect + " -c '" + script + "'");
        }
    }

    /** Whether the real shell of {@code dialect} ran X in its own process. */
    private static boolean real(Dialect dialect, String script) throws Exception {
        List<String> shell = switch (dialect) {
            case ASH -> List.of("/usr/bin/busybox", "sh");
            case DASH -> List.of("/usr/bin/dash");
            case BASH -> List.of("/usr/bin/bash");
        };
        assumeTrue(Files.isExecutable(Path.of(shell.get(0))), shell.get(0) + " is not installed");
        // SIGINT at its default: a shell started with it ignored (a test run in the background) cannot trap it,
        // so bash's trap would not keep it alive (XCU 2.11's signals ignored on entry), unlike the shells ours model.
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/env", "--default-signal=INT"));
        cmd.addAll(shell);
        cmd.addAll(List.of("-c", "echo $$; " + script.replace("X", "cut -d' ' -f1 /proc/self/stat")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", "/usr/bin:/bin");
        java.lang.Process p = pb.start();
        p.getOutputStream().close();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.matches("[0-9]+")).toList();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS), shell.get(0) + " did not finish");
        assertEquals(2, lines.size(), "the shell's pid and X's: " + lines);
        return lines.get(0).equals(lines.get(1));
    }

    /** Whether our shell of {@code dialect} exec'd X in its own process. */
    private static boolean ours(Dialect dialect, String script) {
        ShRig rig = dialect == Dialect.ASH ? new ShRig() : ShRig.debian();
        new Sh("sh", dialect, rig, Map.of("PATH", "/usr/bin:/bin", "HOME", "/root")).start(rig, List.of("-c", "echo $$; " + script.replace("X", "sleep 0")));
        rig.loop.runUntil(() -> rig.status != null);
        return rig.execd.contains("sleep 0");
    }
}
