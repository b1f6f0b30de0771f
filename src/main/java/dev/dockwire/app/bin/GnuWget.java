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
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * GNU Wget 1.21 as Debian ships it (buildpack-deps' node and python, the Docker host), the same
 * socket work as BusyBox's {@link Wget} with GNU's texts (src/http.c http_loop and gethttp,
 * src/host.c, src/connect.c, src/retr.c): per URL a {@code --DATE--  URL} block, {@code Resolving
 * NAME (NAME)... IP} once per host, {@code Connecting to NAME (NAME)|IP|:PORT... connected.}, {@code
 * HTTP request sent, awaiting response... 200 OK} ({@code -S}: the head indented by two blanks),
 * {@code Length:}, {@code Saving to:}, the dot meter and {@code DATE (RATE) - 'FILE' saved [N/N]}; a
 * file that exists gets {@code .1}, {@code .2}. Exit statuses are wget's: 4 for a network failure
 * (refused, unresolved, tries used up), 8 for an error status from the server. A read timeout
 * ({@code -T}) or an empty answer is retried {@code -t} times, waiting 1, 2, ... 10 s between
 * tries (--waitretry's default). Quotes are the C locale's {@code '} as {@code docker exec} runs it
 * with LANG unset. The rate is the body's bytes over the virtual time from the request to the last
 * byte; the emulated link often hands head and body over in one instant, and a time of 0 is what
 * calc_rate takes as half the timer's resolution, so such a transfer shows wget's TB/s.
 */
public final class GnuWget implements Program {
    private static final int MAX_REDIRECTS = 20;
    private static final int EXIT_NETWORK = 4;
    private static final int EXIT_SERVER = 8;

    private ProcessContext ctx;
    private GnuWgetOptions opts;
    private final Map<String, List<Integer>> resolved = new HashMap<>();
    private Timer alarm;
    private TcpSocket socket;
    private long sentAt;
    private boolean done;

    /** One URL as url_parse leaves it: scheme's default port unless written. */
    record Url(String scheme, String host, int port, String path) {
        static Url parse(String text) {
            int sep = text.indexOf("://");
            String scheme = sep < 0 ? "http" : text.substring(0, sep).toLowerCase(java.util.Locale.ROOT);
            String rest = sep < 0 ? text : text.substring(sep + 3);
            int slash = rest.indexOf('/');
            String hostPort = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "/" : rest.substring(slash);
            int colon = hostPort.lastIndexOf(':');
            int port = scheme.equals("https") ? 443 : 80;
            String host = hostPort;
            if (colon >= 0) {
                host = hostPort.substring(0, colon);
                port = Integer.parseInt(hostPort.substring(colon + 1));
            }
            return new Url(scheme, host.toLowerCase(java.util.Locale.ROOT), port, path);
        }

        boolean defaultPort() {
            return port == (scheme.equals("https") ? 443 : 80);
        }

        @Override
        public String toString() {
            return scheme + "://" + host + (defaultPort() ? "" : ":" + port) + path;
        }
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        opts = GnuWgetOptions.parse(args);
        if (opts.error != null) {
            ctx.err("wget: " + (opts.error.isEmpty() ? "missing URL" : opts.error));
            ctx.err("Usage: wget [OPTION]... [URL]...");
            ctx.err("");
            ctx.err("Try `wget --help' for more options.");
            ctx.exit(opts.error.isEmpty() ? 1 : 2);
            return;
        }
        if (opts.fatal != null) {
            ctx.err("wget: " + opts.fatal);
            ctx.exit(2);
            return;
        }
        if (opts.spider) {
            info("Spider mode enabled. Check if remote file exists.");
        }
        attempt(0, Url.parse(opts.urls.get(0)), 1, 0, 0);
    }

    /** The next URL after {@code i} ended with {@code status} (the lowest non-zero status is wget's exit status). */
    private void next(int i, int status, int worst) {
        int w = status != 0 && (worst == 0 || status < worst) ? status : worst;
        if (i + 1 < opts.urls.size()) {
            attempt(i + 1, Url.parse(opts.urls.get(i + 1)), 1, 0, w);
        } else {
            finish(w);
        }
    }

    /** One try of http_loop: the date line, the name resolved (once), the connection. */
    private void attempt(int i, Url url, int tryNo, int redirects, int worst) {
        info("--" + date() + "--  " + (tryNo > 1 ? String.format("(try:%2d)  ", tryNo) : "") + url);
        List<Integer> known = numeric(url.host()) ? List.of(Ipv4Address.tryParse(url.host())) : resolved.get(url.host());
        if (known != null) {
            connect(i, url, known.get(0), tryNo, redirects, worst);
            return;
        }
        new StubResolver(ctx).lookup(url.host(), r -> {
            String what = "Resolving " + url.host() + " (" + url.host() + ")... ";
            if (!r.ok()) {
                boolean temporary = r.failure() == StubResolver.Failure.TIMEOUT || r.failure() == StubResolver.Failure.SERVFAIL;
                info(what + "failed: " + (temporary ? "Temporary failure in name resolution." : "Name or service not known."));
                stderr("wget: unable to resolve host address '" + url.host() + "'");
                next(i, EXIT_NETWORK, worst);
                return;
            }
            resolved.put(url.host(), r.addresses());
            info(what + String.join(", ", r.addresses().stream().map(Ipv4Address::format).toList()));
            connect(i, url, r.addresses().get(0), tryNo, redirects, worst);
        });
    }

    private void connect(int i, Url url, int address, int tryNo, int redirects, int worst) {
        // connect_to_host: a numeric host is printed as it is, a name with its address
        String what = "Connecting to " + (numeric(url.host()) ? url.host() + ":" + url.port()
                : url.host() + " (" + url.host() + ")|" + Ipv4Address.format(address) + "|:" + url.port()) + "... ";
        socket = ctx.sockets().openTcp();
        armAlarm(() -> retry(i, url, tryNo, redirects, worst, what + "failed: Connection timed out."));
        try {
            socket.connect(address, url.port(), err -> {
                if (err == null) {
                    info(what + "connected.");
                    request(i, url, tryNo, redirects, worst);
                } else {
                    refused(i, what, err, worst);
                }
            });
        } catch (SocketException e) {
            refused(i, what, e.error(), worst);
        }
    }

    /** A refused or unreachable connection is fatal for the URL (no --retry-connrefused). */
    private void refused(int i, String what, SocketError err, int worst) {
        cancelAlarm();
        info(what + "failed: " + err.message() + ".");
        next(i, EXIT_NETWORK, worst);
    }

    private void request(int i, Url url, int tryNo, int redirects, int worst) {
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"User-Agent", opts.userAgent});
        h.add(new String[] {"Accept", "*/*"});
        h.add(new String[] {"Accept-Encoding", "identity"});
        h.add(new String[] {"Host", url.host() + (url.defaultPort() ? "" : ":" + url.port())});
        h.add(new String[] {"Connection", "Keep-Alive"});
        for (String extra : opts.headers) {
            int colon = extra.indexOf(':');
            h.add(colon < 0 ? new String[] {extra, ""} : new String[] {extra.substring(0, colon), extra.substring(colon + 1).trim()});
        }
        String method = opts.spider ? "HEAD " : "GET ";
        HttpMessage req = new HttpMessage(method + url.path() + " HTTP/1.1", h, new byte[0]);
        HttpMessage.Parser parser = new HttpMessage.Parser(true);
        if (opts.spider) {
            parser.expectNoBody();
        }
        String awaiting = "HTTP request sent, awaiting response... ";
        TcpSocket s = socket;
        armAlarm(() -> retry(i, url, tryNo, redirects, worst, awaiting + "Read error (Connection timed out) in headers."));
        Dial.receive(s, b -> {
            HttpMessage resp = parser.feed(b, new int[1]);
            if (resp != null && !done) {
                s.close();
                answer(i, url, resp, awaiting, redirects, worst);
            }
        });
        s.onEof(() -> {
            HttpMessage resp = parser.closed();
            if (resp != null) {
                answer(i, url, resp, awaiting, redirects, worst);
            } else {
                retry(i, url, tryNo, redirects, worst, awaiting + "No data received.");
            }
        });
        sentAt = ctx.nanos();
        Dial.send(s, req.encode());
    }

    /** A failure wget retries: {@code Retrying.} and the next try after --waitretry's wait, or {@code Giving up.}. */
    private void retry(int i, Url url, int tryNo, int redirects, int worst, String line) {
        cancelAlarm();
        if (socket != null) {
            socket.abort();
        }
        info(line);
        if (tryNo >= opts.tries && opts.tries != 0) {
            info("Giving up.");
            info("");
            next(i, EXIT_NETWORK, worst);
            return;
        }
        info("Retrying.");
        info("");
        ctx.schedule(Math.min(tryNo, 10) * 1_000_000_000L, () -> attempt(i, url, tryNo + 1, redirects, worst));
    }

    private void answer(int i, Url url, HttpMessage resp, String awaiting, int redirects, int worst) {
        cancelAlarm();
        int status = resp.status();
        String reason = resp.startLine().split(" ", 3).length > 2 ? resp.startLine().split(" ", 3)[2] : "";
        if (opts.serverResponse) {
            info(awaiting);
            info("  " + resp.startLine());
            resp.headers().forEach(hd -> info("  " + hd[0] + ": " + hd[1]));
        } else {
            info(awaiting + status + " " + reason);
        }
        String location = resp.header("Location");
        if (status >= 300 && status < 400 && location != null) {
            Url target = location.contains("://") ? Url.parse(location)
                    : new Url(url.scheme(), url.host(), url.port(), location.startsWith("/") ? location : "/" + location);
            info("Location: " + location + " [following]");
            if (redirects + 1 > MAX_REDIRECTS) {
                stderr(MAX_REDIRECTS + " redirections exceeded.");
                next(i, EXIT_SERVER, worst);
            } else {
                attempt(i, target, 1, redirects + 1, worst);
            }
            return;
        }
        if (status >= 400) {
            if (opts.spider) {
                info("Remote file does not exist -- broken link!!!");
            } else {
                info(date() + " ERROR " + status + ": " + reason + ".");
            }
            info("");
            next(i, EXIT_SERVER, worst);
            return;
        }
        String type = resp.header("Content-Type");
        String length = resp.header("Content-Length");
        long total = length == null ? -1 : Long.parseLong(length.trim());
        String human = total < 0 ? null : GnuWgetProgress.human(total);
        info("Length: " + (total < 0 ? "unspecified" : total + (human == null ? "" : " (" + human + ")"))
                + (type == null ? "" : " [" + type.split(";")[0].trim() + "]"));
        if (opts.spider) {
            boolean html = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html");
            info(html ? "Remote file exists and could contain further links," : "Remote file exists.");
            if (html) {
                info("but recursion is disabled -- not retrieving.");
            }
            info("");
            next(i, 0, worst);
            return;
        }
        save(i, url, resp, total, worst);
    }

    /** The body to -O's file, stdout ({@code -O -}) or a fresh name, with the meter and the summary. */
    private void save(int i, Url url, HttpMessage resp, long total, int worst) {
        String file = fileName(url);
        boolean stdout = "-".equals(file);
        info("Saving to: '" + (stdout ? "STDOUT" : file) + "'");
        byte[] body = resp.body();
        if (stdout) {
            resp.bodyText().lines().forEach(ctx::out);
        } else if (!file.equals("/dev/null")) {
            ctx.writeFile(absolute(file), new String(body, StandardCharsets.UTF_8));
        }
        double seconds = (ctx.nanos() - sentAt) / 1e9;
        info("");
        GnuWgetProgress.dots(body.length, total, seconds).forEach(this::info);
        info("");
        String counts = "[" + body.length + (total >= 0 ? "/" + total : "") + "]";
        info(date() + " (" + GnuWgetProgress.summaryRate(body.length, seconds) + ") - "
                + (stdout ? "written to stdout " : "'" + file + "' saved ") + counts);
        info("");
        next(i, 0, worst);
    }

    /** -O's name, else the path's last part (index.html for a directory) with the first free {@code .N} suffix. */
    private String fileName(Url url) {
        if (opts.outFile != null) {
            return opts.outFile;
        }
        String last = url.path().substring(url.path().lastIndexOf('/') + 1);
        int query = last.indexOf('?');
        String name = query >= 0 ? last.substring(0, query) : last;
        name = name.isEmpty() ? "index.html" : name;
        String candidate = name;
        for (int n = 1; ctx.readFile(absolute(candidate)) != null; n++) {
            candidate = name + "." + n;
        }
        return candidate;
    }

    /** A dotted quad, which wget neither resolves nor announces (host.c lookup_host's numeric path). */
    private static boolean numeric(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String absolute(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    private void armAlarm(Runnable expired) {
        cancelAlarm();
        if (opts.timeoutSeconds > 0) {
            alarm = ctx.schedule(opts.timeoutSeconds * 1_000_000_000L, expired);
        }
    }

    private void cancelAlarm() {
        if (alarm != null) {
            alarm.cancel();
            alarm = null;
        }
    }

    /** The local time as wget's datetime_str prints it; containers run on UTC. */
    private String date() {
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f.format(new Date(ctx.epochMillis() + ctx.nanos() / 1_000_000));
    }

    private void info(String line) {
        if (!opts.quiet && !done) {
            ctx.err(line);
        }
    }

    /** Errors -q does not silence (logprintf LOG_NOTQUIET). */
    private void stderr(String line) {
        if (!done) {
            ctx.err(line);
        }
    }

    private void finish(int status) {
        done = true;
        cancelAlarm();
        ctx.exit(status);
    }
}
