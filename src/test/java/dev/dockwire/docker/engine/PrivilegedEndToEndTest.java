package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the 20.10 reference machine cannot show (its runc cannot apply every capability, its kernel
 * and /dev are not a Debian 12 host's; runpriv.sh holds what it can): {@code --privileged}'s /dev
 * with the host's nodes, its capability and seccomp lines, its unmasked /proc; {@code --pid host}'s ps
 * of the host's process table; {@code --ipc host}'s /dev/shm; moby 28's wording of runc 1.2's refusal
 * of a tiny {@code --ulimit nofile}; compose's devices, ulimits and pid/ipc service modes.
 */
class PrivilegedEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void privilegedHasEveryHostNodeEveryCapabilityAndNoSeccomp() {
        List<String> dev = h.ok("docker run --rm --privileged alpine ls /dev");
        assertTrue(dev.containsAll(List.of("sda", "sda1", "tty0", "tty63", "ttyS0", "loop7", "mem", "kmsg", "fuse", "net", "mapper",
                "vcsa1", "ptmx", "pts", "shm", "mqueue", "core")), dev.toString());
        assertTrue(!dev.contains("console"), "containerd's HostDevices leaves the console out: " + dev);
        assertEquals(List.of("crw-r-----    1 root     15          1,   1 /dev/mem",
                "crw-rw-rw-    1 root     root       10, 200 /dev/net/tun",
                "lrwxrwxrwx    1 root     root             8 /dev/ptmx -> pts/ptmx",
                "brw-rw----    1 root     disk        8,   0 /dev/sda",
                "crw--w----    1 root     tty         4,   0 /dev/tty0"),
                h.ok("docker run --rm --privileged alpine sh -c 'ls -l /dev/mem /dev/sda /dev/net/tun /dev/tty0 /dev/ptmx'"
                        + " | sed -E 's/ [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{5} / /'"));
        assertEquals(List.of("CapInh:\t0000000000000000", "CapPrm:\t000001ffffffffff", "CapEff:\t000001ffffffffff",
                "CapBnd:\t000001ffffffffff", "CapAmb:\t0000000000000000", "Seccomp:\t0", "Seccomp_filters:\t0"),
                h.ok("docker run --rm --privileged alpine grep -E '^(Cap|Seccomp)' /proc/self/status"));
        assertEquals(List.of(), h.ok("docker run --rm --privileged alpine ip link add v0 type veth peer name v1"));
        assertEquals(List.of(), h.ok("docker run --rm --privileged alpine sh -c 'mount | grep -E \"/proc/(kcore|sys)\"; true'"));
        assertEquals(List.of("touch: /sys/kernel/x: Permission denied"), h.fails("docker run --rm --privileged alpine touch /sys/kernel/x", 1));
        h.ok("docker run -d --name priv --privileged alpine sleep 300");
        assertEquals(List.of("true [label=disable]"), h.ok("docker inspect -f '{{.HostConfig.Privileged}} {{.HostConfig.SecurityOpt}}' priv"));
    }

    /**
     * Every line of a container's /proc/self/status is one this machine's kernel writes, in its order
     * and layout (name, colon, tab); this kernel is newer than Debian 12's and has lines 6.1 lacks
     * (Kthread, untag_mask), which dockwire leaves out.
     */
    @Test
    void statusLinesFollowTheRealKernelsOrderAndLayout() throws java.io.IOException {
        java.nio.file.Path real = java.nio.file.Path.of("/proc/self/status");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(real), "no /proc/self/status on this machine");
        List<String> kernel = java.nio.file.Files.readAllLines(real).stream().map(l -> l.substring(0, l.indexOf(':'))).toList();
        List<String> ours = h.ok("docker run --rm alpine cat /proc/self/status");
        int at = -1;
        for (String line : ours) {
            assertTrue(line.matches("[A-Za-z_]+:\t.*"), line);
            int next = kernel.indexOf(line.substring(0, line.indexOf(':')));
            assertTrue(next > at, line + " is not after the line before it in " + kernel);
            at = next;
        }
        List<String> names = ours.stream().map(l -> l.substring(0, l.indexOf(':'))).toList();
        List<String> missing = kernel.stream().filter(k -> !names.contains(k)).toList();
        assertTrue(java.util.Set.of("Kthread", "untag_mask", "x86_Thread_features", "x86_Thread_features_locked").containsAll(missing),
                "lines 6.1 writes too: " + missing);
        assertEquals("Name:\tcat", ours.get(0));
        // runc's root: the groups alpine's /etc/group lists root in (the stand-in's lists it in none)
        assertTrue(ours.contains("Groups:\t0 1 2 3 4 6 10 11 20 26 27 "), ours.toString());
    }

    @Test
    void aPrivilegedDevicePlacedElsewhereIsAddedAndOneAtItsOwnPathIsTheHostsAlready() {
        assertEquals(List.of("/dev/fuse", "/dev/myfuse"),
                h.ok("docker run --rm --privileged --device /dev/fuse --device /dev/fuse:/dev/myfuse alpine sh -c 'ls -d /dev/*fuse'"));
    }

    @Test
    void pidHostListsTheHostsProcessesWithTheOtherContainersAtTheirHostPids() {
        h.ok("docker run -d --name other alpine sleep 300");
        List<String> ps = h.ok("docker run --rm --pid host alpine ps -o pid,args");
        assertEquals("PID   COMMAND", ps.get(0));
        assertTrue(ps.contains("    1 /sbin/init"), ps.toString());
        assertTrue(ps.stream().anyMatch(l -> l.endsWith(" /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock")), ps.toString());
        String hostPid = h.ok("docker top other -o pid").get(1).trim();
        assertTrue(ps.stream().anyMatch(l -> l.trim().equals(hostPid + " sleep 300")), ps.toString());
        assertTrue(ps.get(ps.size() - 1).endsWith(" ps -o pid,args"), ps.toString());
        assertEquals(List.of("host [label=disable]"), h.ok("docker run --rm --pid host alpine true; docker create --pid host --name ph alpine"
                + " >/dev/null; docker inspect -f '{{.HostConfig.PidMode}} {{.HostConfig.SecurityOpt}}' ph"));
    }

    @Test
    void ipcHostSharesTheHostsDevShmAndIpcNoneHasNone() {
        assertEquals(List.of("tmpfs on /dev/shm type tmpfs (rw,nosuid,nodev,inode64)"),
                h.ok("docker run --rm --ipc host alpine sh -c 'mount | grep /dev/shm'"));
        List<String> df = h.ok("docker run --rm --ipc host alpine df /dev/shm");
        assertTrue(df.get(1).startsWith("tmpfs ") && df.get(1).endsWith("% /dev/shm"), df.toString());
        assertEquals(List.of("df: /dev/shm: No such file or directory"), h.fails("docker run --rm --ipc none ubuntu df /dev/shm", 1));
    }

    @Test
    void aNofileLimitTooSmallForRuncIsMoby28sCreateFailure() {
        assertEquals(List.of("docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime"
                + " create failed: runc create failed: unable to start container process: error during container init: error loading seccomp"
                + " filter into kernel: error patching filter: error disassembling original filter: error creating scratch pipe: pipe2: too many"
                + " open files: unknown", "", "Run 'docker run --help' for more information"),
                h.fails("docker run --rm --ulimit nofile=4:4096 alpine true", 125));
        assertEquals(List.of("11"), h.ok("docker run --rm --ulimit nofile=11 alpine sh -c 'ulimit -n'"));
        assertEquals(List.of("ok"), h.ok("docker run --rm --ulimit nofile=4 --security-opt seccomp=unconfined alpine echo ok"));
    }

    @Test
    void composeSendsDevicesUlimitsAndJoinsAServicesNamespaces() {
        h.ok("mkdir -p /tmp/pe");
        h.ok("printf 'services:\\n  app:\\n    image: alpine\\n    command: sleep 600\\n    ipc: shareable\\n    ulimits:\\n      nofile: 2048\\n"
                + "      nproc: {soft: 100, hard: 200}\\n    devices:\\n      - /dev/net/tun:/dev/tun0:rw\\n  side:\\n    image: alpine\\n"
                + "    command: sleep 500\\n    pid: service:app\\n    ipc: service:app\\n' > /tmp/pe/compose.yaml");
        h.ok("docker compose -f /tmp/pe/compose.yaml up -d");
        assertEquals(List.of("[nofile=2048:2048 nproc=100:200] [{/dev/net/tun /dev/tun0 rw}]"),
                h.ok("docker inspect -f '{{.HostConfig.Ulimits}} {{.HostConfig.Devices}}' pe-app-1"));
        String app = h.ok("docker inspect -f '{{.Id}}' pe-app-1").get(0);
        assertEquals(List.of("container:" + app + " container:" + app),
                h.ok("docker inspect -f '{{.HostConfig.PidMode}} {{.HostConfig.IpcMode}}' pe-side-1"));
        assertEquals(List.of("2048", "200", "crw-rw-rw-"), h.ok("docker exec pe-app-1 sh -c 'ulimit -n; ulimit -Hu; ls -l /dev/tun0 | cut -c1-10'"));
        assertEquals(List.of("COMMAND", "sleep 600", "sleep 500", "ps -o args"), h.ok("docker exec pe-side-1 ps -o args"));
        assertEquals(List.of("PID                 COMMAND", "sleep 500"),
                h.ok("docker top pe-side-1 -o pid,args | awk 'NR == 1 {print} NR > 1 {print $2, $3}'"));
    }
}
