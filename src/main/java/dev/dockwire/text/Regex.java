package dev.dockwire.text;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * POSIX regular expressions (basic and extended, with GNU's extensions) as {@link Pattern}s, the
 * translation glibc's regcomp implies: in a BRE {@code \( \) \{ \} \+ \? \|} are the operators and
 * the bare characters literal, {@code *} at the start of an expression or group is literal,
 * {@code ^}/{@code $} anchor only at the ends; bracket expressions keep {@code ]} first and a
 * backslash literal and know the classes {@code [:alpha:]}...; {@code \< \> \w \s \b} are GNU's.
 */
public final class Regex {
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s\\x0B"),
            Map.entry("blank", " \\t"), Map.entry("punct", "\\p{Punct}"), Map.entry("print", "\\p{Print}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("xdigit", "0-9A-Fa-f"));

    private Regex() {
    }

    /** Compiles a POSIX expression; throws {@link PatternSyntaxException} as regcomp fails. */
    public static Pattern compile(String posix, boolean extended, boolean ignoreCase) {
        return Pattern.compile(toJava(posix, extended), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    /** The Java form of a POSIX basic ({@code extended} false) or extended expression. */
    public static String toJava(String re, boolean extended) {
        StringBuilder sb = new StringBuilder();
        boolean atStart = true; // where '*' is literal
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            boolean start = atStart;
            atStart = false;
            if (c == '[') {
                i = bracket(re, i, sb);
                continue;
            }
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(++i);
                if (!extended && "(){}|+?".indexOf(n) >= 0) {
                    sb.append(n);
                    atStart = n == '(' || n == '|';
                } else if (n == '<') {
                    sb.append("\\b(?=\\w)");
                } else if (n == '>') {
                    sb.append("\\b(?<=\\w)");
                } else if (n == '`') {
                    sb.append("\\A");
                } else if (n == '\'') {
                    sb.append("\\z");
                } else if (n == 'n') {
                    sb.append("\\n");
                } else if (n == 't') {
                    sb.append("\\t");
                } else if ("wWsSbB123456789".indexOf(n) >= 0) {
                    sb.append('\\').append(n);
                } else {
                    sb.append(Pattern.quote(String.valueOf(n)));
                }
                continue;
            }
            if (extended) {
                if (c == '(' || c == '|') {
                    atStart = true;
                }
                if (c == '*' && start) {
                    sb.append("\\*");
                } else if (c == '{' && !interval(re, i)) {
                    sb.append("\\{");
                } else {
                    sb.append(c);
                }
                continue;
            }
            switch (c) {
                case '(', ')', '{', '}', '|', '+', '?' -> sb.append('\\').append(c);
                case '*' -> sb.append(start ? "\\*" : "*");
                case '^' -> {
                    sb.append(start ? "^" : "\\^");
                    atStart = start;
                }
                case '$' -> sb.append(i == re.length() - 1 || re.startsWith("\\)", i + 1) || re.startsWith("\\|", i + 1) ? "$" : "\\$");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** glibc's regerror() text for a failed compile, as grep and sed print it. */
    public static String regerror(PatternSyntaxException e, boolean extended) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group") || d.startsWith("Unmatched closing")) {
            return d.startsWith("Unmatched") && !extended ? "Unmatched ) or \\)" : "Unmatched ( or \\(";
        }
        if (d.startsWith("Unclosed counted closure") || d.startsWith("Illegal repetition")) {
            return extended ? "Unmatched { or \\{" : "Unmatched \\{";
        }
        if (d.startsWith("Unclosed character class") || d.startsWith("Unmatched [")) {
            return "Unmatched [, [^, [:, [., or [=";
        }
        if (d.startsWith("Invalid character class")) {
            return "Invalid character class name";
        }
        return "Invalid preceding regular expression";
    }

    private static boolean interval(String re, int i) {
        int close = re.indexOf('}', i);
        return close > i + 1 && re.substring(i + 1, close).matches("\\d*(,\\d*)?");
    }

    /** Copies the bracket expression at {@code re[open]}; returns the index of its closing {@code ]}. */
    private static int bracket(String re, int open, StringBuilder sb) {
        int i = open + 1;
        StringBuilder set = new StringBuilder("[");
        if (i < re.length() && re.charAt(i) == '^') {
            set.append('^');
            i++;
        }
        boolean first = true;
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == ']' && !first) {
                sb.append(set).append(']');
                return i;
            }
            first = false;
            if (c == '[' && i + 1 < re.length() && re.charAt(i + 1) == ':') {
                int end = re.indexOf(":]", i + 2);
                String name = end < 0 ? null : CLASSES.get(re.substring(i + 2, end));
                if (name == null) {
                    throw new PatternSyntaxException("Invalid character class name", re, i);
                }
                set.append(name);
                i = end + 1;
            } else if (c == '\\' || c == '[' || c == '&' || c == ']') {
                set.append('\\').append(c);
            } else {
                set.append(c);
            }
        }
        throw new PatternSyntaxException("Unmatched [, [^, [:, [., or [=", re, open);
    }
}
