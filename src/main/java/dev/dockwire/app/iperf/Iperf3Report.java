package dev.dockwire.app.iperf;

import java.util.Locale;

/**
 * iperf3's report lines (src/iperf_locale.c) for stream 5: the headers, the per-interval and
 * summary lines for TCP (the form without Retr and Cwnd, which iperf3 prints where TCP_INFO is
 * unavailable, as it is through this socket API) and for UDP (jitter and lost/total datagrams).
 */
final class Iperf3Report {
    static final String SEPARATOR = "- - - - - - - - - - - - - - - - - - - - - - - - -";
    static final String TCP_HEADER = "[ ID] Interval           Transfer     Bitrate";
    static final String UDP_HEADER = "[ ID] Interval           Transfer     Bitrate         Jitter    Lost/Total Datagrams";
    static final String UDP_SENDER_HEADER = "[ ID] Interval           Transfer     Bitrate         Total Datagrams";
    static final int STREAM_ID = 5;

    private Iperf3Report() {
    }

    /** report_bw_format: {@code [  5]   0.00-1.00   sec  1.19 MBytes  10.0 Mbits/sec                  sender}. */
    static String tcp(double from, double to, long bytes, String role) {
        return start(from, to, bytes) + "                  " + role;
    }

    /** report_bw_udp_sender_format: the sender's interval line with its datagram count. */
    static String udpSender(double from, double to, long bytes, long packets) {
        return start(from, to, bytes) + "  " + packets + "  ";
    }

    /** report_bw_udp_format: {@code ...  0.012 ms  3/906 (0.33%)  receiver}. */
    static String udp(double from, double to, long bytes, double jitterSecs, long lost, long total, String role) {
        double pct = total == 0 ? 0 : 100.0 * lost / total;
        return start(from, to, bytes) + String.format(Locale.ROOT, "  %5.3f ms  %d/%d (%s%%)  %s", jitterSecs * 1000, lost,
                total, percent(pct), role);
    }

    /** {@code %.2g} as C prints it: {@code 0}, {@code 0.33}, {@code 10}, {@code 9.8}. */
    static String percent(double v) {
        if (v == 0) {
            return "0";
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(2));
        return d.stripTrailingZeros().toPlainString();
    }

    private static String start(double from, double to, long bytes) {
        double secs = to - from;
        return String.format(Locale.ROOT, "[%3d] %6.2f-%-6.2f sec  %ss  %ss/sec", STREAM_ID, from, to, Iperf3Units.bytes(bytes),
                Iperf3Units.bits(secs > 0 ? bytes * 8 / secs : 0));
    }
}
