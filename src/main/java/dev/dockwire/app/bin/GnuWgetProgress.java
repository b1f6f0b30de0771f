package dev.dockwire.app.bin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GNU Wget's texts of numbers (src/progress.c's dot meter, the default when stderr is not a
 * terminal as under {@code docker exec} without {@code -t}; src/utils.c human_readable,
 * src/retr.c calc_rate and retr_rate): one dot per KiB, ten to a cluster, fifty to a row that
 * begins with the row's offset in K and ends with the percentage, the speed and the ETA; the last
 * row padded, {@code =TIME} in place of the ETA.
 */
final class GnuWgetProgress {
    private static final int DOT_BYTES = 1024;
    private static final int DOTS_PER_LINE = 50;
    private static final int DOT_SPACING = 10;

    private GnuWgetProgress() {
    }

    /**
     * The meter's lines for a body of {@code bytes} of {@code total} (-1: no Content-Length)
     * read in {@code seconds}; each full row's speed and ETA computed as for an even rate.
     */
    static List<String> dots(long bytes, long total, double seconds) {
        List<String> lines = new ArrayList<>();
        long rowBytes = (long) DOT_BYTES * DOTS_PER_LINE;
        long rows = bytes / rowBytes;
        double perByte = bytes == 0 ? 0 : seconds / bytes;
        for (long r = 0; r < rows; r++) {
            StringBuilder sb = new StringBuilder(String.format("%6dK", r * rowBytes / 1024));
            for (int d = 0; d < DOTS_PER_LINE; d++) {
                sb.append(d % DOT_SPACING == 0 ? " ." : ".");
            }
            long done = (r + 1) * rowBytes;
            appendPercent(sb, done, total);
            sb.append(speed(rowBytes, perByte * rowBytes));
            double eta = total > 0 ? perByte * (total - done) : 0;
            if (total > 0) {
                sb.append(' ').append(etaShort((long) (eta + 0.5)));
            }
            lines.add(sb.toString());
        }
        long rest = bytes - rows * rowBytes;
        StringBuilder sb = new StringBuilder(String.format("%6dK", rows * rowBytes / 1024));
        int full = (int) (rest / DOT_BYTES);
        for (int d = 0; d < DOTS_PER_LINE; d++) {
            if (d % DOT_SPACING == 0) {
                sb.append(' ');
            }
            sb.append(d < full ? '.' : ' ');
        }
        appendPercent(sb, bytes, total);
        sb.append(speed(rest, perByte * rest));
        sb.append('=').append(seconds >= 10 ? etaShort((long) (seconds + 0.5)) : decimal(seconds) + "s");
        lines.add(sb.toString());
        return lines;
    }

    private static void appendPercent(StringBuilder sb, long done, long total) {
        if (total > 0) {
            sb.append(String.format("%3d%%", (int) (100.0 * done / total)));
        }
    }

    /** print_download_speed: " %4.*f%c" of calc_rate in K, M, G per second (1024-based). */
    private static String speed(long bytes, double seconds) {
        double[] rate = rate(bytes, seconds);
        double r = rate[0];
        int digits = r >= 99.95 ? 0 : r >= 9.995 ? 1 : 2;
        return String.format(Locale.ROOT, " %4." + digits + "f%s", r, "BKMGT".substring((int) rate[1], (int) rate[1] + 1).replace("B", ""));
    }

    /** calc_rate: bytes per second scaled to {value, unit index} (0 B, 1 K, 2 M, 3 G, 4 T); an instant counts as half the timer's resolution (1 ns). */
    static double[] rate(long bytes, double seconds) {
        double secs = seconds == 0 ? 0.5e-9 : seconds;
        double r = bytes / secs;
        int unit = 0;
        while (r >= 1024 && unit < 4) {
            r /= 1024;
            unit++;
        }
        return new double[] {r, unit};
    }

    /** retr_rate: the summary's {@code 30.2 MB/s}. */
    static String summaryRate(long bytes, double seconds) {
        double[] rate = rate(bytes, seconds);
        double r = rate[0];
        int digits = r >= 99.95 ? 0 : r >= 9.995 ? 1 : 2;
        return String.format(Locale.ROOT, "%." + digits + "f %s", r, new String[] {"B/s", "KB/s", "MB/s", "GB/s", "TB/s"}[(int) rate[1]]);
    }

    /** eta_to_human_short, condensed: {@code 5s}, {@code 3m5s}, {@code 2h5m}, {@code 4d2h}. */
    static String etaShort(long secs) {
        if (secs < 100) {
            return secs + "s";
        }
        if (secs < 100 * 60) {
            return secs / 60 + "m" + secs % 60 + "s";
        }
        if (secs < 48 * 3600) {
            return secs / 3600 + "h" + secs / 60 % 60 + "m";
        }
        return secs / 86400 + "d" + secs / 3600 % 24 + "h";
    }

    /** print_decimal (progress.c): 10, 1.5, 0.3, 0.001, else 0. */
    static String decimal(double n) {
        if (n >= 9.95) {
            return String.format(Locale.ROOT, "%.0f", n);
        } else if (n >= 0.95) {
            return String.format(Locale.ROOT, "%.1f", n);
        } else if (n >= 0.001) {
            return String.format(Locale.ROOT, "%.1g", n);
        } else if (n >= 0.0005) {
            return String.format(Locale.ROOT, "%.3f", n);
        }
        return "0";
    }

    /** human_readable (utils.c) for {@code Length: 3000 (2.9K)}: one decimal under 10, else none; null under 1K. */
    static String human(long n) {
        if (n < 1024) {
            return null;
        }
        String powers = "KMGTPE";
        double v = n;
        int i = -1;
        do {
            v /= 1024;
            i++;
        } while (v >= 1024 && i < powers.length() - 1);
        return (v < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v)) + powers.charAt(i);
    }
}
