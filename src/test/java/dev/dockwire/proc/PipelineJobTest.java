package dev.dockwire.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.Signal;
import dev.dockwire.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ticker | grep 1 | tail -1 &} at a live prompt, on the virtual clock: one job named by the
 * pipeline, {@code [1] PID} the last stage's, {@code jobs -l} a line per stage as bash 5.2 prints
 * them (jobs.c print_pipeline), lines passing a line-by-line stage at once and the rest at the end,
 * Ctrl-Z/{@code bg}/{@code fg}/Ctrl-C and {@code kill %1} reaching every stage.
 */
class PipelineJobTest {
    private final EventLoop loop = new EventLoop();
    private final JobControl jobs = new JobControl(loop);
    private final List<String> terminal = new ArrayList<>();
    private final List<String> above = new ArrayList<>();
    private final PidNamespace pids = new PidNamespace(() -> 0, 1);

    /** The first stage: prints "tick N" each second until {@code count} (0: for ever). */
    private Job ticker(int count) {
        Process p = pids.spawn(0, List.of("ticker"), Map.of(), loop.nanos());
        int[] n = {0};
        Job[] job = new Job[1];
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> loop.schedule(1_000_000_000L, () -> p.whenRunning(() -> {
            if (p.exited()) {
                return;
            }
            job[0].print("tick " + ++n[0]);
            if (count > 0 && n[0] >= count) {
                p.exit(0);
            } else {
                tick[0].run();
            }
        }));
        job[0] = jobs.begin(p.hostPid(), s -> pids.kill(p.pid(), s), p::exited, () -> p.status() == null ? 0 : p.status());
        tick[0].run();
        return job[0];
    }

    /** {@code grep 1} line by line, then what reads to the end ({@code tail -1}): the last line it was given, status 0. */
    private static final class GrepTail implements PipelineJob.Rest {
        final List<String> passed = new ArrayList<>();

        @Override
        public List<String> line(String line) {
            if (line.contains("1")) {
                passed.add(line);
                return List.of("grep: " + line);
            }
            return List.of();
        }

        @Override
        public PipelineJob.Ended end() {
            return new PipelineJob.Ended(passed.isEmpty() ? List.of() : List.of("tail: " + passed.get(passed.size() - 1)),
                    List.of(passed.isEmpty() ? 1 : 0, 0));
        }
    }

    private Job start(int count) {
        jobs.command("ticker | grep 1 | tail -1");
        PipelineJob p = new PipelineJob(List.of("ticker", "grep 1", "tail -1"), new GrepTail());
        Job[] first = new Job[1];
        jobs.spawningPipeline(p, () -> {
            first[0] = ticker(count);
            return jobs.await(first[0]);
        }, w -> 0);
        assertTrue(p.adopted());
        return first[0];
    }

    @Test
    void oneJobWhoseLinesPassTheFiltersAndWhoseStagesJobsLongLists() {
        jobs.attach(terminal::add, above::add);
        Job first = start(12);
        int last = first.pid() + 2;
        assertEquals(List.of("[1] " + last), terminal, "[1] PID: the last stage's pid ($!)");
        assertEquals(last, jobs.lastBackgroundPid());
        assertEquals(List.of("[1]+  Running                 ticker | grep 1 | tail -1 &"), jobs.jobs());
        assertEquals(List.of(String.format("[1]+ %5d Running                 ticker", first.pid()),
                String.format("     %5d                       | grep 1", first.pid() + 1),
                String.format("     %5d                       | tail -1 &", last)), jobs.jobs(true));
        loop.runFor(10_500_000_000L);
        assertEquals(List.of("grep: tick 1", "grep: tick 10"), above, "a line-by-line stage passes each line on as it comes");
        loop.runFor(2_000_000_000L);
        assertEquals(List.of("grep: tick 1", "grep: tick 10", "grep: tick 11", "grep: tick 12", "tail: tick 12"), above,
                "the stage that reads to the end writes once the first has ended");
        assertEquals(List.of(String.format("[1]+ %5d Done                    ticker", first.pid()),
                String.format("     %5d                       | grep 1", first.pid() + 1),
                String.format("     %5d                       | tail -1", last)), jobs.jobs(true));
    }

    @Test
    void ctrlZBgFgAndCtrlCActOnEveryStage() {
        jobs.attach(terminal::add, above::add);
        start(0);
        terminal.clear();
        loop.schedule(1_500_000_000L, () -> jobs.signalForeground(Signal.SIGTSTP));
        assertEquals(0, jobs.fg("%1") == null ? -1 : 0);
        assertEquals(List.of("ticker | grep 1 | tail -1", "grep: tick 1", "", "[1]+  Stopped                 ticker | grep 1 | tail -1"),
                terminal);
        loop.runFor(5_000_000_000L);
        assertEquals(4, terminal.size(), "stopped: no stage runs");
        terminal.clear();
        assertTrue(jobs.bg("%1"));
        assertEquals(List.of("[1]+ ticker | grep 1 | tail -1 &"), terminal, "bg says so before SIGCONT");
        loop.runFor(9_000_000_000L);
        assertEquals(List.of("grep: tick 10", "grep: tick 11"), above, "ticks 2 to 11, in the background, above the prompt");
        terminal.clear();
        loop.schedule(1_000_000_000L, () -> jobs.signalForeground(Signal.SIGINT));
        assertEquals(130, jobs.fg("%1"));
        assertEquals(List.of("ticker | grep 1 | tail -1", "grep: tick 12", ""), terminal,
                "in the foreground its lines reach the terminal; Ctrl-C ends every stage (tail writes nothing)"
                        + " and the prompt starts on a line of its own");
    }

    @Test
    void killEndsEveryStageAndTheJobSaysTerminated() {
        jobs.attach(terminal::add, above::add);
        start(0);
        loop.runFor(3_000_000_000L);
        assertTrue(jobs.kill("%1", Signal.SIGTERM));
        loop.runFor(1_000_000L);
        assertEquals(List.of("[1]+  Terminated              ticker | grep 1 | tail -1"), jobs.notifications());
        assertEquals(List.of("grep: tick 1"), above, "tail, ended by the signal, writes nothing");
    }
}
