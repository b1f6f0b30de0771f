package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Directories made in a container: owned by the user who made them (ls -ld), refused where the
 * base layout's modes refuse that user, entered by {@code cd} and {@code docker exec -w}, listed by
 * {@code docker diff} as added, copied out by {@code docker cp}, and removed again.
 */
class ContainerDirsEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aNonRootUsersDirectoryIsItsOwnAndRootsSystemDirectoriesRefuseIt() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        h.ok("docker exec -u nobody a1 mkdir /tmp/n");
        assertEquals(List.of("drwxr-xr-x    2 nobody   nobody        4096 Jan  1 00:00 /tmp/n"), h.ok("docker exec a1 ls -ld /tmp/n"));
        assertEquals(List.of("mkdir: can't create directory '/x': Permission denied"), h.fails("docker exec -u nobody a1 mkdir /x", 1));
        assertEquals(List.of("mkdir: can't create directory '/etc': File exists"), h.fails("docker exec -u nobody a1 mkdir /etc", 1),
                "EEXIST comes before the permission check (filename_create)");
        h.ok("docker exec a1 mkdir -m 700 /srv/private");
        assertEquals(List.of("drwx------    2 root     root          4096 Jan  1 00:00 /srv/private"),
                h.ok("docker exec a1 ls -ld /srv/private"));
    }

    @Test
    void aMadeDirectoryIsEnteredListedDiffedAndRemoved() {
        h.ok("docker run -d --name d1 debian sleep 300");
        h.ok("docker exec d1 mkdir -p /tmp/a/b");
        assertEquals(List.of("/tmp/a/b"), h.ok("docker exec -w /tmp/a/b d1 pwd"));
        assertEquals(List.of("b"), h.ok("docker exec d1 sh -c 'cd /tmp/a && ls'"));
        assertEquals(List.of("C /tmp", "A /tmp/a", "A /tmp/a/b"), h.ok("docker diff d1"));
        assertEquals(List.of("drwxr-xr-x 3 root root 4096 Jan  1 00:00 /tmp/a"), h.ok("docker exec d1 ls -ld /tmp/a"),
                "the writable layer's own directory: two links and one per subdirectory");
        assertEquals(List.of("rmdir: failed to remove '/tmp/a': Directory not empty"), h.fails("docker exec d1 rmdir /tmp/a", 1));
        assertEquals(List.of("removed directory '/tmp/a/b'", "removed directory '/tmp/a'"), h.ok("docker exec d1 rm -rv /tmp/a"));
        assertEquals(List.of(), h.ok("docker exec d1 ls /tmp"));
    }
}
