package dev.dockwire.app.bin;

import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.GetoptLong;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GNU Wget 1.21's command line as Debian builds it (src/init.c's option table through glibc's
 * getopt_long): the options a script or a healthcheck passes ({@code -q -O -S -T -t -U --spider
 * --header}); {@code -qO-} bundles. {@link #error} is the line before the usage (exit 2), or ""
 * for {@code missing URL} (exit 1); null when the line is good.
 */
final class GnuWgetOptions {
    private static final Map<String, String> LONG = Map.ofEntries(
            Map.entry("quiet", "q"), Map.entry("output-document", "O:"), Map.entry("server-response", "S"),
            Map.entry("timeout", "T:"), Map.entry("tries", "t:"), Map.entry("user-agent", "U:"),
            Map.entry("spider", "spider"), Map.entry("header", "header:"), Map.entry("no-verbose", "nv"),
            Map.entry("no-check-certificate", "ignored"), Map.entry("no-cache", "ignored"));

    boolean quiet;
    boolean serverResponse;
    boolean spider;
    String outFile;
    /** -T: 0 is Debian's default read timeout of 900 s. */
    int timeoutSeconds = 900;
    /** -t: 20 tries for a failure wget retries (a timeout, no data). */
    int tries = 20;
    String userAgent = "Wget/1.21.3";
    final List<String> headers = new ArrayList<>();
    final List<String> urls = new ArrayList<>();
    String error;
    /** The text of a bad value ({@code --timeout: Invalid time period 'x'}), exit 2 without the usage. */
    String fatal;

    static GnuWgetOptions parse(List<String> args) {
        GnuWgetOptions o = new GnuWgetOptions();
        GetoptLong.Result r = new GetoptLong(Getopt.GLIBC, "qSO:T:t:U:", LONG).parse(args, (key, value) -> {
            o.apply(key, value);
            return o.fatal == null;
        });
        o.urls.addAll(r.operands());
        o.error = r.error();
        if (o.error == null && o.fatal == null && o.urls.isEmpty()) {
            o.error = "";
        }
        return o;
    }

    private void apply(String key, String value) {
        switch (key) {
            case "q" -> quiet = true;
            case "S" -> serverResponse = true;
            case "O" -> outFile = value;
            case "T" -> timeoutSeconds = number("timeout", "Invalid time period", value, timeoutSeconds);
            case "t" -> tries = number("tries", "Invalid number", value, tries);
            case "U" -> userAgent = value;
            case "header" -> headers.add(value);
            case "spider" -> spider = true;
            default -> {
                // --no-verbose and https's certificate options change nothing this model prints
            }
        }
    }

    /** cmd_time / cmd_number (init.c): a bad value ends the run with {@code --NAME: WHAT 'VALUE'}. */
    private int number(String name, String what, String value, int old) {
        if (!value.isEmpty() && value.length() < 10 && value.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(value);
        }
        if (fatal == null) {
            fatal = "--" + name + ": " + what + " '" + value + "'";
        }
        return old;
    }
}
