package dev.dockwire.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code .env} file as Compose reads it: {@code KEY=VALUE} lines, optional {@code export},
 * single- or double-quoted values, {@code #} comments and blank lines.
 */
final class DotEnv {
    private DotEnv() {
    }

    static Map<String, String> parse(String file, String text) {
        Map<String, String> env = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("export ")) {
                t = t.substring(7).trim();
            }
            int eq = t.indexOf('=');
            String key = eq < 0 ? t : t.substring(0, eq).trim();
            if (eq < 0 || !key.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw new TopologyException(file, i + 1, "", "expected KEY=VALUE, got \"" + t + "\"");
            }
            env.put(key, value(t.substring(eq + 1).trim()));
        }
        return env;
    }

    private static String value(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            String inner = v.substring(1, v.length() - 1);
            return v.startsWith("\"") ? inner.replace("\\n", "\n").replace("\\\"", "\"") : inner;
        }
        int hash = v.indexOf(" #");
        return hash >= 0 ? v.substring(0, hash).trim() : v;
    }
}
