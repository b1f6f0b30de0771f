package dev.dockwire.host;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The host's {@code grep} over the host's files beside GNU grep 3.8 under bash 5 here, in a
 * directory both make the same way: {@code -L}, {@code -r}/{@code -R} (GNU reads a directory in
 * its own order, so those lines are sorted), {@code -f FILE}, a directory operand without
 * {@code -r}. The same stdout, stderr and status.
 */
class HostGrepDifferentialTest {
    static final String SETUP = "mkdir -p d/e && printf 'a\\nb\\n' > d/x && printf 'c\\n' > d/e/y && printf 'a\\n' > top"
            + " && printf 'a\\nc\\n' > pats && : > empty";
    static final List<String> LINES = List.of(
            "grep -L a d/x d/e/y",
            "grep -L c d/e/y",
            "grep -L zzz top d/x",
            "grep -l -L a top d/x d/e/y",
            "grep -r a | sort",
            "grep -r a d | sort",
            "grep -R -c a . | sort",
            "grep -rn c d",
            "grep -rh a | sort",
            "grep -rl a | sort",
            "grep -r a top",
            "grep -rL a | sort",
            "grep -r zzz d",
            "grep --recursive b d/",
            "grep a d",
            "grep -s a d",
            "grep a d top",
            "grep -f pats -r d | sort",
            "grep -f nopats top",
            "grep -f empty top",
            "grep -f pats top d/e/y",
            "grep -e b -f pats d/x",
            "grep -c -f empty top",
            "grep -v -f empty top",
            "grep -L -f empty top",
            "grep -m 0 a top nofile",
            "grep --file=pats d/e/y",
            "grep --files-without-match a top d/e/y");

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
    void sameAsGnuGrep(String line) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/grep")), "no grep here");
        BashBeside.assertSame(host, SETUP, line);
    }
}
