package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Links and find's actions through {@code docker exec} where the reference host cannot show them: alpine's
 * BusyBox {@code find -delete} (Debian's busybox-static, the stand-in's, is built without it) with its
 * error for a directory not empty, {@code -exec ... +}'s failure as find's status, and a hard link to an
 * image file, which copies it up (one inode, two names).
 */
class LinksEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void busyboxFindDeletesDepthFirstAndSaysWhyItCannot() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        h.ok("docker exec a1 sh -c 'mkdir -p /w/a/b; echo 1 > /w/one.log; echo 2 > /w/a/b/two.log; echo 3 > /w/a/keep'");
        assertEquals(List.of(), h.ok("docker exec a1 find /w -name '*.log' -delete"));
        assertEquals(List.of("/w", "/w/a", "/w/a/b", "/w/a/keep"), h.ok("docker exec a1 sh -c 'find /w | sort'"));
        assertEquals(List.of("find: /w/a: Directory not empty"), h.fails("docker exec a1 find /w/a -name a -delete", 1).subList(0, 1));
        assertEquals(List.of(), h.ok("docker exec a1 find /w/a -delete"));
        assertEquals(List.of("/w"), h.ok("docker exec a1 find /w"));
    }

    @Test
    void execPlusFailureIsFindsAndSemicolonsIsNot() {
        h.ok("docker run -d --name d1 debian sleep 300");
        h.ok("docker exec d1 sh -c 'mkdir /w; echo x > /w/f'");
        h.fails("docker exec d1 find /w -type f -exec false {} +", 1);
        h.ok("docker exec d1 find /w -type f -exec false {} ';'");
        assertEquals(List.of("/w/f it's"), h.ok("docker exec d1 find /w -type f -exec echo {} \"it's\" ';'"));
    }

    @Test
    void aHardLinkToAnImageFileCopiesItUp() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        h.ok("docker exec a1 ln /etc/passwd /tmp/p");
        assertEquals(List.of("2"), h.ok("docker exec a1 stat -c %h /etc/passwd"));
        assertEquals(h.ok("docker exec a1 stat -c %i /etc/passwd"), h.ok("docker exec a1 stat -c %i /tmp/p"));
        assertEquals(List.of("2"), h.ok("docker exec a1 stat -c %h /tmp/p"));
    }
}
