package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.app.http.HttpMessage;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.wire.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * BusyBox {@code wget} as alpine builds it (networking/wget.c, long options, WGET_TIMEOUT): for
 * each URL {@code Connecting to HOST[:PORT] (IP:PORT)} once the name resolved, one HTTP/1.1
 * {@code GET} ({@code --post-data}: POST; {@code --spider} sends GET too and reads only the head),
 * {@code -S} echoing the status line and headers indented by two blanks, redirects followed; then
 * {@code remote file exists} for a spider, or the body saved with {@code saving to 'FILE'}, the
 * progress meter's last line and {@code 'FILE' saved} ({@code -O -}: to stdout, {@code writing to
 * stdout} ... {@code written to stdout}). Without {@code -O} the file must not exist ({@code can't
 * open 'index.html': File exists}). Errors end the run with status 1: {@code bad address 'HOST'},
 * {@code can't connect to remote host (IP): Connection refused}, {@code server returned error:
 * HTTP/1.1 404 Not Found}, {@code download timed out} after {@code -T SEC} without progress.
 * {@code -q} silences all but the errors. The working directory is {@code /}, alpine's.
 */
public final class Wget implements Program {
    private static final int MAX_REDIRECTS = 16;

    private ProcessContext ctx;
    private WgetOptions opts;
    private final List<String> log = new ArrayList<>();
    private Timer alarm;
    private TcpSocket socket;
    /** The server's address for this URL (lsa), reused by a redirect to a path. */
    private int address;
    private boolean done;

    /** One URL's parts (parse_url): {@code host} as written, with a port that is not the scheme's. */
    private record Target(String host, String name, int port, String path) {
        static Target parse(String url) {
            String rest = url;
            int defaultPort = 80;
            int scheme = url.indexOf("://");
            if (scheme >= 0) {
                String proto = url.substring(0, scheme).toLowerCase(java.util.Locale.ROOT);
                defaultPort = switch (proto) {
                    case "http" -> 80;
                    case "https" -> 443;
                    case "ftp" -> 21;
                    case "ftps" -> 990;
                    default -> -1;
                };
                if (defaultPort < 0) {
                    return null;
                }
                rest = url.substring(scheme + 3);
            }
            int slash = rest.indexOf('/');
            String host = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "/" : rest.substring(slash);
            int colon = host.lastIndexOf(':');
            String name = colon < 0 ? host : host.substring(0, colon);
            int port = colon < 0 ? defaultPort : Integer.parseInt(host.substring(colon + 1));
            return new Target(host, name, port, path);
        }
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        if (args.size() == 1 && args.get(0).equals("--help")) {
            BusyboxUsage.show(ctx, "wget", 0);
            return;
        }
        opts = WgetOptions.parse(args);
        if (opts.error != null) {
            if (!opts.error.isEmpty()) {
                ctx.err("wget: " + opts.error);
            }
            BusyboxUsage.show(ctx, "wget", 1);
            return;
        }
        if (opts.fatal != null) {
            fail(opts.fatal);
            return;
        }
        if (opts.postFile != null) {
            opts.postData = ctx.readFile(absolute(opts.postFile));
            if (opts.postData == null) {
                fail("can't open '" + opts.postFile + "': No such file or directory");
                return;
            }
        }
        download(0, 0);
    }

    /** download_one_url for URL number {@code i}, then the next; exit 0 after the last. */
    private void download(int i, int redirects) {
        if (i >= opts.urls.size()) {
            finish(0);
            return;
        }
        String url = opts.urls.get(i);
        Target t = Target.parse(url);
        if (t == null) {
            fail("not an http or ftp url: " + url);
            return;
        }
        fetch(i, t, redirects);
    }

    private void fetch(int i, Target t, int redirects) {
        new StubResolver(ctx).lookup(t.name(), r -> {
            if (!r.ok()) {
                fail("bad address '" + t.name() + "'");
                return;
            }
            int resolved = r.addresses().get(0);
            info("Connecting to " + t.host() + " (" + Ipv4Address.format(resolved) + ":" + t.port() + ")");
            connect(i, t, resolved, redirects);
        });
    }

