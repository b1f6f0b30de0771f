package dev.dockwire.docker.engine;

import java.util.Locale;

/**
 * {@code df -B SIZE}: the unit sizes are shown in, its column's header and, in GNU's df, the suffix
 * each size carries when SIZE named a unit without a number ({@code -B M}: {@code 258020M}).
 * GNU reads SIZE as gnulib's human_options/xstrtoumax do (K M G T P E in powers of 1024, with
 * {@code B} in powers of 1000, {@code KiB} 1024) and heads the column as df.c's get_header does:
 * the size in the base that divides it more exactly, {@code B} after a power of 1000 or a bare
 * count ({@code 1K-blocks}, {@code 1kB-blocks}, {@code 512B-blocks}). BusyBox reads it with
 * xatoul_sfx (k K m M g G; KB MB GB in powers of 1000) and heads it with
 * make_human_readable_str, no fraction ({@code 4K-blocks}, {@code 977K-blocks}, {@code 1000-blocks}).
 */
record BlockSize(long bytes, String header, String suffix) {
    private static final String UNITS = "KMGTPE";

    /** SIZE as {@code busybox}'s or GNU's df reads it; null when it reads no size (GNU: also 0). */
    static BlockSize parse(boolean busybox, String size) {
        int i = 0;
        while (i < size.length() && Character.isDigit(size.charAt(i))) {
            i++;
        }
        String digits = size.substring(0, i);
        String unit = size.substring(i);
        if (digits.length() > 15) {
            return null;
        }
        long n = digits.isEmpty() ? 1 : Long.parseLong(digits);
        int power = unit.isEmpty() ? 0 : UNITS.indexOf(Character.toUpperCase(unit.charAt(0))) + 1;
        if (!unit.isEmpty() && power == 0 || digits.isEmpty() && unit.isEmpty()) {
            return null;
        }
        String rest = unit.isEmpty() ? "" : unit.substring(1);
        boolean si = rest.equals("B");
        if (!rest.isEmpty() && !si && !(rest.equals("iB") && !busybox) || busybox && power > 3) {
            return null;
        }
        long bytes = n;
        for (int k = 0; k < power; k++) {
            bytes *= si ? 1000 : 1024;
        }
        if (bytes == 0) {
            return null;
        }
        if (busybox) {
            return new BlockSize(bytes, busyboxHeader(bytes) + "-blocks", "");
        }
        String suffix = digits.isEmpty() ? (si ? (power == 1 ? "k" : String.valueOf(UNITS.charAt(power - 1))) + "B"
                : UNITS.charAt(power - 1) + rest) : "";
        return new BlockSize(bytes, gnuHeader(bytes) + "-blocks", suffix);
    }

    /** df.c get_header: the base dividing the size longer wins; in 1000s (or neither) with a B, as human_readable autoscales it. */
    private static String gnuHeader(long size) {
        long q1000 = size;
        long q1024 = size;
        boolean by1000;
        boolean by1024;
        do {
            by1000 = q1000 % 1000 == 0;
            q1000 /= 1000;
            by1024 = q1024 % 1024 == 0;
            q1024 /= 1024;
        } while (by1000 && by1024);
        boolean base1024 = by1024 && !by1000;
        return autoscale(size, base1024 ? 1024 : 1000, base1024 ? "" : "B");
    }

    private static String autoscale(long size, long base, String b) {
        int power = 0;
        double v = size;
        while (v >= base && power < UNITS.length()) {
            v /= base;
            power++;
        }
        String prefix = power == 0 ? "" : base == 1000 && power == 1 ? "k" : String.valueOf(UNITS.charAt(power - 1));
        String number = v == Math.rint(v) || v >= 10 ? Long.toString((long) Math.ceil(v - 1e-9))
                : String.format(Locale.ROOT, "%.1f", Math.ceil(v * 10 - 1e-9) / 10);
        return number + prefix + b;
    }

    /** make_human_readable_str(size, 1, 0) without its fraction: below 1024 the count, else the nearest whole unit. */
    private static String busyboxHeader(long size) {
        if (size < 1024) {
            return Long.toString(size);
        }
        int power = 0;
        double v = size;
        while (v >= 1024 && power < UNITS.length()) {
            v /= 1024;
            power++;
        }
        return Math.round(v) + String.valueOf(UNITS.charAt(power - 1));
    }
}
