package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ulimit} in a Docker 28 container (a shell over ShRig's default limits, {@code Rlimits.CONTAINER}):
 * each shell's {@code -a} with the container's values, the raise Docker's default capability set
 * refuses, and alpine's musl getopt words for ash's bad option (the real BusyBox here is glibc's).
 */
class UlimitTest {
    private static List<String> run(Dialect dialect, String script) {
        ShRig rig = dialect == Dialect.ASH ? new ShRig() : ShRig.debian();
        new Sh("sh", dialect, rig, Map.of("PATH", "/usr/bin:/bin")).start(rig, List.of("-c", script + "; echo status $?"));
        rig.loop.runUntil(() -> rig.status != null);
        return rig.all();
    }

    @Test
    void alpinesAshShowsTheContainersLimits() {
        assertEquals(List.of("core file size (blocks)         (-c) unlimited", "data seg size (kb)              (-d) unlimited",
                "scheduling priority             (-e) 0", "file size (blocks)              (-f) unlimited",
                "pending signals                 (-i) 31731", "max locked memory (kb)          (-l) 8192",
                "max memory size (kb)            (-m) unlimited", "open files                      (-n) 1024",
                "POSIX message queues (bytes)    (-q) 819200", "real-time priority              (-r) 0",
                "stack size (kb)                 (-s) 8192", "cpu time (seconds)              (-t) unlimited",
                "max user processes              (-u) unlimited", "virtual memory (kb)             (-v) unlimited",
                "file locks                      (-x) unlimited", "status 0"), run(Dialect.ASH, "ulimit -a"));
        assertEquals(List.of("524288", "status 0"), run(Dialect.ASH, "ulimit -Hn"));
    }

    @Test
    void dashAndBashShowTheContainersLimits() {
        assertEquals(List.of("time(seconds)        unlimited", "file(blocks)         unlimited", "data(kbytes)         unlimited",
                "stack(kbytes)        8192", "coredump(blocks)     unlimited", "memory(kbytes)       unlimited",
                "locked memory(kbytes) 8192", "process              unlimited", "nofiles              1024",
                "vmemory(kbytes)      unlimited", "locks                unlimited", "rtprio               0", "status 0"),
                run(Dialect.DASH, "ulimit -a"));
        List<String> bash = run(Dialect.BASH, "ulimit -a");
        assertEquals("core file size              (blocks, -c) unlimited", bash.get(1));
        assertEquals("open files                          (-n) 1024", bash.get(8));
        assertEquals("pipe size                (512 bytes, -p) 8", bash.get(9));
        assertEquals("max user processes                  (-u) unlimited", bash.get(14));
    }

    @Test
    void raisingTheHardLimitWithoutCapSysResource() {
        assertEquals(List.of("sh: error setting limit: Operation not permitted", "status 1"), run(Dialect.ASH, "ulimit -n 600000"));
        assertEquals(List.of("sh: 1: ulimit: error setting limit (Operation not permitted)", "status 2"),
                run(Dialect.DASH, "ulimit -n 600000"));
        assertEquals(List.of("sh: line 1: ulimit: open files: cannot modify limit: Operation not permitted", "status 1"),
                run(Dialect.BASH, "ulimit -Hn 600000"));
        assertEquals(List.of("4096", "status 0"), run(Dialect.BASH, "ulimit -Sn 4096; ulimit -n")); // under the hard limit: allowed
    }

    @Test
    void ashsBadOptionInMuslsWords() {
        assertEquals(List.of("ulimit: unrecognized option: z", "status 1"), run(Dialect.ASH, "ulimit -z"));
        assertEquals(List.of("ulimit: unrecognized option: p", "status 1"), run(Dialect.ASH, "ulimit -p"));
    }
}
