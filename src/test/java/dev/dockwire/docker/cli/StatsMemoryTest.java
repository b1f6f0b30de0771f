package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import org.junit.jupiter.api.Test;

/**
 * {@code docker stats --no-stream}'s memory columns: a running container's programs' memory over
 * its limit (the machine's without {@code --memory}, {@code docker update -m}'s after it), MEM % as
 * stats.go computes it ({@code %.2f%%}); a stopped container {@code 0B / 0B}.
 */
class StatsMemoryTest {
    private static String stats(TestHost h, String format, String ctr) {
        return String.join("\n", h.ok("docker stats --no-stream --format '" + format + "' " + ctr));
    }

    @Test
    void aRunningContainersMemoryIsItsProgramsOverItsLimit() {
        try (TestHost h = new TestHost(2)) {
            h.ok("docker run -dit --name sm alpine ash");
            String usage = stats(h, "{{.MemUsage}}", "sm");
            assertTrue(usage.matches("580KiB / \\d+(\\.\\d+)?GiB"), usage); // ash 468KiB and the cgroup's 112KiB
            h.ok("docker update -m 64m --memory-swap 128m sm");
            assertEquals("580KiB / 64MiB|0.89%", stats(h, "{{.MemUsage}}|{{.MemPerc}}", "sm"));
            h.ok("docker run -d --name sn nginx");
            String nginx = stats(h, "{{.MemUsage}}", "sn");
            assertTrue(nginx.matches("\\d+(\\.\\d+)?MiB / .*"), "nginx's master and workers: " + nginx);
            h.ok("docker stop sm");
            assertEquals("0B / 0B|0.00%", stats(h, "{{.MemUsage}}|{{.MemPerc}}", "sm"));
        }
    }

    @Test
    void aProgramIsChargedByItsName() {
        assertEquals(468 * 1024, StatsMemory.program("/bin/ash"));
        assertEquals(1024 * 1024, StatsMemory.program("some-daemon"));
        assertEquals("0.00%", StatsMemory.percent(0, 0));
        assertEquals("50.00%", StatsMemory.percent(1, 2));
    }
}
