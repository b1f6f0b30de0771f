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
 * Job control as a state machine on the virtual clock: a process that prints every second,
 * signalled as the terminal's Ctrl-C and Ctrl-Z would (posted to the loop), stopped with its
 * timers held, continued, put in the background, reported done.
 */
class JobControlTest {
    private final EventLoop loop = new EventLoop();
    private final JobControl jobs = new JobControl(loop);
    private final List<String> terminal = new ArrayList<>();
    private final List<String> above = new ArrayList<>();
    private final PidNamespace pids = new PidNamespace(() -> 0, 1);

    /** A ticker: prints "tick N" each second of virtual time until it has printed {@code count} (0: for ever); SIGINT ends it with "bye". */
    private Job ticker(int count) {
        Process p = pids.spawn(0, List.of("ticker"), Map.of(), loop.nanos());
        int[] n = {0};
        Job[] job = new Job[1];
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> loop.schedule(1_000_000_000L, () -> p.whenRunning(() -> {
            if (p.exited()) {
                return;
            }
            n[0]++;
            if (job[0].streams()) {
                job[0].print("tick " + n[0]);
            }
            if (count > 0 && n[0] >= count) {
                p.exit(0);
            } else {
                tick[0].run();
            }
        }));
        p.handle(Signal.SIGINT, () -> {
            job[0].print("bye");
            p.exit(130);
        });
        job[0] = jobs.begin(p.hostPid(), s -> pids.kill(p.pid(), s), p::exited, () -> p.status() == null ? 0 : p.status());
        tick[0].run();
        return job[0];
    }

    @Test
    void withoutATerminalAWaitRunsToTheEndAndNothingStreams() {
        Job job = ticker(3);
        assertFalse(job.streams());
        assertEquals(JobControl.Wait.DONE, jobs.await(job));
        assertTrue(job.done());
        assertEquals(3_000_000_000L, loop.nanos());
    }

    @Test
    void ctrlCReachesTheForegroundJobOnlyAndNothingAtThePrompt() {
        jobs.attach(terminal::add, above::add);
        jobs.signalForeground(Signal.SIGINT); // at the prompt: nobody to signal
        Job job = ticker(0);
        assertTrue(job.streams());
        loop.schedule(2_500_000_000L, () -> jobs.signalForeground(Signal.SIGINT));
        assertEquals(JobControl.Wait.DONE, jobs.await(job));
        assertEquals(List.of("tick 1", "tick 2", "bye"), terminal);
        assertEquals(130, job.status());
        assertFalse(jobs.busy());
    }

    @Test
    void ctrlZStopsTheTimersUntilFgAndAnAmpersandJobSaysDoneAtThePrompt() {
        jobs.attach(terminal::add, above::add);
        jobs.command("ticker");
        Job job = ticker(4);
        loop.schedule(1_500_000_000L, () -> jobs.signalForeground(Signal.SIGTSTP));
        assertEquals(JobControl.Wait.STOPPED, jobs.await(job));
        assertEquals(List.of("tick 1", "", "[1]+  Stopped                 ticker"), terminal);
        loop.runFor(10_000_000_000L);
        assertEquals(3, terminal.size(), "a stopped process's timers wait for SIGCONT");
        assertEquals(List.of("[1]+  Stopped                 ticker"), jobs.jobs());
        terminal.clear();
        assertEquals(0, jobs.fg("%1"));
        assertEquals(List.of("ticker", "tick 2", "tick 3", "tick 4"), terminal);
        assertEquals(List.of(), jobs.jobs());

        terminal.clear();
        jobs.command("ticker 2");
        Job background = jobs.spawning(() -> {
            Job j = ticker(2);
            assertEquals(JobControl.Wait.BACKGROUND, jobs.await(j));
            return j;
        });
        assertEquals(List.of("[1] " + background.pid()), terminal);
        assertEquals(List.of("[1]+  Running                 ticker 2 &"), jobs.jobs());
        jobs.waitAll();
        assertEquals(List.of("tick 1", "tick 2"), above, "a background job's lines go above the prompt");
        assertEquals(List.of("[1] " + background.pid(), "[1]+  Done                    ticker 2"), terminal,
                "interactive bash's wait says how the job ended before it returns");
        assertEquals(List.of(), jobs.notifications());

        terminal.clear();
        jobs.spawning(() -> jobs.await(ticker(0)));
        jobs.kill("%1", Signal.SIGKILL);
        assertEquals(new JobControl.Waited(137, false), jobs.waitFor("%1"));
        assertEquals("[1]+  Killed                  ticker 2", terminal.get(1), "bash 5.2 at a pty: wait %1 after kill -9 %1");
        assertEquals(List.of(), jobs.notifications());
    }

    @Test
    void killSendsTheSignalAndAStoppedJobAlsoGetsSigcont() {
        jobs.attach(terminal::add, above::add);
        jobs.command("ticker");
        Job job = ticker(0);
        loop.schedule(1_500_000_000L, () -> jobs.signalForeground(Signal.SIGTSTP));
        jobs.await(job);
        assertTrue(jobs.kill("%1", Signal.SIGINT));
        assertTrue(job.done());
        assertEquals(List.of("[1]+  Interrupt               ticker"), jobs.notifications());
        assertFalse(jobs.kill("%1", Signal.SIGTERM), "no such job");
    }

