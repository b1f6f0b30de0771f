package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The file and text programs a user still found missing or wrong, through {@code docker exec} and a container's
 * {@code sh -c}, in alpine (BusyBox) and Debian (coreutils, diffutils): {@code cat -n}, {@code env -i},
 * {@code test} and {@code [} as programs ({@code /usr/bin/test}, {@code env [ ... ]}, xargs'), {@code du}, {@code diff}, {@code cmp}.
 */
class CoreProgramsEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void catNumbersAndEnvEmpties() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        h.ok("docker run -d --name d1 debian sleep 300");
        for (String c : List.of("a1", "d1")) {
            assertEquals(List.of("     1\tx", "     2\ty"), h.ok("docker exec " + c + " sh -c 'printf \"x\\ny\\n\" | cat -n'"));
            assertEquals(List.of("     1\tone", "     2\ttwo"), h.ok("docker exec " + c + " sh -c 'printf \"one\\ntwo\\n\" > /tmp/f; cat -n /tmp/f'"));
            assertEquals(List.of("     1\tone", "     2\ttwo"), h.ok("docker exec " + c + " cat -n /tmp/f"));
            assertEquals(List.of("one$", "two$"), h.ok("docker exec " + c + " cat -e /tmp/f"));
            assertEquals(List.of(), h.ok("docker exec " + c + " env -i env"));
            assertEquals(List.of("A=1"), h.ok("docker exec " + c + " sh -c 'env -i A=1 env'"));
            assertEquals(List.of("x"), h.ok("docker exec " + c + " sh -c 'X=x env printenv X'"));
            assertEquals(List.of(), h.ok("docker exec " + c + " env [ 1 = 1 ]"));
            h.fails("docker exec " + c + " env [ 1 = 2 ]", 1);
            assertEquals(List.of("rc=0 rc=1"), h.ok("docker exec " + c + " sh -c '/usr/bin/test -f /tmp/f; a=$?; /usr/bin/test -d /tmp/f; echo rc=$a rc=$?'"));
            assertEquals(List.of("ok"), h.ok("docker exec " + c + " sh -c 'echo 1 | xargs test 1 = && echo ok'"));
        }
        assertEquals(List.of("cat: unrecognized option: E"), h.fails("docker exec a1 cat -E /tmp/f", 1).subList(0, 1));
        assertEquals(List.of("[: missing ]"), h.fails("docker exec a1 env [ 1 = 1", 2));
        assertEquals(List.of("[: missing ']'"), h.fails("docker exec d1 env [ 1 = 1", 2));
        assertEquals(List.of("test: invalid integer 'x'"), h.fails("docker exec d1 test 1 -eq x", 2));
        assertEquals(List.of("test: x: bad number"), h.fails("docker exec a1 test 1 -eq x", 2));
        assertEquals(List.of("env: can't execute 'nope': No such file or directory"), h.fails("docker exec a1 env nope", 127));
        assertEquals(List.of("env: 'nope': No such file or directory"), h.fails("docker exec d1 env nope", 127));
    }

    @Test
    void duCountsTheWritableLayersBlocks() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        h.ok("docker run -d --name d1 debian sleep 300");
        for (String c : List.of("a1", "d1")) {
            h.ok("docker exec " + c + " sh -c 'mkdir /tmp/d; printf \"%5000s\" x > /tmp/d/a; touch /tmp/d/e'");
            assertEquals(List.of("8\t/tmp/d/a", "0\t/tmp/d/e", "12\t/tmp/d"), h.ok("docker exec " + c + " du -a /tmp/d"));
            assertEquals(List.of("12\t/tmp/d"), h.ok("docker exec " + c + " sh -c 'cd /tmp && du -s /tmp/d'"));
        }
        assertEquals(List.of("12.0K\t/tmp/d"), h.ok("docker exec a1 du -sh /tmp/d"));
        assertEquals(List.of("12K\t/tmp/d"), h.ok("docker exec d1 du -sh /tmp/d"));
        assertEquals(List.of("du: /nope: No such file or directory"), h.fails("docker exec a1 du /nope", 1));
        assertEquals(List.of("du: cannot access '/nope': No such file or directory"), h.fails("docker exec d1 du /nope", 1));
    }

    @Test
    void busyboxAppletsAnswerHelpWithTheirUsage() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        for (String applet : List.of("ls", "cat", "grep", "sed", "awk", "head", "tail", "sort", "wc", "cut", "find", "ps", "ping", "ip",
                "nslookup", "wget", "nc", "ifconfig", "route", "df", "du", "diff", "cmp", "env")) {
            for (String line : List.of("docker exec a1 " + applet + " --help", "docker exec a1 sh -c '" + applet + " --help'")) {
                dev.dockwire.tools.CommandResult r = h.run(line);
                assertEquals(0, r.status(), line);
                assertEquals(dev.dockwire.libc.BusyboxUsage.withBanner(applet), r.errors(), line);
                assertEquals(r.errors(), r.output(), line + ": nothing on stdout");
            }
        }
        assertEquals(List.of(), h.ok("docker exec a1 test --help"), "test takes --help as its operand: a non-empty string");
    }

    @Test
    void diffAndCmp() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        h.ok("docker run -d --name d1 debian sleep 300");
        for (String c : List.of("a1", "d1")) {
            h.ok("docker exec " + c + " sh -c 'printf \"a\\nb\\nc\\n\" > /tmp/a; printf \"a\\nx\\nc\\n\" > /tmp/b'");
            assertEquals(List.of(), h.ok("docker exec " + c + " diff /tmp/a /tmp/a"));
            assertEquals(List.of(), h.ok("docker exec " + c + " cmp /tmp/a /tmp/a"));
            assertEquals(List.of("/tmp/a /tmp/b differ: char 3, line 2"), h.fails("docker exec " + c + " cmp /tmp/a /tmp/b", 1));
            assertEquals(List.of("rc=1"), h.ok("docker exec " + c + " sh -c 'cmp -s /tmp/a /tmp/b; echo rc=$?'"));
        }
        assertEquals(List.of("--- /tmp/a", "+++ /tmp/b", "@@ -1,3 +1,3 @@", " a", "-b", "+x", " c"),
                h.fails("docker exec a1 diff /tmp/a /tmp/b", 1));
        assertEquals(List.of("2c2", "< b", "---", "> x"), h.fails("docker exec d1 diff /tmp/a /tmp/b", 1));
        List<String> unified = h.fails("docker exec d1 diff -u /tmp/a /tmp/b", 1);
        assertEquals(List.of("@@ -1,3 +1,3 @@", " a", "-b", "+x", " c"), unified.subList(2, unified.size()));
        assertEquals(true, unified.get(0).matches("--- /tmp/a\t\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{9} \\+0000"), unified.get(0));
        assertEquals(List.of("diff: can't stat '/nope': No such file or directory"), h.fails("docker exec a1 diff /tmp/a /nope", 2));
        assertEquals(List.of("diff: /nope: No such file or directory"), h.fails("docker exec d1 diff /tmp/a /nope", 2));
    }
}
