package dev.dockwire.app.bin;

import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.GetoptLong;
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
        GetoptLong.Result r = new GetoptLong(Getopt.MUSL, "cqSO:o:P:Y:U:T:t:n::", LONG).parse(args, (key, value) -> {
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
