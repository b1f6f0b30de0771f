package dev.dockwire.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@link Pacing#WALL} loop's clock against the wall, state by state on a {@link ManualWallClock}:
 * on time, timers run at their own deadlines (within the slack, batched); late (the thread not
 * scheduled, or busy), they run late with the clock at the wall less the slack and the wake-up's
 * grace, as a busy host's timers fire late while its clock goes on; never is the clock further behind.
 */
class WallClockLagTest {
    private static final long MS = 1_000_000L;
    /** LiveHost's slack, 5 ms, and the grace: how far behind the wall a late timer runs. */
    private static final long BOUND = 5 * MS + EventLoop.WAKE_UP_GRACE_NANOS;

    private final ManualWallClock wall = new ManualWallClock();
    private final EventLoop loop = new EventLoop(Pacing.WALL, wall);
    private final List<Long> ran = new ArrayList<>();

    private void at(long virtualMs, Runnable then) {
        loop.schedule(virtualMs * MS, () -> {
            ran.add(loop.nanos());
            then.run();
        });
    }

    private void at(long virtualMs) {
        at(virtualMs, () -> { });
    }

    @Test
    void onTimeEachTimerRunsAtItsDeadlineAndTheSlackBatchesThem() {
        loop.timerSlack(5 * MS);
        at(100);
        at(102);
        at(104);
        at(200);
        loop.runToCompletion();
        assertEquals(List.of(100 * MS, 102 * MS, 104 * MS, 200 * MS), ran);
        assertEquals(List.of(105 * MS, 100 * MS), wall.parks, "two wake-ups, each 5 ms past the first timer's deadline");
    }

    @Test
    void aThreadWokenLateRunsWhatIsDueLateAndTheClockAtTheWall() {
        loop.timerSlack(5 * MS);
        at(100);
        at(101);
        at(300);
        wall.nextPark(145 * MS, () -> { }); // asked for 105 ms, not scheduled until 145
        loop.runToCompletion();
        assertEquals(List.of(145 * MS - BOUND, 145 * MS - BOUND, 300 * MS), ran,
                "the two due at 100 and 101 run late, together; the next on time");
    }

    @Test
    void aTimerWhoseWorkTakesWallTimeMakesTheNextOnesLateNotTheClock() {
        loop.timerSlack(5 * MS);
        at(100, () -> wall.stall(50 * MS)); // 50 ms of the machine's time in one timer
        at(110);
        at(120);
        at(160);
        at(200);
        loop.runToCompletion();
        long wallAfter = 155 * MS;
        assertEquals(List.of(100 * MS, wallAfter - BOUND, wallAfter - BOUND, 160 * MS, 200 * MS), ran);
        assertEquals(List.of(105 * MS, 10 * MS, 40 * MS), wall.parks, "160 and 200 waited for, each with its 5 ms of slack");
    }

    @Test
    void aWithinTheGraceLateWakeUpKeepsEveryDeadline() {
        loop.timerSlack(5 * MS);
        at(100);
        at(103);
        wall.nextPark(105 * MS + EventLoop.WAKE_UP_GRACE_NANOS, () -> { });
        loop.runToCompletion();
        assertEquals(List.of(100 * MS, 103 * MS), ran, "an idle machine's wake-up latency is not lateness");
    }

    @Test
    void anEventPostedWhileTheThreadWasOffTheCpuRunsAtTheWallAndTheDueTimerAfterItLate() {
        loop.timerSlack(5 * MS);
        at(100);
        long[] postedAt = {-1};
        wall.nextPark(150 * MS, () -> loop.post(() -> postedAt[0] = loop.nanos())); // a line typed at 30 ms
        loop.runToCompletion();
        assertEquals(150 * MS - BOUND, postedAt[0], "the event at the wall, not at the timer's deadline it was queued behind");
        assertEquals(List.of(150 * MS - BOUND), ran);
    }

    @Test
    void anEventPostedDuringTheWaitRunsAtTheWallBeforeTheTimer() {
        loop.timerSlack(5 * MS);
        at(100);
        long[] postedAt = {-1};
        wall.nextPark(30 * MS, () -> loop.post(() -> postedAt[0] = loop.nanos()));
        loop.runToCompletion();
        assertEquals(30 * MS, postedAt[0]);
        assertEquals(List.of(100 * MS), ran);
        assertEquals(List.of(105 * MS, 75 * MS), wall.parks, "woken by the post, then the rest of the wait");
    }

    @Test
    void atTenTimesTheWallTheBoundIsOnTheVirtualScale() {
        loop.pace(Pacing.WALL, 10);
        loop.timerSlack(5 * MS);
        at(1000);
        at(1500);
        wall.nextPark(145 * MS, () -> { }); // asked for 100 + 5 ms of wall time, woke 40 ms later
        loop.runToCompletion();
        assertEquals(List.of(1450 * MS - 10 * BOUND, 1500 * MS), ran);
    }

    @Test
    void virtualPacingNeverReadsTheWall() {
        EventLoop virtual = new EventLoop(Pacing.VIRTUAL, wall);
        List<Long> seen = new ArrayList<>();
        virtual.schedule(100 * MS, () -> {
            seen.add(virtual.nanos());
            wall.stall(50 * MS);
        });
        virtual.schedule(110 * MS, () -> seen.add(virtual.nanos()));
        virtual.runToCompletion();
        assertEquals(List.of(100 * MS, 110 * MS), seen, "a batch run's time is the timers'");
        assertEquals(List.of(), wall.parks);
    }
}
