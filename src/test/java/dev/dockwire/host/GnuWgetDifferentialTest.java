package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.app.http.Responses;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
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

    private final List<ServerSocket> servers = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (ServerSocket s : servers) {
            s.close();
        }
    }

    @Test
    void linesAndExitStatusesAsTheRealWget() throws Exception {
        ExternalTools.assumeTool("wget");
        int page = serve();
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (TestHost h = new TestHost(1)) {
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
                String real = run(cmd);
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

    /** The real wget's stderr then stdout, in the C locale, and its status. */
    private static String run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.startsWith("LANG") || k.endsWith("_proxy"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd + " timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return text + "\n[exit " + p.exitValue() + "]";
    }

    /** A server on 127.0.0.1 answering GET / and HEAD / with nginx's welcome page, anything else with a 404. */
    private int serve() throws IOException {
        ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        servers.add(server);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    OutputStream out = s.getOutputStream();
                    String request = readRequest(s.getInputStream());
                    boolean root = request.startsWith("GET / ") || request.startsWith("HEAD / ");
                    String body = root ? Responses.NGINX_WELCOME : "<html>404</html>\n";
                    out.write(((root ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") + "\r\nContent-Type: text/html\r\n"
                            + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + (request.startsWith("HEAD") ? "" : body))
                            .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // closed by the test's end
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    private static String readRequest(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            b.append((char) c);
            if (b.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return b.toString();
    }
}
