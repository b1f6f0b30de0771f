package dev.dockwire.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * awk's values: numbers ({@link Double}), strings, and strnums (input that looks like a number
 * compares as one), with mawk's conversions: an integral value within a C int prints as
 * {@code %d}, any other through CONVFMT/OFMT ({@code %.6g}); and printf's formats as C's.
 */
final class AwkValues {
    /** A string from input (fields, split, getline, -v): numeric when it looks like a number. */
    record StrNum(String text) {
    }

    /** A variable never assigned: "" and 0 at once. */
    static final Object UNINIT = new Object() {
        @Override
        public String toString() {
            return "";
        }
    };

    private static final Pattern NUMERIC = Pattern.compile("[ \\t\\n]*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?[ \\t\\n]*");
    private static final Pattern PREFIX = Pattern.compile("^[ \\t\\n]*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern SPEC = Pattern.compile("%([-+ #0]*)(\\*|\\d+)?(?:\\.(\\*|\\d+))?([a-zA-Z%])");

    private AwkValues() {
    }

    static double prefixNumber(String s) {
        Matcher m = PREFIX.matcher(s);
        return m.find() ? Double.parseDouble(m.group().strip()) : 0;
    }

    static double num(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof StrNum s) {
            return prefixNumber(s.text());
        }
        if (v == UNINIT) {
            return 0;
        }
        return prefixNumber((String) v);
    }

    static String str(Object v, String convfmt) {
        if (v instanceof Double d) {
            return number(d, convfmt);
        }
        if (v instanceof StrNum s) {
            return s.text();
        }
        return v.toString();
    }

    /** mawk's number to string: {@code %d} for an integer within a C int, else the format. */
    static String number(double d, String fmt) {
        if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
            return Long.toString((long) d);
        }
        if (Double.isNaN(d)) {
            return "-nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return sprintf(fmt, List.of(d), null);
    }

    static boolean truth(Object v) {
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof StrNum s) {
            return looksNumeric(s.text()) ? prefixNumber(s.text()) != 0 : !s.text().isEmpty();
        }
        if (v == UNINIT) {
            return false;
        }
        return !((String) v).isEmpty();
    }

    static boolean looksNumeric(String s) {
        return NUMERIC.matcher(s).matches();
    }

    private static boolean numeric(Object v) {
        return v instanceof Double || v == UNINIT || v instanceof StrNum s && looksNumeric(s.text());
    }

    /** POSIX's comparison: numeric when both sides are numbers or numeric strnums, else as strings. */
    static int compare(Object a, Object b, String convfmt) {
        if (numeric(a) && numeric(b)) {
            return Double.compare(num(a), num(b));
        }
        return Integer.signum(str(a, convfmt).compareTo(str(b, convfmt)));
    }

    /** C's printf over awk values; {@code error} receives mawk's complaint when arguments run out (null: "" and 0). */
    static String sprintf(String fmt, List<Object> args, StringBuilder error) {
        StringBuilder sb = new StringBuilder();
        int arg = 0;
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i);
            if (c != '%') {
                sb.append(c);
                i++;
                continue;
            }
            Matcher m = SPEC.matcher(fmt);
            if (!m.find(i) || m.start() != i) {
                sb.append(c);
                i++;
                continue;
            }
            i = m.end();
            char conv = m.group(4).charAt(0);
            if (conv == '%' && m.group(1).isEmpty() && m.group(2) == null) {
                sb.append('%');
                continue;
            }
            String flags = m.group(1);
            String width = m.group(2);
            String precision = m.group(3);
            if ("*".equals(width)) {
                width = Integer.toString((int) num(arg < args.size() ? args.get(arg++) : 0.0));
            }
            if ("*".equals(precision)) {
                precision = Integer.toString((int) num(arg < args.size() ? args.get(arg++) : 0.0));
            }
            if (arg >= args.size()) {
                if (error != null) {
                    error.append("not enough arguments passed to ");
                    return sb.toString();
                }
            }
            Object v = arg < args.size() ? args.get(arg++) : UNINIT;
            if (width != null && width.startsWith("-")) {
                flags += "-";
                width = width.substring(1);
            }
            sb.append(one(flags, width, precision, conv, v));
        }
        return sb.toString();
    }

    private static String one(String flags, String width, String precision, char conv, Object v) {
        String w = width == null ? "" : width;
        String pr = precision == null ? "" : "." + precision;
        String f = flags.replace("#", conv == 'x' || conv == 'X' || conv == 'o' || conv == 'e' || conv == 'f' ? "#" : "");
        switch (conv) {
            case 'd', 'i', 'u' -> {
                double d = num(v);
                long n = Double.isNaN(d) ? 0 : (long) d;
                if (conv == 'u' && n < 0) {
                    n = 0; // mawk clamps a negative %u
                }
                String digits = Long.toString(Math.abs(n));
                if (precision != null) {
                    int prec = Integer.parseInt(precision);
                    digits = "0".repeat(Math.max(0, prec - digits.length())) + digits;
                    if (prec == 0 && n == 0) {
                        digits = "";
                    }
                    f = f.replace("0", "");
                }
                String sign = n < 0 ? "-" : f.contains("+") ? "+" : f.contains(" ") ? " " : "";
                return pad(sign, digits, f, w);
            }
            case 'o', 'x', 'X' -> {
                long n = (long) num(v);
                return String.format(Locale.ROOT, "%" + f.replace("+", "").replace(" ", "") + w + conv, n);
            }
            case 'c' -> {
                String s = v instanceof Double || v == UNINIT || v instanceof StrNum sn && looksNumeric(sn.text())
                        ? String.valueOf((char) (int) num(v)) : str(v, "%.6g");
                return String.format(Locale.ROOT, "%" + f.replace("0", "") + w + "s", s.isEmpty() ? "" : s.substring(0, 1));
            }
            case 's' -> {
                String s = str(v, "%.6g");
                if (precision != null) {
                    s = s.substring(0, Math.min(s.length(), Integer.parseInt(precision)));
                }
                return w.isEmpty() ? s : String.format(Locale.ROOT, "%" + (f.contains("-") ? "-" : "") + w + "s", s);
            }
            case 'e', 'E', 'f', 'F' -> {
                double d = num(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return pad(d < 0 ? "-" : "", Double.isNaN(d) ? "nan" : "inf", f.replace("0", ""), w);
                }
                return String.format(Locale.ROOT, "%" + f + w + (pr.isEmpty() ? ".6" : pr) + Character.toLowerCase(conv == 'F' ? 'f' : conv), d)
                        .transform(s -> conv == 'E' ? s.toUpperCase(Locale.ROOT) : s);
            }
            case 'g', 'G' -> {
                String s = g(num(v), precision == null ? 6 : Integer.parseInt(precision), f.contains("#"));
                if (conv == 'G') {
                    s = s.toUpperCase(Locale.ROOT);
                }
                String sign = s.startsWith("-") ? "-" : f.contains("+") ? "+" : f.contains(" ") ? " " : "";
                return pad(sign, s.startsWith("-") ? s.substring(1) : s, f, w);
            }
            default -> {
                return "%" + flags + w + pr + conv;
            }
        }
    }

    private static String pad(String sign, String digits, String flags, String width) {
        int w = width.isEmpty() ? 0 : Integer.parseInt(width);
        int fill = Math.max(0, w - sign.length() - digits.length());
        if (flags.contains("-")) {
            return sign + digits + " ".repeat(fill);
        }
        if (flags.contains("0")) {
            return sign + "0".repeat(fill) + digits;
        }
        return " ".repeat(fill) + sign + digits;
    }

    /** C's {@code %g}: P significant digits, %e when the exponent is < -4 or >= P, trailing zeros removed. */
    static String g(double d, int precision, boolean alt) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        int p = precision == 0 ? 1 : precision;
        if (d == 0) {
            return alt ? "0." + "0".repeat(p - 1) : (1 / d < 0 ? "-0" : "0");
        }
        String e = String.format(Locale.ROOT, "%." + (p - 1) + "e", d);
        int x = Integer.parseInt(e.substring(e.indexOf('e') + 1));
        String s;
        if (x < -4 || x >= p) {
            String mant = e.substring(0, e.indexOf('e'));
            if (!alt && mant.contains(".")) {
                mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            s = mant + "e" + (x < 0 ? "-" : "+") + (Math.abs(x) < 10 ? "0" : "") + Math.abs(x);
        } else {
            s = String.format(Locale.ROOT, "%." + Math.max(0, p - 1 - x) + "f", d);
            if (!alt && s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
        }
        return s;
    }
}
