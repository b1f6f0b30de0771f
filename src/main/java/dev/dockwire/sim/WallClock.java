package dev.dockwire.sim;

import java.util.concurrent.locks.LockSupport;

/**
 * The wall clock a {@link Pacing#WALL} loop follows and sleeps on: the machine's monotonic clock
 * ({@link #SYSTEM}), or a test's manual one that moves only when told to (a sleep, a stall of the
 * loop's thread), so the loop's pacing can be tested state by state.
 */
public interface WallClock {
    /** Now, in nanoseconds from an arbitrary origin, never going back (System.nanoTime). */
    long nanoTime();

    /**
     * Sleeps for up to {@code nanos} (Long.MAX_VALUE: until woken); may return early, on
     * {@link LockSupport#unpark} or for no reason, as {@link LockSupport#parkNanos} does.
     */
    void park(Object blocker, long nanos);

    /** System.nanoTime and LockSupport.parkNanos: the only wall-clock reads and sleeps in core code. */
    WallClock SYSTEM = new WallClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void park(Object blocker, long nanos) {
            LockSupport.parkNanos(blocker, nanos);
        }
    };
}
