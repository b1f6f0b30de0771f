package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Files a container reads through what runc and the image put there: MaskedPaths' files read as the
 * {@code /dev/null} bound over them ({@code cat /proc/kcore} is empty), alpine's {@code /etc/mtab}
 * link into /proc (the mount table's text), and GNU's and BusyBox's {@code df -B}.
 */
class MaskedAndLinkedFilesTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void maskedFilesReadEmpty() {
        assertEquals(List.of("0"), h.ok("docker run --rm alpine sh -c 'cat /proc/kcore | wc -c'"));
        assertEquals(List.of("0"), h.ok("docker run --rm debian sh -c 'cat /proc/timer_list /proc/keys | wc -c'"));
    }

    @Test
    void mtabIsTheMountTable() {
        List<String> mtab = h.ok("docker run --rm alpine cat /etc/mtab");
        assertTrue(mtab.get(0).startsWith("overlay / overlay rw,relatime,lowerdir=/var/lib/docker/overlay2/l/"), mtab.get(0));
        assertEquals(h.ok("docker run --rm alpine cat /proc/mounts").size(), mtab.size());
        assertEquals(List.of("cat: /etc/mtab: No such file or directory"),
                h.fails("docker run --rm debian:trixie-slim cat /etc/mtab", 1)); // trixie's tree has no /etc/mtab
    }

    @Test
    void dfBlockSizes() {
        assertEquals("Filesystem     1M-blocks  Used Available Use% Mounted on", h.ok("docker run --rm debian df -B 1M /").get(0));
        List<String> m = h.ok("docker run --rm debian df -B M /");
        assertTrue(m.get(1).matches("overlay +\\d+M +\\d+M +\\d+M +\\d+% /"), m.get(1));
        assertEquals("Filesystem           1K-blocks      Used Available Use% Mounted on", h.ok("docker run --rm alpine df -B 1K /").get(0));
        assertEquals(List.of("df: invalid -B argument 'x'"), h.fails("docker run --rm debian df -B x /", 1));
        assertEquals(List.of("df: invalid number 'x'"), h.fails("docker run --rm alpine df -B x /", 1));
    }
}
