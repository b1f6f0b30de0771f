package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code stat FILE} in containers prints the default block: BusyBox's in alpine (7 lines, the device
 * as {@code 29h/41d}), coreutils' in Debian (a Birth line, {@code 0,41}); a file keeps its inode, Docker's bound
 * /etc/hostname lies on the host's disk, and {@code %d %i} print the same numbers.
 */
class StatDefaultEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void alpineAndDebianPrintTheirBlocks() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        List<String> a = h.ok("docker exec a1 stat /etc/passwd");
        assertEquals(7, a.size(), String.join("\n", a));
        assertEquals("  File: /etc/passwd", a.get(0));
        assertTrue(a.get(2).matches("Device: [0-9a-f]+h/\\d+d\tInode: \\d+ +Links: 1"), a.get(2));
        assertEquals("Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)", a.get(3));
        assertEquals(a, h.ok("docker exec a1 stat /etc/passwd"), "the same numbers each time");
        String inode = a.get(2).replaceAll(".*Inode: (\\d+).*", "$1");
        String dev = a.get(2).replaceAll(".*/(\\d+)d\t.*", "$1");
        assertEquals(List.of(dev + " " + inode), h.ok("docker exec a1 stat -c '%d %i' /etc/passwd"));
        assertTrue(h.ok("docker exec a1 stat /etc/hostname").get(2).startsWith("Device: 801h/2049d\t"), "bound from the host's disk");

        h.ok("docker run -d --name d1 debian sleep 300");
        List<String> d = h.ok("docker exec d1 stat /etc/passwd");
        assertEquals(8, d.size(), String.join("\n", d));
        assertTrue(d.get(2).matches("Device: 0,\\d+\tInode: \\d+ +Links: 1"), d.get(2));
        assertTrue(d.get(7).startsWith(" Birth: "), d.get(7));
        assertNotEquals(a.get(2).replaceAll(".*Inode: (\\d+).*", "$1"), d.get(2).replaceAll(".*Inode: (\\d+).*", "$1"));
    }
}
