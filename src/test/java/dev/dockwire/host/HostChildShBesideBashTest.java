package dev.dockwire.host;

import dev.dockwire.testing.TestHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A shell the prompt's commands fork ({@link HostSh#child}: {@code xargs sh -c}, Debian's {@code sh}
 * being dash) beside bash 5.2 running the same line: the child's {@code cd}, variables and
 * {@code exit} end with it, its messages are dash's, it sees what the prompt exported. Skips,
 * saying why, where bash is not installed.
 */
class HostChildShBesideBashTest {
    private static final TestHost HOST = new TestHost(23);

    @AfterAll
    static void close() {
        HOST.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "true | xargs sh -c 'cd /; [ \"$(pwd)\" = / ] && echo moved'; [ \"$(pwd)\" = / ] && echo parent-moved || echo stayed",
        "x=outer; export x; true | xargs sh -c 'echo \"[$x]\"; x=inner; export y=new'; echo \"[$x][$y]\"",
        "true | xargs sh -c 'echo a; exit 3; echo b'; echo \"after $?\"",
        "true | xargs sh -c 'echo one; echo two' && echo ok",
    })
    void sameAsBash(String line) throws Exception {
        BashBeside.assertSame(HOST, null, line);
    }
}
