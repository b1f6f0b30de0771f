package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ls -l} in containers: alpine's BusyBox columns and nginx's (Debian) GNU ones over the
 * image's files (the image's Created date: alpine 3.24.2's Sep 17 2026, nginx's Jul 15 2026, both
 * ahead of the virtual clock's 2025-01-01 start, so printed with their year), what Docker wrote at
 * start, what the container's processes wrote (stamped with the virtual clock) and overlayfs's
 * merged directories (nlink 1).
 */
class LsLongEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void alpinesBusyboxLongListing() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        assertEquals(List.of("total 28",
                "-rw-r--r--    1 root     root             7 Sep 17  2026 alpine-release",
                "-rw-r--r--    1 root     root           510 Sep 17  2026 group",
                "-rw-r--r--    1 root     root            13 Jan  1 00:00 hostname",
                "-rw-r--r--    1 root     root           172 Jan  1 00:00 hosts",
                "-rw-r--r--    1 root     root           188 Sep 17  2026 os-release",
                "-rw-r--r--    1 root     root           702 Sep 17  2026 passwd",
                "-rw-r--r--    1 root     root           221 Jan  1 00:00 resolv.conf"), h.ok("docker exec a1 ls -l /etc"));
        h.ok("docker exec a1 sh -c 'echo hi > /tmp/x'");
        h.ok("docker exec a1 sleep 50");
        h.ok("docker exec a1 sleep 50");
        h.ok("docker exec a1 sh -c 'echo again >> /tmp/y'");
        assertEquals(List.of("total 16",
                "drwxrwxrwt    1 root     root          4096 Jan  1 00:01 .",
                "drwxr-xr-x    1 root     root          4096 Sep 17  2026 ..",
                "-rw-r--r--    1 root     root             3 Jan  1 00:00 x",
                "-rw-r--r--    1 root     root             6 Jan  1 00:01 y"), h.ok("docker exec a1 ls -la /tmp"),
                "each file's mtime is its write's; /tmp's the latest; merged directories have one link");
        assertEquals(List.of("drwxr-xr-x    7 root     root          4096 Sep 17  2026 /usr",
                "drwx------    2 0        0             4096 Sep 17  2026 /root"), List.of(
                h.ok("docker exec a1 ls -ld /usr").get(0), h.ok("docker exec a1 ls -ldn /root").get(0)));
        assertEquals(List.of("-rw-r--r--    1 root     root         510 Sep 17  2026 /etc/group"),
                h.ok("docker exec a1 ls -lh /etc/group"));
    }

    @Test
    void nginxsGnuLongListing() {
        h.ok("docker run -d --name web nginx");
        assertEquals(List.of("total 8",
                "-rw-r--r-- 1 root root 497 Jul 15  2026 50x.html",
                "-rw-r--r-- 1 root root 896 Jul 15  2026 index.html"), h.ok("docker exec web ls -l /usr/share/nginx/html"));
        assertEquals(List.of("total 16",
                "drwxr-xr-x 1 root root 4096 Jan  1 00:00 conf.d",
                "-rw-r--r-- 1 root root 5349 Jul 15  2026 mime.types",
                "-rw-r--r-- 1 root root  644 Jul 15  2026 nginx.conf"), h.ok("docker exec web ls -l /etc/nginx"),
                "conf.d is merged: the entrypoint's 10-listen-on-ipv6-by-default.sh rewrote default.conf at start");
        assertEquals(List.of("ls: cannot access '/nope': No such file or directory", "2"),
                h.ok("docker exec web sh -c 'ls -l /nope 2>&1; echo $?'"));
    }
}
