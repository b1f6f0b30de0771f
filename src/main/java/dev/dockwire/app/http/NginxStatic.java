package dev.dockwire.app.http;

import dev.dockwire.app.ProcessContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * nginx's static files (ngx_http_static_module, ngx_http_index_module): {@code root} + the URI
 * from the container's files, a URI ending in {@code /} served by the first {@code index} file
 * there, Content-Type from the extension as the image's mime.types maps it ({@code default_type
 * application/octet-stream} otherwise), the 404 page when there is no such file. Last-Modified and
 * ETag (built from the file's mtime and size) are sent only for the image's own index.html, whose
 * times are the image's: the files dockwire keeps have no mtime.
 */
final class NginxStatic {
    /** The image's html directory and its welcome page's stat, as nginx reports them. */
    static final String HTML = "/usr/share/nginx/html";
    private static final String STOCK_MODIFIED = "Tue, 26 Nov 2024 15:55:00 GMT";
    private static final String STOCK_ETAG = "\"6745ef54-380\"";
    /** conf/mime.types, the common entries. */
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("shtml", "text/html"), Map.entry("css", "text/css"), Map.entry("xml", "text/xml"), Map.entry("gif", "image/gif"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("jpg", "image/jpeg"), Map.entry("js", "application/javascript"),
            Map.entry("txt", "text/plain"), Map.entry("png", "image/png"), Map.entry("svg", "image/svg+xml"),
            Map.entry("svgz", "image/svg+xml"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"), Map.entry("json", "application/json"), Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"), Map.entry("mp3", "audio/mpeg"), Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"), Map.entry("xhtml", "application/xhtml+xml"));

    private NginxStatic() {
    }

    /**
     * The response to {@code req} for files under {@code root}, trying {@code index} for a
     * directory's URI, on a server listening on {@code port}; what nginx writes to its error log
     * for the request goes to {@code error} (the text before ngx_http_log_error's context):
     * a directory's URI without an index file is 403 ({@code directory index of "DIR/" is
     * forbidden}: ngx_http_core_content_phase), a directory asked without its slash is 301 to the
     * slash URL (ngx_http_static_handler), a missing file is 404 ({@code open() "PATH" failed (2: No
     * such file or directory)}; a missing directory {@code "DIR" is not found}: ngx_http_index_test_dir).
     */
    static HttpMessage serve(ProcessContext ctx, String root, List<String> index, HttpMessage req, long now, int port,
                             java.util.function.Consumer<String> error) {
        String[] line = req.startLine().split(" ");
        String uri = line.length > 1 ? line[1] : "/";
        int q = uri.indexOf('?');
        String args = q >= 0 ? uri.substring(q) : "";
        uri = q >= 0 ? uri.substring(0, q) : uri;
        String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        String path = null;
        String content = null;
        boolean keepAlive = !"close".equalsIgnoreCase(req.header("Connection"));
        if (uri.endsWith("/")) {
            for (String name : index) {
                content = ctx.readFile(base + uri + name);
                if (content != null) {
                    path = base + uri + name;
                    break;
                }
            }
            if (content == null && (uri.equals("/") || ctx.isDirectory(base + uri.substring(0, uri.length() - 1)))) {
                error.accept("directory index of \"" + base + uri + "\" is forbidden");
                return page(req, now, keepAlive, "403 Forbidden", null);
            }
            if (content == null) {
                error.accept("\"" + base + uri.substring(0, uri.length() - 1) + "\" is not found (2: No such file or directory)");
            }
        } else if (!uri.contains("/../")) {
            path = base + uri;
            content = ctx.readFile(path);
            if (content == null && ctx.isDirectory(path)) {
                return page(req, now, keepAlive, "301 Moved Permanently", location(req, port, uri + "/" + args));
            }
            if (content == null) {
                error.accept("open() \"" + path + "\" failed (2: No such file or directory)");
            }
        }
        if (content == null) {
            return notFound(req, now, keepAlive);
        }
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        boolean stock = path.equals(HTML + "/index.html") && content.equals(Responses.NGINX_WELCOME);
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Server", Nginx.VERSION});
        h.add(new String[] {"Date", Responses.date(now)});
        h.add(new String[] {"Content-Type", type(path)});
        h.add(new String[] {"Content-Length", Integer.toString(body.length)});
        if (stock) {
            h.add(new String[] {"Last-Modified", STOCK_MODIFIED});
        }
        h.add(new String[] {"Connection", keepAlive ? "keep-alive" : "close"});
        if (stock) {
            h.add(new String[] {"ETag", STOCK_ETAG});
        }
        h.add(new String[] {"Accept-Ranges", "bytes"});
        return new HttpMessage("HTTP/1.1 200 OK", h, req.startLine().startsWith("HEAD ") ? new byte[0] : body);
    }

    /** The type mime.types gives the file's extension, else the image's default_type. */
    static String type(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static HttpMessage notFound(HttpMessage req, long now, boolean keepAlive) {
        return page(req, now, keepAlive, "404 Not Found", null);
    }

    /**
     * Location's absolute form (absolute_redirect on, server_name_in_redirect off,
     * port_in_redirect on: ngx_http_header_filter): the Host header's name without its port, and
     * the port the server listens on unless it is 80 (so behind {@code -p 8080:80} a redirect
     * names port 80, a well-known surprise).
     */
    private static String location(HttpMessage req, int port, String target) {
        String host = req.header("Host");
        if (host == null || host.isEmpty()) {
            host = "localhost";
        } else if (host.startsWith("[")) {
            host = host.substring(0, host.indexOf(']') + 1);
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return "http://" + host.toLowerCase(java.util.Locale.ROOT) + (port == 80 ? "" : ":" + port) + target;
    }

    /** nginx's built-in page for {@code status} (ngx_http_special_response.c), with Location after Content-Length. */
    private static HttpMessage page(HttpMessage req, long now, boolean keepAlive, String status, String location) {
        byte[] body = ("<html>\r\n<head><title>" + status + "</title></head>\r\n<body>\r\n<center><h1>" + status + "</h1></center>\r\n"
                + "<hr><center>" + Nginx.VERSION + "</center>\r\n</body>\r\n</html>\r\n").getBytes(StandardCharsets.UTF_8);
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Server", Nginx.VERSION});
        h.add(new String[] {"Date", Responses.date(now)});
        h.add(new String[] {"Content-Type", "text/html"});
        h.add(new String[] {"Content-Length", Integer.toString(body.length)});
        if (location != null) {
            h.add(new String[] {"Location", location});
        }
        h.add(new String[] {"Connection", keepAlive ? "keep-alive" : "close"});
        return new HttpMessage("HTTP/1.1 " + status, h, req.startLine().startsWith("HEAD ") ? new byte[0] : body);
    }
}
