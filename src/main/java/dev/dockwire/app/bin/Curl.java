package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.app.http.HttpMessage;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code curl [-s] [-S] [-f] [-I] [-v] [-i] [-o FILE] [--max-time S] [-H 'Name: value'] URL}: one HTTP/1.1
 * request over the socket API, the body (or headers) printed, and curl's own error wording and
 * exit codes: (6) could not resolve host, (7) failed to connect, (22) an HTTP status of 400 or
 * more with {@code -f}/{@code --fail} (nothing of the body printed), (28) timeout, (52) empty
 * reply, (56) receive failure; {@code -S} shows the error under {@code -s}.
 */
public final class Curl implements Program {
    private ProcessContext ctx;
    private boolean silent;
    private boolean headOnly;
    private boolean verbose;
    private boolean include;
    private boolean failOnError;
    private boolean showError;
    private String outFile;
    private long maxTimeNanos;
    private final List<String> extraHeaders = new ArrayList<>();
    private long start;
    private boolean done;
    private Timer deadline;
    private TcpSocket socket;

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        String url = null;
        args = expandShortOptions(args);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-s", "--silent" -> silent = true;
                case "-f", "--fail" -> failOnError = true;
                case "-S", "--show-error" -> showError = true;
                case "-L", "--location", "-k", "--insecure" -> {
                    // accepted: no redirects or TLS to follow here
                }
                case "-I", "--head" -> headOnly = true;
                case "-v", "--verbose" -> verbose = true;
                case "-i", "--include" -> include = true;
                case "-o", "--output" -> outFile = i + 1 < args.size() ? args.get(++i) : null;
                case "-m", "--max-time", "--connect-timeout" ->
                        maxTimeNanos = (long) (Double.parseDouble(args.get(++i)) * 1e9);
                case "-H", "--header" -> extraHeaders.add(args.get(++i));
                default -> {
                    if (a.startsWith("-")) {
                        ctx.err("curl: option " + a + ": is unknown");
                        ctx.err("curl: try 'curl --help' or 'curl --manual' for more information");
                        ctx.exit(2);
                        return;
                    }
                    url = a;
                }
            }
        }
        if (url == null) {
            ctx.err("curl: no URL specified");
            ctx.err("curl: try 'curl --help' or 'curl --manual' for more information");
            ctx.exit(2);
            return;
        }
        String u = url.contains("://") ? url : "http://" + url;
        if (!u.startsWith("http://")) {
            ctx.err("curl: (1) Protocol \"" + u.substring(0, u.indexOf(':')) + "\" not supported");
            ctx.exit(1);
            return;
        }
        String rest = u.substring(7);
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port;
        try {
            port = colon < 0 ? 80 : Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            ctx.err("curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535");
            ctx.exit(3);
            return;
        }
        start = ctx.nanos();
        if (maxTimeNanos > 0) {
            deadline = ctx.schedule(maxTimeNanos, () -> fail(28, "Connection timed out after " + elapsedMs() + " milliseconds"));
        }
        String hostHeader = colon < 0 ? host : hostPort;
        new StubResolver(ctx).lookup(host, r -> {
            if (done) {
                return;
            }
            if (!r.ok()) {
                fail(6, "Could not resolve host: " + host);
                return;
            }
            connect(host, r.addresses().get(0), port, hostHeader, path);
        });
    }

    /** {@code -sSL} → {@code -s -S -L}; {@code -ofile} → {@code -o file}, as curl reads clustered short options. */
    private static List<String> expandShortOptions(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (a.length() > 2 && a.charAt(0) == '-' && a.charAt(1) != '-') {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    out.add("-" + c);
                    if ((c == 'o' || c == 'm' || c == 'H') && k + 1 < a.length()) {
                        out.add(a.substring(k + 1));
                        break;
                    }
                }
            } else {
                out.add(a);
            }
        }
        return out;
    }

    private long elapsedMs() {
        return (ctx.nanos() - start) / 1_000_000;
    }

    private void verbose(String line) {
        if (verbose) {
            ctx.err(line);
        }
    }

    private void connect(String host, int addr, int port, String hostHeader, String path) {
        String dotted = Ipv4Address.format(addr);
        verbose("*   Trying " + dotted + ":" + port + "...");
        socket = ctx.sockets().openTcp();
        try {
            socket.connect(addr, port, err -> {
                if (err != null) {
                    fail(err == SocketError.ETIMEDOUT ? 28 : 7, err == SocketError.ETIMEDOUT
                            ? "Failed to connect to " + host + " port " + port + " after " + elapsedMs() + " ms: Timeout was reached"
                            : "Failed to connect to " + host + " port " + port + " after " + elapsedMs() + " ms: Couldn't connect to server");
                    return;
                }
                ctx.sample("curl connect", ctx.nanos() - start); // %{time_connect}: from the start, lookup included
                verbose("* Connected to " + host + " (" + dotted + ") port " + port);
                request(hostHeader, path);
            });
        } catch (SocketException e) {
            fail(7, "Failed to connect to " + host + " port " + port + " after " + elapsedMs() + " ms: Couldn't connect to server");
        }
    }

    private void request(String hostHeader, String path) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Host", hostHeader});
        headers.add(new String[] {"User-Agent", "curl/8.14.1"});
        headers.add(new String[] {"Accept", "*/*"});
        for (String h : extraHeaders) {
            int c = h.indexOf(':');
            if (c > 0) {
                headers.add(new String[] {h.substring(0, c).trim(), h.substring(c + 1).trim()});
            }
        }
        HttpMessage req = new HttpMessage((headOnly ? "HEAD " : "GET ") + path + " HTTP/1.1", headers, new byte[0]);
        if (verbose) {
            for (String l : new String(req.encode(), StandardCharsets.ISO_8859_1).split("\r\n")) {
                verbose("> " + l);
            }
            verbose(">");
        }
        HttpMessage.Parser parser = new HttpMessage.Parser(true);
        if (headOnly) {
            parser.expectNoBody();
        }
        socket.onData(data -> {
            if (done) {
                return;
            }
            byte[] bytes = ByteBufUtil.getBytes(data);
            HttpMessage resp = parser.feed(bytes, new int[1]);
            if (resp != null) {
                print(resp);
            }
        });
        socket.onEof(() -> {
            if (done) {
                return;
            }
            HttpMessage resp = parser.closed();
            if (resp != null) {
                print(resp);
            } else {
                fail(52, "Empty reply from server");
            }
        });
        socket.onError(e -> fail(56, "Recv failure: " + e.message()));
        ByteBuf out = Unpooled.wrappedBuffer(req.encode());
        socket.write(out);
        out.release();
    }

    private void print(HttpMessage resp) {
        ctx.sample("curl total", ctx.nanos() - start); // %{time_total}
        if (failOnError && resp.status() >= 400) {
            fail(22, "The requested URL returned error: " + resp.status());
            return;
        }
        if (verbose) {
            verbose("< " + resp.startLine());
            resp.headers().forEach(h -> verbose("< " + h[0] + ": " + h[1]));
            verbose("<");
        }
        List<String> lines = new ArrayList<>();
        if (headOnly || include) {
            lines.add(resp.startLine());
            resp.headers().forEach(h -> lines.add(h[0] + ": " + h[1]));
            lines.add("");
        }
        if (!headOnly) {
            lines.addAll(resp.bodyText().lines().toList());
        }
        if (outFile != null && !headOnly) {
            ctx.writeFile(outFile, resp.bodyText());
        } else {
            lines.forEach(ctx::out);
        }
        verbose("* Connection #0 to host left intact");
        finish(0);
    }

    private void fail(int code, String message) {
        if (done) {
            return;
        }
        if (!silent || verbose || showError) {
            ctx.err("curl: (" + code + ") " + message);
        }
        finish(code);
    }

    private void finish(int code) {
        done = true;
        if (deadline != null) {
            deadline.cancel();
        }
        if (socket != null) {
            socket.close();
        }
        ctx.exit(code);
    }
}