    /** open_socket: connect(2) under the -T alarm. */
    private void connect(int i, Target t, int server, int redirects) {
        address = server;
        socket = ctx.sockets().openTcp();
        armAlarm();
        try {
            socket.connect(address, t.port(), err -> {
                if (err != null) {
                    fail("can't connect to remote host (" + Ipv4Address.format(address) + "): " + err.message());
                } else {
                    request(i, t, redirects);
                }
            });
        } catch (SocketException e) {
            fail("can't connect to remote host (" + Ipv4Address.format(address) + "): " + e.error().message());
        }
    }

    /** The -T alarm (set_alarm): rearmed on every step that makes progress. */
    private void armAlarm() {
        if (alarm != null) {
            alarm.cancel();
        }
        alarm = ctx.schedule(opts.timeoutSeconds * 1_000_000_000L, () -> {
            if (socket != null) {
                socket.abort();
            }
            fail("download timed out");
        });
    }

    private void request(int i, Target t, int redirects) {
        String file = outputName(t);
        long have = opts.continueFile && file != null && ctx.readFile(file) != null ? ctx.readFile(file).length() : 0;
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Host", t.host()});
        h.add(new String[] {"User-Agent", opts.userAgent});
        h.add(new String[] {"Connection", "close"});
        if (have > 0) {
            h.add(new String[] {"Range", "bytes=" + have + "-"});
        }
        for (String extra : opts.headers) {
            int colon = extra.indexOf(':');
            h.add(colon < 0 ? new String[] {extra, ""} : new String[] {extra.substring(0, colon), extra.substring(colon + 1).trim()});
        }
        byte[] body = new byte[0];
        if (opts.postData != null) {
            body = opts.postData.getBytes(StandardCharsets.UTF_8);
            h.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
            h.add(new String[] {"Content-Length", Integer.toString(body.length)});
        }
        HttpMessage req = new HttpMessage((opts.postData != null ? "POST " : "GET ") + t.path() + " HTTP/1.1", h, body);
        HttpMessage.Parser parser = new HttpMessage.Parser(true);
        Dial.receive(socket, b -> {
            armAlarm();
            HttpMessage resp = parser.feed(b, new int[1]);
            if (resp != null) {
                socket.close();
                answer(i, t, resp, file, have, redirects);
            }
        });
        socket.onEof(() -> {
            HttpMessage resp = parser.closed();
            if (resp != null) {
                answer(i, t, resp, file, have, redirects);
            } else {
                fail("error getting response");
            }
        });
        Dial.send(socket, req.encode());
    }

    /** The file written (-O FILE, -P DIR/NAME, else the path's last part or index.html); null for stdout. */
    private String outputName(Target t) {
        if (opts.outFile != null) {
            return opts.outFile.equals("-") ? null : absolute(opts.outFile);
        }
        String last = t.path().substring(t.path().lastIndexOf('/') + 1);
        int query = last.indexOf('?');
        String name = query >= 0 ? last.substring(0, query) : last;
        name = name.isEmpty() ? "index.html" : name;
        return absolute(opts.dirPrefix != null ? opts.dirPrefix + "/" + name : name);
    }

