package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.testing.ExternalTools;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** uptime as BusyBox and procps-ng print it; the layout and the refusals beside the real ones. */
class UptimeTest {
    private static final long NOW = 1_796_680_923_000L; // 2026-12-07 22:02:03 UTC
    private static final String LOAD = "0.00 0.01 0.05 1/121 7\n";

    private static CommandOutput uptime(boolean busybox, long up, int users, String... args) {
        return Uptime.run(busybox, List.of(args), up + ".27 9000.10\n", LOAD, NOW, users);
    }

    @Test
    void minutesHoursAndDays() {
        assertEquals(List.of(" 22:02:03 up 59 min,  0 users,  load average: 0.00, 0.01, 0.05"), uptime(true, 3599, 0).output());
        assertEquals(List.of(" 22:02:03 up  1:18,  0 user,  load average: 0.00, 0.01, 0.05"), uptime(false, 4711, 0).output());
        assertEquals(List.of(" 22:02:03 up 1 day, 0 min,  1 user,  load average: 0.00, 0.01, 0.05"), uptime(false, 86_400 + 30, 1).output());
        assertEquals(List.of(" 22:02:03 up 3 days, 10:07,  2 users,  load average: 0.00, 0.01, 0.05"), uptime(false, 3 * 86_400 + 36_420, 2).output());
    }

    @Test
    void sinceAndPretty() {
        assertEquals(List.of("2026-12-07 20:43:32"), uptime(true, 4711, 0, "-s").output());
        assertEquals(List.of("2026-12-07 20:43:32"), uptime(false, 4711, 0, "--since").output());
        assertEquals(List.of("up 1 hour, 18 minutes"), uptime(false, 4711, 0, "-p").output());
        assertEquals(List.of("up 2 weeks, 1 day, 1 minute"), uptime(false, 15 * 86_400 + 61, 0, "-p").output());
        assertEquals(List.of("up 0 minutes"), uptime(false, 59, 0, "-p").output());
    }

    /** The real tools' own output has the same shape; their refusals the same words and status. */
    @Test
    void besideTheRealOnes() throws Exception {
        for (boolean busybox : List.of(true, false)) {
            var real = ExternalTools.runReal(busybox, List.of("uptime"), null, Map.of(), null);
            assertTrue(real.stdout().strip().matches("\\d\\d:\\d\\d:\\d\\d up (\\d+ days?, )?(\\d+ min|[ \\d]\\d:\\d\\d),  \\d+ users?,  load average: "
                    + "\\d+\\.\\d\\d, \\d+\\.\\d\\d, \\d+\\.\\d\\d"), real.stdout());
            var bad = ExternalTools.runReal(busybox, List.of("uptime", "-x"), null, Map.of(), null);
            CommandOutput ours = uptime(busybox, 60, 0, "-x");
            List<String> theirs = bad.stderr().lines().toList();
            assertEquals(bad.status(), ours.status());
            // Debian's busybox is glibc's ("invalid option -- 'x'") and 1.35's banner; alpine's is musl's and 1.36.1's
            assertEquals(busybox ? theirs.subList(2, theirs.size()) : theirs, busybox ? ours.errors().subList(2, ours.errors().size()) : ours.errors());
        }
        var pretty = ExternalTools.runReal(false, List.of("uptime", "-p"), null, Map.of(), null);
        assertTrue(pretty.stdout().strip().matches("up (\\d+ weeks?, )?(\\d+ days?, )?(\\d+ hours?, )?\\d+ minutes?"), pretty.stdout());
    }
}
