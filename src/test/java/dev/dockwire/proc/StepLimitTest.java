package dev.dockwire.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.Signal;
import dev.dockwire.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A script's step limits as state on the virtual clock: a foreground job that would run for ever
 * is ended with SIGKILL when the limit has passed (even through a client that proxies no signal),
 * one that ends in time is untouched, and what a step prints is cut at {@link BoundedOutput#LIMIT_BYTES}.
 */
class StepLimitTest {
    private final EventLoop loop = new EventLoop();
    private final JobControl jobs = new JobControl(loop);
    private final PidNamespace pids = new PidNamespace(() -> 0, 1);

    /** A process that wakes every second for {@code seconds} (0: for ever), its SIGINT ignored. */
    private Job ticker(int seconds, boolean viaClient) {
        Process p = pids.spawn(0, List.of("ticker"), Map.of(), loop.nanos());
        p.handle(Signal.SIGINT, () -> { });
        int[] n = {0};
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> loop.schedule(1_000_000_000L, () -> {
            if (!p.exited() && (seconds == 0 || ++n[0] < seconds)) {
                tick[0].run();
            } else if (!p.exited()) {
                p.exit(0);
            }
        });
        tick[0].run();
        jobs.command("ticker");
        return viaClient ? jobs.viaClient(() -> jobs.begin(p.hostPid(), s -> pids.kill(p.pid(), s), p::exited, () -> p.status()))
                : jobs.begin(p.hostPid(), s -> pids.kill(p.pid(), s), p::exited, () -> p.status());
    }

    @Test
    void aJobPastTheLimitIsKilledThere() {
        jobs.limit(60_000_000_000L);
        Job job = ticker(0, false);
        assertEquals(JobControl.Wait.DONE, jobs.await(job));
        assertTrue(job.done());
        assertTrue(job.timedOut());
        assertEquals(137, job.status());
        assertEquals(60_000_000_000L, loop.nanos(), "ended exactly at the limit");
        assertEquals("dockwire: 'ticker' was still running after 60 s of virtual time (the step timeout;"
                + " '# dockwire: step-timeout N' changes it); ended it", jobs.timedOut(job.command()));
    }

    @Test
    void theLimitEndsTheProcessNotOnlyItsClient() {
        jobs.limit(5_000_000_000L);
        Job job = ticker(0, true); // docker exec without -t: a signal ends only the client, the limit ends the process
        jobs.await(job);
        assertTrue(job.timedOut());
        assertEquals(137, job.status());
        loop.runFor(10_000_000_000L);
        assertFalse(loop.hasPendingTimers(), "nothing of it runs on");
    }

    @Test
    void aJobThatEndsInTimeIsUntouchedAndEachWaitHasItsOwnLimit() {
        jobs.limit(5_000_000_000L);
        Job first = ticker(4, false);
        jobs.await(first);
        assertFalse(first.timedOut());
        assertEquals(0, first.status());
        Job second = ticker(4, false);
        jobs.await(second);
        assertFalse(second.timedOut(), "4 s after its own start, though 8 s after the first's");
        assertEquals(8_000_000_000L, loop.nanos());
    }

    @Test
    void withoutALimitAWaitRunsToTheEnd() {
        Job job = ticker(100, false);
        jobs.await(job);
        assertFalse(job.timedOut());
        assertEquals(100_000_000_000L, loop.nanos());
    }

    @Test
    void outputPastTheLimitIsCountedNotKept() {
        BoundedOutput out = new BoundedOutput();
        String line = "x".repeat(1023); // 1 KiB with its newline
        for (int i = 0; i < 1024 + 5000; i++) {
            out.add(line);
        }
        List<String> lines = out.lines();
        assertEquals(1025, lines.size());
        assertEquals("dockwire: output cut at 1 MiB (the step's output limit): 5000 more lines not shown", lines.get(1024));
        assertEquals(5000, out.cut());
    }

    @Test
    void anInnerCutLineIsFreeAndItsCountJoinsTheOuter() {
        BoundedOutput inner = new BoundedOutput();
        String line = "y".repeat(1023);
        for (int i = 0; i < 1030; i++) {
            inner.add(line);
        }
        List<String> step = new ArrayList<>(inner.lines());
        assertEquals(step, BoundedOutput.bound(step), "already within the limit: untouched");
        step.add(0, "first");
        List<String> bounded = BoundedOutput.bound(step);
        assertEquals(1025, bounded.size());
        assertEquals("dockwire: output cut at 1 MiB (the step's output limit): 7 more lines not shown",
                bounded.get(1024), "one line of the inner's kept ones, and its six");
    }

    @Test
    void aMultibyteLineCountsItsUtf8Bytes() {
        BoundedOutput out = new BoundedOutput(10);
        out.add("ééé"); // 6 bytes + newline
        out.add("ab"); // 3 more: 10
        out.add("c");
        assertEquals(List.of("ééé", "ab", "dockwire: output cut at 10 bytes (the step's output limit): 1 more line not shown"),
                out.lines());
    }
}
