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

    /** The response to {@code req} for files under {@code root}, trying {@code index} for a directory's URI. */
    static HttpMessage serve(ProcessContext ctx, String root, List<String> index, HttpMessage req, long now) {
        String[] line = req.startLine().split(" ");
        String uri = line.length > 1 ? line[1] : "/";
        int q = uri.indexOf('?');
        uri = q >= 0 ? uri.substring(0, q) : uri;
        String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        String path = null;
        String content = null;
        if (uri.endsWith("/")) {
            for (String name : index) {
                content = ctx.readFile(base + uri + name);
                if (content != null) {
                    path = base + uri + name;
                    break;
                }
            }
        } else if (!uri.contains("/../")) {
            path = base + uri;
            content = ctx.readFile(path);
        }
        boolean keepAlive = !"close".equalsIgnoreCase(req.header("Connection"));
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
        byte[] body = ("<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n"
                + "<hr><center>" + Nginx.VERSION + "</center>\r\n</body>\r\n</html>\r\n").getBytes(StandardCharsets.UTF_8);
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Server", Nginx.VERSION});
        h.add(new String[] {"Date", Responses.date(now)});
        h.add(new String[] {"Content-Type", "text/html"});
        h.add(new String[] {"Content-Length", Integer.toString(body.length)});
        h.add(new String[] {"Connection", keepAlive ? "keep-alive" : "close"});
        return new HttpMessage("HTTP/1.1 404 Not Found", h, req.startLine().startsWith("HEAD ") ? new byte[0] : body);
    }
}
