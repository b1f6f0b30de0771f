package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tools a tutorial or a debugging session types, through {@code docker exec} and a container's
 * {@code sh -c}: {@code expr}, {@code tac}, {@code paste}, {@code fold}, {@code base64}, {@code hexdump -C},
 * {@code xxd} (alpine only: Debian's slim image has neither), and {@code readlink}, {@code realpath},
 * {@code which}, {@code find} over each image's own tree (alpine's /bin/sh a link to busybox; Debian's /bin a link to usr/bin).
 */
class TextAndPathToolsEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void textToolsInAlpineAndDebian() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        h.ok("docker run -d --name d1 debian sleep 300");
        for (String c : List.of("a1", "d1")) {
            assertEquals(List.of("3"), h.ok("docker exec " + c + " expr 1 + 2"));
            assertEquals(List.of("0"), h.fails("docker exec " + c + " expr 0 + 0", 1));
            assertEquals(List.of("b", "a"), h.ok("docker exec " + c + " sh -c 'printf \"a\\nb\\n\" | tac'"));
            assertEquals(List.of("a,b"), h.ok("docker exec " + c + " sh -c 'printf \"a\\nb\\n\" | paste -s -d,'"));
            assertEquals(List.of("hi"), h.ok("docker exec " + c + " sh -c 'echo hi | base64 | base64 -d'"));
            assertEquals(List.of("aGkK"), h.ok("docker exec " + c + " sh -c 'echo hi | base64'"));
            assertEquals(List.of("abc", "de"), h.ok("docker exec " + c + " sh -c 'echo abcde | fold -w 3'"));
        }
        assertEquals(List.of("00000000  68 69 0a                                          |hi.|", "00000003"),
                h.ok("docker exec a1 sh -c 'echo hi | hexdump -C'"));
        assertEquals(List.of("00000000: 6869 0a                                  hi."), h.ok("docker exec a1 sh -c 'echo hi | xxd'"));
        h.fails("docker exec d1 hexdump -C /etc/hostname", 126);
        h.fails("docker exec d1 xxd /etc/hostname", 126);
    }

    @Test
    void pathToolsFollowEachImagesLinks() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        h.ok("docker run -d --name d1 debian sleep 300");
        assertEquals(List.of("/bin/busybox"), h.ok("docker exec a1 readlink /bin/sh"));
        assertEquals(List.of("/bin/busybox"), h.ok("docker exec a1 readlink -f /bin/sh"));
        assertEquals(List.of("/etc"), h.ok("docker exec a1 realpath /bin/../etc"));
        assertEquals(List.of("/bin/sh"), h.ok("docker exec a1 which sh"));
        assertEquals(List.of("dash"), h.ok("docker exec d1 readlink /bin/sh"));
        assertEquals(List.of("/usr/bin/dash"), h.ok("docker exec d1 readlink -f /bin/sh"));
        assertEquals(List.of("/usr/etc"), h.ok("docker exec d1 realpath /bin/../etc"), "/bin is usr/bin: its .. is /usr");
        assertEquals(List.of("/usr/bin/sh"), h.ok("docker exec d1 which sh"));
        assertEquals(List.of("/etc/hostname", "/etc/hosts"), h.ok("docker exec a1 find /etc -maxdepth 1 -name 'host*'"));
        assertEquals(List.of("/etc/host.conf", "/etc/hostname", "/etc/hosts"),
                h.ok("docker exec d1 sh -c \"cd /etc && find /etc -maxdepth 1 -type f -name 'host*'\""));
        assertEquals(List.of("/bin/sh"), h.ok("docker exec a1 find /bin -name sh -type l"));
        assertEquals(List.of("/bin"), h.ok("docker exec d1 find / -maxdepth 1 -name bin -type l"), "trixie's /bin is a link to usr/bin");
        assertEquals(List.of("find: /nope: No such file or directory"), h.fails("docker exec a1 find /nope", 1));
        assertEquals(List.of("find: '/nope': No such file or directory"), h.fails("docker exec d1 find /nope", 1));
        for (String c : List.of("a1", "d1")) {
            assertEquals(List.of(), h.fails("docker exec " + c + " which nothere", 1));
            assertEquals(List.of("realpath: /nope/x: No such file or directory"), h.fails("docker exec " + c + " realpath /nope/x", 1));
            assertEquals(List.of("/etc/hosts", "rc=0"), h.ok("docker exec " + c + " sh -c 'cd /etc && realpath hosts; echo rc=$?'"));
        }
    }
}
