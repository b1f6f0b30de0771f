package dev.dockwire.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** libnetwork's fwdSem on a virtual clock: 1024 slots, a FIFO of waiters refused after 4 s, one log line per 2 s. */
class ForwardSlotsTest {
    private static final long SECOND = 1_000_000_000L;
    private final EventLoop clock = new EventLoop();
    private final List<String> log = new ArrayList<>();
    private final ForwardSlots slots = new ForwardSlots((d, t) -> clock.schedule(d, t)::cancel, 4 * SECOND, log::add);
    private int granted;
    private int refused;

    private void forward() {
        slots.acquire(() -> granted++, () -> refused++);
    }

    @Test
    void pastTheBoundQueriesWaitThenAreRefusedAfterFourSeconds() {
        for (int i = 0; i < ForwardSlots.MAX_CONCURRENT + 10; i++) {
            forward();
        }
        assertEquals(1024, granted);
        assertEquals(1024, slots.held());
        assertEquals(10, slots.waiting());
        clock.runFor(4 * SECOND - 1);
        assertEquals(0, refused, "still waiting just before the deadline");
        slots.release();
        assertEquals(1025, granted, "a freed slot goes to the longest waiter");
        assertEquals(1024, slots.held());
        clock.runFor(1);
        assertEquals(9, refused);
        assertEquals(List.of("[resolver] more than 1024 concurrent queries"), log, "logged once per interval");
        assertEquals(0, slots.waiting());
    }

    @Test
    void waitersAreBoundedAndTheLogLineRepeatsOnlyEveryTwoSeconds() {
        for (int i = 0; i < ForwardSlots.MAX_CONCURRENT + ForwardSlots.MAX_WAITING + 100; i++) {
            forward();
        }
        assertEquals(1024, slots.held());
        assertEquals(ForwardSlots.MAX_WAITING, slots.waiting());
        assertEquals(100, refused, "refused at once past the waiting bound");
        assertEquals(1, log.size());
        clock.runFor(SECOND);
        forward();
        assertEquals(1, log.size());
        clock.runFor(SECOND);
        forward();
        assertEquals(2, log.size(), "2 s after the first line");
        for (int i = 0; i < 2048; i++) {
            slots.release(); // the first 1024 hand their slots to the waiters
        }
        assertEquals(0, slots.held());
        assertEquals(0, slots.waiting());
        forward();
        assertEquals(1, slots.held(), "free again once the burst is over");
    }
}
