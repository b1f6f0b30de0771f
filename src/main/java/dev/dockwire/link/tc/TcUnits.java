package dev.dockwire.link.tc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Reading and printing tc's units: times (us, ms, s), rates (bit, kbit, mbit, gbit, bps), sizes (b, kb, kbit), percentages. */
public final class TcUnits {
    private TcUnits() {
    }

    /** A time in nanoseconds: {@code 100ms}, {@code 1.5s}, {@code 250us}; a bare number is microseconds. */
    public static long time(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        double mult;
        String num;
        if (t.endsWith("usec") || t.endsWith("us")) {
            mult = 1e3;
            num = t.substring(0, t.length() - (t.endsWith("usec") ? 4 : 2));
        } else if (t.endsWith("msec") || t.endsWith("ms")) {
            mult = 1e6;
            num = t.substring(0, t.length() - (t.endsWith("msec") ? 4 : 2));
        } else if (t.endsWith("sec") || t.endsWith("s")) {
            mult = 1e9;
            num = t.substring(0, t.length() - (t.endsWith("sec") ? 3 : 1));
        } else if (t.endsWith("ns")) {
            mult = 1;
            num = t.substring(0, t.length() - 2);
        } else {
            mult = 1e3;
            num = t;
        }
        double v = Double.parseDouble(num);
        if (v < 0 || Double.isNaN(v)) {
            throw new NumberFormatException(text);
        }
        return Math.round(v * mult);
    }

    /** A rate in bits per second: {@code 10mbit}, {@code 1Gbit}, {@code 500kbit}, {@code 125kbps} (bytes). */
    public static long rate(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        double unit;
        if (t.endsWith("bps")) {
            unit = 8;
            t = t.substring(0, t.length() - 3);
        } else if (t.endsWith("bit")) {
            unit = 1;
            t = t.substring(0, t.length() - 3);
        } else {
            unit = 1;
        }
        double prefix = 1;
        if (t.endsWith("k")) {
            prefix = 1e3;
        } else if (t.endsWith("m")) {
            prefix = 1e6;
        } else if (t.endsWith("g")) {
            prefix = 1e9;
        }
        if (prefix != 1) {
            t = t.substring(0, t.length() - 1);
        }
        double v = Double.parseDouble(t);
        if (v <= 0) {
            throw new NumberFormatException(text);
        }
        return Math.round(v * prefix * unit);
    }

    /** A size in bytes: {@code 32kbit}, {@code 1500}, {@code 10kb}, {@code 1mb}. */
    public static long size(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        double div = 1;
        if (t.endsWith("bit")) {
            div = 8;
            t = t.substring(0, t.length() - 3);
        } else if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        double prefix = 1;
        if (t.endsWith("k")) {
            prefix = 1024;
        } else if (t.endsWith("m")) {
            prefix = 1024 * 1024;
        } else if (t.endsWith("g")) {
            prefix = 1024 * 1024 * 1024;
        }
        if (prefix != 1) {
            t = t.substring(0, t.length() - 1);
        }
        return Math.round(Double.parseDouble(t) * prefix / div);
    }

    /** A probability from {@code 1%} or {@code 0.5%} (a bare number is a percentage too). */
    public static double percent(String text) {
        String t = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
        double v = Double.parseDouble(t);
        if (v < 0 || v > 100) {
            throw new NumberFormatException(text);
        }
        return v / 100;
    }

    /** As tc prints times: three significant digits, {@code 100ms}, {@code 1.5s}, {@code 250us}. */
    public static String formatTime(long nanos) {
        if (nanos >= 1_000_000_000L) {
            return sig3(nanos / 1e9) + "s";
        } else if (nanos >= 1_000_000L) {
            return sig3(nanos / 1e6) + "ms";
        } else if (nanos >= 1_000L) {
            return sig3(nanos / 1e3) + "us";
        }
        return nanos + "ns";
    }

    /** As tc prints rates: {@code 10Mbit}, {@code 256Kbit}, {@code 1Gbit}. */
    public static String formatRate(long bps) {
        String[] units = {"bit", "Kbit", "Mbit", "Gbit"};
        double r = bps;
        int i = 0;
        while (i < units.length - 1 && r >= 1000 && r % 1000 == 0) {
            r /= 1000;
            i++;
        }
        return sig3(r).replaceAll("\\.0+$", "") + units[i];
    }

    /** As tc prints sizes: {@code 1500b}, {@code 4Kb}, {@code 1Mb}. */
    public static String formatSize(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "Mb";
        } else if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + "Kb";
        }
        return bytes + "b";
    }

    public static String formatPercent(double p) {
        return new BigDecimal(p * 100).round(new MathContext(6)).stripTrailingZeros().toPlainString() + "%";
    }

    private static String sig3(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
