package dev.dockwire.app.sh;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The columns of {@code ls -l} that GNU coreutils' ls.c and BusyBox's ls.c print alike or each its
 * own way (the mode string, -h sizes, the time: month day and hour:minute within six months, else
 * the year), for the container's {@link Ls} and the host's own ls; UTC in the C locale.
 */
public final class LsFormat {
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** GNU ls.c: half of a Gregorian year, in milliseconds. */
    private static final long GNU_SIX_MONTHS = 31_556_952_000L / 2;
    /** BusyBox ls.c: {@code 3600L * 24 * 365 / 2} seconds. */
    private static final long BUSYBOX_SIX_MONTHS = 3600L * 24 * 365 / 2 * 1000;
    /** BusyBox ls.c: a time up to 15 minutes ahead still counts as recent. */
    private static final long BUSYBOX_AHEAD = 15 * 60 * 1000L;

    private LsFormat() {
    }

    /** GNU print_long_format's time: recent when not in the future and less than six months old. */
    public static String gnuTime(long mtimeMillis, long nowMillis) {
        boolean recent = mtimeMillis <= nowMillis && nowMillis - mtimeMillis < GNU_SIX_MONTHS;
        return (recent ? RECENT : OLD).format(Instant.ofEpochMilli(mtimeMillis));
    }

    /** BusyBox display_single's time: recent within six months back and fifteen minutes ahead. */
    public static String busyboxTime(long mtimeMillis, long nowMillis) {
        long age = nowMillis - mtimeMillis;
        boolean recent = age < BUSYBOX_SIX_MONTHS && age > -BUSYBOX_AHEAD;
        return (recent ? RECENT : OLD).format(Instant.ofEpochMilli(mtimeMillis));
    }

    /** bb_mode_string: the type letter, then rwx for owner, group, others with setuid/setgid/sticky folded in. */
    public static String mode(int mode) {
        StringBuilder m = new StringBuilder();
        int type = mode & 0170000;
        m.append(switch (type) {
            case Commands.Stat.DIRECTORY -> 'd';
            case Commands.Stat.SYMLINK -> 'l';
            case Commands.Stat.CHAR_DEVICE -> 'c';
            case Commands.Stat.BLOCK_DEVICE -> 'b';
            default -> '-';
        });
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = mode >> shift & 7;
            m.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-');
            boolean x = (bits & 1) != 0;
            int special = shift == 6 ? 04000 : shift == 3 ? 02000 : 01000;
            char on = shift == 0 ? 't' : 's';
            m.append((mode & special) != 0 ? (x ? on : Character.toUpperCase(on)) : x ? 'x' : '-');
        }
        return m.toString();
    }

    /**
     * libbb's make_human_readable_str(val, 1, 0) (sizes: one decimal once a unit is reached, the
     * last division's remainder rounded) or (val, 0, 0) ({@code total}: no decimal, rounded).
     */
    public static String busyboxHuman(long bytes, boolean decimal) {
        if (bytes == 0) {
            return "0";
        }
        String units = " KMGTPE";
        long val = bytes;
        int u = 0;
        int frac = 0;
        while (val >= 1024) {
            u++;
            frac = (int) (((val % 1024) * 10 + 1024 / 2) / 1024);
            val /= 1024;
        }
        if (frac >= 10) {
            val++;
            frac = 0;
        }
        if (!decimal) {
            return (frac >= 5 ? val + 1 : val) + String.valueOf(units.charAt(u)).strip();
        }
        return u == 0 ? Long.toString(val) : val + "." + frac + units.charAt(u);
    }

    /** gnulib's human_readable with -h: powers of 1024, one decimal below 10, rounded up ({@code 4.0K}, {@code 121K}). */
    public static String gnuHuman(long bytes) {
        if (bytes < 1024) {
            return Long.toString(bytes);
        }
        String units = "KMGTPE";
        int u = -1;
        long whole = bytes;
        long rest = 0;
        long base = 1;
        while (whole >= 1024 && u < units.length() - 1) {
            base *= 1024;
            whole = bytes / base;
            rest = bytes % base;
            u++;
        }
        if (whole < 10) {
            long tenths = (rest * 10 + base - 1) / base; // rounded up
            if (tenths == 10) {
                whole++;
                tenths = 0;
            }
            if (whole < 10) {
                return whole + "." + tenths + units.charAt(u);
            }
        } else if (rest > 0) {
            whole++;
        }
        if (whole == 1024 && u < units.length() - 1) {
            return "1.0" + units.charAt(u + 1);
        }
        return whole + "" + units.charAt(u);
    }
}
