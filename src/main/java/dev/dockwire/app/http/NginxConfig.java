package dev.dockwire.app.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of nginx's configuration language people use in front of containers: {@code server}
 * blocks with {@code listen}, {@code location [=] PREFIX} with {@code proxy_pass} or {@code root},
 * and {@code upstream NAME { server HOST:PORT; ... }}. Other directives of the stock
 * default.conf are accepted; anything else is rejected with nginx's wording and the line.
 */
public record NginxConfig(List<Server> servers, Map<String, List<String>> upstreams) {

    /**
     * {@code root} is the server's {@code root}, or null (nginx's compiled-in {@code html} under its
     * prefix); {@code name} its first {@code server_name} ("" without one), which its error log names.
     */
    public record Server(int port, List<Location> locations, String root, String name) {
        public Server(int port, List<Location> locations, String root) {
            this(port, locations, root, "");
        }
    }

    /**
     * {@code proxyPass} is {@code http://HOST[:PORT]} or {@code http://UPSTREAM}, or null for static content
     * from {@code root} (null: the server's) with {@code index} (empty: nginx's {@code index.html}).
     */
    public record Location(String prefix, boolean exact, String proxyPass, String root, List<String> index) {
    }

    private static final Set<String> ACCEPTED = Set.of("server_name", "root", "index", "error_page", "proxy_set_header",
            "proxy_http_version", "proxy_redirect", "access_log", "error_log", "add_header", "proxy_read_timeout",
            "proxy_connect_timeout", "try_files", "expires", "gzip", "client_max_body_size", "resolver", "keepalive",
            "sendfile", "keepalive_timeout", "charset", "default_type", "proxy_buffering");

    /** Thrown for what nginx refuses at start or reload: {@code nginx: [emerg] ... in FILE:LINE}. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** The stock /etc/nginx/conf.d/default.conf of the nginx image. */
    public static final String DEFAULT_CONF = """
            server {
                listen       80;
                listen  [::]:80;
                server_name  localhost;

                location / {
                    root   /usr/share/nginx/html;
                    index  index.html index.htm;
                }

                error_page   500 502 503 504  /50x.html;
                location = /50x.html {
                    root   /usr/share/nginx/html;
                }
            }
            """;

    public static NginxConfig parse(String file, String text) {
        List<String[]> tokens = tokens(text);
        List<Server> servers = new ArrayList<>();
        Map<String, List<String>> upstreams = new LinkedHashMap<>();
        int[] i = {0};
        while (i[0] < tokens.size()) {
            String[] t = tokens.get(i[0]++);
            switch (t[0]) {
                case "server" -> servers.add(server(file, tokens, i, t));
                case "upstream" -> {
                    String name = next(file, tokens, i, t)[0];
                    expect(file, tokens, i, "{");
                    List<String> members = new ArrayList<>();
                    while (!peek(tokens, i).equals("}")) {
                        String[] d = tokens.get(i[0]++);
                        if (d[0].equals("server")) {
                            members.add(next(file, tokens, i, d)[0]);
                        }
                        skipTo(tokens, i, ";");
                    }
                    i[0]++;
                    upstreams.put(name, members);
                }
                default -> throw new Invalid("nginx: [emerg] unknown directive \"" + t[0] + "\" in " + file + ":" + t[1]);
            }
        }
        return new NginxConfig(servers, upstreams);
    }

