package dev.dockwire.sim;

/**
 * Go's {@code time.ParseDuration} (src/time/format.go), the syntax Docker takes for every
 * duration (healthcheck flags and keys, {@code --since}): an optional sign, then numbers with
 * units {@code ns us µs ms s m h} ({@code 1m30s}, {@code 1.5h}, {@code 500ms}); {@code 0} alone
 * needs no unit.
 */
public final class GoDuration {
    private GoDuration() {
    }

    /**
     * Nanoseconds (negative with a leading {@code -}); throws {@link IllegalArgumentException}
     * with Go's own message ({@code time: unknown unit "x" in duration "1x"}).
     */
    public static long parse(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        double total = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.chars().filter(c -> c == '.').count() > 1) {
                throw invalid(text);
            }
            int u = i;
            while (i < s.length() && ".0123456789".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String unit = s.substring(u, i);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
            }
            total += Double.parseDouble(number) * switch (unit) {
                case "ns" -> 1d;
                case "us", "µs", "μs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> throw new IllegalArgumentException("time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
            };
        }
        long nanos = (long) total;
        return negative ? -nanos : nanos;
    }

    /** time.Duration's String: {@code 0s}, {@code 1.5ms}, {@code 30s}, {@code 1.5s}, {@code 1m30s}, {@code 1h0m0s}. */
    public static String format(long nanos) {
        if (nanos < 0) {
            return "-" + format(-nanos);
        }
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000L) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000L) {
            return decimal(nanos, 1_000L) + "\u00b5s";
        }
        if (nanos < 1_000_000_000L) {
            return decimal(nanos, 1_000_000L) + "ms";
        }
        long h = nanos / 3_600_000_000_000L;
        long m = nanos / 60_000_000_000L % 60;
        String sec = decimal(nanos % 60_000_000_000L, 1_000_000_000L) + "s";
        return h > 0 ? h + "h" + m + "m" + sec : m > 0 ? m + "m" + sec : sec;
    }

    private static String decimal(long value, long unit) {
        return java.math.BigDecimal.valueOf(value).divide(java.math.BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
}
