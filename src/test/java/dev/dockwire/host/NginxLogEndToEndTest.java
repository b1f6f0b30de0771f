package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * nginx's own lines in {@code docker logs} (its error log on stderr: src/core/nginx.c,
 * os/unix/ngx_posix_init.c, ngx_process_cycle.c, ngx_process.c), its master and workers in
 * {@code docker top}, and its answers for directories (ngx_http_static_module's 301,
 * ngx_http_core_module's 403) with their error log lines.
 */
class NginxLogEndToEndTest {
    private static final String T = "2025/01/01 00:00:00 [notice] ";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    private List<String> after(List<String> lines, String marker) {
        return lines.subList(lines.indexOf(marker) + 1, lines.size());
    }

    @Test
    void theMasterWritesItsStartLinesAndItsWorkersRunUnderItAsUid101() {
        h.ok("docker run -d --name web nginx");
        List<String> logs = h.ok("docker logs web");
        assertEquals(List.of(T + "1#1: using the \"epoll\" event method", T + "1#1: nginx/1.31.3",
                T + "1#1: built by gcc 14.2.0 (Debian 14.2.0-19) ", T + "1#1: OS: Linux 6.1.0-28-amd64",
                T + "1#1: getrlimit(RLIMIT_NOFILE): 1024:524288", T + "1#1: start worker processes",
                T + "1#1: start worker process 29", T + "1#1: start worker process 30"),
                after(logs, "/docker-entrypoint.sh: Configuration complete; ready for start up"));
        List<String> top = h.ok("docker top web");
        assertEquals(4, top.size(), String.join("\n", top));
        String master = top.get(1).split(" +")[1];
        assertTrue(top.get(1).matches("root +\\d+ +\\d+ .* nginx: master process nginx -g daemon off;"), top.get(1));
        assertTrue(top.get(2).matches("101 +\\d+ +" + master + " .* nginx: worker process"), top.get(2));
        assertTrue(top.get(3).matches("101 +\\d+ +" + master + " .* nginx: worker process"), top.get(3));
        List<String> alpine = h.ok("docker run -d --name a1 nginx:alpine");
        List<String> a = after(h.ok("docker logs a1"), "/docker-entrypoint.sh: Configuration complete; ready for start up");
        assertEquals(T + "1#1: built by gcc 15.2.0 (Alpine 15.2.0) ", a.get(2));
        assertEquals(List.of(T + "1#1: start worker process 30", T + "1#1: start worker process 31"), a.subList(6, 8));
        assertEquals(1, alpine.size());
    }

    @Test
    void sigquitShutsDownGracefullyAndSigtermExitsAtOnce() {
        h.ok("docker run -d --name web nginx");
        h.ok("sleep 3");
        h.ok("docker stop web");
        String t = "2025/01/01 00:00:03 [notice] ";
        assertEquals(List.of(t + "1#1: signal 3 (SIGQUIT) received, shutting down",
                t + "29#29: gracefully shutting down", t + "29#29: exiting", t + "29#29: exit",
                t + "30#30: gracefully shutting down", t + "30#30: exiting", t + "30#30: exit",
                t + "1#1: signal 17 (SIGCHLD) received from 29", t + "1#1: worker process 29 exited with code 0",
                t + "1#1: signal 29 (SIGIO) received",
                t + "1#1: signal 17 (SIGCHLD) received from 30", t + "1#1: worker process 30 exited with code 0",
                t + "1#1: exit"), after(h.ok("docker logs web"), T + "1#1: start worker process 30"));
        h.ok("docker start web");
        h.ok("docker kill -s TERM web");
        List<String> logs = h.ok("docker logs --tail 10 web");
        assertEquals(List.of(t + "1#1: signal 15 (SIGTERM) received, exiting", t + "29#29: exiting", t + "29#29: exit",
                t + "30#30: exiting", t + "30#30: exit",
                t + "1#1: signal 17 (SIGCHLD) received from 29", t + "1#1: worker process 29 exited with code 0",
                t + "1#1: signal 29 (SIGIO) received",
                t + "1#1: signal 17 (SIGCHLD) received from 30", t + "1#1: worker process 30 exited with code 0",
                t + "1#1: exit").subList(1, 11), logs);
        assertEquals(List.of("0"), h.ok("docker wait web"));
    }

    @Test
    void aDirectoryWithoutIndexIs403AndOneWithoutItsSlashA301ToTheListenPort() {
        h.ok("mkdir -p /site/empty /site/docs");
        h.ok("echo hi > /site/docs/a.txt");
        h.ok("docker run -d --name web -p 8080:80 -v /site:/usr/share/nginx/html nginx");
        h.ok("sleep 1");
        assertEquals(List.of("HTTP/1.1 301 Moved Permanently", "Server: nginx/1.31.3", "Date: Wed, 01 Jan 2025 00:00:01 GMT",
                "Content-Type: text/html", "Content-Length: 169", "Location: http://localhost/docs/", "Connection: keep-alive", ""),
                h.ok("curl -sI localhost:8080/docs"), "absolute_redirect names the Host's name and nginx's own port, 80, not 8080");
        assertEquals(List.of("<html>", "<head><title>301 Moved Permanently</title></head>", "<body>",
                "<center><h1>301 Moved Permanently</h1></center>", "<hr><center>nginx/1.31.3</center>", "</body>", "</html>", ""),
                h.ok("curl -s localhost:8080/docs?x=1"));
        assertTrue(h.ok("curl -sI 'localhost:8080/docs?x=1'").contains("Location: http://localhost/docs/?x=1"));
        assertEquals(List.of("<html>", "<head><title>403 Forbidden</title></head>", "<body>",
                "<center><h1>403 Forbidden</h1></center>", "<hr><center>nginx/1.31.3</center>", "</body>", "</html>", ""),
                h.ok("curl -s localhost:8080/docs/"));
        assertTrue(h.ok("curl -sI localhost:8080/empty/").get(0).equals("HTTP/1.1 403 Forbidden"), "an empty directory too");
        assertEquals(List.of("hi"), h.ok("curl -s localhost:8080/docs/a.txt"));
        List<String> errors = h.ok("docker logs web").stream().filter(l -> l.contains(" [error] ")).toList();
        assertEquals(List.of(
                "2025/01/01 00:00:01 [error] 29#29: *4 directory index of \"/usr/share/nginx/html/docs/\" is forbidden, client: 172.17.0.1,"
                        + " server: localhost, request: \"GET /docs/ HTTP/1.1\", host: \"localhost:8080\"",
                "2025/01/01 00:00:01 [error] 29#29: *5 directory index of \"/usr/share/nginx/html/empty/\" is forbidden, client: 172.17.0.1,"
                        + " server: localhost, request: \"HEAD /empty/ HTTP/1.1\", host: \"localhost:8080\""), errors);
    }
}
