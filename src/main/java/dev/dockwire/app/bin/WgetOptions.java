package dev.dockwire.app.bin;

import dev.dockwire.libc.Getopt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BusyBox wget's command line (wget_main's getopt32long: {@code cqSO:o:P:Y:U:T:+t:n::} and the
 * long options of alpine's build, a long option's unambiguous prefix taken as getopt_long does).
 * {@link #error} is the message getopt prints before the usage, or "" for the usage alone (no
 * URL); {@link #fatal} a message that ends the run without the usage; both null when the line is good.
 */
final class WgetOptions {
    /** Long options: name -> the short letter (or a long-only key) and whether it takes an argument. */
    private static final Map<String, String> LONG = Map.ofEntries(
            Map.entry("continue", "c"), Map.entry("quiet", "q"), Map.entry("server-response", "S"),
            Map.entry("output-document", "O:"), Map.entry("output-file", "o:"), Map.entry("directory-prefix", "P:"),
            Map.entry("proxy", "Y:"), Map.entry("user-agent", "U:"), Map.entry("timeout", "T:"), Map.entry("tries", "t:"),
            Map.entry("header", "header:"), Map.entry("post-data", "post-data:"), Map.entry("spider", "spider"),
            Map.entry("no-check-certificate", "no-check-certificate"), Map.entry("post-file", "post-file:"),
            Map.entry("passive-ftp", "ignored"), Map.entry("no-cache", "ignored"), Map.entry("no-verbose", "ignored"),
            Map.entry("no-clobber", "ignored"), Map.entry("no-host-directories", "ignored"), Map.entry("no-parent", "ignored"));
    private static final String SHORT_WITH_ARG = "OoPYUTt";
    private static final String SHORT_FLAGS = "cqS";

    boolean continueFile;
    boolean quiet;
    boolean serverResponse;
    boolean spider;
    String outFile;
    String logFile;
    String dirPrefix;
    String userAgent = "Wget";
    /** -T: alpine's default network read timeout is 900 s. */
    int timeoutSeconds = 900;
    String postData;
    String postFile;
    final List<String> headers = new ArrayList<>();
    final List<String> urls = new ArrayList<>();
    String error;
    String fatal;

    static WgetOptions parse(List<String> args) {
        WgetOptions o = new WgetOptions();
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
                error = prefixed.isEmpty() ? Getopt.MUSL.unrecognizedLong(a) : Getopt.MUSL.ambiguous(a);
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
                error = Getopt.MUSL.longRequiresArgument(name);
                return i;
            }
        } else if (eq >= 0) {
            error = Getopt.MUSL.longTakesNoArgument(name);
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
            } else if (c == 'n') {
                return i; // -n[ARG]: -nv, -nc, -nH, -np, all ignored
            } else if (SHORT_WITH_ARG.indexOf(c) >= 0) {
                String value;
                if (k + 1 < a.length()) {
                    value = a.substring(k + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    error = Getopt.MUSL.requiresArgument(c);
                    return i;
                }
                apply(String.valueOf(c), value);
                return i;
            } else {
                error = Getopt.MUSL.invalid(c);
                return i;
            }
        }
        return i;
    }

    private void apply(String key, String value) {
        switch (key) {
            case "c" -> continueFile = true;
            case "q" -> quiet = true;
            case "S" -> serverResponse = true;
            case "O" -> outFile = value;
            case "o" -> logFile = value;
            case "P" -> dirPrefix = value;
            case "U" -> userAgent = value;
            case "T" -> timeoutSeconds = seconds(value);
            case "header" -> headers.add(value);
            case "post-data" -> postData = value;
            case "post-file" -> postFile = value;
            case "spider" -> spider = true;
            default -> {
                // -Y (no proxy is set in a container's environment), -t and the options BusyBox
                // accepts for GNU wget's sake are ignored by BusyBox too; --no-check-certificate is for https
            }
        }
    }

    /** getopt32's "T:+": xatou, whose error ends the run. */
    private int seconds(String value) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() < 10) {
            return Integer.parseInt(value);
        }
        if (fatal == null) {
            fatal = "invalid number '" + value + "'";
        }
        return timeoutSeconds;
    }
}
