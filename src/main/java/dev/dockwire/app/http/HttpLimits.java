package dev.dockwire.app.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one HTTP server program lets a client hold, with that program's defaults as the image
 * configures it: connections in service (past them the listener stops accepting, so connections
 * wait in the kernel's accept queue and SYNs past its backlog are dropped, as when a server stops
 * calling accept(2)), the request head's bytes, the body's bytes, how long a request head may take
 * and a connection may idle between requests, and the requests one connection may carry. A timeout
 * of 0 means none. A request beyond a limit gets the program's own error response, then the
 * connection is closed.
 */
public enum HttpLimits {
    /**
     * nginx 1.27 in the {@code nginx} image: {@code worker_connections 1024} and
     * {@code keepalive_timeout 65} of the image's /etc/nginx/nginx.conf (one worker: dockwire runs
     * nginx as one process); the built-in defaults {@code large_client_header_buffers 4 8k} (a
     * request head of at most 1k + 4 x 8k, no line longer than 8k: 400 "Request Header Or Cookie
     * Too Large", 414 for the request line),
     * {@code client_max_body_size 1m} (413), {@code client_header_timeout 60s},
     * {@code keepalive_requests 1000} (ngx_http_core_module).
     */
    NGINX(1024, 1024 + 4 * 8192, 8192, 1 << 20, 60_000_000_000L, 65_000_000_000L, 1000),
    /**
     * Go's net/http with the zero {@code http.Server} traefik/whoami and hashicorp/http-echo use:
     * {@code DefaultMaxHeaderBytes} 1 MB (plus the 4096 bytes of bufio slop it allows; 431), no
     * timeouts, no request limit, and no connection limit but the open-file limit: a container's
     * RLIMIT_NOFILE hard limit, 524288 (systemd's default, which dockerd's unit no longer raises
     * since moby v25, inherited by containers), to which Go raises its soft limit at start (Go 1.19+);
     * past it accept(2) fails with EMFILE and net/http's Serve retries with a backoff. Bodies are
     * not read by these handlers; beyond 1 MB they are discarded.
     */
    GO_NET_HTTP(524_288, (1 << 20) + 4096, (1 << 20) + 4096, 1 << 20, 0, 0, 0),
    /**
     * Apache httpd 2.4 in the {@code httpd} image (event MPM, its compiled defaults): MaxRequestWorkers
     * 400 (ServerLimit 16 x ThreadsPerChild 25), LimitRequestLine and LimitRequestFieldSize 8190 and
     * LimitRequestFields 100 (a head of at most 8190 x 101 bytes: 400, 414 for the request line), {@code Timeout 60},
     * {@code KeepAliveTimeout 5}, {@code MaxKeepAliveRequests 100}; LimitRequestBody is 1 GiB, of
     * which dockwire keeps 1 MB (the page handler does not read it).
     */
    APACHE_HTTPD(400, 8190 * 101, 8190, 1 << 20, 60_000_000_000L, 5_000_000_000L, 100);

    private final int maxConnections;
    private final int maxHeadBytes;
    private final int maxLineBytes;
    private final int maxBodyBytes;
    private final long headTimeoutNanos;
    private final long keepaliveTimeoutNanos;
    private final int keepaliveRequests;

