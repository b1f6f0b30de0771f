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
        // alpine 3.24's /etc (the image tree, rootfs/alpine.tree); Docker's three files written at start
        assertEquals(List.of(
                "total 148",
                "-rw-r--r--    1 root     root             7 Sep 17  2026 alpine-release",
                "drwxr-xr-x    4 root     root          4096 Sep 17  2026 apk",
                "drwxr-xr-x    2 root     root          4096 Sep 17  2026 busybox-paths.d",
                "drwxr-xr-x    2 root     root          4096 Sep 17  2026 crontabs",
                "-rw-r--r--    1 root     root            89 Sep 17  2026 fstab",
                "-rw-r--r--    1 root     root           510 Sep 17  2026 group",
                "-rw-r--r--    1 root     root            13 Jan  1 00:00 hostname",
                "-rw-r--r--    1 root     root           172 Jan  1 00:00 hosts",
                "-rw-r--r--    1 root     root           570 Sep 17  2026 inittab",
                "-rw-r--r--    1 root     root            54 Sep 17  2026 issue",
                "drwxr-xr-x    2 root     root          4096 Sep 17  2026 logrotate.d",
                "drwxr-xr-x    2 root     root          4096 Sep 17  2026 modprobe.d",
                "-rw-r--r--    1 root     root            15 Sep 17  2026 modules",
                "drwxr-xr-x    2 root     root          4096 Sep 17  2026 modules-load.d",
                "-rw-r--r--    1 root     root           284 Sep 17  2026 motd",
                "lrwxrwxrwx    1 root     root            14 Sep 17  2026 mtab -> ../proc/mounts",
                "drwxr-xr-x    8 root     root          4096 Sep 17  2026 network",
                "-rw-r--r--    1 root     root           205 Sep 17  2026 nsswitch.conf",
                "drwxr-xr-x    2 root     root          4096 Sep 17  2026 opt",
                "lrwxrwxrwx    1 root     root            21 Sep 17  2026 os-release -> ../usr/lib/os-release",
                "-rw-r--r--    1 root     root           702 Sep 17  2026 passwd",
                "drwxr-xr-x    7 root     root          4096 Sep 17  2026 periodic",
                "-rw-r--r--    1 root     root          1409 Sep 17  2026 profile",
                "drwxr-xr-x    2 root     root          4096 Sep 17  2026 profile.d",
                "-rw-r--r--    1 root     root          3164 Sep 17  2026 protocols",
                "-rw-r--r--    1 root     root           221 Jan  1 00:00 resolv.conf",
                "drwxr-xr-x    2 root     root          4096 Sep 17  2026 secfixes.d",
                "-rw-r--r--    1 root     root            38 Sep 17  2026 securetty",
                "-rw-r--r--    1 root     root         12813 Sep 17  2026 services",
                "-rw-r-----    1 root     shadow         260 Sep 17  2026 shadow",
                "-rw-r--r--    1 root     root            38 Sep 17  2026 shells",
                "drwxr-xr-x    5 root     root          4096 Sep 17  2026 ssl",
                "drwxr-xr-x    2 root     root          4096 Sep 17  2026 ssl1.1",
                "-rw-r--r--    1 root     root            53 Sep 17  2026 sysctl.conf",
                "drwxr-xr-x    2 root     root          4096 Sep 17  2026 sysctl.d",
                "drwxr-xr-x    2 root     root          4096 Sep 17  2026 udhcpc"), h.ok("docker exec a1 ls -l /etc"));
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
        assertEquals(List.of("total 28", // the nginx image's tree (rootfs/nginx.tree)
                "drwxr-xr-x 1 root root 4096 Jan  1 00:00 conf.d",
                "-rw-r--r-- 1 root root 1007 Jul 15  2026 fastcgi_params",
                "-rw-r--r-- 1 root root 5349 Jul 15  2026 mime.types",
                "lrwxrwxrwx 1 root root   22 Jul 15  2026 modules -> /usr/lib/nginx/modules",
                "-rw-r--r-- 1 root root  644 Jul 15  2026 nginx.conf",
                "-rw-r--r-- 1 root root  636 Jul 15  2026 scgi_params",
                "-rw-r--r-- 1 root root  664 Jul 15  2026 uwsgi_params"), h.ok("docker exec web ls -l /etc/nginx"),
                "conf.d is merged: the entrypoint's 10-listen-on-ipv6-by-default.sh rewrote default.conf at start");
        assertEquals(List.of("ls: cannot access '/nope': No such file or directory", "2"),
                h.ok("docker exec web sh -c 'ls -l /nope 2>&1; echo $?'"));
    }
}
