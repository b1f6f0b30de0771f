package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.app.http.Responses;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.LoopbackServer;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dockwire's GNU wget (in a python container, against nginx) against the real GNU wget on this
 * machine (against a server on 127.0.0.1 that answers as the emulated nginx: its welcome page, a
 * 404) and a closed port, in the C locale as {@code docker exec} runs it. What each prints and its
 * exit status must agree once addresses, ports, dates and rates are masked. Skips, saying so, without wget.
 */
class GnuWgetDifferentialTest {
    /** Each case: wget's arguments, URL last; {@code PAGE}, {@code MISSING}, {@code CLOSED} stand for the server. */
    private static final List<String> CASES = List.of("-O /dev/null PAGE", "-qO- PAGE", "-O /dev/null MISSING",
            "-q -O /dev/null MISSING", "--spider PAGE", "--spider MISSING", "-O /dev/null CLOSED", "-S --spider MISSING");

    @Test
    void linesAndExitStatusesAsTheRealWget() throws Exception {
        ExternalTools.assumeTool("wget");
        try (LoopbackServer server = LoopbackServer.http(Responses.NGINX_WELCOME, "<html>404</html>\n", "Connection: close\r\n");
             TestHost h = new TestHost(1)) {
            int page = server.port();
            int closed = LoopbackServer.closedPort();
            h.ok("docker network create --subnet 172.30.0.0/16 lab");
            h.ok("docker run -d --name web --network lab nginx");
            h.ok("docker run -d --name c1 --network lab python sleep 1d");
            h.ok("sleep 2");
            for (String c : CASES) {
                List<String> cmd = new ArrayList<>(List.of("wget"));
                StringBuilder line = new StringBuilder("docker exec c1 wget");
                for (String a : c.split(" ")) {
                    cmd.add(a.replace("PAGE", "http://127.0.0.1:" + page + "/").replace("MISSING", "http://127.0.0.1:" + page + "/missing")
                            .replace("CLOSED", "http://127.0.0.1:" + closed + "/"));
                    line.append(' ').append(a.replace("PAGE", "http://172.30.0.2/").replace("MISSING", "http://172.30.0.2/missing")
                            .replace("CLOSED", "http://172.30.0.2:5679/"));
                }
                String real = ExternalTools.transcript(cmd);
                CommandResult r = h.run(line.toString());
                String emulated = String.join("\n", r.output()) + "\n[exit " + r.status() + "]";
                assertEquals(mask(real), mask(emulated), "wget " + c + "\nreal:\n" + real + "\ndockwire:\n" + emulated);
            }
        }
    }

    /** Addresses and ports, dates, rates; -S's header lines other than the status line (the servers differ in them). */
    private static String mask(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            if (l.startsWith("  ") && !l.startsWith("  HTTP/")) {
                continue;
            }
            out.add(l.replaceAll("(127\\.0\\.0\\.1|172\\.30\\.0\\.\\d+)(:\\d+)?", "ADDR")
                    .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d", "DATE")
                    .replaceAll("\\(\\d+(\\.\\d+)? [KMGT]?B/s\\)", "(RATE)")
                    .replaceAll("100% +\\d+(\\.\\d+)?[KMGT]?=\\S+$", "100% RATE"));
        }
        return String.join("\n", out);
    }

}
