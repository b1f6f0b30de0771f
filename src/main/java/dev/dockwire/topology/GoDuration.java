package dev.dockwire.topology;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's duration syntax as Compose takes it for healthcheck timings: {@code 1m30s}, {@code 500ms}, {@code 2h}. */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    /** Nanoseconds; throws {@link IllegalArgumentException} for anything else. */
    static long parse(String text) {
        Matcher m = PART.matcher(text);
        long total = 0;
        int at = 0;
        while (m.lookingAt()) {
            double v = Double.parseDouble(m.group(1));
            total += (long) (v * switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            });
            at = m.end();
            m.region(at, text.length());
        }
        if (at == 0 || at != text.length()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\": expected a number with a unit like 10s, 1m30s or 500ms");
        }
        return total;
    }
}
