package dev.dockwire.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pacing changed at run time: a script at full speed, then the wall clock at a speed, waiting for events, not polling. */
class WallPacingTest {
    @Test
    void virtualThenWallAtFiftyTimesWithTheIdleHookBeforeEachWait() {
        EventLoop loop = new EventLoop();
        loop.runFor(TimeUnit.HOURS.toNanos(1));
        assertEquals(TimeUnit.HOURS.toNanos(1), loop.nanos(), "virtual: an hour at once");
        AtomicInteger idle = new AtomicInteger();
        loop.onIdle(wait -> idle.incrementAndGet());
        loop.pace(Pacing.WALL, 50);
        long start = System.nanoTime();
        int[] fired = {0};
        loop.schedule(TimeUnit.SECONDS.toNanos(1), () -> fired[0]++);
        loop.runUntil(() -> fired[0] == 1);
        long wall = System.nanoTime() - start;
        assertTrue(wall >= TimeUnit.MILLISECONDS.toNanos(15) && wall < TimeUnit.MILLISECONDS.toNanos(500),
                "a virtual second at 50x takes 20 ms of wall time: " + wall / 1_000_000 + " ms");
        assertTrue(idle.get() >= 1, "the loop flushed before it waited");
    }

    @Test
    void aHeldWallLoopSleepsUntilAnotherThreadPostsAnEvent() throws Exception {
        EventLoop loop = new EventLoop();
        loop.pace(Pacing.WALL, 1);
        loop.hold();
        boolean[] done = {false};
        Thread poster = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop.post(() -> done[0] = true);
        });
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        poster.start();
        loop.runUntil(() -> done[0]);
        poster.join();
        long used = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
        assertTrue(done[0]);
        assertTrue(used < TimeUnit.MILLISECONDS.toNanos(30), "parked, not polling: " + used / 1_000_000 + " ms of CPU");
    }

    @Test
    void theIdleHookRunsOnlyBeforeARealWaitAndHearsItsLength() {
        EventLoop loop = new EventLoop();
        loop.pace(Pacing.WALL, 1);
        java.util.List<Long> waits = new java.util.ArrayList<>();
        loop.onIdle(waits::add);
        int[] fired = {0};
        for (int i = 0; i < 100; i++) {
            loop.schedule(TimeUnit.MILLISECONDS.toNanos(30), () -> fired[0]++); // one instant, one wait
        }
        loop.runToCompletion();
        assertEquals(100, fired[0]);
        assertEquals(1, waits.size(), "one wait before the instant, none between its timers: " + waits);
        assertTrue(waits.get(0) > TimeUnit.MILLISECONDS.toNanos(10) && waits.get(0) <= TimeUnit.MILLISECONDS.toNanos(30),
                "about 30 ms of wall time to wait: " + waits.get(0));
    }

    @Test
    void timerSlackRunsTimersDueCloseTogetherOnOneWakeUpEachAtItsOwnVirtualTime() {
        ManualWallClock wall = new ManualWallClock(); // a real one wakes the loop late on a busy machine
        EventLoop loop = new EventLoop(Pacing.VIRTUAL, wall);
        loop.pace(Pacing.WALL, 1);
        loop.timerSlack(TimeUnit.MILLISECONDS.toNanos(200));
        AtomicInteger waits = new AtomicInteger();
        loop.onIdle(wait -> waits.incrementAndGet());
        java.util.List<Long> at = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            loop.schedule(TimeUnit.MILLISECONDS.toNanos(20 * i), () -> at.add(loop.nanos()));
        }
        loop.runToCompletion();
        assertEquals(java.util.List.of(20_000_000L, 40_000_000L, 60_000_000L, 80_000_000L, 100_000_000L), at,
                "each at its own deadline");
        assertEquals(1, waits.get(), "200 ms of slack: all five on the first wake-up");
        assertEquals(java.util.List.of(220_000_000L), wall.parks, "not before the first deadline's slack");
    }
}
