package dev.dockwire.docker.cli;

import dev.dockwire.docker.GoQuote;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Go's fmt and strconv as templates print with them: {@code %v} of the values a template holds
 * (maps by sorted key, slices, structs, Go's shortest float), {@code Sprintf}'s verbs with flags,
 * width and precision and its {@code %!v(MISSING)} / {@code %!(EXTRA ...)} notes, strconv's Quote
 * and Unquote.
 */
final class GoFmt {
    private GoFmt() {
    }

    /**
     * fmt's {@code %v} of a value text/template prints: the template has taken a pointer's target
     * (exec.go printableValue), so a {@code *container.State} prints as its struct.
     */
    static String value(Object v) {
        return format(v, 0, false, false);
    }

    /**
     * fmt's {@code %v} ({@code %+v} when {@code plus}) of an operand handed to fmt (print, printf):
     * a pointer to a struct prints as {@code &{...}} (print.go printValue at depth 0).
     */
    static String operand(Object v, boolean plus) {
        return format(v, 0, true, plus);
    }

    private static String format(Object v, int depth, boolean operand, boolean plus) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof GoStruct s && s.stringer() != null) {
            return s.stringer(); // handleMethods: a Stringer prints by its String method
        }
        if (v instanceof Double d) {
            return floatG(d);
        }
        if (v instanceof GoStruct s && s.layout() != null) {
            if (s.pointer() && depth > 0) {
                return address(s);
            }
            return (s.pointer() && operand ? "&" : "") + fields(s, s.layout(), depth, plus);
        }
        if (v instanceof GoStruct s) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Object o : s.values()) {
                sb.append(first ? "" : " ").append(format(o, depth + 1, false, plus));
                first = false;
            }
            return sb.append('}').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("map[");
            boolean first = true;
            for (var e : new java.util.TreeMap<>(m).entrySet()) {
                sb.append(first ? "" : " ").append(e.getKey()).append(':').append(format(e.getValue(), depth + 1, false, plus));
                first = false;
            }
            return sb.append(']').toString();
        }
        if (v instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            boolean first = true;
            for (Object o : c) {
                sb.append(first ? "" : " ").append(format(o, depth + 1, false, plus));
                first = false;
            }
            return sb.append(']').toString();
        }
        return v.toString();
    }

    /** A struct's fields in declaration order, {@code {a b}} ({@code {A:a B:b}} with plus); an embedded struct as one field. */
    private static String fields(GoStruct s, List<Object> layout, int depth, boolean plus) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Object f : layout) {
            sb.append(first ? "" : " "); // an empty string field still has its space: { 8080}
            first = false;
            if (f instanceof GoStruct.Embedded e) {
                sb.append(plus ? e.name() + ":" : "").append(e.pointer() ? address(e) : fields(s, e.fields(), depth + 1, plus));
            } else {
                Object v = s.field((String) f);
                boolean address = s.pointerField((String) f) && !(v instanceof GoValue.GoNil);
                sb.append(plus ? f + ":" : "").append(address ? address(f + "=" + v) : format(v, depth + 1, false, plus));
            }
        }
        return sb.append('}').toString();
    }

    /**
     * A pointer inside another value, which fmt prints as its address ({@code 0xc000012340}): Go's
     * heap addresses, here one a value's contents decide, so that a run prints the same each time.
     */
    private static String address(Object target) {
        return String.format("0xc000%06x", (target.toString().hashCode() & 0xffff) << 4);
    }

    /** strconv.FormatFloat(f, 'g', -1, 64) as {@code %v} prints a float64: 1e+06, 100000, 1e-05. */
    static String floatG(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal b = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = b.unscaledValue().toString();
        int exp = digits.length() - b.scale() - 1;
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 6) { // shortest 'g' decides with precision 6
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        return sign + b.toPlainString();
    }


    /** strconv.Unquote of a double-quoted Go string; null when it is not one. */
    static String unquote(String q) {
        if (q.length() < 2 || !q.startsWith("\"") || !q.endsWith("\"")) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < q.length() - 1; i++) {
            char c = q.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = q.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'a' -> sb.append('\007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\013');
                case '\\', '"', '\'' -> sb.append(e);
                case 'x' -> {
                    sb.append((char) Integer.parseInt(q.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    sb.append((char) Integer.parseInt(q.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    sb.appendCodePoint(Integer.parseInt(q.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        sb.append((char) Integer.parseInt(q.substring(i, i + 3), 8));
                        i += 2;
                    } else {
                        return null;
                    }
                }
            }
        }
        return sb.toString();
    }

    /** {@code %#U}: U+0041 'A'. */
    static String unicode(char c) {
        return String.format("U+%04X '%c'", (int) c, c);
    }

    /** fmt.Sprintf with Go's verbs over template values; {@code type} names each operand's Go type for %T and the error notes. */
    static String sprintf(String f, List<Object> args, java.util.function.Function<Object, String> type) {
        StringBuilder sb = new StringBuilder();
        int next = 0;
        int k = 0;
        while (k < f.length()) {
            char c = f.charAt(k++);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (k >= f.length()) {
                sb.append("%!(NOVERB)");
                break;
            }
            String flags = "";
            while (k < f.length() && "+-# 0".indexOf(f.charAt(k)) >= 0) {
                flags += f.charAt(k++);
            }
            int width = -1;
            int w0 = k;
            while (k < f.length() && Character.isDigit(f.charAt(k))) {
                k++;
            }
            if (k > w0) {
                width = Integer.parseInt(f.substring(w0, k));
            }
            int prec = -1;
            if (k < f.length() && f.charAt(k) == '.') {
                k++;
                int p0 = k;
                while (k < f.length() && Character.isDigit(f.charAt(k))) {
                    k++;
                }
                prec = k > p0 ? Integer.parseInt(f.substring(p0, k)) : 0;
            }
            if (k >= f.length()) {
                sb.append("%!(NOVERB)");
                break;
            }
            char verb = f.charAt(k++);
            if (verb == '%') {
                sb.append('%');
                continue;
            }
            if (next >= args.size()) {
                sb.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            Object a = args.get(next++);
            String s = verb(verb, flags, prec, a, type);
            if (s == null) {
                s = "%!" + verb + "(" + type.apply(a) + "=" + value(a) + ")";
            }
            sb.append(pad(s, width, flags));
        }
        if (next < args.size()) {
            sb.append("%!(EXTRA ");
            for (int i = next; i < args.size(); i++) {
                sb.append(i > next ? ", " : "").append(type.apply(args.get(i))).append('=').append(value(args.get(i)));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private static String pad(String s, int width, String flags) {
        if (width <= s.length()) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        if (flags.contains("-")) {
            return s + fill;
        }
        if (flags.contains("0") && s.matches("[-+]?[0-9].*")) {
            int sign = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
            return s.substring(0, sign) + "0".repeat(width - s.length()) + s.substring(sign);
        }
        return fill + s;
    }

    private static String verb(char verb, String flags, int prec, Object a, java.util.function.Function<Object, String> type) {
        boolean integer = a instanceof Integer || a instanceof Long || a instanceof Short;
        boolean string = a instanceof String || a instanceof GoValue.JsonNumber;
        String text = a == null ? null : a.toString();
        switch (verb) {
            case 'v' -> {
                return operand(a, flags.contains("+"));
            }
            case 'T' -> {
                return type.apply(a);
            }
            case 's' -> {
                if (a instanceof GoValue.GoTime) {
                    return a.toString(); // a Stringer
                }
                if (string) {
                    return prec >= 0 && prec < text.length() ? text.substring(0, prec) : text;
                }
                return a instanceof Collection<?> || a instanceof Map<?, ?> ? value(a) : null;
            }
            case 'q' -> {
                if (string) {
                    return GoQuote.quote(text);
                }
                return integer ? "'" + new String(Character.toChars(((Number) a).intValue())) + "'" : null;
            }
            case 'd' -> {
                return integer ? (flags.contains("+") && ((Number) a).longValue() >= 0 ? "+" : "") + ((Number) a).longValue() : null;
            }
            case 'x', 'X' -> {
                String h = integer ? Long.toHexString(((Number) a).longValue()) : string ? hex(text) : null;
                return h == null ? null : verb == 'X' ? h.toUpperCase(java.util.Locale.ROOT) : h;
            }
            case 'o' -> {
                return integer ? Long.toOctalString(((Number) a).longValue()) : null;
            }
            case 'b' -> {
                return integer ? Long.toBinaryString(((Number) a).longValue()) : null;
            }
            case 'c' -> {
                return integer ? new String(Character.toChars(((Number) a).intValue())) : null;
            }
            case 'U' -> {
                return integer ? String.format("U+%04X", ((Number) a).intValue()) : null;
            }
            case 't' -> {
                return a instanceof Boolean ? a.toString() : null;
            }
            case 'f', 'F', 'e', 'E', 'g', 'G' -> {
                if (!(a instanceof Double d)) {
                    return null;
                }
                return switch (verb) {
                    case 'f', 'F' -> String.format("%." + (prec < 0 ? 6 : prec) + "f", d);
                    case 'e', 'E' -> {
                        String e = String.format("%." + (prec < 0 ? 6 : prec) + "e", d);
                        yield verb == 'E' ? e.toUpperCase(java.util.Locale.ROOT) : e;
                    }
                    default -> floatG(d);
                };
            }
            default -> {
                return null;
            }
        }
    }

    private static String hex(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }
}
