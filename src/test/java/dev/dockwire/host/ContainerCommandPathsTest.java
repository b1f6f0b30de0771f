package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code command -v}, {@code type} and {@code hash} name the file each image's PATH finds: alpine's
 * BusyBox applets where its trigger links them (include/applets.h's directories), apk-tools'
 * /sbin/apk, the busybox image's /bin, Debian's merged /usr, and what apk installed.
 */
class ContainerCommandPathsTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void alpineFindsBusyboxsAppletsWhereItLinksThem() {
        assertEquals(List.of("/bin/ls", "/usr/bin/wget", "/sbin/ip", "/bin/ping", "/usr/bin/nc", "/sbin/apk", "/bin/sh"),
                h.ok("docker run --rm alpine sh -c 'for n in ls wget ip ping nc apk sh; do command -v $n; done'"));
        assertEquals(List.of("ls is /bin/ls", "cd is a shell builtin", "export is a special shell builtin", "curl: not found"),
                h.fails("docker run --rm alpine sh -c 'type ls cd export curl'", 127));
    }

    @Test
    void theBusyboxImageHasEveryAppletInBin() {
        assertEquals(List.of("/bin/wget", "/bin/ip"), h.ok("docker run --rm busybox sh -c 'command -v wget; command -v ip'"));
    }

    @Test
    void debianFindsItsProgramsUnderUsr() {
        assertEquals(List.of("/usr/bin/ls", "ls is a tracked alias for /usr/bin/ls", "/usr/bin/sleep", "/usr/bin/ls"),
                h.ok("docker run --rm debian sh -c 'command -v ls; type ls; sleep 0; hash'"));
        assertEquals(List.of("ls is /usr/bin/ls", "hits\tcommand", "   1\t/usr/bin/ls", "ls is hashed (/usr/bin/ls)"),
                h.ok("docker run --rm debian bash -c 'type ls; ls /nonexistent-dir 2>/dev/null; hash; type ls'"));
    }

    @Test
    void whatApkInstalledIsWhereThePackagePutIt() {
        h.ok("docker run -d --name a1 alpine sleep 300");
        assertEquals(List.of(), h.fails("docker exec a1 sh -c 'command -v curl'", 127));
        h.ok("docker exec a1 apk add -q curl");
        assertEquals(List.of("/usr/bin/curl"), h.ok("docker exec a1 sh -c 'command -v curl'"));
    }
}
