package dev.dockwire.app.http;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The nginx image's main process: reads /etc/nginx/conf.d/default.conf (the stock one unless a
 * command wrote another), serves the container's files under {@code root} ({@link NginxStatic}: the
 * image's welcome page unless a mount or a command put others there), and proxies locations with {@code proxy_pass}
 * to a host or to an {@code upstream} (round-robin), over HTTP/1.0 with {@code Connection: close}
 * as nginx does by default. Upstream names are resolved per request through the container's
 * resolver (nginx resolves at load; re-resolving keeps restarted backends reachable). A failed
 * upstream gives nginx's 502 page. {@code nginx -s reload} re-reads the file and keeps the old
 * configuration when the new one is invalid.
 */
public final class Nginx {
    public static final String CONF = "/etc/nginx/conf.d/default.conf";
    /**
     * What nginx calls itself (NGINX_VER: the Server header, error pages, {@code nginx -v}): the
     * version of the catalogue's {@code nginx} image (images.yaml's NGINX_VERSION; ImagesTest holds them equal).
     */
    public static final String VERSION = "nginx/1.31.3";
    /** $time_local: {@code 01/Jan/2025:00:00:05 +0000}. */
    private static final java.time.format.DateTimeFormatter ACCESS_TIME =
            java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ROOT);
    private final ProcessContext ctx;
    private final Map<Integer, HttpServer> listeners = new LinkedHashMap<>();
    private final Map<String, Integer> roundRobin = new HashMap<>();
    private NginxConfig config;
    /** The error log and the worker whose lines a request's errors are, once set ({@link #errorLog}). */
    private NginxLog errorLog;
    private int worker;
    /** ngx_connection_counter: one numbering of the connections of every listener, from 1. */
    private long connections;
    /** The error a request's handling logged, written when it is answered, before its access line. */
    private final Map<HttpMessage, String> errors = new java.util.IdentityHashMap<>();

    public Nginx(ProcessContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Writes each request's error ({@code directory index of ... is forbidden}, {@code open() ...
     * failed}) to {@code log} as worker {@code workerPid}'s, with the connection's number.
     */
    public Nginx errorLog(NginxLog log, int workerPid) {
        this.errorLog = log;
        this.worker = workerPid;
        return this;
    }

    /** Loads the configuration and listens; throws {@link NginxConfig.Invalid} when it is bad. */
    public void start() {
        String text = ctx.readFile(CONF);
        config = NginxConfig.parse(CONF, text == null ? NginxConfig.DEFAULT_CONF : text);
        listen();
    }

    /** {@code nginx -s reload}: the error text when the new configuration is refused, else null. */
    public String reload() {
        String text = ctx.readFile(CONF);
        try {
            NginxConfig next = NginxConfig.parse(CONF, text == null ? NginxConfig.DEFAULT_CONF : text);
            stop();
            config = next;
            roundRobin.clear();
            listen();
            return null;
        } catch (NginxConfig.Invalid e) {
            return e.getMessage();
        }
    }

    public void stop() {
        listeners.values().forEach(HttpServer::stop);
        listeners.clear();
    }

    private void listen() {
        for (NginxConfig.Server s : config.servers()) {
            if (!listeners.containsKey(s.port())) {
                HttpServer server = new HttpServer(ctx.sockets(), s.port(), (req, respond) -> handle(s, req, respond))
                        .numbering(() -> ++connections)
                        .accessLog(new HttpServer.AccessLog() {
                            @Override
                            public void served(int remote, HttpMessage req, HttpMessage resp) {
                                accessLog(remote, req, resp);
                            }

                            @Override
                            public void served(long connection, int remote, HttpMessage req, HttpMessage resp) {
                                String error = errors.remove(req);
                                if (error != null) {
                                    errorLog.error(worker, connection, error + ", client: " + ip(remote) + ", server: " + s.name()
                                            + ", request: \"" + req.startLine() + "\""
                                            + (req.header("Host") == null ? "" : ", host: \"" + req.header("Host") + "\""));
                                }
                                accessLog(remote, req, resp);
                            }
                        })
                        .limits(HttpLimits.NGINX, ctx::schedule, () -> ctx.epochMillis() + ctx.nanos() / 1_000_000);
                server.start();
                listeners.put(s.port(), server);
            }
        }
    }

    /**
     * The image's access_log, format {@code main} of its nginx.conf, to stdout:
     * {@code $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
     * "$http_referer" "$http_user_agent" "$http_x_forwarded_for"}.
     */
    private void accessLog(int remote, HttpMessage req, HttpMessage resp) {
        java.time.ZonedDateTime t = java.time.Instant.ofEpochMilli(ctx.epochMillis() + ctx.nanos() / 1_000_000)
                .atZone(java.time.ZoneOffset.UTC);
        ctx.out(ip(remote) + " - - [" + ACCESS_TIME.format(t) + "] \"" + req.startLine() + "\" "
                + resp.status() + " " + (resp.body() == null ? 0 : resp.body().length) + " \"" + orDash(req.header("Referer"))
                + "\" \"" + orDash(req.header("User-Agent")) + "\" \"" + orDash(req.header("X-Forwarded-For")) + "\"");
    }

    private static String ip(int a) {
        return (a >>> 24) + "." + (a >>> 16 & 0xff) + "." + (a >>> 8 & 0xff) + "." + (a & 0xff);
    }

    private static String orDash(String v) {
        return v == null || v.isEmpty() ? "-" : v;
    }

    private void handle(NginxConfig.Server server, HttpMessage req, Consumer<HttpMessage> respond) {
        String[] line = req.startLine().split(" ");
        String path = line.length > 1 ? line[1] : "/";
        NginxConfig.Location loc = config.match(server, path);
        long now = ctx.epochMillis() + ctx.nanos() / 1_000_000;
        if (loc == null || loc.proxyPass() == null) {
            String root = loc != null && loc.root() != null ? loc.root() : server.root() != null ? server.root() : "/etc/nginx/html";
            List<String> index = loc == null || loc.index().isEmpty() ? List.of("index.html") : loc.index();
            respond.accept(NginxStatic.serve(ctx, root, index, req, now, server.port(), error -> {
                if (errorLog != null) {
                    errors.put(req, error);
                }
            }));
            return;
        }
        String target = loc.proxyPass().substring("http://".length());
        String uri = path;
        int slash = target.indexOf('/');
        if (slash >= 0) {
            uri = target.substring(slash) + path.substring(Math.min(path.length(), loc.prefix().length()));
            target = target.substring(0, slash);
        }
        List<String> members = config.upstreams().get(target);
        if (members != null && !members.isEmpty()) {
            int n = roundRobin.merge(target, 1, Integer::sum) - 1;
            target = members.get(n % members.size());
        }
        String hostPart = target;
        int port = 80;
        int colon = target.lastIndexOf(':');
        if (colon > 0) {
            hostPart = target.substring(0, colon);
            port = Integer.parseInt(target.substring(colon + 1));
        }
        String proxyHost = members != null ? loc.proxyPass().substring(7).split("/")[0] : target;
        String upstreamUri = uri;
        int upstreamPort = port;
        new StubResolver(ctx).lookup(hostPart, r -> {
            if (!r.ok()) {
                respond.accept(badGateway(now));
                return;
            }
            forward(r.addresses().get(0), upstreamPort, line[0], upstreamUri, proxyHost, req, respond, now);
        });
    }

    private void forward(int addr, int port, String method, String uri, String host, HttpMessage req,
                         Consumer<HttpMessage> respond, long now) {
        TcpSocket s = ctx.sockets().openTcp();
        HttpMessage.Parser parser = new HttpMessage.Parser(true);
        if (method.equals("HEAD")) {
            parser.expectNoBody();
        }
        boolean[] answered = {false};
        Consumer<HttpMessage> once = m -> {
            if (!answered[0]) {
                answered[0] = true;
                respond.accept(m);
            }
        };
        try {
            s.connect(addr, port, err -> {
                if (err != null) {
                    once.accept(badGateway(now));
                    return;
                }
                List<String[]> headers = new ArrayList<>();
                headers.add(new String[] {"Host", host});
                headers.add(new String[] {"Connection", "close"});
                for (String[] h : req.headers()) {
                    if (!h[0].equalsIgnoreCase("Host") && !h[0].equalsIgnoreCase("Connection")) {
                        headers.add(h);
                    }
                }
                ByteBuf out = Unpooled.wrappedBuffer(new HttpMessage(method + " " + uri + " HTTP/1.0", headers, req.body()).encode());
                s.write(out);
                out.release();
            });
        } catch (SocketException e) {
            once.accept(badGateway(now));
            return;
        }
        s.onData(data -> {
            HttpMessage m = parser.feed(ByteBufUtil.getBytes(data), new int[1]);
            if (m != null) {
                once.accept(relay(m));
                s.close();
            }
        });
        s.onEof(() -> {
            HttpMessage m = parser.closed();
            once.accept(m != null ? relay(m) : badGateway(now));
            s.close();
        });
        s.onError(e -> once.accept(badGateway(now)));
    }

    /** The upstream's response as nginx passes it on: its own Server header, keep-alive to the client. */
    private static HttpMessage relay(HttpMessage m) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Server", VERSION});
        boolean length = false;
        for (String[] h : m.headers()) {
            if (h[0].equalsIgnoreCase("Server") || h[0].equalsIgnoreCase("Connection")) {
                continue;
            }
            length |= h[0].equalsIgnoreCase("Content-Length");
            headers.add(h);
        }
        if (!length) {
            headers.add(new String[] {"Content-Length", Integer.toString(m.body().length)});
        }
        headers.add(new String[] {"Connection", "keep-alive"});
        String status = m.startLine().replaceFirst("^HTTP/1\\.[01]", "HTTP/1.1");
        return new HttpMessage(status, headers, m.body());
    }

    private static HttpMessage badGateway(long now) {
        byte[] body = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
                + "<hr><center>" + VERSION + "</center>\r\n</body>\r\n</html>\r\n").getBytes(StandardCharsets.UTF_8);
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Server", VERSION});
        h.add(new String[] {"Date", Responses.date(now)});
        h.add(new String[] {"Content-Type", "text/html"});
        h.add(new String[] {"Content-Length", Integer.toString(body.length)});
        h.add(new String[] {"Connection", "keep-alive"});
        return new HttpMessage("HTTP/1.1 502 Bad Gateway", h, body);
    }
}
