package dev.dockwire.app.http;

import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/** Responses as the modelled servers send them (their header sets and order). */
public final class Responses {
    /**
     * nginx's html/index.html since 1.29.6 (896 bytes, the page nginx 1.31 and nginx:alpine
     * serve); {@code \s} keeps the two lines' trailing blanks the file has.
     */
    public static final String NGINX_WELCOME = """
            <!DOCTYPE html>
            <html>
            <head>
            <title>Welcome to nginx!</title>
            <style>
            html { color-scheme: light dark; }
            body { width: 35em; margin: 0 auto;
            font-family: Tahoma, Verdana, Arial, sans-serif; }
            </style>
            </head>
            <body>
            <h1>Welcome to nginx!</h1>
            <p>If you see this page, nginx is successfully installed and working.
            Further configuration is required for the web server, reverse proxy,\s
            API gateway, load balancer, content cache, or other features.</p>

            <p>For online documentation and support please refer to
            <a href="https://nginx.org/">nginx.org</a>.<br/>
            To engage with the community please visit
            <a href="https://community.nginx.org/">community.nginx.org</a>.<br/>
            For enterprise grade support, professional services, additional\s
            security features and capabilities please refer to
            <a href="https://f5.com/nginx">f5.com/nginx</a>.</p>

            <p><em>Thank you for using nginx.</em></p>
            </body>
            </html>
            """;

    private Responses() {
    }

    /** RFC 9110 IMF-fixdate for the virtual time. */
    public static String date(long epochMillis) {
        SimpleDateFormat f = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);
        f.setTimeZone(TimeZone.getTimeZone("GMT"));
        return f.format(new Date(epochMillis));
    }

    /** hashicorp/http-echo: the text and a newline, as text/plain. */
    public static HttpMessage echo(HttpMessage req, String text, long now) {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"X-App-Name", "http-echo"});
        h.add(new String[] {"X-App-Version", "1.0.0"});
        h.add(new String[] {"Date", date(now)});
        h.add(new String[] {"Content-Length", Integer.toString(body.length)});
        h.add(new String[] {"Content-Type", "text/plain; charset=utf-8"});
        return new HttpMessage("HTTP/1.1 200 OK", h, head(req) ? new byte[0] : body);
    }

    /** A static web page (text/html), as a plain web server on the internet serves one. */
    public static HttpMessage page(HttpMessage req, String html, long now) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Content-Type", "text/html"});
        h.add(new String[] {"Date", date(now)});
        h.add(new String[] {"Content-Length", Integer.toString(body.length)});
        return new HttpMessage("HTTP/1.1 200 OK", h, head(req) ? new byte[0] : body);
    }

    /** A small app that answers with its hostname (so load balancing is visible). */
    public static HttpMessage hostname(HttpMessage req, String hostname, long now) {
        byte[] body = (hostname + "\n").getBytes(StandardCharsets.UTF_8);
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Content-Type", "text/plain"});
        h.add(new String[] {"Date", date(now)});
        h.add(new String[] {"Connection", "keep-alive"});
        h.add(new String[] {"Content-Length", Integer.toString(body.length)});
        return new HttpMessage("HTTP/1.1 200 OK", h, head(req) ? new byte[0] : body);
    }

    private static boolean head(HttpMessage req) {
        return req.startLine().startsWith("HEAD ");
    }
}
