package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where the host shell sends a command's stderr, beside bash 5 run here ({@code bash -c LINE} in
 * a fresh directory, LC_ALL=C): a pipe carries stdout only ({@code 2>&1 |} and {@code |&} add
 * stderr), redirections apply left to right ({@code >f 2>&1} vs {@code 2>&1 >f}), {@code $( )}
 * takes stdout, {@code >&2} writes to stderr. The same stdout, the same stderr and the same status.
 * bash -c names the line in its own messages ({@code bash: line 1: }); the prompt's bash does not.
 */
class HostStderrDifferentialTest {
    static final List<String> LINES = List.of(
            "grep x nofile | wc -l",
            "grep x nofile 2>&1 | wc -l",
            "grep x nofile |& wc -l",
            "grep x nofile 2>&1 >f | wc -l; cat f | wc -l",
            "grep x nofile >f 2>&1; cat f",
            "grep x nofile 2>/dev/null; echo $?",
            "grep x nofile 2>e; cat e",
            "grep x nofile 2>e >o; cat e; cat o | wc -l",
            "grep x nofile 2>>e; grep y nofile 2>>e; cat e",
            "ls nofile 2>&1 >/dev/null | tr a-z A-Z",
            "echo err >&2 | wc -l",
            "echo err 1>&2 2>/dev/null",
            "x=$(cat nofile); echo \"[$x]\"",
            "x=$(cat nofile 2>&1); echo \"[$x]\"",
            "cat nofile &>f; wc -l < f",
            "cat nofile > out; cat out | wc -l",
            "nosuchcommand | wc -l",
            "printf '%d\\n' x | wc -l",
            "seq 3 | grep 2 nofile - | cat",
            "mkdir a/b 2>&1 | wc -l",
            "rm nofile 2>/dev/null || echo gone",
            "sed p nofile 2>&1 | head -1",
            "awk '{print $1}' nofile 2>/dev/null | wc -l",
            "cat nofile | cat | cat",
            "echo ok 2>/dev/null | cat nofile - 2>&1 | sort");

    private static TestHost host;
    private static int n;

    @BeforeAll
    static void start() {
        host = new TestHost(12);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static Stream<String> lines() {
        return LINES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void sameAsBash(String line) throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash is not installed here");
        Path dir = Files.createTempDirectory("host-stderr");
        try {
            ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", line).directory(dir.toFile());
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            p.getOutputStream().close();
            assumeTrue(p.waitFor(10, TimeUnit.SECONDS), "bash did not finish");
            List<String> stdout = lines(p.getInputStream().readAllBytes());
            List<String> stderr = lines(p.getErrorStream().readAllBytes()).stream()
                    .map(l -> l.replaceFirst("^(/bin/)?bash: line 1: ", "bash: ")).toList();

            String here = "/tmp/dockwire-stderr-" + (++n);
            host.ok("mkdir -p " + here);
            host.ok("cd " + here);
            CommandResult ours = host.run(line);
            assertEquals(String.join("\n", stdout), String.join("\n", ours.stdout()), "stdout of " + line);
            assertEquals(String.join("\n", stderr), String.join("\n", ours.errors()), "stderr of " + line);
            assertEquals(p.exitValue(), ours.status(), "status of " + line);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
