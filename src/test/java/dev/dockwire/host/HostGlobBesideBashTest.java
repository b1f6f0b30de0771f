package dev.dockwire.host;

import dev.dockwire.testing.TestHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pathname expansion in the lines the host's prompt runs on app.sh ({@link HostSh}) over
 * the host's files ({@link HostFileSystem}, through {@link HostCommands#list}), beside bash 5.2 in a
 * directory made the same way. Skips, saying why, where bash is not installed.
 */
class HostGlobBesideBashTest {
    private static final TestHost HOST = new TestHost(20);
    private static final String SETUP = "echo a > a.txt && echo b > b.txt && echo c > c.conf && echo > .h && mkdir d && echo > d/x.conf && echo > d/y.txt";

    @AfterAll
    static void close() {
        HOST.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "for f in *.txt; do echo \"<$f>\"; done",
        "for f in d/*; do echo $f; done; echo */*.conf",
        "for f in .*; do echo \"[$f]\"; done; echo *.none",
        "if true; then ls -1 *.txt; fi", // -1: the prompt's ls writes to a terminal (columns), bash -c's here to a pipe
        "if true; then rm -f *.txt; fi; for f in *; do echo $f; done",
        "x='*.conf'; for f in $x \"$x\"; do echo $f; done",
        "echo *", "ls -1d d/* *.conf", "echo '*' \"*.txt\" *.txt", "cat *.txt | wc -l", "echo *.none; echo $?",
        "[[ a.txt == *.txt ]] && echo match; [[ c.conf == *.txt ]] || echo none; [[ b* == b* ]] && echo same",
    })
    void sameAsBash(String line) throws Exception {
        BashBeside.assertSame(HOST, SETUP, line);
    }
}
