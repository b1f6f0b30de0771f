package dev.dockwire.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    @Test
    void timersFireInDeadlineOrderAndTiesInSchedulingOrder() {
        EventLoop loop = new EventLoop();
        List<String> order = new ArrayList<>();
        loop.schedule(20, () -> order.add("b@" + loop.nanos()));
        loop.schedule(10, () -> order.add("a@" + loop.nanos()));
        loop.schedule(20, () -> order.add("c@" + loop.nanos()));
        loop.runToCompletion();
        assertEquals(List.of("a@10", "b@20", "c@20"), order);
    }

    @Test
    void aTimerIsLastScheduledOnlyWhileDueNowPendingAndNoTimerCameAfterIt() {
        EventLoop loop = new EventLoop();
        Timeout a = loop.schedule(0, () -> { });
        assertTrue(loop.isLastScheduled(a));
        Timeout b = loop.schedule(0, () -> { });
        assertFalse(loop.isLastScheduled(a), "b came after it");
        assertTrue(loop.isLastScheduled(b));
        b.cancel();
        assertFalse(loop.isLastScheduled(b), "cancelled");
        Timeout later = loop.schedule(5, () -> { });
        assertFalse(loop.isLastScheduled(later), "not due now");
        Timeout c = loop.schedule(0, () -> { });
        loop.runToCompletion();
        assertFalse(loop.isLastScheduled(c), "it ran");
    }

    @Test
    void cancelledTimersNeverRun() {
        EventLoop loop = new EventLoop();
        List<String> ran = new ArrayList<>();
        Timeout t = loop.schedule(5, () -> ran.add("x"));
        t.cancel();
        loop.runToCompletion();
        assertTrue(ran.isEmpty());
        assertFalse(loop.hasPendingTimers());
    }

    @Test
    void runUntilTimeStopsAtTheDeadlineAndAdvancesTheClock() {
        EventLoop loop = new EventLoop();
        List<Long> ran = new ArrayList<>();
        loop.schedule(100, () -> ran.add(loop.nanos()));
        loop.schedule(300, () -> ran.add(loop.nanos()));
        loop.runUntilTime(200);
        assertEquals(List.of(100L), ran);
        assertEquals(200, loop.nanos());
        loop.runFor(100);
        assertEquals(List.of(100L, 300L), ran);
    }

    @Test
    void agentsRunUntilIdleBeforeTimeMoves() {
        EventLoop loop = new EventLoop();
        int[] pending = {3};
        List<Long> seenAt = new ArrayList<>();
        loop.addAgent(() -> {
            if (pending[0] == 0) {
                return 0;
            }
            pending[0]--;
            seenAt.add(loop.nanos());
            return 1;
        });
        loop.schedule(50, () -> pending[0] = 2);
        loop.runToCompletion();
        assertEquals(List.of(0L, 0L, 0L, 50L, 50L), seenAt);
    }

    @Test
    void negativeDelaysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EventLoop().schedule(-1, () -> { }));
    }

    @Test
    void seededRandomRepeats() {
        SeededRandom a = new SeededRandom(9);
        SeededRandom b = new SeededRandom(9);
        assertEquals(a.nextHex(64), b.nextHex(64));
        assertEquals(a.nextInt(1000), b.nextInt(1000));
        assertTrue(a.nextHex(7).matches("[0-9a-f]{7}"));
    }

    @Test
    void wallPacingWaitsForTheWallClock() {
        EventLoop loop = new EventLoop(Pacing.WALL);
        long[] firedAfter = new long[1];
        long start = System.nanoTime();
        loop.schedule(30_000_000L, () -> firedAfter[0] = System.nanoTime() - start);
        loop.runToCompletion();
        long wall = System.nanoTime() - start;
        assertTrue(firedAfter[0] >= 25_000_000L, "fired after " + firedAfter[0] + " ns of wall time");
        // At its deadline, or later when the machine woke the thread late: the clock is the wall's then.
        assertTrue(loop.nanos() >= 30_000_000L && loop.nanos() <= wall, "clock at " + loop.nanos() + ", wall " + wall);
    }

    @Test
    void wallPacingWakesForPostedEventsAndFollowsTheWallClock() throws Exception {
        EventLoop loop = new EventLoop(Pacing.WALL);
        List<String> order = new java.util.ArrayList<>();
        loop.schedule(5_000_000_000L, () -> order.add("timer"));
        Thread poster = new Thread(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop.post(() -> order.add("posted at " + (loop.nanos() > 0)));
        });
        long start = System.nanoTime();
        poster.start();
        loop.runUntil(() -> !order.isEmpty());
        poster.join();
        assertEquals(List.of("posted at true"), order);
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "woke for the post, not the timer");
        assertTrue(loop.nanos() >= 15_000_000L && loop.nanos() < 2_000_000_000L, "clock at " + loop.nanos());
    }

    @Test
    void aHoldKeepsTheLoopWaitingForPostsWithNoTimerLeft() throws Exception {
        EventLoop loop = new EventLoop(Pacing.WALL);
        boolean[] done = new boolean[1];
        loop.hold();
        Thread poster = new Thread(() -> loop.post(() -> {
            done[0] = true;
            loop.release();
        }));
        poster.start();
        loop.runUntil(() -> done[0]);
        poster.join();
        assertTrue(done[0]);
        loop.runToCompletion(); // released: nothing left, returns
        assertThrows(IllegalStateException.class, loop::release);
    }
}
