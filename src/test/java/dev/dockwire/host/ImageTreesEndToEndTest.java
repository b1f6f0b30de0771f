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
