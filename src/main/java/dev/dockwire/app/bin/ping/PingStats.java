package dev.dockwire.app.bin.ping;

/**
 * A run's tally as the statistics block prints it: requests sent, distinct replies, duplicates,
 * ICMP errors (iputils' {@code +N errors}), round-trip times in nanoseconds, and how long the run took.
 */
public record PingStats(int transmitted, int received, int duplicates, int errors, long rttMinNanos, long rttMaxNanos,
                        long rttSumNanos, double rttSumSquaresMs, long elapsedNanos) {

    /** Loss in whole percent, rounded down, as both families print it. */
    public int lossPercent() {
        return transmitted == 0 ? 0 : (int) ((transmitted - (long) received) * 100 / transmitted);
    }
}
