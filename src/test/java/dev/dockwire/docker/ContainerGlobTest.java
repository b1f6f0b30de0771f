package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pathname expansion by a container's shell over the container's files (its image and writable
 * layer, as {@code ls} and {@code cd} see them): the expected texts are what Debian's busybox 1.35
 * {@code sh} prints for the same script over a real directory (app.sh's GlobBesideShellsTest holds
 * the cases beside the real shells).
 */
class ContainerGlobTest {
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(1);
        h.ok("docker run -d --name globc alpine sleep 600");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void theShellExpandsPatternsOverTheContainersFiles() {
        h.ok("docker exec globc sh -c 'mkdir /srv/g; touch /srv/g/b.txt /srv/g/a.txt /srv/g/.h'");
        assertEquals(List.of("a.txt b.txt", "a.txt", "b.txt", "/srv/g/a.txt", "/srv/g/b.txt", "/srv/g/* . .. .h"),
                h.ok("docker exec globc sh -c 'cd /srv/g; echo *; ls *.txt; for f in /srv/g/*.txt; do echo $f; done;"
                        + " rm -f /srv/g/*; echo /srv/g/* .*'"));
    }

    @Test
    void theImagesOwnDirectoriesToo() {
        assertEquals(List.of("/etc/hostname", "/etc/hosts"), h.ok("docker exec globc sh -c 'for f in /etc/host*; do echo $f; done'"));
        assertEquals(List.of("/nope/*"), h.ok("docker exec globc sh -c 'echo /nope/*'"));
    }
}
