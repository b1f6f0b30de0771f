package dev.dockwire.topology;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compose's variable interpolation in values: {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-default}} (unset or empty), {@code ${VAR-default}} (unset), {@code ${VAR:?message}}
 * and {@code ${VAR?message}} (required), {@code ${VAR:+other}} and {@code ${VAR+other}}, defaults
 * that interpolate in turn, and {@code $$} for a literal {@code $}. An unset variable without a
 * default becomes empty with Compose's warning.
 */
final class Interpolation {
    private final Map<String, String> env;
    private final Set<String> warnings = new LinkedHashSet<>();

    Interpolation(Map<String, String> env) {
        this.env = env;
    }

    /** Warnings for variables that were not set, once each. */
    Set<String> warnings() {
        return warnings;
    }

    /** The interpolated text; a malformed or required-but-missing reference throws with Compose's wording. */
    String apply(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = closing(text, i + 2);
                if (end < 0) {
                    throw invalid(text);
                }
                out.append(braced(text.substring(i + 2, end), text));
                i = end + 1;
            } else {
                int j = i + 1;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
                if (j == i + 1) {
                    throw invalid(text);
                }
                out.append(lookup(text.substring(i + 1, j)));
                i = j;
            }
        }
        return out.toString();
    }

    private static int closing(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private String braced(String expr, String whole) {
        int k = 0;
        while (k < expr.length() && (Character.isLetterOrDigit(expr.charAt(k)) || expr.charAt(k) == '_')) {
            k++;
        }
        String name = expr.substring(0, k);
        if (name.isEmpty()) {
            throw invalid(whole);
        }
        if (k == expr.length()) {
            return lookup(name);
        }
        String value = env.get(name);
        boolean colon = expr.charAt(k) == ':';
        String op = expr.substring(k, Math.min(expr.length(), k + (colon ? 2 : 1)));
        String arg = expr.substring(k + op.length());
        boolean unset = value == null || (colon && value.isEmpty());
        return switch (op.charAt(op.length() - 1)) {
            case '-' -> unset ? apply(arg) : value;
            case '+' -> unset ? "" : apply(arg);
            case '?' -> {
                if (unset) {
                    throw new IllegalArgumentException("required variable " + name + " is missing a value: " + apply(arg));
                }
                yield value;
            }
            default -> throw invalid(whole);
        };
    }

    private String lookup(String name) {
        String v = env.get(name);
        if (v == null) {
            warnings.add("The \"" + name + "\" variable is not set. Defaulting to a blank string.");
            return "";
        }
        return v;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid interpolation format \"" + text
                + "\": you may need to escape any $ with another $");
    }
}
