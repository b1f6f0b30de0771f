package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docker top} with ps options and {@code docker stop|restart} with the deprecated
 * {@code --time}, beside what cli-container-ops.sh recorded: the columns of a procps format list, and
 * the 28.2 client's refusal of {@code --time} with {@code --timeout} (cli/command/container/stop.go).
 */
class TopAndStopTest {
    @Test
    void psFormatsPickTheColumns() {
        assertEquals(List.of("uid", "pid", "ppid", "c", "stime", "tty", "time", "cmd").size(), TopCommand.format("").size());
        assertEquals(List.of("pid", "user", "comm"), TopCommand.format("-o pid,user,comm"));
        assertEquals(List.of("user", "comm"), TopCommand.format("axo user,comm"));
        assertEquals(List.of("pid", "args"), TopCommand.format("-eo pid,args"));
        assertEquals(List.of("pid", "comm"), TopCommand.format("-o pid=PROCESS -o comm"));
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name tw-t alpine sleep 600");
            List<String> out = h.ok("docker top tw-t -o pid,comm,args");
            assertEquals("PID                 COMMAND             COMMAND", out.get(0));
            assertEquals(List.of("sleep", "sleep 600"), List.of(out.get(1).split(" {3,}")).subList(1, 3));
            assertEquals(List.of("Error response from daemon: ps: error: unknown user-defined format specifier \"nothing\""),
                    h.fails("docker top tw-t -o pid,nothing", 1));
        }
    }

    @Test
    void timeIsDeprecatedAndConflictsWithTimeout() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name tw-t alpine sleep 600");
            assertEquals(List.of("Flag --time has been deprecated, use --timeout instead",
                    "conflicting options: cannot specify both --timeout and --time"), h.fails("docker stop --time 1 --timeout 1 tw-t", 1));
            assertEquals(List.of("tw-t"), h.ok("docker restart --timeout 0 tw-t"));
        }
    }
}