    private static String absolute(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    private void answer(int i, Target t, HttpMessage resp, String file, long have, int redirects) {
        if (done) {
            return;
        }
        if (opts.serverResponse) {
            info("  " + resp.startLine());
        }
        int status = resp.status();
        boolean redirect = status == 300 || status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        if (!(status >= 200 && status <= 204) && !redirect && !(status == 206 && have > 0)) {
            fail("server returned error: " + resp.startLine());
            return;
        }
        if (opts.serverResponse) {
            for (String[] header : resp.headers()) {
                info("  " + header[0] + ": " + header[1]);
            }
            info("  ");
        }
        String location = resp.header("Location");
        if (redirect && location != null) {
            if (redirects + 1 >= MAX_REDIRECTS) {
                fail("too many redirections");
            } else if (location.startsWith("/")) {
                // the same server: a new connection to the address already resolved, no new "Connecting to"
                connect(i, new Target(t.host(), t.name(), t.port(), location), address, redirects + 1);
            } else {
                Target next = Target.parse(location);
                if (next == null) {
                    fail("not an http or ftp url: " + location);
                } else {
                    fetch(i, next, redirects + 1);
                }
            }
            return;
        }
        if (opts.spider) {
            info("remote file exists");
        } else if (!save(resp, file, status == 206 ? have : 0)) {
            return;
        }
        download(i + 1, 0);
    }

    /** retrieve_file_data: the body to the file (O_EXCL without -O) or stdout, with its messages. */
    private boolean save(HttpMessage resp, String file, long offset) {
        // -O FILE may overwrite (compat with GNU wget); -c opens the existing file instead of creating it
        boolean exclusive = opts.outFile == null && !opts.continueFile;
        if (file != null && exclusive && ctx.readFile(file) != null) {
            fail("can't open '" + relative(file) + "': File exists");
            return false;
        }
        String shown = file == null ? "-" : relative(file);
        info(file == null ? "writing to stdout" : "saving to '" + shown + "'");
        byte[] body = resp.body();
        if (file == null) {
            resp.bodyText().lines().forEach(ctx::out);
        } else if (!file.equals("/dev/null")) {
            String old = offset > 0 ? ctx.readFile(file) : "";
            ctx.writeFile(file, old + new String(body, StandardCharsets.UTF_8));
        }
        info(progress(shown.substring(shown.lastIndexOf('/') + 1), offset + body.length, offset + body.length));
        info(file == null ? "written to stdout" : "'" + shown + "' saved");
        return true;
    }

    /** The name as the user gave it: -O's argument, or the guessed name relative to the working directory. */
    private String relative(String file) {
        if (opts.outFile != null) {
            return opts.outFile;
        }
        return file.substring(1);
    }

    /**
     * The progress meter's last line (libbb/progress.c bb_progress_update, stderr not a tty: an
     * 80-column terminal, so a 32-star bar): name, percentage, bar, size (smart_ulltoa5), ETA.
     */
    static String progress(String name, long transferred, long total) {
        StringBuilder sb = new StringBuilder(String.format("%-20.20s ", name));
        if (total != 0) {
            int stars = (int) (32 * transferred / total);
            sb.append(String.format("%3d%% ", 100 * transferred / total)).append('|')
                    .append("*".repeat(stars)).append(" ".repeat(32 - stars)).append("| ");
        }
        sb.append(size5(transferred));
        sb.append(total == 0 || transferred == 0 ? " --:--:-- ETA" : "  0:00:00 ETA");
        return sb.toString();
    }

    /** smart_ulltoa5 (libbb/human_readable.c): "  896", "12345", " 120k", "92.1M". */
    static String size5(long bytes) {
        if (bytes <= 99999) {
            return String.format("%5d", bytes);
        }
        String scale = " kMGTPEZY";
        long ul = bytes * 10;
        int idx = 0;
        do {
            ul /= 1024;
            idx++;
        } while (ul >= 100000);
        long u = ul / 10;
        long v = ul % 10;
        return u >= 100 ? String.format("%4d%c", u, scale.charAt(idx)) : String.format("%2d.%d%c", u, v, scale.charAt(idx));
    }

    private void info(String line) {
        if (!opts.quiet && !done) {
            stderr(line);
        }
    }

    /** stderr, or -o LOGFILE's file (wget_main dup2s the log over stderr). */
    private void stderr(String line) {
        if (opts != null && opts.logFile != null && !opts.logFile.equals("-")) {
            log.add(line);
        } else {
            ctx.err(line);
        }
    }

    private void fail(String message) {
        if (done) {
            return;
        }
        stderr("wget: " + message);
        finish(1);
    }

    private void finish(int status) {
        done = true;
        if (alarm != null) {
            alarm.cancel();
        }
        if (!log.isEmpty()) {
            ctx.writeFile(absolute(opts.logFile), String.join("\n", log) + "\n");
        }
        ctx.exit(status);
    }
}
