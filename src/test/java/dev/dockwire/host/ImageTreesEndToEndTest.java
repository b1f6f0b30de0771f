package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a user sees looking around a container is its image's tree (docker.engine.ImageTree): alpine's
 * /etc with apk's directory, its apk database, Debian's merged-/usr links at the root and its /etc,
 * each file's mode, owner and size as the image has them; and removing an image directory still whites
 * it out as overlayfs does.
 */
class ImageTreesEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void alpineEtcIsAlpinesOwn() {
        assertEquals(List.of("alpine-release", "apk", "busybox-paths.d", "crontabs", "fstab", "group", "hostname", "hosts",
                "inittab", "issue", "logrotate.d", "modprobe.d", "modules", "modules-load.d", "motd", "mtab", "network",
                "nsswitch.conf", "opt", "os-release", "passwd", "periodic", "profile", "profile.d", "protocols", "resolv.conf",
                "secfixes.d", "securetty", "services", "shadow", "shells", "ssl", "ssl1.1", "sysctl.conf", "sysctl.d", "udhcpc"),
                h.ok("docker run --rm alpine ls /etc"));
        assertEquals(List.of("arch", "keys", "protected_paths.d", "repositories", "world"), h.ok("docker run --rm alpine ls /etc/apk"));
        assertEquals(List.of("installed", "lock", "scripts.tar.gz", "triggers"), h.ok("docker run --rm alpine ls /lib/apk/db"));
        assertEquals(List.of("alpine-baselayout", "alpine-keys", "alpine-release", "apk-tools", "busybox", "ca-certificates-bundle",
                "libssl3", "musl-utils"), h.ok("docker run --rm alpine cat /etc/apk/world"));
        assertEquals(List.of("x86_64"), h.ok("docker run --rm alpine cat /etc/apk/arch"));
        assertEquals(List.of("Welcome to Alpine Linux 3.24", "Kernel \\r on an \\m (\\l)", ""), h.ok("docker run --rm alpine cat /etc/issue"));
    }

    @Test
    void alpineLongListingShowsLinksModesAndOwners() {
        List<String> etc = h.ok("docker run --rm alpine ls -l /etc");
        assertTrue(etc.stream().anyMatch(l -> l.matches("lrwxrwxrwx +1 root +root +14 .* mtab -> \\.\\./proc/mounts")), String.join("\n", etc));
        assertTrue(etc.stream().anyMatch(l -> l.matches("lrwxrwxrwx +1 root +root +21 .* os-release -> \\.\\./usr/lib/os-release")),
                String.join("\n", etc));
        assertTrue(etc.stream().anyMatch(l -> l.matches("-rw-r----- +1 root +shadow +\\d+ .* shadow")), String.join("\n", etc));
        List<String> bin = h.ok("docker run --rm alpine ls -l /bin");
        assertTrue(bin.stream().anyMatch(l -> l.matches("lrwxrwxrwx +1 root +root +12 .* ls -> /bin/busybox")), String.join("\n", bin));
        assertTrue(bin.stream().anyMatch(l -> l.matches("-rwxr-xr-x +1 root +root +\\d+ .* busybox")), String.join("\n", bin));
        assertTrue(h.ok("docker run --rm alpine ls -ld /var/empty").get(0).startsWith("dr-xr-xr-x"));
        assertEquals(List.of("installed", "lock", "scripts.tar.gz", "triggers"), h.ok("docker run --rm alpine ls /var/../lib/apk/db"));
    }

    @Test
    void debianRootHasMergedUsrLinksBootAndLib64() {
        assertEquals(List.of("bin", "boot", "dev", "etc", "home", "lib", "lib64", "media", "mnt", "opt", "proc", "root", "run", "sbin",
                "srv", "sys", "tmp", "usr", "var"), h.ok("docker run --rm debian ls /"));
        List<String> root = h.ok("docker run --rm debian ls -l /");
        assertTrue(root.stream().anyMatch(l -> l.matches("lrwxrwxrwx +1 root root +7 .* bin -> usr/bin")), String.join("\n", root));
        assertTrue(root.stream().anyMatch(l -> l.matches("lrwxrwxrwx +1 root root +9 .* lib64 -> usr/lib64")), String.join("\n", root));
        // ls of a link to a directory lists what it leads to; /bin/bash is /usr/bin/bash
        List<String> bin = h.ok("docker run --rm debian ls /bin");
        assertTrue(bin.contains("bash") && bin.contains("dpkg") && bin.contains("apt-get"), String.join(" ", bin));
        assertTrue(h.ok("docker run --rm debian ls -l /bin/bash").get(0).matches("-rwxr-xr-x 1 root root \\d{6,} .* /bin/bash"));
        List<String> alternatives = h.ok("docker run --rm debian ls -l /etc/alternatives");
        assertTrue(alternatives.stream().anyMatch(l -> l.endsWith(" awk -> /usr/bin/mawk")), String.join("\n", alternatives));
        assertTrue(h.ok("docker run --rm debian ls /usr/share/doc").contains("coreutils"));
        assertEquals(List.of("Debian GNU/Linux 13 \\n \\l", ""), h.ok("docker run --rm debian cat /etc/issue"));
    }

    @Test
    void serverImagesHaveDebianSlimsTree() {
        List<String> root = h.ok("docker run --rm redis ls /");
        assertTrue(root.containsAll(List.of("boot", "data", "lib64")), String.join(" ", root));
        // debuerreotype-slimify: each package's copyright stays, the rest of /usr/share/doc goes; dpkg keeps it out
        assertEquals(List.of("copyright"), h.ok("docker run --rm nginx ls /usr/share/doc/bash"));
        assertTrue(h.ok("docker run --rm postgres ls /etc/dpkg/dpkg.cfg.d").contains("docker"));
        assertTrue(h.ok("docker run --rm debian ls /usr/share/doc/bash").size() > 1);
    }

    @Test
    void nginxHasItsUserConfigurationAndLogLinks() {
        assertEquals(List.of("nginx:x:101:101:nginx user:/nonexistent:/bin/false"), h.ok("docker run --rm nginx tail -1 /etc/passwd"));
        assertEquals(List.of("nginx:x:101:"), h.ok("docker run --rm nginx tail -1 /etc/group"));
        assertEquals(List.of("conf.d", "fastcgi_params", "mime.types", "modules", "nginx.conf", "scgi_params", "uwsgi_params"),
                h.ok("docker run --rm nginx ls /etc/nginx"));
        List<String> etc = h.ok("docker run --rm nginx ls -l /etc/nginx");
        assertTrue(etc.stream().anyMatch(l -> l.matches("-rw-r--r-- 1 root root 1007 .* fastcgi_params")), String.join("\n", etc));
        assertTrue(etc.stream().anyMatch(l -> l.matches("lrwxrwxrwx 1 root root +22 .* modules -> /usr/lib/nginx/modules")),
                String.join("\n", etc));
        List<String> logs = h.ok("docker run --rm nginx ls -l /var/log/nginx");
        assertTrue(logs.get(1).matches("lrwxrwxrwx 1 root root 11 .* access.log -> /dev/stdout"), String.join("\n", logs));
        assertTrue(logs.get(2).matches("lrwxrwxrwx 1 root root 11 .* error.log -> /dev/stderr"), String.join("\n", logs));
        assertEquals(List.of("10-listen-on-ipv6-by-default.sh", "15-local-resolvers.envsh", "20-envsubst-on-templates.sh",
                "30-tune-worker-processes.sh"), h.ok("docker run --rm nginx ls /docker-entrypoint.d"));
        assertEquals(List.of("50x.html", "index.html"), h.ok("docker run --rm nginx ls /usr/share/nginx/html"));
        assertTrue(h.ok("docker run --rm nginx ls -l /usr/share/nginx/html/index.html").get(0).matches("-rw-r--r-- 1 root root 896 .*"));
        assertEquals(List.of("uid=101(nginx) gid=101(nginx) groups=101(nginx)"), h.ok("docker run --rm -u nginx nginx id"));
        assertEquals(List.of("/usr/sbin/nginx"), h.ok("docker run --rm nginx sh -c 'command -v nginx'"));
    }

    @Test
    void redisAndPostgresHaveTheirUsersAndDirectories() {
        assertEquals(List.of("redis:x:999:999::/home/redis:/bin/sh"), h.ok("docker run --rm redis tail -1 /etc/passwd"));
        assertEquals(List.of("uid=999(redis) gid=999(redis) groups=999(redis)"), h.ok("docker run --rm -u redis redis id"));
        assertTrue(h.ok("docker run --rm redis ls -ld /data").get(0).matches("drwxr-xr-x 2 redis redis 4096 .* /data"));
        assertEquals(List.of("/usr/local/bin/redis-server"), h.ok("docker run --rm redis sh -c 'command -v redis-server'"));
        assertEquals(List.of("postgres:x:999:999::/var/lib/postgresql:/bin/bash"), h.ok("docker run --rm postgres tail -1 /etc/passwd"));
        assertEquals(List.of("uid=999(postgres) gid=999(postgres) groups=999(postgres),101(ssl-cert)"),
                h.ok("docker run --rm -u postgres postgres id"));
        String volume = h.ok("docker run --rm postgres ls -ld /var/lib/postgresql").get(0);
        assertTrue(volume.matches("drwxrwxrwt \\d+ postgres postgres 4096 .*"), volume);
        assertTrue(h.ok("docker run --rm postgres ls -ld /var/run/postgresql/").get(0).matches("drwxrwsrwt 2 postgres postgres 4096 .*"));
        assertTrue(h.ok("docker run --rm postgres ls -l /usr/bin/psql").get(0)
                .matches("lrwxrwxrwx 1 root root 37 .* /usr/bin/psql -> \\.\\./share/postgresql-common/pg_wrapper"));
        assertEquals(List.of("/usr/bin/psql", "/usr/lib/postgresql/18/bin/postgres", "/usr/local/bin/gosu"),
                h.ok("docker run --rm postgres sh -c 'command -v psql; command -v postgres; command -v gosu'"));
    }

    @Test
    void httpdsPrefixIsWwwDatasWithItsItWorksPage() {
        assertEquals(List.of("bin", "build", "cgi-bin", "conf", "error", "htdocs", "icons", "include", "logs", "modules"),
                h.ok("docker run --rm httpd ls"));
        assertTrue(h.ok("docker run --rm httpd ls -ld .").get(0).matches("drwxr-xr-x \\d+ www-data www-data 4096 .* \\."));
        assertEquals(List.of("<html><body><h1>It works!</h1></body></html>"), h.ok("docker run --rm httpd cat htdocs/index.html"));
        assertTrue(h.ok("docker run --rm httpd ls -l htdocs/index.html").get(0).matches("-rw-r--r-- 1 root root 45 .*"));
        assertEquals(List.of("/usr/local/apache2/bin/httpd"), h.ok("docker run --rm httpd sh -c 'command -v httpd'"));
        assertEquals(List.of("/usr/local/bin/httpd-foreground"), h.ok("docker run --rm httpd sh -c 'command -v httpd-foreground'"));
    }

    @Test
    void removingAnImageDirectoryWhitesItOut() {
        h.ok("docker run -d --name tr-rm alpine sleep 1d");
        h.ok("docker exec tr-rm rm -r /etc/apk");
        assertFalse(h.ok("docker exec tr-rm ls /etc").contains("apk"));
        assertEquals(1, h.run("docker exec tr-rm cat /etc/apk/world").status());
        assertEquals(List.of("C /etc", "D /etc/apk"), h.ok("docker diff tr-rm"));
        h.ok("docker exec tr-rm sh -c 'echo curl >> /etc/profile'");
        assertTrue(h.ok("docker diff tr-rm").contains("C /etc/profile"));
    }
}
