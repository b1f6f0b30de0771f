package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The images' own files (alpine's os-release, nginx's nginx.conf and default.conf) as {@code cat},
 * {@code ls}, {@code docker cp} and {@code docker diff} see them: one layer under each container's
 * files, written over (copied up), removed ({@code D} in docker diff, a whiteout) and read back.
 */
class ImageFilesEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void alpinesReleaseFilesAreTheImages() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        assertEquals(List.of("NAME=\"Alpine Linux\"", "ID=alpine", "VERSION_ID=3.24.2", "PRETTY_NAME=\"Alpine Linux v3.24\"",
                "HOME_URL=\"https://alpinelinux.org/\"", "BUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\""),
                h.ok("docker exec a1 cat /etc/os-release"));
        assertEquals(List.of("3.24.2"), h.ok("docker exec a1 cat /etc/alpine-release"));
        assertEquals(List.of("6 /etc/os-release"), h.ok("docker exec a1 wc -l /etc/os-release"));
        assertEquals(List.of("NAME=\"Alpine Linux\""), h.ok("docker exec a1 head -1 /etc/os-release"));
        // docker exec of an applet the shell runs itself (no shell around it): the same applet
        assertEquals("root", h.ok("docker exec a1 cut -d: -f1 /etc/passwd").get(0));
        assertEquals(List.of("      1 3.24.2"), h.ok("docker exec a1 uniq -c /etc/alpine-release"));
        assertEquals(List.of("PRETTY_NAME=\"Alpine Linux v3.24\""), h.ok("docker exec a1 grep PRETTY /etc/os-release"));
        assertTrue(h.ok("docker exec a1 sh -c 'ls /etc'").containsAll(List.of("alpine-release", "hostname", "hosts", "os-release", "resolv.conf")));
        assertEquals(List.of(), h.ok("docker diff a1"), "the image's files are no change");
        // nginx:alpine and the other alpine-based images are built on the same alpine release
        h.ok("docker run -d --name web nginx:alpine");
        assertEquals(List.of("PRETTY_NAME=\"Alpine Linux v3.24\""), h.ok("docker exec web grep PRETTY /etc/os-release"));
        assertEquals("server {", h.ok("docker exec web cat /etc/nginx/conf.d/default.conf").get(0));
        h.ok("docker run -d --name shoot nicolaka/netshoot sleep 300");
        assertEquals(List.of("3.24.2"), h.ok("docker exec shoot cat /etc/alpine-release"));
    }

    @Test
    void nginxsConfigurationIsCopiedOutAsTheImageHasIt() {
        h.ok("docker run -d --name web -p 8080:80 nginx");
        h.ok("docker cp web:/etc/nginx/nginx.conf .");
        List<String> conf = h.ok("cat nginx.conf");
        assertEquals(List.of("", "user  nginx;", "worker_processes  auto;", "", "error_log  /var/log/nginx/error.log notice;",
                "pid        /run/nginx.pid;"), conf.subList(0, 6));
        assertEquals("    include /etc/nginx/conf.d/*.conf;", conf.get(conf.size() - 2));
        List<String> site = h.ok("docker exec web cat /etc/nginx/conf.d/default.conf");
        assertEquals(List.of("server {", "    listen       80;", "    listen  [::]:80;", "    server_name  localhost;", "",
                "    #access_log  /var/log/nginx/host.access.log  main;"), site.subList(0, 6),
                "the packaged file with 10-listen-on-ipv6-by-default.sh's line");
        assertEquals(List.of("PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\""), h.ok("docker exec web grep PRETTY /etc/os-release"));
        assertTrue(h.ok("curl -s localhost:8080").contains("<title>Welcome to nginx!</title>"));
        assertEquals(List.of("C /etc", "C /etc/nginx", "C /etc/nginx/conf.d", "C /etc/nginx/conf.d/default.conf"), h.ok("docker diff web"));
    }

    @Test
    void aRemovedImageFileIsADeleteInDiffAndGoneForCpAndCat() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        h.ok("docker exec a1 rm /etc/alpine-release");
        assertEquals(List.of("C /etc", "D /etc/alpine-release"), h.ok("docker diff a1"));
        assertEquals(List.of("cat: can't open '/etc/alpine-release': No such file or directory"),
                h.fails("docker exec a1 cat /etc/alpine-release", 1));
        assertEquals(List.of("Error response from daemon: Could not find the file /etc/alpine-release in container a1"),
                h.fails("docker cp a1:/etc/alpine-release .", 1));
        assertEquals(List.of("rm: can't remove '/etc/alpine-release': No such file or directory"),
                h.fails("docker exec a1 rm /etc/alpine-release", 1));
        assertEquals(List.of(), h.ok("docker exec a1 rm -f /etc/alpine-release"));
        assertEquals(List.of("rm: '/etc' is a directory"), h.fails("docker exec a1 rm -f /etc", 1), "BusyBox's libbb remove_file");
        h.ok("echo 3.99 > r");
        h.ok("docker cp r a1:/etc/alpine-release");
        assertEquals(List.of("3.99"), h.ok("docker exec a1 cat /etc/alpine-release"));
        assertEquals(List.of("C /etc", "C /etc/alpine-release"), h.ok("docker diff a1"), "written again: a change, not a delete");
        h.ok("docker exec a1 sh -c 'echo x > /tmp/new; rm /tmp/new'");
        assertEquals(List.of("C /etc", "C /etc/alpine-release"), h.ok("docker diff a1"), "a file of the layer removed leaves nothing");
    }

    @Test
    void anAppendCopiesTheImagesFileUpAndDebiansRmSpeaksCoreutils() {
        h.ok("docker run -d --name web nginx");
        h.ok("docker exec web sh -c 'echo \"# mine\" >> /etc/nginx/nginx.conf'");
        List<String> conf = h.ok("docker exec web cat /etc/nginx/nginx.conf");
        assertEquals(List.of("}", "# mine"), conf.subList(conf.size() - 2, conf.size()));
        assertEquals("user  nginx;", conf.get(1));
        assertEquals(List.of("rm: cannot remove '/nope': No such file or directory"), h.fails("docker exec web rm /nope", 1));
        assertEquals(List.of("rm: cannot remove '/etc': Is a directory"), h.fails("docker exec web rm /etc", 1));
        h.ok("docker exec web rm /etc/os-release");
        assertEquals(List.of("C /etc", "C /etc/nginx", "C /etc/nginx/conf.d", "C /etc/nginx/conf.d/default.conf", "C /etc/nginx/nginx.conf",
                "D /etc/os-release"), h.ok("docker diff web"));
    }
}