    private static Server server(String file, List<String[]> tokens, int[] i, String[] at) {
        expect(file, tokens, i, "{");
        int port = 80;
        String serverRoot = null;
        String name = "";
        List<Location> locations = new ArrayList<>();
        while (!peek(tokens, i).equals("}")) {
            String[] d = tokens.get(i[0]++);
            switch (d[0]) {
                case "listen" -> {
                    String v = next(file, tokens, i, d)[0];
                    if (!v.startsWith("[")) {
                        try {
                            port = Integer.parseInt(v.contains(":") ? v.substring(v.lastIndexOf(':') + 1) : v);
                        } catch (NumberFormatException e) {
                            throw new Invalid("nginx: [emerg] invalid port in \"" + v + "\" of the \"listen\" directive in " + file + ":" + d[1]);
                        }
                    }
                    skipTo(tokens, i, ";");
                }
                case "location" -> {
                    String p = next(file, tokens, i, d)[0];
                    boolean exact = false;
                    if (p.equals("=")) {
                        exact = true;
                        p = next(file, tokens, i, d)[0];
                    }
                    expect(file, tokens, i, "{");
                    String proxy = null;
                    String root = null;
                    List<String> index = new ArrayList<>();
                    while (!peek(tokens, i).equals("}")) {
                        String[] ld = tokens.get(i[0]++);
                        if (ld[0].equals("root")) {
                            root = next(file, tokens, i, ld)[0];
                        } else if (ld[0].equals("index")) {
                            while (!peek(tokens, i).equals(";")) {
                                index.add(next(file, tokens, i, ld)[0]);
                            }
                        } else if (ld[0].equals("proxy_pass")) {
                            proxy = next(file, tokens, i, ld)[0];
                            if (!proxy.startsWith("http://")) {
                                throw new Invalid("nginx: [emerg] invalid URL prefix in \"" + proxy + "\" in " + file + ":" + ld[1]);
                            }
                        } else if (!ACCEPTED.contains(ld[0])) {
                            throw new Invalid("nginx: [emerg] unknown directive \"" + ld[0] + "\" in " + file + ":" + ld[1]);
                        }
                        skipTo(tokens, i, ";");
                    }
                    i[0]++;
                    locations.add(new Location(p, exact, proxy, root, List.copyOf(index)));
                }
                case "root" -> {
                    serverRoot = next(file, tokens, i, d)[0];
                    skipTo(tokens, i, ";");
                }
                case "server_name" -> {
                    if (name.isEmpty()) {
                        name = next(file, tokens, i, d)[0];
                    }
                    skipTo(tokens, i, ";");
                }
                default -> {
                    if (!ACCEPTED.contains(d[0])) {
                        throw new Invalid("nginx: [emerg] unknown directive \"" + d[0] + "\" in " + file + ":" + d[1]);
                    }
                    skipTo(tokens, i, ";");
                }
            }
        }
        i[0]++;
        return new Server(port, locations, serverRoot, name);
    }

    /** The location for a path: an exact match first, else the longest prefix. */
    public Location match(Server s, String path) {
        Location best = null;
        for (Location l : s.locations()) {
            if (l.exact() && l.prefix().equals(path)) {
                return l;
            }
            if (!l.exact() && path.startsWith(l.prefix()) && (best == null || l.prefix().length() > best.prefix().length())) {
                best = l;
            }
        }
        return best;
    }

    private static String peek(List<String[]> tokens, int[] i) {
        if (i[0] >= tokens.size()) {
            throw new Invalid("nginx: [emerg] unexpected end of file, expecting \"}\"");
        }
        return tokens.get(i[0])[0];
    }

    private static String[] next(String file, List<String[]> tokens, int[] i, String[] at) {
        if (i[0] >= tokens.size()) {
            throw new Invalid("nginx: [emerg] unexpected end of file, expecting \";\" or \"}\" in " + file + ":" + at[1]);
        }
        return tokens.get(i[0]++);
    }

    private static void expect(String file, List<String[]> tokens, int[] i, String what) {
        String[] t = i[0] < tokens.size() ? tokens.get(i[0]) : null;
        if (t == null || !t[0].equals(what)) {
            throw new Invalid("nginx: [emerg] unexpected \"" + (t == null ? "end of file" : t[0]) + "\", expecting \""
                    + what + "\" in " + file + ":" + (t == null ? "?" : t[1]));
        }
        i[0]++;
    }

    private static void skipTo(List<String[]> tokens, int[] i, String end) {
        while (i[0] < tokens.size() && !tokens.get(i[0])[0].equals(end)) {
            i[0]++;
        }
        i[0]++;
    }

    /** Words, braces and semicolons with their line numbers; comments dropped. */
    private static List<String[]> tokens(String text) {
        List<String[]> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            StringBuilder w = new StringBuilder();
            for (char c : line.toCharArray()) {
                if (c == '{' || c == '}' || c == ';' || Character.isWhitespace(c)) {
                    if (w.length() > 0) {
                        out.add(new String[] {w.toString(), Integer.toString(n + 1)});
                        w.setLength(0);
                    }
                    if (!Character.isWhitespace(c)) {
                        out.add(new String[] {String.valueOf(c), Integer.toString(n + 1)});
                    }
                } else if (c != '"' && c != '\'') {
                    w.append(c);
                }
            }
            if (w.length() > 0) {
                out.add(new String[] {w.toString(), Integer.toString(n + 1)});
            }
        }
        return out;
    }
}
