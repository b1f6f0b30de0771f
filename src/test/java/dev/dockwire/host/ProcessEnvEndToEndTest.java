package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The environment of containers' processes as the reference engine printed it for the same
 * commands (`docker run --rm alpine env`, `docker exec -e B=2 lx env`, ...): the daemon's PATH,
 * HOSTNAME and TERM (with -t), the image's and -e's variables, HOME appended by runc; each shell's
 * own exports and order; and the hello-world image people run first.
 */
class ProcessEnvEndToEndTest {
    private static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void runGivesTheDaemonsVariablesAndRuncsHome() {
        List<String> plain = h.ok("docker run --rm alpine env");
        assertEquals(List.of(PATH, "HOME=/root"), List.of(plain.get(0), plain.get(2)));
        assertEquals(3, plain.size());
        List<String> tty = h.ok("docker run --rm -t alpine env");
        assertEquals(List.of(PATH, "TERM=xterm", "HOME=/root"), List.of(tty.get(0), tty.get(2), tty.get(3)));
        // ash adds SHLVL and PWD and passes its table bucket by bucket; bash puts PWD early and _ last
        List<String> ash = h.ok("docker run --rm -e X=1 alpine sh -c 'env; echo $SHLVL'");
        assertEquals(List.of("SHLVL=1", "HOME=/root", "X=1", PATH, "PWD=/", "1"), ash.subList(1, ash.size()));
        List<String> bash = h.ok("docker run --rm ubuntu bash -c env");
        assertEquals(List.of("PWD=/", "HOME=/root", "SHLVL=0", PATH, "_=/usr/bin/env"), bash.subList(1, bash.size()));
    }

    @Test
    void execTakesItsOwnVariablesAndTerminal() {
        h.ok("docker run -d --name lx -e A=1 ubuntu sleep 100");
        List<String> plain = h.ok("docker exec lx env");
        assertEquals(List.of(PATH, "A=1", "HOME=/root"), List.of(plain.get(0), plain.get(2), plain.get(3)));
        List<String> withB = h.ok("docker exec -e B=2 lx env");
        assertEquals(List.of("A=1", "B=2", "HOME=/root"), withB.subList(2, 5));
        List<String> tty = h.ok("docker exec -t lx env");
        assertEquals(List.of("TERM=xterm", "A=1", "HOME=/root"), tty.subList(2, 5));
        assertEquals(List.of("3"), h.ok("docker exec -e B=3 lx sh -c 'echo $B'"));
        assertEquals(List.of("/root"), h.ok("docker exec lx sh -c 'echo $HOME'"));
        assertEquals(List.of("/tmp"), h.ok("docker exec -e HOME=/tmp lx sh -c 'echo $HOME'"), "a HOME given is kept");
    }

    @Test
    void helloWorldPrintsItsMessage() {
        List<String> out = h.ok("docker run hello-world");
        assertEquals(List.of("", "Hello from Docker!", "This message shows that your installation appears to be working correctly."),
                out.subList(0, 3));
        assertEquals(" https://docs.docker.com/get-started/", out.get(out.size() - 2));
        assertEquals("", out.get(out.size() - 1));
        List<String> images = h.ok("docker images hello-world");
        assertEquals("hello-world   latest    e2ac70e7319a", images.get(1).substring(0, 36));
        assertEquals("10.1kB", images.get(1).substring(images.get(1).lastIndexOf(' ') + 1));
        assertEquals(List.of("\"/hello\""), h.ok("docker ps -a --format '{{.Command}}'"));
    }
}
