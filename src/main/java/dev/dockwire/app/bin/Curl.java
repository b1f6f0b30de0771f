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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code curl [-s] [-S] [-f] [-L] [-I] [-v] [-i] [-o FILE] [-w FORMAT] [--resolve HOST:PORT:ADDR]
 * [--max-time S] [-H 'Name: value'] URL}: HTTP/1.1 requests over the socket API (a new one for
 * each redirect {@code -L} follows), the body (or headers) printed, {@code -w}'s variables
 * ({@link CurlWriteOut}) after it, and curl 8's error wording and exit codes (lib/strerror.c and
 * the failf() calls): (1) a reply that is not HTTP, (6) could not resolve host, (7) failed to
 * connect, (22) an HTTP status of 400 or more with {@code -f}/{@code --fail} (nothing of the body
 * printed), (28) timeout, (47) too many redirects, (52) empty reply, (56) receive failure;
 * {@code -S} shows the error under {@code -s}.
 */
public final class Curl implements Program {
    /** curl's default --max-redirs. */
    private static final int MAX_REDIRECTS = 50;
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
    private final Map<String, Integer> resolved = new HashMap<>();
    private String writeOut;
    private boolean follow;
    private long start;
    private boolean done;
    private boolean connected;
    private Timer deadline;
    private TcpSocket socket;
    /** What curl writes to stdout, printed at the end with {@code -w}'s text after it. */
    private final StringBuilder stdout = new StringBuilder();
    private final Map<String, String> vars = new HashMap<>();
    private int redirects;
    private long received;

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
                case "-L", "--location" -> follow = true;
                case "-k", "--insecure" -> {
                    // accepted: no TLS here
                }
                case "-w", "--write-out" -> writeOut = i + 1 < args.size() ? args.get(++i) : "";
                case "--resolve" -> {
                    // HOST:PORT:ADDRESS, as curl's --resolve adds it to the DNS cache
                    String[] r = i + 1 < args.size() ? args.get(++i).split(":", 3) : new String[0];
                    Integer addr = r.length == 3 ? Ipv4Address.tryParse(r[2]) : null;
                    if (addr != null) {
                        resolved.put(r[0].toLowerCase(java.util.Locale.ROOT) + ":" + r[1], addr);
                    }
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
        start = ctx.nanos();
        vars.put("http_code", "000");
        vars.put("response_code", "000");
        if (maxTimeNanos > 0) {
            deadline = ctx.schedule(maxTimeNanos, this::timedOut);
        }
        transfer(url);
    }

    /** multi.c multi_handle_timeout: what curl was doing when {@code --max-time} ran out. */
    private void timedOut() {
        fail(28, connected ? "Operation timed out after " + elapsedMs() + " milliseconds with " + received + " bytes received"
                : "Connection timed out after " + elapsedMs() + " milliseconds");
    }

    /** One request for {@code url}: its host resolved (or taken from {@code --resolve}), then connected to. */
    private void transfer(String url) {
        String u = url.contains("://") ? url : "http://" + url;
        if (!u.startsWith("http://")) {
            fail(1, "Protocol \"" + u.substring(0, u.indexOf(':')) + "\" not supported");
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
            fail(3, "URL rejected: Port number was not a decimal number between 0 and 65535");
            return;
        }
        vars.put("url_effective", "http://" + hostPort + path);
        String hostHeader = colon < 0 ? host : hostPort;
        Integer pinned = resolved.get(host.toLowerCase(java.util.Locale.ROOT) + ":" + port);
        if (pinned != null) {
            verbose("* Added " + host + ":" + port + ":" + Ipv4Address.format(pinned) + " to DNS cache");
            connect(host, pinned, port, hostHeader, path);
            return;
        }
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
                vars.put("time_connect", CurlWriteOut.seconds(ctx.nanos() - start));
                connected = true;
                vars.put("remote_ip", dotted); // the connection's peer: empty and 0 until connected
                vars.put("remote_port", Integer.toString(port));
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
        TcpSocket sock = socket;
        boolean[] first = {true};
        socket.onData(data -> {
            if (done || sock != socket) {
                return;
            }
            byte[] bytes = ByteBufUtil.getBytes(data);
            if (first[0] && !startsLikeHttp(bytes)) {
                // http.c: a status line is required since curl 7.66 (--http0.9 is off by default).
                fail(1, "Received HTTP/0.9 when not allowed");
                return;
            }
            first[0] = false;
            received += bytes.length;
            HttpMessage resp = parser.feed(bytes, new int[1]);
            if (resp != null) {
                print(resp);
            }
        });
        socket.onEof(() -> {
            if (done || sock != socket) {
                return;
            }
            HttpMessage resp = parser.closed();
            if (resp != null) {
                print(resp);
            } else {
                fail(52, "Empty reply from server");
            }
        });
        socket.onError(e -> {
            if (sock == socket) {
                fail(56, "Recv failure: " + e.message());
            }
        });
        ByteBuf out = Unpooled.wrappedBuffer(req.encode());
        socket.write(out);
        out.release();
    }

