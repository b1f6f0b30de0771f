package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker exec web nginx -s reload}: the client's {@code signal process started} on its own
 * stderr (ngx_cycle.c ngx_signal_process), the master's reconfiguration in the container's log
 * (ngx_process.c ngx_signal_handler, ngx_process_cycle.c ngx_master_process_cycle): new workers
 * started, the old ones shut down gracefully and reaped; {@code docker top} shows the new workers.
 */
class NginxReloadEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aReloadStartsNewWorkersAndRetiresTheOldOnes() {
        h.ok("docker run -d --name web nginx");
        h.ok("sleep 4");
        String t = "2025/01/01 00:00:04 [notice] ";
        assertEquals(List.of(t + "31#31: signal process started"), h.ok("docker exec web nginx -s reload"));
        assertEquals(List.of(t + "1#1: signal 1 (SIGHUP) received from 31, reconfiguring", t + "1#1: reconfiguring",
                t + "1#1: using the \"epoll\" event method", t + "1#1: start worker processes",
                t + "1#1: start worker process 32", t + "1#1: start worker process 33",
                t + "29#29: gracefully shutting down", t + "29#29: exiting", t + "29#29: exit",
                t + "30#30: gracefully shutting down", t + "30#30: exiting", t + "30#30: exit",
                t + "1#1: signal 17 (SIGCHLD) received from 29", t + "1#1: worker process 29 exited with code 0",
                t + "1#1: signal 29 (SIGIO) received",
                t + "1#1: signal 17 (SIGCHLD) received from 30", t + "1#1: worker process 30 exited with code 0"),
                h.ok("docker logs --tail 17 web"));
        List<String> top = h.ok("docker top web");
        assertEquals(4, top.size(), String.join("\n", top));
        assertTrue(top.get(2).matches("101 +\\d+ +\\d+ .* nginx: worker process") && top.get(3).contains("nginx: worker process"), top.get(2));
        h.ok("docker stop web");
        List<String> stop = h.ok("docker logs --tail 13 web");
        assertEquals(t + "32#32: gracefully shutting down", stop.get(1));
        assertEquals(t + "1#1: worker process 33 exited with code 0", stop.get(11));
    }
}
