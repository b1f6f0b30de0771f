package dev.dockwire.app.dns;

import dev.dockwire.app.Timer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The bound on a resolver's queries in flight upstream: libnetwork's {@code fwdSem}, a
 * {@code semaphore.Weighted} of {@link #MAX_CONCURRENT} slots (moby {@code libnetwork/resolver.go},
 * {@code forwardExtDNS}). A forward holds one slot per upstream exchange (one socket); a forward that
 * finds none free waits up to {@link EmbeddedResolver#UPSTREAM_TIMEOUT_NANOS} (the Acquire's
 * {@code extIOTimeout} deadline) and is then refused — the client gets REFUSED and the daemon logs
 * {@code [resolver] more than 1024 concurrent queries}, at most once per {@link #LOG_INTERVAL_NANOS}
 * ({@code rate.Sometimes{Interval: logInterval}}).
 *
 * <p>Go parks each waiter in a goroutine of its own; here waiters are queue entries, so their number
 * is bounded too: past {@link #MAX_WAITING} a forward is refused at once, as if its deadline had
 * passed (a 100,000 queries/s burst would otherwise queue 400,000 entries within the 4 s).
 */
final class ForwardSlots {
    /** libnetwork's {@code maxConcurrent}. */
    static final int MAX_CONCURRENT = 1024;
    /** libnetwork's {@code logInterval}. */
    static final long LOG_INTERVAL_NANOS = 2_000_000_000L;
    /** dockwire's bound on forwards waiting for a slot (Go's goroutines have none; a heap does). */
    static final int MAX_WAITING = MAX_CONCURRENT;

    /** A forward's turn: {@code granted} when it holds a slot, {@code refused} when it gave up waiting. */
    private record Waiter(Runnable granted, Runnable refused, Timer[] deadline) {
    }

    private final Scheduler scheduler;
    private final long waitNanos;
    private final Consumer<String> log;
    private final Deque<Waiter> waiting = new ArrayDeque<>(1); // one per resolver: most never wait
    private int held;
    private boolean logged;

    /**
     * @param waitNanos how long a forward waits for a slot
     * @param log where the daemon's error line goes
     */
    ForwardSlots(Scheduler scheduler, long waitNanos, Consumer<String> log) {
        this.scheduler = scheduler;
        this.waitNanos = waitNanos;
        this.log = log;
    }

    /** Runs {@code granted} holding a slot (now, or when one frees within the wait), else {@code refused}. */
    void acquire(Runnable granted, Runnable refused) {
        if (held < MAX_CONCURRENT && waiting.isEmpty()) {
            held++;
            granted.run();
            return;
        }
        if (waiting.size() >= MAX_WAITING) {
            refuse(refused);
            return;
        }
        Waiter w = new Waiter(granted, refused, new Timer[1]);
        waiting.addLast(w);
        w.deadline()[0] = scheduler.schedule(waitNanos, () -> {
            if (waiting.remove(w)) {
                refuse(refused);
            }
        });
    }

    /** Gives a slot back: the longest waiter takes it. */
    void release() {
        Waiter w = waiting.pollFirst();
        if (w == null) {
            held--;
            return;
        }
        w.deadline()[0].cancel();
        w.granted().run();
    }

    /** Slots held now. */
    int held() {
        return held;
    }

    /** Forwards waiting for a slot now. */
    int waiting() {
        return waiting.size();
    }

    private void refuse(Runnable refused) {
        if (!logged) {
            logged = true;
            log.accept("[resolver] more than " + MAX_CONCURRENT + " concurrent queries");
            scheduler.schedule(LOG_INTERVAL_NANOS, () -> logged = false);
        }
        refused.run();
    }
}