    HttpLimits(int maxConnections, int maxHeadBytes, int maxLineBytes, int maxBodyBytes, long headTimeoutNanos,
               long keepaliveTimeoutNanos, int keepaliveRequests) {
        this.maxConnections = maxConnections;
        this.maxHeadBytes = maxHeadBytes;
        this.maxLineBytes = maxLineBytes;
        this.maxBodyBytes = maxBodyBytes;
        this.headTimeoutNanos = headTimeoutNanos;
        this.keepaliveTimeoutNanos = keepaliveTimeoutNanos;
        this.keepaliveRequests = keepaliveRequests;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public int maxHeadBytes() {
        return maxHeadBytes;
    }

    /** The longest line of a request head: the request line past it is 414, a header field 400. */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** How long a request head may take to arrive once a connection waits for one; 0: for ever. */
    public long headTimeoutNanos() {
        return headTimeoutNanos;
    }

    /** How long a connection may idle after a response; 0: for ever. */
    public long keepaliveTimeoutNanos() {
        return keepaliveTimeoutNanos;
    }

    /** Requests one connection carries before the server closes it; 0: no limit. */
    public int keepaliveRequests() {
        return keepaliveRequests;
    }

    /** Whether a body beyond {@link #maxBodyBytes} is refused (413) rather than discarded. */
    boolean refusesLargeBodies() {
        return this == NGINX;
    }

    /** The program's answer to a request it refuses ({@link HttpMessage.Invalid}), sent before it closes. */
    HttpMessage refusal(HttpMessage.Invalid why, long now) {
        return switch (this) {
            case NGINX -> nginxError(why, now);
            case GO_NET_HTTP -> goError(why);
            case APACHE_HTTPD -> apacheError(why, now);
        };
    }

    /** nginx's ngx_http_special_response pages: error_494 (head too large), 413, 400. */
    private static HttpMessage nginxError(HttpMessage.Invalid why, long now) {
        String status;
        String page;
        switch (why) {
            case HEAD_TOO_LARGE -> {
                status = "400 Bad Request";
                page = "<html>\r\n<head><title>400 Request Header Or Cookie Too Large</title></head>\r\n<body>\r\n"
                        + "<center><h1>400 Bad Request</h1></center>\r\n<center>Request Header Or Cookie Too Large</center>\r\n";
            }
            case BODY_TOO_LARGE -> {
                status = "413 Request Entity Too Large";
                page = "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n"
                        + "<center><h1>413 Request Entity Too Large</h1></center>\r\n";
            }
            case URI_TOO_LONG -> {
                status = "414 Request-URI Too Large";
                page = "<html>\r\n<head><title>414 Request-URI Too Large</title></head>\r\n<body>\r\n"
                        + "<center><h1>414 Request-URI Too Large</h1></center>\r\n";
            }
            default -> {
                status = "400 Bad Request";
                page = "<html>\r\n<head><title>400 Bad Request</title></head>\r\n<body>\r\n"
                        + "<center><h1>400 Bad Request</h1></center>\r\n";
            }
        }
        byte[] body = (page + "<hr><center>" + Nginx.VERSION + "</center>\r\n</body>\r\n</html>\r\n").getBytes(StandardCharsets.UTF_8);
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Server", Nginx.VERSION});
        h.add(new String[] {"Date", Responses.date(now)});
        h.add(new String[] {"Content-Type", "text/html"});
        h.add(new String[] {"Content-Length", Integer.toString(body.length)});
        h.add(new String[] {"Connection", "close"});
        return new HttpMessage("HTTP/1.1 " + status, h, body);
    }

    /** net/http's conn.serve: {@code "HTTP/1.0 " + publicErr + errorHeaders + publicErr}, without a Date. */
    private static HttpMessage goError(HttpMessage.Invalid why) {
        boolean large = why == HttpMessage.Invalid.HEAD_TOO_LARGE || why == HttpMessage.Invalid.URI_TOO_LONG;
        String status = large ? "431 Request Header Fields Too Large" : "400 Bad Request";
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Content-Type", "text/plain; charset=utf-8"});
        h.add(new String[] {"Connection", "close"});
        return new HttpMessage("HTTP/1.0 " + status, h, status.getBytes(StandardCharsets.UTF_8));
    }

    /** httpd's ap_send_error_response page for 400 (and 413), with the reason protocol.c gives. */
    private static HttpMessage apacheError(HttpMessage.Invalid why, long now) {
        String status;
        String text;
        if (why == HttpMessage.Invalid.BODY_TOO_LARGE) {
            status = "413 Request Entity Too Large";
            text = "<h1>Request Entity Too Large</h1>\nThe requested resource does not allow request data with POST requests, or the amount of data provided in\nthe request exceeds the capacity limit.\n";
        } else if (why == HttpMessage.Invalid.URI_TOO_LONG) {
            status = "414 Request-URI Too Long";
            text = "<h1>Request-URI Too Long</h1>\n<p>The requested URL's length exceeds the capacity\nlimit for this server.<br />\n</p>\n";
        } else {
            status = "400 Bad Request";
            text = "<h1>Bad Request</h1>\n<p>Your browser sent a request that this server could not understand.<br />\n"
                    + (why == HttpMessage.Invalid.HEAD_TOO_LARGE ? "Size of a request header field exceeds server limit.<br />\n" : "")
                    + "</p>\n";
        }
        byte[] body = ("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>" + status
                + "</title>\n</head><body>\n" + text + "</body></html>\n").getBytes(StandardCharsets.UTF_8);
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Date", Responses.date(now)});
        h.add(new String[] {"Server", "Apache/2.4.68 (Unix)"});
        h.add(new String[] {"Content-Length", Integer.toString(body.length)});
        h.add(new String[] {"Connection", "close"});
        h.add(new String[] {"Content-Type", "text/html; charset=iso-8859-1"});
        return new HttpMessage("HTTP/1.1 " + status, h, body);
    }
}
