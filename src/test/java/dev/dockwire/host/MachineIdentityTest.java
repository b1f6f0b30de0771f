package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The machine under the emulated Docker host — Debian 12's kernel on two CPUs — as its programs
 * see it: containers share the host's kernel (the lesson of {@code docker run alpine uname -r}),
 * each with its own hostname; the identity files are read-only as runc mounts /proc/sys and /sys.
 */
class MachineIdentityTest {
    private static final String RELEASE = "6.1.0-28-amd64";
    private static final String VERSION = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void containersShareTheHostsKernelUnderTheirOwnHostname() {
        assertEquals(List.of("Linux docker-host " + RELEASE + " " + VERSION + " x86_64 GNU/Linux"), h.ok("uname -a"));
        assertEquals(List.of(RELEASE), h.ok("docker run --rm alpine uname -r"));
        assertEquals(List.of("Linux box " + RELEASE + " " + VERSION + " x86_64 Linux"), h.ok("docker run --rm --hostname box alpine uname -a"),
                "alpine's BusyBox names the OS Linux");
        assertEquals(List.of("GNU/Linux"), h.ok("docker run --rm debian uname -o"));
        assertEquals(List.of("2"), h.ok("nproc"));
        assertEquals(List.of("2", "0-1"), h.ok("docker run --rm alpine sh -c 'nproc; cat /sys/devices/system/cpu/online'"));
        assertEquals(List.of(RELEASE), h.ok("cat /proc/sys/kernel/osrelease"));
        h.ok("docker run -d --name web nginx");
        assertEquals(List.of(VERSION), h.ok("docker exec web cat /proc/sys/kernel/version"));
    }

    @Test
    void theIdentityIsReadOnlyEvenToAPrivilegedContainer() {
        var r = h.run("docker run --rm alpine sh -c 'echo 7 > /proc/sys/kernel/osrelease'");
        assertEquals(List.of("sh: can't create /proc/sys/kernel/osrelease: Read-only file system"), r.output());
        assertEquals(1, r.status());
        r = h.run("docker run --rm --privileged alpine sh -c 'echo 7 > /proc/sys/kernel/osrelease'");
        assertEquals(List.of("sh: can't create /proc/sys/kernel/osrelease: Permission denied"), r.output());
        assertEquals(List.of(RELEASE), h.ok("docker run --rm alpine uname -r"));
    }

    @Test
    void nginxRunAsACommandPrintsAndExitsAfterItsEntrypoint() {
        var r = h.run("docker run --rm nginx nginx -v");
        assertEquals(0, r.status(), String.join("\n", r.output()));
        assertEquals("/docker-entrypoint.sh: Configuration complete; ready for start up", r.output().get(r.output().size() - 2));
        assertEquals("nginx version: nginx/1.31.3", r.output().get(r.output().size() - 1));
        r = h.run("docker run --rm nginx nginx -t");
        assertEquals(List.of("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok",
                "nginx: configuration file /etc/nginx/nginx.conf test is successful"), r.output().subList(r.output().size() - 2, r.output().size()));
        r = h.run("docker run --rm nginx nginx -x");
        assertEquals(1, r.status());
        assertEquals("nginx: invalid option: \"x\"", r.output().get(r.output().size() - 1));
        assertEquals(List.of(), h.ok("docker ps -a --format '{{.Names}}'"), "--rm removed them");
        h.ok("docker run -d --name web nginx");
        assertEquals(List.of("nginx version: nginx/1.31.3"), h.ok("docker exec web nginx -v"));
    }

    @Test
    void aProgramTheImageHasButDockwireDoesNotRunSaysSo() {
        var r = h.run("docker run --rm debian dd if=/etc/hostname");
        assertEquals(List.of("dockwire: dd is on the image's PATH but not modelled, so it cannot run here"), r.output());
        assertEquals(126, r.status());
        r = h.run("docker run --rm alpine curl");
        assertTrue(r.output().get(0).contains("exec: \"curl\": executable file not found in $PATH"), r.output().toString());
    }
}
