package dev.dockwire.docker.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The part of Go's text/template that {@code docker inspect -f} and {@code --format} are used
 * with: {@code {{.A.B}}}, {@code {{json .A}}}, {@code {{index .A "k"}}}, {@code {{range .A}}...{{end}}}
 * over maps (values in key order) and lists, {@code {{.}}}, {@code {{println ...}}}, and literal
 * text. Values are the maps and lists the inspect JSON is built from.
 */
final class GoTemplate {
    private final String text;
    /** Rendering a table's header: the formatting functions give back their argument (docker/cli templates.HeaderFunctions). */
    private final boolean header;
    private int i;

    private GoTemplate(String text, boolean header) {
        this.text = text;
        this.header = header;
    }

    /**
     * The escapes docker/cli's formatter turns into characters before parsing a {@code --format}
     * of {@code ps} and the {@code ls} commands (cli/command/formatter/formatter.go, preFormat):
     * {@code \t} becomes a tab, {@code \n} a newline.
     */
    static String preFormat(String format) {
        return format.replace("\\t", "\t").replace("\\n", "\n");
    }

    /** Renders {@code template} against {@code data}; errors are worded like Go's template errors. */
    static String render(String template, Object data) {
        GoTemplate t = new GoTemplate(template, false);
        StringBuilder out = new StringBuilder();
        t.block(data, out, false);
        return out.toString();
    }

    /** Renders a table format's {@code template} over its header context: {@code json}, {@code upper} and the like print the column name as it is. */
    static String renderHeader(String template, Object header) {
        GoTemplate t = new GoTemplate(template, true);
        StringBuilder out = new StringBuilder();
        t.block(header, out, false);
        return out.toString();
    }

    /** Renders until {{end}} (when {@code inRange}) or the end of the text. */
    private boolean block(Object dot, StringBuilder out, boolean inRange) {
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                out.append(text, i, text.length());
                i = text.length();
                break;
            }
            out.append(text, i, open);
            int close = text.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("template: unclosed action");
            }
            String action = text.substring(open + 2, close).trim();
            i = close + 2;
            if (action.equals("end")) {
                if (!inRange) {
                    throw new IllegalArgumentException("template: unexpected {{end}}");
                }
                return true;
            }
            if (action.startsWith("range ")) {
                Object over = eval(action.substring(6).trim(), dot);
                int bodyStart = i;
                Collection<?> items = over instanceof Map<?, ?> m ? m.values()
                        : over instanceof Collection<?> c ? c : List.of();
                if (items.isEmpty()) {
                    skipToEnd();
                }
                for (Object item : items) {
                    i = bodyStart;
                    if (!block(item, out, true)) {
                        throw new IllegalArgumentException("template: unexpected EOF");
                    }
                }
                continue;
            }
            Object v = eval(action, dot);
            out.append(format(v));
        }
        if (inRange) {
            return false;
        }
        return true;
    }

    private void skipToEnd() {
        int depth = 1;
        while (depth > 0) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                throw new IllegalArgumentException("template: unexpected EOF");
            }
            int close = text.indexOf("}}", open);
            String a = text.substring(open + 2, close).trim();
            if (a.startsWith("range ")) {
                depth++;
            } else if (a.equals("end")) {
                depth--;
            }
            i = close + 2;
        }
    }

    private Object eval(String expr, Object dot) {
        List<String> words = words(expr);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("template: missing value for command");
        }
        String fn = words.get(0);
        switch (fn) {
            case "json" -> {
                Object v = value(words.get(1), dot);
                if (header) {
                    return v;
                }
                // A list's row marshals itself with encoding/json's HTML escaping (formatter.MarshalJSON); other values
                // go through the template's json, an encoder with SetEscapeHTML(false) (docker/cli templates).
                return new Raw(v instanceof ListFormat.Row ? Json.escapeHtml(Json.compact(v)) : Json.compact(v));
            }
            case "index" -> {
                Object m = value(words.get(1), dot);
                String key = unquote(words.get(2));
                return m instanceof Map<?, ?> map ? map.get(key) : null;
            }
            case "println" -> {
                StringBuilder sb = new StringBuilder();
                for (int k = 1; k < words.size(); k++) {
                    sb.append(k > 1 ? " " : "").append(format(value(words.get(k), dot)));
                }
                return new Raw(sb.append('\n').toString());
            }
            case "upper", "lower" -> {
                String v = format(value(words.get(1), dot));
                return header ? v : fn.equals("upper") ? v.toUpperCase(java.util.Locale.ROOT) : v.toLowerCase(java.util.Locale.ROOT);
            }
            default -> {
                if (words.size() > 1 && fn.startsWith(".") && fn.lastIndexOf('.') == 0 && dot instanceof ListFormat.Row row
                        && row.function(fn.substring(1)) != null) {
                    return row.function(fn.substring(1)).apply(unquote(words.get(1))); // a method of the row: {{.Label "k"}}
                }
                return value(fn, dot);
            }
        }
    }

    private static Object value(String path, Object dot) {
        if (path.startsWith("\"")) {
            return unquote(path);
        }
        if (!path.startsWith(".")) {
            throw new IllegalArgumentException("template: function \"" + path + "\" not defined");
        }
        Object v = dot;
        for (String part : path.substring(1).split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            if (v instanceof Map<?, ?> m) {
                v = m.get(part);
            } else {
                throw new IllegalArgumentException("template: can't evaluate field " + part);
            }
        }
        return v;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static List<String> words(String expr) {
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < expr.length()) {
            char c = expr.charAt(k);
            if (c == ' ') {
                k++;
            } else if (c == '"') {
                int end = expr.indexOf('"', k + 1);
                out.add(expr.substring(k, end + 1));
                k = end + 1;
            } else {
                int end = k;
                while (end < expr.length() && expr.charAt(end) != ' ') {
                    end++;
                }
                out.add(expr.substring(k, end));
                k = end;
            }
        }
        return out;
    }

    private record Raw(String text) {
    }

    /** Go's default formatting: maps as map[k:v], lists as [a b], nil as {@code <no value>}. */
    private static String format(Object v) {
        if (v instanceof Raw r) {
            return r.text();
        }
        if (v == null) {
            return "<no value>";
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("map[");
            boolean first = true;
            for (var e : new java.util.TreeMap<>(m).entrySet()) {
                sb.append(first ? "" : " ").append(e.getKey()).append(':').append(format(e.getValue()));
                first = false;
            }
            return sb.append(']').toString();
        }
        if (v instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            boolean first = true;
            for (Object o : c) {
                sb.append(first ? "" : " ").append(format(o));
                first = false;
            }
            return sb.append(']').toString();
        }
        return v.toString();
    }
}
