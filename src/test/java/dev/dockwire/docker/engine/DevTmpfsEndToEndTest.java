package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A container's /dev ({@link DevTmpfs}) as runc makes it on dockwire's Debian 12 host, through what
 * the images' tools print: what the 20.10 reference host cannot show (its kernel has no /proc/kcore,
 * so no {@code core} link; devfs.sh holds the rest to it): the whole listing with {@code core}, its
 * size and links, {@code -t}'s console, readdir's newest-first order in {@code find} and {@code du},
 * stat's default block of a device node, and a {@code --device} directory's nodes.
 */
class DevTmpfsEndToEndTest {
    /** The time column cut: the virtual clock's date. */
    private static final String NO_TIME = " | sed -E 's/ [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{5} / /'";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void busyboxListsDevWithCore() {
        assertEquals(List.of("total 0",
                "lrwxrwxrwx    1 root     root            11 core -> /proc/kcore",
                "lrwxrwxrwx    1 root     root            13 fd -> /proc/self/fd",
                "crw-rw-rw-    1 root     root        1,   7 full",
                "drwxrwxrwt    2 root     root            40 mqueue",
                "crw-rw-rw-    1 root     root        1,   3 null",
                "lrwxrwxrwx    1 root     root             8 ptmx -> pts/ptmx",
                "drwxr-xr-x    2 root     root             0 pts",
                "crw-rw-rw-    1 root     root        1,   8 random",
                "drwxrwxrwt    2 root     root            40 shm",
                "lrwxrwxrwx    1 root     root            15 stderr -> /proc/self/fd/2",
                "lrwxrwxrwx    1 root     root            15 stdin -> /proc/self/fd/0",
                "lrwxrwxrwx    1 root     root            15 stdout -> /proc/self/fd/1",
                "crw-rw-rw-    1 root     root        5,   0 tty",
                "crw-rw-rw-    1 root     root        1,   9 urandom",
                "crw-rw-rw-    1 root     root        1,   5 zero",
                "drwxr-xr-x    5 root     root           340 /dev"),
                h.ok("docker run --rm alpine sh -c 'ls -l /dev; ls -ld /dev'" + NO_TIME));
    }

    @Test
    void gnuListsDevUnderATerminal() {
        assertEquals(List.of("total 0",
                "crw--w---- 1 root tty  136, 0 console",
                "lrwxrwxrwx 1 root root     11 core -> /proc/kcore",
                "lrwxrwxrwx 1 root root     13 fd -> /proc/self/fd",
                "crw-rw-rw- 1 root root   1, 7 full",
                "drwxrwxrwt 2 root root     40 mqueue",
                "crw-rw-rw- 1 root root   1, 3 null",
                "lrwxrwxrwx 1 root root      8 ptmx -> pts/ptmx",
                "drwxr-xr-x 2 root root      0 pts",
                "crw-rw-rw- 1 root root   1, 8 random",
                "drwxrwxrwt 2 root root     40 shm",
                "lrwxrwxrwx 1 root root     15 stderr -> /proc/self/fd/2",
                "lrwxrwxrwx 1 root root     15 stdin -> /proc/self/fd/0",
                "lrwxrwxrwx 1 root root     15 stdout -> /proc/self/fd/1",
                "crw-rw-rw- 1 root root   5, 0 tty",
                "crw-rw-rw- 1 root root   1, 9 urandom",
                "crw-rw-rw- 1 root root   1, 5 zero",
                "drwxr-xr-x 5 root root 360 /dev"),
                h.ok("docker run --rm -t debian sh -c 'ls -l /dev; ls -ld /dev'" + NO_TIME).stream().map(l -> l.replace("\r", "")).toList());
    }

    /** tmpfs' readdir gives the newest first: runc's links, its nodes, the mountpoints last; the console newest of all. */
    @Test
    void findAndDuWalkInReaddirOrder() {
        assertEquals(List.of("/dev", "/dev/core", "/dev/stderr", "/dev/stdout", "/dev/stdin", "/dev/fd", "/dev/ptmx", "/dev/urandom",
                "/dev/zero", "/dev/tty", "/dev/full", "/dev/random", "/dev/null", "/dev/shm", "/dev/mqueue", "/dev/pts", "/dev/pts/ptmx"),
                h.ok("docker run --rm alpine find /dev"));
        assertEquals(List.of("/dev/console", "/dev/core"), h.ok("docker run --rm -t alpine find /dev").subList(1, 3).stream()
                .map(l -> l.replace("\r", "")).toList());
        assertEquals(List.of("0\t/dev/pts/ptmx", "0\t/dev/pts", "0\t/dev"), h.ok("docker run --rm alpine du -a /dev").subList(14, 17));
    }

    @Test
    void statOfADeviceNode() {
        List<String> busybox = h.ok("docker run --rm alpine stat /dev/null");
        assertEquals("  Size: 0         \tBlocks: 0          IO Block: 4096   character special file", busybox.get(1));
        assertEquals(true, busybox.get(2).matches("Device: [0-9a-f]+h/\\d+d\tInode: 5           Links: 1     Device type: 1,3"), busybox.get(2));
        List<String> gnu = h.ok("docker run --rm debian stat /dev/urandom /dev/stdin");
        assertEquals(true, gnu.get(2).matches("Device: 0,\\d+\tInode: 10          Links: 1     Device type: 1,9"), gnu.get(2));
        assertEquals("  File: /dev/stdin -> /proc/self/fd/0", gnu.get(8));
        assertEquals("  File: '/dev/stdin' -> '/proc/self/fd/0'", h.ok("docker run --rm alpine stat /dev/stdin").get(0));
    }

    @Test
    void deviceDirectoryAndWritableShm() {
        assertEquals(List.of("crw-rw-rw-    1 root     root       10, 200 /dev/net/tun", "drwxr-xr-x    6 root     root           360 /dev"),
                h.ok("docker run --rm --device /dev/net alpine sh -c 'ls -l /dev/net/tun; ls -ld /dev'" + NO_TIME));
        assertEquals(List.of("a", "drwxrwxrwt    2 root     root            60 /dev/shm"),
                h.ok("docker run --rm alpine sh -c 'echo x > /dev/shm/a; ls /dev/shm; ls -ld /dev/shm'" + NO_TIME));
    }

    @Test
    void linksToNodesAreFollowedByLsLFindLAndTest() {
        assertEquals(List.of("crw-rw-rw-    1 root     root        5,   2 /dev/ptmx"), h.ok("docker run --rm alpine ls -lL /dev/ptmx" + NO_TIME));
        assertEquals(List.of("/dev/ptmx"), h.ok("docker run --rm alpine find -L /dev/ptmx -type c"));
        assertEquals(List.of(), h.ok("docker run --rm alpine find /dev/ptmx -type c"), "without -L the link is a link");
        assertEquals(List.of("crw-rw-rw-    1 root     root        1,   3 /tmp/m", "chr", "exists"),
                h.ok("docker run --rm alpine sh -c 'ln -s /dev/null /tmp/n; ln -s n /tmp/m; ls -lL /tmp/m; test -c /tmp/m && echo chr;"
                        + " test -e /dev/ptmx && echo exists'" + NO_TIME));
    }
}
