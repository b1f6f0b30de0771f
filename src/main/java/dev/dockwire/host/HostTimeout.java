package dev.dockwire.host;

import dev.dockwire.tools.CommandResult;
import java.util.List;

/**
 * GNU coreutils' {@code timeout [-s SIG] [-k DURATION] [--preserve-status] [--foreground] [-v]
 * DURATION COMMAND [ARG]...}'s command line (src/timeout.c, coreutils 9): the duration in seconds
 * with an optional {@code s}, {@code m}, {@code h} or {@code d} suffix, its errors with status 125
 * (a missing operand is only usage's "Try" line), and
 * the status it returns when the time ran out (124, or with {@code --preserve-status} the
 * command's own).
 */
record HostTimeout(long nanos, boolean preserveStatus, List<String> command) {
    /** timeout's status when the command had to be signalled. */
    static final int TIMED_OUT = 124;
    private static final String TRY = "Try 'timeout --help' for more information.";

    /** The parsed command line, or the refusal in {@code refused[0]}. */
    static HostTimeout parse(List<String> args, CommandResult[] refused) {
        boolean preserve = false;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.equals("--preserve-status")) {
                preserve = true;
            } else if (a.equals("-s") || a.equals("--signal") || a.equals("-k") || a.equals("--kill-after")) {
                i++; // tcpdump and conntrack end alike on TERM, INT and HUP; a KILL after them is never needed
            } else if (!(a.startsWith("--signal=") || a.startsWith("--kill-after=") || a.equals("--foreground")
                    || a.equals("-v") || a.equals("--verbose") || a.startsWith("-s") || a.startsWith("-k"))) {
                refused[0] = new CommandResult(125, List.of("timeout: unrecognized option '" + a + "'", TRY));
                return null;
            }
            i++;
        }
        if (i >= args.size()) {
            refused[0] = CommandResult.fail(125, TRY);
            return null;
        }
        long nanos = duration(args.get(i));
        if (nanos < 0) {
            refused[0] = new CommandResult(125, List.of("timeout: invalid time interval '" + args.get(i) + "'", TRY));
            return null;
        }
        if (i + 1 >= args.size()) {
            refused[0] = CommandResult.fail(125, TRY);
            return null;
        }
        return new HostTimeout(nanos, preserve, args.subList(i + 1, args.size()));
    }

    /** parse_duration: a non-negative number and an optional unit; -1 when it is not one. */
    static long duration(String s) {
        double unit = 1;
        String n = s;
        if (!s.isEmpty() && "smhd".indexOf(s.charAt(s.length() - 1)) >= 0) {
            unit = switch (s.charAt(s.length() - 1)) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> 1;
            };
            n = s.substring(0, s.length() - 1);
        }
        try {
            double v = Double.parseDouble(n);
            return v < 0 || Double.isNaN(v) || n.isEmpty() || !Character.isDigit(n.charAt(n.length() - 1)) && !n.endsWith(".")
                    ? -1 : (long) (v * unit * 1e9);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
