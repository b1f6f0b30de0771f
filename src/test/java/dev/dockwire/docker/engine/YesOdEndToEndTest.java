package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code yes} and {@code od} in containers and the character devices they read, through
 * {@code docker run} and {@code docker exec}: {@code yes | head} ends at once on the virtual clock with
 * yes dead of SIGPIPE (bash's PIPESTATUS 141), {@code /dev/zero}, {@code /dev/urandom} and
 * {@code /dev/null} read, and alpine's BusyBox od refusing the {@code z} suffix coreutils' takes; a program
 * the container starts dies of SIGPIPE too, at its first write after the reader left.
 */
class YesOdEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void yesIntoHead() {
        assertEquals(List.of("y", "y", "y", "0"), h.ok("docker run --rm alpine sh -c 'yes | head -3; echo $?'"));
        assertEquals(List.of("abc", "abc"), h.ok("docker run --rm alpine sh -c 'yes abc | head -2'"));
        assertEquals(List.of("y", "141 0"), h.ok("docker run --rm debian:trixie-slim bash -c 'yes | head -1; echo ${PIPESTATUS[@]}'"));
        assertEquals(List.of("ab c", "ab c"), h.ok("docker run --rm debian bash -c 'yes \"ab c\" | head -n 2'"));
        h.ok("docker run -d --name yesctr alpine sleep 1000");
        assertEquals(List.of("y", "y"), h.ok("docker exec yesctr sh -c 'yes | head -2'"));
    }

    /** A program the container starts (not the shell's applet) dies of SIGPIPE at its first write after head left: ping's second reply. */
    @Test
    void startedProgramDiesOfSigpipe() {
        assertEquals(List.of("PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.", "64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.000 ms", "141 0"),
                h.ok("docker run --rm nicolaka/netshoot bash -c 'ping -c 5 127.0.0.1 | head -2; echo ${PIPESTATUS[@]}'"));
        assertEquals(7, h.ok("docker run --rm alpine sh -c 'ping -c 2 127.0.0.1 | head -20'").size()); // a reader of more: the whole run
    }

    @Test
    void devicesRead() {
        assertEquals(List.of("0000000  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0", "0000020"),
                h.ok("docker run --rm alpine sh -c 'head -c 16 /dev/zero | od -c'"));
        assertEquals(List.of("8"), h.ok("docker run --rm alpine sh -c 'head -c 8 /dev/urandom | wc -c'"));
        assertEquals(List.of("8"), h.ok("docker run --rm debian sh -c 'head -c 8 /dev/random | wc -c'"));
        assertEquals(List.of("0"), h.ok("docker run --rm alpine sh -c 'cat /dev/null | wc -c'"));
        assertEquals(List.of("0000000 " + String.join(" ", java.util.Collections.nCopies(8, "000000")), "*", "0000040"), h.ok("docker run --rm debian sh -c 'od < /dev/zero -N 32'"));
        assertEquals(List.of("x"), h.ok("docker run --rm alpine sh -c 'echo lost > /dev/zero; echo x > /dev/null; echo x'"));
    }

    @Test
    void odByFlavour() {
        assertEquals(List.of("000000 68 69 0a                                         >hi.<", "000003"),
                h.ok("docker run --rm debian sh -c 'echo hi | od -A x -t x1z'"));
        assertEquals(List.of("od: invalid type string 'x1z'; 4294967295-byte integral type is not supported"),
                h.fails("docker run --rm alpine sh -c 'echo hi | od -A x -t x1z'", 1));
        assertEquals(List.of("0000000 064550 000012", "0000003"), h.ok("docker run --rm alpine sh -c 'echo hi | od'"));
        h.ok("docker run -d --name odctr alpine sleep 1000");
        assertEquals(List.of("0000000   h   i  \\n", "0000003"), h.ok("docker exec odctr sh -c 'echo hi | od -c'"));
    }
}
