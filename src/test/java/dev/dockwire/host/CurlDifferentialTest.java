package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.LoopbackServer;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dockwire's curl (from a netshoot container) against the real curl on this machine, each on the
 * same behaviours: the real one against small servers on 127.0.0.1 (loopback only) that answer as
 * the emulated nginx, redis and mysql do (a page, a 404, a connection closed after the request, a
 * greeting that is not HTTP) and a closed port. What each prints and its exit status must agree
 * once addresses, ports and milliseconds are masked. Skips, saying so, without curl.
 */
class CurlDifferentialTest {
    /** Each case: curl's arguments, URL last; {@code PAGE}, {@code MISSING}, {@code EMPTY}, {@code GREETING}, {@code CLOSED} stand for the server. */
    private static final List<String> CASES = List.of(
            "-sS -o /dev/null -w %{http_code}_%{content_type}_%{size_download}_%{exitcode}\\n PAGE",
            "-s -w %{http_code} MISSING",
            "-sS -f MISSING",
            "-sS CLOSED",
            "-s CLOSED",
            "-s -o /dev/null -w %{http_code}_%{exitcode}_%{remote_port} CLOSED",
            "-sS EMPTY",
            "-sS GREETING",
            "-sS -I PAGE",
            "-sS -w %{foo}\\n -o /dev/null PAGE");
    /** nginx's 404 page (ngx_http_special_response.c), as the emulated nginx 1.31.3 sends it. */
    private static final String PAGE_BODY = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n"
            + "<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.31.3</center>\r\n</body>\r\n</html>\r\n";

    @Test
    void errorsWriteOutAndExitCodesAsTheRealCurl() throws Exception {
        ExternalTools.assumeTool("curl");
        // As the emulated nginx, redis (closes after the request) and mysql (a greeting that is not HTTP).
        try (LoopbackServer page = LoopbackServer.http("<html>welcome</html>\n", PAGE_BODY, "");
             LoopbackServer empty = LoopbackServer.start(null, request -> null);
             LoopbackServer greeting = LoopbackServer.start("J\0\0\0\n8.0.40\0", request -> null);
             TestHost h = new TestHost(1)) {
            int closed = LoopbackServer.closedPort();
            h.ok("docker network create --subnet 172.30.0.0/16 lab");
            h.ok("docker run -d --name web --network lab nginx");
            h.ok("docker run -d --name r1 --network lab redis");
            h.ok("docker run -d --name db --network lab -e MYSQL_ROOT_PASSWORD=x mysql");
            h.ok("docker run -d --name c1 --network lab nicolaka/netshoot sleep 1d");
            h.ok("sleep 2"); // the servers' start-up
            for (String c : CASES) {
                String real = ExternalTools.transcript(realCommand(c, page.port(), empty.port(), greeting.port(), closed));
                String emulated = emulated(h, c.replace("PAGE", "http://web/").replace("MISSING", "http://web/missing")
                        .replace("EMPTY", "http://r1:6379/").replace("GREETING", "http://db:3306/")
                        .replace("CLOSED", "http://172.30.0.2:5679/"));
                assertEquals(mask(real), mask(emulated), "curl " + c + "\nreal:\n" + real + "\ndockwire:\n" + emulated);
            }
        }
    }

    private static List<String> realCommand(String c, int page, int empty, int greeting, int closed) {
        List<String> cmd = new ArrayList<>(List.of("curl"));
        for (String a : c.split(" ")) {
            cmd.add(a.replace("\\n", "\n").replace("PAGE", "http://127.0.0.1:" + page + "/")
                    .replace("MISSING", "http://127.0.0.1:" + page + "/missing").replace("EMPTY", "http://127.0.0.1:" + empty + "/")
                    .replace("GREETING", "http://127.0.0.1:" + greeting + "/").replace("CLOSED", "http://127.0.0.1:" + closed + "/"));
        }
        return cmd;
    }

    private static String emulated(TestHost h, String c) {
        StringBuilder line = new StringBuilder("docker exec c1 curl");
        for (String a : c.split(" ")) {
            line.append(" '").append(a).append('\'');
        }
        CommandResult r = h.run(line.toString());
        return String.join("\n", r.output()) + "\n[exit " + r.status() + "]";
    }

    /** Addresses, ports, milliseconds, the header lines of -I after the status line. */
    private static String mask(String text) {
        List<String> out = new ArrayList<>();
        boolean headers = false;
        for (String l : text.split("\n", -1)) {
            if (headers && !l.isEmpty() && !l.startsWith("[exit")) {
                continue; // -I: servers differ in their headers; the status line is compared
            }
            headers = l.startsWith("HTTP/1.1 ");
            out.add(l.replaceAll("\\b(127\\.0\\.0\\.1|172\\.30\\.0\\.\\d+)\\b", "ADDR").replaceAll("port \\d+", "port P")
                    .replaceAll("after \\d+ ms", "after T ms").replaceAll("_\\d{2,5}$", "_PORT")
                    .replaceAll("_(text/html)_\\d+_", "_$1_SIZE_"));
        }
        return String.join("\n", out);
    }

}