    /** A job the tool ends with SIGKILL, SIGQUIT, SIGUSR1, SIGFPE, RTMIN+3: bash 5.2's words at the prompt, as its pty printed them. */
    @Test
    void aJobASignalEndedSaysHowAsBashDoes() {
        jobs.attach(terminal::add, above::add);
        Map<Signal, String> words = new java.util.LinkedHashMap<>();
        words.put(Signal.SIGKILL, "[1]+  Killed                  sleep 100");
        words.put(Signal.SIGQUIT, "[1]+  Quit                    sleep 100");
        words.put(Signal.SIGHUP, "[1]+  Hangup                  sleep 100");
        words.put(Signal.SIGTERM, "[1]+  Terminated              sleep 100");
        words.put(Signal.SIGUSR1, "[1]+  User defined signal 1   sleep 100");
        words.put(Signal.SIGFPE, "[1]+  Floating point exceptionsleep 100");
        words.put(Signal.SIGXFSZ, "[1]+  File size limit exceededsleep 100");
        words.put(Signal.SIGRTMIN_3, "[1]+  Real-time signal 3      sleep 100");
        words.put(Signal.SIGRTMAX, "[1]+  Real-time signal 30     sleep 100");
        for (var e : words.entrySet()) {
            jobs.command("sleep 100");
            Job job = jobs.spawning(() -> {
                Job j = ticker(0);
                jobs.await(j);
                return j;
            });
            terminal.clear();
            assertTrue(jobs.kill("%1", e.getKey()));
            assertEquals(List.of(e.getValue()), jobs.notifications());
            assertEquals(e.getKey().exitStatus(), job.status());
        }
    }

    /** {@code kill -STOP}: {@code jobs} says Stopped, {@code jobs -l} "Stopped (signal)"; SIGTTIN "(tty input)" (bash 5.2 beside). */
    @Test
    void jobsLongNamesTheSignalThatStoppedAJob() {
        jobs.attach(terminal::add, above::add);
        jobs.command("sleep 100");
        Job job = jobs.spawning(() -> {
            Job j = ticker(0);
            jobs.await(j);
            return j;
        });
        jobs.kill("%1", Signal.SIGSTOP);
        assertEquals(List.of("[1]+  Stopped                 sleep 100"), jobs.jobs());
        assertEquals(List.of(String.format("[1]+ %5d Stopped (signal)        sleep 100", job.pid())), jobs.jobs(true));
        jobs.kill("%1", Signal.SIGCONT);
        jobs.kill("%1", Signal.SIGTTIN);
        assertEquals(List.of(String.format("[1]+ %5d Stopped (tty input)     sleep 100", job.pid())), jobs.jobs(true));
        jobs.kill("%1", Signal.SIGTSTP);
        assertEquals(List.of(String.format("[1]+ %5d Stopped                 sleep 100", job.pid())), jobs.jobs(true));
    }

    /** A script's {@code COMMAND &} ignores SIGINT and SIGQUIT (POSIX 2.11); the docker client, a Go program, takes SIGINT back. */
    @Test
    void aScriptsBackgroundJobIgnoresInterruptsButTheDockerClientDoesNot() {
        jobs.command("ping web");
        Job ping = jobs.spawning(() -> {
            Job j = ticker(0);
            jobs.await(j);
            return j;
        });
        jobs.kill("%1", Signal.SIGINT);
        jobs.kill("%1", Signal.SIGQUIT);
        assertFalse(ping.done());
        jobs.command("docker logs -f web");
        Job client = jobs.spawning(() -> {
            Job j = ticker(0);
            jobs.await(j);
            return j;
        });
        jobs.kill("%2", Signal.SIGINT);
        assertTrue(client.done());
        jobs.kill("%1", Signal.SIGKILL);
        assertEquals(List.of(String.format("%5d Killed                  ping web", ping.pid())), jobs.reaped(),
                "SIGINT is not reported, SIGKILL is (jobs.c notify_of_job_status)");
        assertEquals(List.of(), jobs.jobs(), "reaped jobs leave the table");
    }

    /** Stops a foreground ticker with Ctrl-Z, as the terminal would. */
    private Job stopped() {
        Job job = ticker(0);
        loop.schedule(1_500_000_000L, () -> jobs.signalForeground(Signal.SIGTSTP));
        assertEquals(JobControl.Wait.STOPPED, jobs.await(job));
        return job;
    }

    @Test
    void aStoppedJobStaysCurrentAsBashPicksItsPlusAndMinus() {
        // bash 5.2 in tmux: sleep 100, ^Z, sleep 200 &, jobs -> [1]+ Stopped, [2]- Running; fg %-, ^Z -> [2]+;
        // bg -> [1]+ Stopped, [2]- Running; sleep 300 & -> [2] blank, [3]- (jobs.c set_current_job, reset_current)
        jobs.attach(terminal::add, above::add);
        jobs.command("ticker");
        stopped();
        jobs.spawning(() -> jobs.await(ticker(0)));
        assertEquals(List.of("[1]+  Stopped                 ticker", "[2]-  Running                 ticker &"), jobs.jobs());
        loop.schedule(1_500_000_000L, () -> jobs.signalForeground(Signal.SIGTSTP));
        assertEquals(128 + Signal.SIGTSTP.number(), jobs.fg("%-"), "fg %- is job 2; Ctrl-Z stops it again");
        assertEquals(List.of("[1]-  Stopped                 ticker", "[2]+  Stopped                 ticker"), jobs.jobs());
        assertTrue(jobs.bg(null));
        assertEquals(List.of("[1]+  Stopped                 ticker", "[2]-  Running                 ticker &"), jobs.jobs());
        jobs.spawning(() -> jobs.await(ticker(0)));
        assertEquals(List.of("[1]+  Stopped                 ticker", "[2]   Running                 ticker &",
                "[3]-  Running                 ticker &"), jobs.jobs());
        assertTrue(jobs.kill("%3", Signal.SIGKILL));
        loop.runUntil(() -> true);
        assertTrue(jobs.disown("%2"));
        assertEquals(List.of("[1]+  Stopped                 ticker"), jobs.jobs().subList(0, 1));
    }
}
