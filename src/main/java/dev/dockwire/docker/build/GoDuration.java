package dev.dockwire.docker.build;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's time.ParseDuration ({@code 30s}, {@code 1m30s}, {@code 1.5h}, {@code 500ms}) in nanoseconds, with its error text. */
final class GoDuration {
    private static final Pattern UNIT = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|ms|s|m|h)");
    private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    static long parse(String s) throws DockerfileException {
        String rest = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        if (rest.equals("0")) {
            return 0;
        }
        Matcher m = UNIT.matcher(rest);
        int at = 0;
        double total = 0;
        while (at < rest.length() && m.find(at) && m.start() == at && !m.group(1).isEmpty() && !m.group(1).equals(".")) {
            total += Double.parseDouble(m.group(1)) * NANOS.get(m.group(2));
            at = m.end();
        }
        if (rest.isEmpty() || at != rest.length()) {
            throw new DockerfileException("time: invalid duration \"" + s + "\"");
        }
        return (long) (s.startsWith("-") ? -total : total);
    }
}