    /** "HTTP/" or as much of it as has come. */
    private static boolean startsLikeHttp(byte[] bytes) {
        byte[] http = "HTTP/".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < Math.min(bytes.length, http.length); i++) {
            if (bytes[i] != http[i]) {
                return false;
            }
        }
        return true;
    }

    private void print(HttpMessage resp) {
        ctx.sample("curl total", ctx.nanos() - start); // %{time_total}
        String code = String.format("%03d", resp.status());
        vars.put("http_code", code);
        vars.put("response_code", code);
        String type = resp.header("Content-Type");
        vars.put("content_type", type == null ? "" : type);
        if (verbose) {
            verbose("< " + resp.startLine());
            resp.headers().forEach(h -> verbose("< " + h[0] + ": " + h[1]));
            verbose("<");
        }
        String location = resp.header("Location");
        boolean redirect = follow && location != null && List.of(301, 302, 303, 307, 308).contains(resp.status());
        if (failOnError && resp.status() >= 400) {
            fail(22, "The requested URL returned error: " + resp.status());
            return;
        }
        if (headOnly || include) {
            stdout.append(resp.startLine()).append('\n');
            resp.headers().forEach(h -> stdout.append(h[0]).append(": ").append(h[1]).append('\n'));
            stdout.append('\n');
        }
        if (redirect) {
            if (redirects == MAX_REDIRECTS) {
                fail(47, "Maximum (" + MAX_REDIRECTS + ") redirects followed");
                return;
            }
            redirects++;
            vars.put("num_redirects", Integer.toString(redirects));
            verbose("* Connection #0 to host left intact");
            verbose("* Issue another request to this URL: '" + absolute(location) + "'");
            socket.close();
            socket = null;
            connected = false;
            received = 0;
            transfer(absolute(location));
            return;
        }
        vars.put("size_download", Integer.toString(headOnly ? 0 : resp.body().length));
        if (!headOnly) {
            if (outFile == null) {
                stdout.append(resp.bodyText());
            } else if (!outFile.equals("/dev/null")) {
                ctx.writeFile(outFile, resp.bodyText());
            }
        }
        verbose("* Connection #0 to host left intact");
        finish(0);
    }

    /** A Location as the URL it names: absolute, from the host's root, or beside the current path. */
    private String absolute(String location) {
        if (location.contains("://")) {
            return location;
        }
        String current = vars.get("url_effective");
        int root = current.indexOf('/', "http://".length());
        if (location.startsWith("/")) {
            return current.substring(0, root) + location;
        }
        return current.substring(0, current.lastIndexOf('/') + 1) + location;
    }

    private void fail(int code, String message) {
        if (done) {
            return;
        }
        vars.put("errormsg", message);
        if (!silent || verbose || showError) {
            ctx.err("curl: (" + code + ") " + message);
        }
        finish(code);
    }

    private void finish(int code) {
        done = true;
        vars.put("time_total", CurlWriteOut.seconds(ctx.nanos() - start));
        vars.put("exitcode", Integer.toString(code));
        vars.putIfAbsent("size_download", "0");
        vars.putIfAbsent("num_redirects", "0");
        vars.putIfAbsent("remote_ip", "");
        vars.putIfAbsent("remote_port", "0");
        vars.putIfAbsent("content_type", "");
        vars.putIfAbsent("time_connect", "0.000000");
        vars.putIfAbsent("url_effective", "");
        if (writeOut != null) {
            stdout.append(CurlWriteOut.expand(writeOut, vars, ctx::err));
        }
        if (stdout.length() > 0) {
            // Lines as a terminal shows them: a last line without its newline is still a line.
            int end = stdout.charAt(stdout.length() - 1) == '\n' ? stdout.length() - 1 : stdout.length();
            for (String line : stdout.substring(0, end).split("\r\n|\n|\r", -1)) { // as String.lines() splits
                ctx.out(line);
            }
        }
        if (deadline != null) {
            deadline.cancel();
        }
        if (socket != null) {
            socket.close();
        }
        ctx.exit(code);
    }
}
