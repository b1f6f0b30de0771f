package dev.dockwire.app.bin;

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
    private static final String SHORT_WITH_ARG = "OTtU";
    private static final String SHORT_FLAGS = "qS";

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
        // glibc permutes: options anywhere, "--" ends them
        for (int i = 0; i < args.size() && o.error == null && o.fatal == null; i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                o.urls.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--")) {
                i = o.longOption(args, i);
            } else if (a.startsWith("-") && a.length() > 1) {
                i = o.shortOptions(args, i);
            } else {
                o.urls.add(a);
            }
        }
        if (o.error == null && o.fatal == null && o.urls.isEmpty()) {
            o.error = "";
        }
        return o;
    }

    private int longOption(List<String> args, int i) {
        String a = args.get(i).substring(2);
        int eq = a.indexOf('=');
        String name = eq < 0 ? a : a.substring(0, eq);
        String key = LONG.get(name);
        if (key == null) {
            List<String> prefixed = LONG.keySet().stream().filter(k -> k.startsWith(name)).toList();
            if (prefixed.size() != 1) {
                error = prefixed.isEmpty() ? "unrecognized option '--" + a + "'" : "option '--" + a + "' is ambiguous";
                return i;
            }
            key = LONG.get(prefixed.get(0));
        }
        boolean takesArg = key.endsWith(":");
        String value = null;
        if (takesArg) {
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                error = "option '--" + name + "' requires an argument";
                return i;
            }
        } else if (eq >= 0) {
            error = "option '--" + name + "' doesn't allow an argument";
            return i;
        }
        apply(takesArg ? key.substring(0, key.length() - 1) : key, value);
        return i;
    }

    private int shortOptions(List<String> args, int i) {
        String a = args.get(i);
        for (int k = 1; k < a.length(); k++) {
            char c = a.charAt(k);
            if (SHORT_FLAGS.indexOf(c) >= 0) {
                apply(String.valueOf(c), null);
            } else if (SHORT_WITH_ARG.indexOf(c) >= 0) {
                String value;
                if (k + 1 < a.length()) {
                    value = a.substring(k + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    error = "option requires an argument -- '" + c + "'";
                    return i;
                }
                apply(String.valueOf(c), value);
                return i;
            } else {
                error = "invalid option -- '" + c + "'";
                return i;
            }
        }
        return i;
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
