package dev.dockwire.run;

import java.util.Arrays;
import java.util.Locale;

/**
 * A summary of latency samples by the nearest-rank method: the p-th percentile is the smallest
 * sample at or above p% of them, so every figure printed is one that was measured.
 */
final class Percentiles {
    private Percentiles() {
    }

    /** {@code ping rtt: 10 samples, p50 100.1 ms, p90 104.9 ms, p99 105.3 ms, max 105.3 ms}. */
    static String summary(String metric, long[] nanos) {
        long[] v = nanos.clone();
        Arrays.sort(v);
        return String.format(Locale.ROOT, "%s: %d sample%s, p50 %s, p90 %s, p99 %s, max %s", metric, v.length,
                v.length == 1 ? "" : "s", ms(rank(v, 50)), ms(rank(v, 90)), ms(rank(v, 99)), ms(v[v.length - 1]));
    }

    static long rank(long[] sorted, int p) {
        int n = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, n - 1)];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
