package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.Signal;
import dev.dockwire.proc.JobControl;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Job control in the lines app.sh runs at a live host prompt, on the virtual clock: {@code &} in a
 * loop makes jobs of the terminal's one table ({@code [1] PID}, {@code jobs}), and Ctrl-C of a
 * loop's foreground command ends the loop with {@code $?} 130.
 */
class HostShJobsTest {
    private final TestHost h = new TestHost(5);
    private final List<String> terminal = new ArrayList<>();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void ampersandInALoopMakesJobsOfTheTerminalsTable() {
        JobControl jobs = h.world.host().jobControl();
        jobs.attach(terminal::add, terminal::add);
        h.run("for i in 1 2; do sleep 30 & done");
        assertEquals(2, terminal.stream().filter(l -> l.matches("\\[[12]\\] \\d+")).count(), String.join("\n", terminal));
        assertEquals(List.of("[1]-  Running                 sleep 30 &", "[2]+  Running                 sleep 30 &"), jobs.jobs());
        assertTrue(h.world.host().loop().nanos() < 1_000_000_000L, "the line went on at once: " + h.world.host().loop().nanos());
    }

    /**
     * A job that ends at once at a live prompt is a job still, as interactive bash 5.2 makes it
     * (a pty here): {@code [1] PID}, then {@code [1]+  Done  seq 3 > /tmp/s3} before a later prompt,
     * and the next job is {@code [1]} again.
     */
    @Test
    void aJobThatEndsAtOnceIsNumberedAndSaidDone() {
        JobControl jobs = h.world.host().jobControl();
        jobs.attach(terminal::add, terminal::add);
        h.run("seq 3 > /tmp/s3 &");
        assertTrue(terminal.size() == 1 && terminal.get(0).matches("\\[1\\] \\d+"), String.join("\n", terminal));
        assertEquals(List.of("[1]+  Done                    seq 3 > /tmp/s3"), jobs.notifications());
        terminal.clear();
        h.run("false &");
        assertTrue(terminal.get(0).matches("\\[1\\] \\d+"), String.join("\n", terminal));
        assertEquals(List.of("[1]+  Exit 1                  false"), jobs.notifications());
    }

    /**
     * {@code seq 100000 > FILE &}: the job's lines reach its file in one append, not a rewrite of
     * the file per line (40,000 lines took 24 s that way, 100,000 some minutes; now well under one).
     */
    @Test
    void aBackgroundJobsFileIsAppendedNotRewrittenPerLine() {
        long started = System.nanoTime();
        CommandResult r = h.run("seq 100000 > /tmp/job-seq & wait; wc -l < /tmp/job-seq; tail -1 /tmp/job-seq");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(List.of("100000", "100000"), r.output());
        assertTrue(millis < 20_000, "seq 100000 > f & took " + millis + " ms");
    }

    @Test
    void ctrlCInALoopEndsTheLoop() {
        JobControl jobs = h.world.host().jobControl();
        jobs.attach(terminal::add, terminal::add);
        long start = h.world.host().loop().nanos();
        h.world.host().loop().schedule(2_000_000_000L, () -> jobs.signalForeground(Signal.SIGINT));
        CommandResult r = h.run("for i in 1 2 3; do sleep 20; done; echo after");
        assertEquals(130, r.status(), String.join("\n", terminal));
        assertTrue(terminal.stream().noneMatch(l -> l.contains("after")), String.join("\n", terminal));
        assertTrue(h.world.host().loop().nanos() - start < 3_000_000_000L, "the loop ended at the ^C");
    }

    /**
     * {@code fg}, Ctrl-Z and {@code bg} of a job a loop started, at the Shell and inside a line
     * app.sh runs, as interactive bash 5.2 prints them (jobs.c: the command at {@code fg}, the
     * empty line after {@code ^Z}, {@code [1]+  Stopped}, {@code [1]+ CMD &} at {@code bg}).
     */
    @Test
    void fgCtrlZAndBgOfAJobALoopStarted() {
        JobControl jobs = h.world.host().jobControl();
        jobs.attach(terminal::add, terminal::add);
        h.run("for i in 1; do sleep 30 & done");
        terminal.clear();
        stopAfter(2, jobs);
        assertEquals(148, h.run("fg").status());
        assertEquals(List.of("sleep 30", "", "[1]+  Stopped                 sleep 30"), taken());
        assertEquals(List.of("[1]+  Stopped                 sleep 30"), jobs.jobs());
        h.run("bg");
        assertEquals(List.of("[1]+ sleep 30 &"), taken());
        assertEquals(List.of("[1]+  Running                 sleep 30 &"), jobs.jobs());

        stopAfter(2, jobs);
        h.run("if true; then fg; fi; echo st=$?");
        assertEquals(List.of("sleep 30", "", "[1]+  Stopped                 sleep 30", "st=148"), taken());
        h.run("for j in 1; do bg; jobs; done");
        assertEquals(List.of("[1]+ sleep 30 &", "[1]+  Running                 sleep 30 &"), taken());
        h.run("kill %1; wait %1; echo $?");
        assertEquals(List.of("[1]+  Terminated              sleep 30", "143"), taken());
    }

    /** In a script, what a line app.sh runs prints while a job runs is that line's output, not the next line's. */
    @Test
    void aLineWhileAJobRunsPrintsItsOwnOutput() {
        h.run("sleep 1 &");
        assertEquals(List.of("b"), h.run("for i in 1; do echo b; done").output());
        assertEquals(List.of("c"), h.run("echo c").output());
    }

    private void stopAfter(int seconds, JobControl jobs) {
        h.world.host().loop().schedule(seconds * 1_000_000_000L, () -> jobs.signalForeground(Signal.SIGTSTP));
    }

    private List<String> taken() {
        List<String> lines = List.copyOf(terminal);
        terminal.clear();
        return lines;
    }
}
