package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shells' {@code kill} builtin beside the real ones (Debian's busybox ash, dash, bash 5.2): its
 * errors, usage and statuses, and {@code kill -l}. The pid is above any pid_max (4194304), so the
 * real kill signals nothing. Skipped, saying so, where the shell is absent.
 */
class KillBesideShellsTest {
    private static final String NONE = "4194999";

    static Stream<String> scripts() {
        return Stream.of(
                "kill " + NONE + "; echo $?",
                "kill -9 " + NONE + "; echo $?; kill -s TERM " + NONE + "; echo $?; kill -KILL " + NONE + "; echo $?",
                "kill -0 " + NONE + "; echo $?",
                "kill; echo $?",
                "kill -s FOO " + NONE + "; echo $?; kill -FOO " + NONE + "; echo $?",
                "kill abc; echo $?",
                "kill -9 abc " + NONE + " " + NONE + "; echo $?",
                "kill -l 9; kill -l 137; kill -l 15; echo $?",
                "kill -l KILL; echo $?",
                "kill -l");
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            scripts().forEach(s -> out.add(Arguments.of(d, s)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void sameAsTheRealShell(Dialect dialect, String script) throws Exception {
        List<String> shell = switch (dialect) {
            case ASH -> List.of("/usr/bin/busybox", "sh");
            case DASH -> List.of("/usr/bin/dash");
            case BASH -> List.of("/usr/bin/bash");
        };
        if (!Files.isExecutable(Path.of(shell.get(0)))) {
            System.out.println("KillBesideShellsTest: skipped, " + shell.get(0) + " is not installed");
        }
        assumeTrue(Files.isExecutable(Path.of(shell.get(0))), shell.get(0) + " is not installed");
        List<String> cmd = new ArrayList<>(shell);
        cmd.addAll(List.of("-c", script));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(new File("/"));
        pb.environment().clear();
        pb.environment().put("PATH", dialect == Dialect.ASH ? "/nonexistent" : "/usr/bin:/bin");
        Process p = pb.start();
        p.getOutputStream().close();
        String real = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace(shell.get(0) + ":", "sh:");
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS), shell.get(0) + " did not finish");

        ShRig rig = dialect == Dialect.ASH ? new ShRig() : ShRig.debian();
        rig.killer = (pid, signal) -> false; // no process has the pid
        new Sh("sh", dialect, rig, Map.of("PATH", "/usr/bin:/bin")).start(rig, List.of("-c", script));
        rig.loop.runUntil(() -> rig.status != null);
        assertEquals(real + "status " + p.exitValue(), String.join("\n", rig.all()) + (rig.all().isEmpty() ? "" : "\n")
                + "status " + rig.status, script);
    }
}
