package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * rm, cp and mv read their command lines as getopt_long does (ToolCommandLine): an unknown long
 * option is coreutils' refusal, an unknown letter in a bundle BusyBox's in musl's words, and a long option's
 * unambiguous prefix is the option (texts as coreutils 9.1 and busybox 1.35 print them here).
 */
class FileToolOptionsTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void debiansRmRefusesAnUnknownLongOptionAndMvTakesAPrefix() {
        h.ok("docker run -d --name d1 debian sleep 300");
        h.ok("docker exec d1 touch /tmp/a");
        assertEquals(List.of("rm: unrecognized option '--bogus'", "Try 'rm --help' for more information."),
                h.fails("docker exec d1 rm --bogus /tmp/a", 1));
        assertEquals(List.of("renamed '/tmp/a' -> '/tmp/b'"), h.ok("docker exec d1 mv --verb /tmp/a /tmp/b"));
    }

    @Test
    void alpinesRmRefusesAnUnknownLetter() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        h.ok("docker exec a1 touch /tmp/a");
        assertEquals("rm: unrecognized option: x", h.fails("docker exec a1 rm -rfx /tmp/a", 1).get(0));
        assertEquals(List.of("/tmp/a"), h.ok("docker exec a1 ls /tmp/a"), "nothing removed");
    }
}
