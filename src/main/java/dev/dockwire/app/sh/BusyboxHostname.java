package dev.dockwire.app.sh;

import java.util.List;

/**
 * BusyBox's {@code hostname [-d|-f|-i|-s]} (networking/hostname.c) for a container whose
 * hostname is {@code hostname}: without options the name; {@code -d}, {@code -f} and {@code -i}
 * resolve it (xgethostbyname) from {@code /etc/hosts}, the first line naming it, whose first name
 * is the canonical one: {@code -f} prints it, {@code -d} what follows its first dot (nothing
 * without one), {@code -s} what precedes it, {@code -i} the line's address. A name no line holds
 * is BusyBox's lookup failure.
 */
public final class BusyboxHostname {
    private BusyboxHostname() {
    }

    /** What the applet prints: status, standard output and standard error. */
    public record Result(int status, List<String> out, List<String> err) {
    }

    /** Runs {@code hostname args}; {@code hosts} is the container's /etc/hosts (null: none). */
    public static Result run(List<String> args, String hostname, String hosts) {
        boolean d = has(args, 'd');
        boolean f = has(args, 'f');
        boolean i = has(args, 'i');
        boolean s = has(args, 's');
        if (!d && !f && !i) {
            return new Result(0, List.of(s ? hostname.split("\\.", 2)[0] : hostname), List.of());
        }
        for (String line : hosts == null ? List.<String>of() : hosts.lines().toList()) {
            List<String> words = List.of(line.trim().split("\\s+"));
            if (words.size() > 1 && !words.get(0).startsWith("#") && words.subList(1, words.size()).contains(hostname)) {
                String canonical = words.get(1);
                int dot = canonical.indexOf('.');
                if (f) {
                    return new Result(0, List.of(canonical), List.of());
                }
                if (s) {
                    return new Result(0, List.of(dot < 0 ? canonical : canonical.substring(0, dot)), List.of());
                }
                if (d) {
                    return new Result(0, dot < 0 ? List.of() : List.of(canonical.substring(dot + 1)), List.of());
                }
                return new Result(0, List.of(words.get(0)), List.of());
            }
        }
        return new Result(1, List.of(), List.of("hostname: " + hostname + ": Host name lookup failure"));
    }

    /** Whether option {@code c} is among the clustered short options ({@code -f}, {@code -fd}). */
    private static boolean has(List<String> args, char c) {
        return args.stream().anyMatch(a -> a.startsWith("-") && !a.startsWith("--") && a.indexOf(c) > 0);
    }
}
