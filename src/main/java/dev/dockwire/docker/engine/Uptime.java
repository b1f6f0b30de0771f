package dev.dockwire.docker.engine;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.libc.BusyboxUsage;
import dev.dockwire.libc.Getopt;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code uptime} from /proc/uptime and /proc/loadavg, as BusyBox (procps/uptime.c: {@code -s}) and
 * procps-ng 4.0 (uptime.c and sysinfo's print_uptime: {@code -p}, {@code -s}, its users counted
 * {@code 0 user}/{@code 1 user}/{@code 2 users}) print it: the time of day, how long the machine has
 * been up ({@code N min}, {@code H:MM}, days before), the logged-in users (none in a container; the
 * host's terminal is one) and the three load averages. Times of day are UTC, as the containers' TZ.
 */
public final class Uptime {
    private static final String PROCPS_USAGE = "\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n"
            + " -h, --help     display this help and exit\n -s, --since    system up since\n -V, --version  output version information and exit\n\n"
            + "For more details see uptime(1).";

    private Uptime() {
    }

    /**
     * @param procUptime  /proc/uptime's text (seconds up, then idle)
     * @param procLoadavg /proc/loadavg's text
     * @param nowMillis   the wall clock, in milliseconds since the epoch
     * @param users       the logged-in users utmp lists
     */
    public static CommandOutput run(boolean busybox, List<String> args, String procUptime, String procLoadavg, long nowMillis, int users) {
        boolean since = false;
        boolean pretty = false;
        for (String a : args) {
            if (!busybox && a.startsWith("--")) {
                switch (a) {
                    case "--since" -> since = true;
                    case "--pretty" -> pretty = true;
                    case "--help" -> {
                        return CommandOutput.ok(List.of(PROCPS_USAGE.split("\n", -1)));
                    }
                    case "--version" -> {
                        return CommandOutput.ok(List.of("uptime from procps-ng 4.0.2"));
                    }
                    default -> {
                        return refused(Getopt.GLIBC.unrecognizedLong(a.substring(2)));
                    }
                }
                continue;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                continue; // an operand: neither reads any
            }
            for (char ch : a.substring(1).toCharArray()) {
                if (ch == 's') {
                    since = true;
                } else if (!busybox && ch == 'p') {
                    pretty = true;
                } else if (!busybox && ch == 'h') {
                    return CommandOutput.ok(List.of(PROCPS_USAGE.split("\n", -1)));
                } else if (!busybox && ch == 'V') {
                    return CommandOutput.ok(List.of("uptime from procps-ng 4.0.2"));
                } else {
                    return busybox ? busyboxUsage(ch) : refused(Getopt.GLIBC.invalid(ch));
                }
            }
        }
        long up = (long) Double.parseDouble(procUptime.split(" ")[0]);
        ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(ZoneOffset.UTC);
        if (since) {
            ZonedDateTime boot = now.minusSeconds(up);
            return CommandOutput.ok(List.of(String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", boot.getYear(), boot.getMonthValue(),
                    boot.getDayOfMonth(), boot.getHour(), boot.getMinute(), boot.getSecond())));
        }
        if (pretty) {
            return CommandOutput.ok(List.of(pretty(up)));
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, " %02d:%02d:%02d up ", now.getHour(), now.getMinute(), now.getSecond()));
        long days = up / 86_400;
        if (days != 0) {
            sb.append(days).append(days != 1 ? " days, " : " day, ");
        }
        long minutes = up / 60;
        long hours = minutes / 60 % 24;
        minutes %= 60;
        sb.append(hours != 0 ? String.format(Locale.ROOT, "%2d:%02d", hours, minutes) : minutes + " min");
        sb.append(",  ").append(users).append(busybox || users > 1 ? " users" : " user");
        String[] load = procLoadavg.split(" ");
        sb.append(",  load average: ").append(load[0]).append(", ").append(load[1]).append(", ").append(load[2]);
        return CommandOutput.ok(List.of(sb.toString()));
    }

    /** procps' {@code -p}: weeks, days, hours and minutes that are not 0, each with its plural. */
    static String pretty(long seconds) {
        long minutes = seconds / 60 % 60;
        long hours = seconds / 3600 % 24;
        long days = seconds / 86_400 % 7;
        long weeks = seconds / 604_800;
        List<String> parts = new ArrayList<>();
        add(parts, weeks, "week");
        add(parts, days, "day");
        add(parts, hours, "hour");
        if (minutes != 0 || parts.isEmpty()) {
            parts.add(minutes + (minutes == 1 ? " minute" : " minutes"));
        }
        return "up " + String.join(", ", parts);
    }

    private static void add(List<String> parts, long n, String unit) {
        if (n != 0) {
            parts.add(n + " " + unit + (n == 1 ? "" : "s"));
        }
    }

    private static CommandOutput busyboxUsage(char ch) {
        List<String> lines = new ArrayList<>();
        lines.add("uptime: " + Getopt.MUSL.invalid(ch));
        lines.addAll(BusyboxUsage.withBanner("uptime"));
        return CommandOutput.error(1, lines);
    }

    private static CommandOutput refused(String error) {
        List<String> lines = new ArrayList<>();
        lines.add("uptime: " + error);
        lines.addAll(List.of(PROCPS_USAGE.split("\n", -1)));
        return CommandOutput.error(1, lines);
    }
}
