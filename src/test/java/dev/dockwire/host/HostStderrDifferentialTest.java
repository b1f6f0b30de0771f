package dev.dockwire.host;


import dev.dockwire.testing.TestHost;
import java.util.List;
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
        BashBeside.assertSame(host, null, line);
    }
}
