package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.http.HttpMessage;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * BusyBox {@code wget [-q] [--spider] [-O FILE] [-T SEC] URL} (networking/wget.c): one HTTP/1.1
 * GET ({@code --spider}: HEAD), {@code Connecting to HOST[:PORT] (IP:PORT)} on stderr, then
 * {@code remote file exists} for a spider, or the body saved ({@code -O -}: to stdout) with
 * {@code saving to 'FILE'} and {@code 'FILE' saved}; an HTTP status of 400 or more is
 * {@code wget: server returned error: HTTP/1.1 404 Not Found} (exit 1), as are
 * {@code wget: bad address 'HOST'}, {@code wget: can't connect to remote host (IP): Connection
 * refused} and {@code wget: download timed out}. {@code -q} silences everything but the errors.
 */
public final class Wget implements Program {
    private ProcessContext ctx;
    private boolean quiet;
    private boolean spider;
    private String outFile;
    private boolean done;

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        String url = null;
        long timeout = 900_000_000_000L;
        List<String> flat = new ArrayList<>();
        for (String a : args) {
            if (a.length() > 2 && a.charAt(0) == '-' && a.charAt(1) != '-') {
                for (int k = 1; k < a.length(); k++) {
                    flat.add("-" + a.charAt(k));
                    if ((a.charAt(k) == 'O' || a.charAt(k) == 'T') && k + 1 < a.length()) {
                        flat.add(a.substring(k + 1));
                        break;
                    }
                }
            } else {
                flat.add(a);
            }
        }
        for (int i = 0; i < flat.size(); i++) {
            String a = flat.get(i);
            switch (a) {
                case "-q", "--quiet" -> quiet = true;
                case "--spider", "-s" -> spider = true;
                case "-O", "--output-document" -> outFile = i + 1 < flat.size() ? flat.get(++i) : null;
                case "-T", "--timeout" -> timeout = (long) (Double.parseDouble(flat.get(++i)) * 1e9);
                default -> {
                    if (a.startsWith("-")) {
                        ctx.err("wget: unrecognized option '" + a + "'");
                        ctx.exit(1);
                        return;
                    }
                    url = a;
                }
            }
        }
        if (url == null) {
            ctx.err("BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.");
            ctx.err("");
            ctx.err("Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]");
            ctx.exit(1);
            return;
        }
        String rest = url.startsWith("http://") ? url.substring(7) : url;
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = colon < 0 ? 80 : Integer.parseInt(hostPort.substring(colon + 1));
        String file = outFile != null ? outFile : path.endsWith("/") ? "index.html" : path.substring(path.lastIndexOf('/') + 1);
        ctx.schedule(timeout, () -> fail("download timed out"));
        Dial.to(ctx, host, port, 0, new Dial.Handler() {
            @Override
            public void connected(TcpSocket s, int address) {
                info("Connecting to " + hostPort + " (" + Ipv4Address.format(address) + ":" + port + ")");
                get(s, hostPort, path, file);
            }

            @Override
            public void failed(boolean resolved, int address, SocketError error) {
                if (!resolved) {
                    fail("bad address '" + host + "'");
                } else {
                    info("Connecting to " + hostPort + " (" + Ipv4Address.format(address) + ":" + port + ")");
                    fail("can't connect to remote host (" + Ipv4Address.format(address) + "): " + error.message());
                }
            }
        });
    }

    private void get(TcpSocket s, String hostHeader, String path, String file) {
        HttpMessage req = new HttpMessage((spider ? "HEAD " : "GET ") + path + " HTTP/1.1",
                List.of(new String[] {"Host", hostHeader}, new String[] {"User-Agent", "Wget"},
                        new String[] {"Connection", "close"}), new byte[0]);
        HttpMessage.Parser parser = new HttpMessage.Parser(true);
        if (spider) {
            parser.expectNoBody();
        }
        Dial.receive(s, b -> {
            HttpMessage resp = parser.feed(b, new int[1]);
            if (resp != null) {
                s.close();
                answer(resp, file);
            }
        });
        s.onEof(() -> {
            HttpMessage resp = parser.closed();
            if (resp != null) {
                answer(resp, file);
            } else {
                fail("error getting response");
            }
        });
        Dial.send(s, req.encode());
    }

    private void answer(HttpMessage resp, String file) {
        if (done) {
            return;
        }
        if (resp.status() >= 400) {
            fail("server returned error: " + resp.startLine());
            return;
        }
        if (spider) {
            info("remote file exists");
            finish(0);
            return;
        }
        if ("-".equals(file)) {
            info("writing to stdout");
            resp.bodyText().lines().forEach(ctx::out);
            info(progress("-", resp.body().length));
            info("written to stdout");
        } else {
            info("saving to '" + file + "'");
            ctx.writeFile(file.startsWith("/") ? file : "/" + file, resp.bodyText());
            info(progress(file, resp.body().length));
            info("'" + file + "' saved");
        }
        finish(0);
    }

    /** The progress meter's last state (progress_meter in libbb/progress.c). */
    private static String progress(String file, int bytes) {
        return String.format("%-20s 100%% |********************************| %5d  0:00:00 ETA", file, bytes);
    }

    private void info(String line) {
        if (!quiet && !done) {
            ctx.err(line);
        }
    }

    private void fail(String message) {
        if (done) {
            return;
        }
        ctx.err("wget: " + message);
        finish(1);
    }

    private void finish(int status) {
        done = true;
        ctx.exit(status);
    }
}
