package dev.dockwire.app.iperf;

import java.util.Locale;

/**
 * Numbers as iperf3 reads and prints them: {@code -b 10M} / {@code -n 1G} (src/units.c
 * unit_atof, K/M/G times 1024 for sizes, 1000 for rates), and unit_snprintf's four-place figures
 * with a suffix ({@code 1.19 MBytes} in powers of 1024, {@code 10.0 Mbits} in powers of 1000).
 */
final class Iperf3Units {
    private static final String[] BYTES = {"Byte", "KByte", "MByte", "GByte", "TByte"};
    private static final String[] BITS = {"bit", "Kbit", "Mbit", "Gbit", "Tbit"};

    private Iperf3Units() {
    }

    /** unit_atof (sizes, base 1024) or unit_atof_rate (base 1000): {@code 128K}, {@code 10M}, {@code 1.5G}. */
    static long parse(String text, int base) {
        char last = Character.toUpperCase(text.charAt(text.length() - 1));
        int power = "KMGT".indexOf(last) + 1;
        double n = Double.parseDouble(power > 0 ? text.substring(0, text.length() - 1) : text);
        return (long) (n * Math.pow(base, power));
    }

    /** unit_snprintf with format 'A': {@code bytes} as {@code 1.19 MByte} (the caller appends the {@code s}). */
    static String bytes(double bytes) {
        return scaled(bytes, 1024, BYTES);
    }

    /** unit_snprintf with format 'a': bits per second as {@code 10.0 Mbit}. */
    static String bits(double bitsPerSecond) {
        return scaled(bitsPerSecond, 1000, BITS);
    }

    private static String scaled(double n, int base, String[] labels) {
        int conv = 0;
        while (n >= base && conv < labels.length - 1) {
            n /= base;
            conv++;
        }
        // "print such that we always fit in 4 places"
        String format = n < 0.9995 ? "%4.3f %s" : n < 9.995 ? "%4.2f %s" : n < 99.95 ? "%4.1f %s" : "%4.0f %s";
        return String.format(Locale.ROOT, format, n, labels[conv]);
    }
}
