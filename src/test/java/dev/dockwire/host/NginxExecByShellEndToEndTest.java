package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * nginx exec'd by the container's shell ({@code sh -c '...; exec nginx -g "daemon off;"'}, the
 * envsubst pattern): execve(2) makes it PID 1, so its log has the master's start lines and workers
 * (src/core/nginx.c, ngx_process_cycle.c) without the image entrypoint's lines, and the stop signal's
 * shutdown lines; it serves as the image's own server does.
 */
class NginxExecByShellEndToEndTest {
    private static final String T = "2025/01/01 00:00:00 [notice] ";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theExecdMasterWritesItsStartAndShutdownLinesAndServes() {
        h.ok("docker run -d --name web -p 8080:80 nginx sh -c 'echo configured; exec nginx -g \"daemon off;\"'");
        h.ok("sleep 1");
        List<String> logs = h.ok("docker logs web");
        assertEquals("configured", logs.get(0));
        assertEquals(List.of(T + "1#1: using the \"epoll\" event method", T + "1#1: nginx/1.31.3",
                T + "1#1: built by gcc 14.2.0 (Debian 14.2.0-19) ", T + "1#1: OS: Linux 6.1.0-28-amd64",
                T + "1#1: getrlimit(RLIMIT_NOFILE): 1024:524288", T + "1#1: start worker processes"), logs.subList(1, 7));
        assertEquals(2, logs.size() - 7, String.join("\n", logs));
        assertTrue(logs.get(7).matches("\\Q" + T + "1#1: start worker process \\E\\d+"), logs.get(7));
        assertTrue(h.ok("curl -s localhost:8080").contains("<title>Welcome to nginx!</title>"));
        h.ok("docker stop web");
        List<String> stop = h.ok("docker logs web");
        String t = "2025/01/01 00:00:01 [notice] ";
        assertTrue(stop.contains(t + "1#1: signal 3 (SIGQUIT) received, shutting down"), String.join("\n", stop));
        assertEquals(t + "1#1: exit", stop.get(stop.size() - 1));
        assertEquals(List.of("0"), h.ok("docker wait web"));
    }
}
