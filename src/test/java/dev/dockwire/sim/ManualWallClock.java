package dev.dockwire.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A wall clock that moves only when told: a park sleeps its whole length at once (nothing else
 * runs meanwhile), {@link #stall} is the loop's thread kept off the CPU or busy for that long.
 * Records each park's length, so a test sees every wake-up the loop asked for.
 */
final class ManualWallClock implements WallClock {
    private long nanos;
    final List<Long> parks = new ArrayList<>();
    private long nextSleep = -1;
    private Runnable nextDuring;

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void park(Object blocker, long nanos) {
        if (nanos == Long.MAX_VALUE) {
            throw new IllegalStateException("parked for ever: nothing could wake a single-threaded test");
        }
        parks.add(nanos);
        if (nextSleep >= 0) {
            this.nanos += nextSleep;
            nextSleep = -1;
            Runnable during = nextDuring;
            nextDuring = null;
            during.run();
        } else {
            this.nanos += nanos;
        }
    }

    /**
     * The next park sleeps {@code sleptNanos} whatever it asked for (longer: the thread was woken
     * late; shorter: another thread woke it) and {@code during} runs meanwhile (a post from another thread).
     */
    void nextPark(long sleptNanos, Runnable during) {
        nextSleep = sleptNanos;
        nextDuring = during;
    }

    /** The wall clock moves by {@code nanos} while the loop's thread does nothing (a busy machine) or works. */
    void stall(long nanos) {
        this.nanos += nanos;
    }
}
