package dev.dockwire.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a tree of maps, lists and scalars as go-yaml v3 does in block style with two-space
 * indents (what {@code docker compose config} prints): a sequence under a key is indented, an empty
 * map is {@code {}}, a null is {@code null}; a string that would read back as another type (a
 * number, a YAML 1.2 or 1.1 boolean, null, a timestamp) is double-quoted (encode.go stringv), one
 * that plain style cannot hold is single-quoted (the emitter's scalar analysis), one with line
 * breaks is a literal block.
 */
final class YamlWriter {
    private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
            + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern BASE60 = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?");
    private static final Set<String> NON_STRINGS = Set.of("", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false",
            "False", "FALSE", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF");

    private YamlWriter() {
    }

    /** The lines of {@code root}, a map. */
    static List<String> write(Map<String, Object> root) {
        List<String> out = new ArrayList<>();
        map(root, "", out);
        return out;
    }

    private static void map(Map<?, ?> m, String indent, List<String> out) {
        for (var e : m.entrySet()) {
            String key = indent + scalar(e.getKey().toString());
            Object v = e.getValue();
            if (v instanceof Map<?, ?> child && !child.isEmpty()) {
                out.add(key + ":");
                map(child, indent + "  ", out);
            } else if (v instanceof List<?> list && !list.isEmpty()) {
                out.add(key + ":");
                list(list, indent + "  ", out);
            } else {
                out.add(key + ": " + inline(v, indent + "  "));
            }
        }
    }

    private static void list(List<?> l, String indent, List<String> out) {
        for (Object v : l) {
            if (v instanceof Map<?, ?> child && !child.isEmpty()) {
                List<String> inner = new ArrayList<>();
                map(child, indent + "  ", inner);
                out.add(indent + "- " + inner.get(0).substring(indent.length() + 2));
                out.addAll(inner.subList(1, inner.size()));
            } else {
                out.add(indent + "- " + inline(v, indent + "  "));
            }
        }
    }

    private static String inline(Object v, String indent) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        if (v instanceof List<?>) {
            return "[]";
        }
        if (v instanceof String s) {
            if (s.contains("\n")) {
                StringBuilder b = new StringBuilder(s.endsWith("\n") ? "|" : "|-");
                for (String line : s.split("\n", -1)) {
                    b.append('\n').append(line.isEmpty() ? "" : indent + line);
                }
                return s.endsWith("\n") ? b.substring(0, b.length() - 1) : b.toString();
            }
            return scalar(s);
        }
        return v.toString();
    }

    /** A string scalar in the style go-yaml v3 gives it. */
    static String scalar(String s) {
        if (NON_STRINGS.contains(s) || INT.matcher(s).matches() || FLOAT.matcher(s).matches() || BASE60.matcher(s).matches()
                || TIMESTAMP.matcher(s).matches()) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return plainAllowed(s) ? s : "'" + s.replace("'", "''") + "'";
    }

    /** libyaml's yaml_emitter_analyze_scalar for block context: what a plain scalar cannot start, hold or end with. */
    private static boolean plainAllowed(String s) {
        if (s.startsWith("---") || s.startsWith("...") || s.startsWith(" ") || s.endsWith(" ") || s.endsWith(":")) {
            return false;
        }
        char first = s.charAt(0);
        if ("#,[]{}&*!|>'\"%@`".indexOf(first) >= 0) {
            return false;
        }
        if ("-?:".indexOf(first) >= 0 && (s.length() == 1 || s.charAt(1) == ' ')) {
            return false;
        }
        if (s.contains(": ") || s.contains(" #") || s.contains("\t")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
