package dev.dockwire.netns.stack;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;

/**
 * A re-armable connection timer like the kernel's {@code sk_reset_timer}/{@code mod_timer}:
 * re-arming only moves a deadline field, and at most one event sits in the loop's queue per
 * timer. When that event fires early (the deadline moved later) it reschedules itself; when the
 * timer was stopped it does nothing. Restarting the retransmission timer on every ACK therefore
 * allocates nothing and does not grow the event queue.
 */
final class TcpTimer {
    private final EventLoop loop;
    private final Runnable action;
    private final Runnable fire = this::fire;
    private long deadline;
    private boolean armed;
    private Timeout scheduled;

    TcpTimer(EventLoop loop, Runnable action) {
        this.loop = loop;
        this.action = action;
    }

    /** Runs the action {@code delayNanos} from now, replacing any earlier arming. */
    void arm(long delayNanos) {
        deadline = loop.nanos() + delayNanos;
        armed = true;
        if (scheduled != null && scheduled.deadline() > deadline) {
            scheduled.cancel();
            scheduled = null;
        }
        if (scheduled == null) {
            scheduled = loop.schedule(delayNanos, fire);
        }
    }

    /** Disarms; a queued event stays and fires as a no-op. */
    void stop() {
        armed = false;
    }

    /** Disarms and cancels the queued event (the connection is gone). */
    void dispose() {
        armed = false;
        if (scheduled != null) {
            scheduled.cancel();
            scheduled = null;
        }
    }

    boolean armed() {
        return armed;
    }

    long deadline() {
        return deadline;
    }

    private void fire() {
        scheduled = null;
        if (!armed) {
            return;
        }
        long now = loop.nanos();
        if (deadline > now) {
            scheduled = loop.schedule(deadline - now, fire);
            return;
        }
        armed = false;
        action.run();
    }
}
