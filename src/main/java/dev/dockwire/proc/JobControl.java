package dev.dockwire.proc;

import dev.dockwire.app.Signal;
import dev.dockwire.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The host terminal's job control, as bash's jobs.c and the tty driver share it: the foreground
 * job a command waits for ({@link #await}), which the terminal's Ctrl-C and Ctrl-Z signal
 * ({@link #signalForeground}); the job table of {@code COMMAND &} and stopped jobs with
 * {@code jobs}, {@code fg}, {@code bg}, {@code kill %N} and {@code wait}; and where a job's lines
 * go. It is live only at an interactive prompt ({@link #attach}). A script is bash without job
 * control (no {@code [1] PID}, no {@code Done} lines: POSIX says {@code jobs} is the only way to
 * learn a job's state): {@code COMMAND &} still runs in the background, its lines are kept in the
 * order written ({@link #takeLines}), and while such a job runs the foreground's lines are kept
 * the same way as they are written, so the transcript interleaves them as a terminal would.
 *
 * <p>Loop thread only: the terminal posts its signals to the event loop.
 */
public final class JobControl {
    /** How a foreground wait ended. */
    public enum Wait {
        /** Its processes ended. */
        DONE,
        /** Ctrl-Z (or {@code kill -STOP}) stopped it; it is in the job table. */
        STOPPED,
        /** It was started with {@code &}; it runs on in the job table. */
        BACKGROUND
    }

    /**
     * The host's login shell's pid (bash's {@code $$} at the prompt), past a booted host's: the
     * host's own pids (for host commands, which have none of the engine's) count up from it.
     */
    public static final int SHELL_PID = 4200;

    private final EventLoop loop;
    private final StepDeadline deadline;
    private final JobTable jobTable = new JobTable();
    private final List<Job> table = jobTable.all;
    /** Jobs {@code disown} took out of the table that may still run. */
    private final List<Job> disowned = new ArrayList<>();
    private Consumer<String> terminal;
    private Consumer<String> above;
    private Job foreground;
    private int collecting;
    private boolean spawning;
    private boolean viaClient;
    private String command = "";
    private int lastPid = SHELL_PID;
    /** How long (virtual ns) a foreground job may run in a script before it is ended; 0: no limit. */
    private long limitNanos;
    /** A script's lines written by jobs (and by the foreground while a job runs), in the order written. */
    private final List<String> lines = new ArrayList<>();
    /** The job the last {@code COMMAND &} started (bash's {@code $!} is its pid); null before any. */
    private Job lastBackground;
    /** Where the next job's lines go rather than the terminal ({@link #redirected}); null: the terminal. */
    private Consumer<String> sink;
    /** The pipeline whose first stage {@link #spawningPipeline} is starting; null otherwise. */
    private PipelineJob starting;
    /** Whether the loop runs the background pipelines' rests as their first stages end ({@link PipelineJob#poll}). */
    private boolean pollsPipelines;
    /** A script's notices of jobs a signal ended, not yet said ({@link #reaped}). */
    private final ScriptNotices notices = new ScriptNotices();

    public JobControl(EventLoop loop) {
        this.loop = loop;
        this.deadline = new StepDeadline(loop);
    }

    /**
     * Makes job control live: foreground lines go to {@code terminal} as they are written,
     * background lines to {@code above} (printed above the prompt, which is redrawn).
     */
    public void attach(Consumer<String> terminal, Consumer<String> above) {
        this.terminal = terminal;
        this.above = above;
    }

    /**
     * A script's step limit: a foreground job still running {@code nanos} of virtual time after
     * its wait began is ended with SIGKILL ({@link Job#timedOut}); 0 for none. A live terminal has
     * no limit: its user has Ctrl-C.
     */
    public void limit(long nanos) {
        this.limitNanos = nanos;
    }

    /** The step limit in virtual nanoseconds (0: none). */
    public long limit() {
        return limitNanos;
    }

    /** The line a command the step limit ended ends with. */
    public String timedOut(String command) {
        return timedOut(command, limitNanos);
    }

    /** The line that says the step limit of {@code nanos} ended {@code command}. */
    public static String timedOut(String command, long nanos) {
        return "dockwire: '" + command + "' was still running after " + nanos / 1_000_000_000L
                + " s of virtual time (the step timeout; '# dockwire: step-timeout N' changes it); ended it";
    }

    /** Whether a terminal is attached (an interactive prompt) rather than a script running. */
    public boolean live() {
        return terminal != null;
    }

    /** Whether a command's output would reach the terminal now (not piped, redirected or substituted). */
    public boolean streaming() {
        return terminal != null && collecting == 0;
    }

    /** Prints a line of the shell's own (a builtin's output) to the terminal. */
    public void print(String line) {
        terminal.accept(line);
    }

    void print(String line, boolean inForeground) {
        if (terminal == null) {
            if (lines.size() < MAX_HELD_LINES) {
                lines.add(line);
            }
            return;
        }
        (inForeground ? terminal : above).accept(line);
    }

    /** At most this many of a script's job lines are held between two commands (a runaway job's flood). */
    private static final int MAX_HELD_LINES = 100_000;

    /**
     * A script's lines written by its jobs since last asked (and the foreground's, while a job ran),
     * in the order written: what the terminal showed before the command that just ended printed its own.
     */
    public List<String> takeLines() {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> out = List.copyOf(lines);
        lines.clear();
        return out;
    }

    /** Runs {@code task} with its output collected (a pipeline stage, a redirect, {@code $(...)}). */
    public <T> T collected(Supplier<T> task) {
        collecting++;
        try {
            return task.get();
        } finally {
            collecting--;
        }
    }

    /** The command line the next job is named by in {@code jobs}. */
    public void command(String line) {
        this.command = line;
    }

    /**
     * Runs {@code task}, a command that waits for processes ({@code docker exec} without
     * {@code -t}), with its job's signals going to the client only (moby/moby#9098).
     */
    public <T> T viaClient(Supplier<T> task) {
        boolean before = viaClient;
        viaClient = true;
        try {
            return task.get();
        } finally {
            viaClient = before;
        }
    }

    /**
     * Runs {@code task}, {@code COMMAND &}: its first wait puts its job in the background. In a
     * script, or at a live terminal ({@code [1] PID}), a command that never waits (it ended at once) is still a job, done, as bash's is.
     */
    public <T> T spawning(Supplier<T> task, java.util.function.ToIntFunction<T> status) {
        spawning = true;
        Job before = lastBackground;
        T result;
        try {
            result = task.get();
        } finally {
            spawning = false;
        }
        if (lastBackground == before) {
            int s = status.applyAsInt(result);
            Job done = new Job(this, command, ++lastPid, signal -> { }, () -> true, () -> s, false, false);
            jobTable.enter(done);
            lastBackground = done;
            if (terminal != null) { // an interactive bash numbers it too (seq 3 > f &), and says Done at the next prompt
                terminal.accept("[" + done.number() + "] " + done.pid());
            }
        }
        return result;
    }

    /**
     * Runs {@code task}, the first stage of {@code a | b &} (and, should it end at once, the rest):
     * when the first stage's job first waits, {@code pipeline} becomes the job the table holds, and
     * the first stage's lines go to it ({@link PipelineJob#fromFirst}).
     */
    public <T> T spawningPipeline(PipelineJob pipeline, Supplier<T> task, java.util.function.ToIntFunction<T> status) {
        if (!pollsPipelines) {
            pollsPipelines = true;
            loop.addQuiescentAgent(() -> { // a first stage's end is seen as the loop settles, not first when someone asks
                int n = 0;
                for (Job j : List.copyOf(table)) {
                    n += j.pipeline == null ? 0 : j.pipeline.poll();
                }
                return n;
            });
        }
        PipelineJob before = starting;
        starting = pipeline;
        try {
            return redirected(pipeline::fromFirst, () -> spawning(task, status));
        } finally {
            starting = before;
        }
    }

    /** As {@link #spawning(Supplier, java.util.function.ToIntFunction)} for a command whose status does not matter. */
    public <T> T spawning(Supplier<T> task) {
        return spawning(task, r -> 0);
    }

    /**
     * Whether a command that follows something until a signal ({@code docker logs -f},
     * {@code docker events}, an attached {@code docker run}) takes the terminal's path, a job that
     * streams its lines: at a live terminal, or started with {@code &}.
     */
    public boolean follows() {
        return terminal != null || spawning;
    }

    /**
     * Whether a script's foreground command should write its lines as they come ({@link Job#streams}),
     * because a background job is writing too: then the transcript keeps the order they were written in.
     */
    public boolean keepsOrder() {
        return terminal == null && collecting == 0 && anyRunning();
    }

    /** The pid bash's {@code $!} gives (the last {@code COMMAND &}'s), or 0 before any. */
    public int lastBackgroundPid() {
        return lastBackground == null ? 0 : lastBackground.pid();
    }

    /** Whether a background job still runs (a script's foreground then keeps its lines in order with it). */
    private boolean anyRunning() {
        for (Job j : table) {
            if (!j.done()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A job for processes a command has started: {@code pid} is the host's pid of its process (0
     * when it has none of the engine's), {@code signals} delivers a signal to them, {@code done} and
     * {@code status} say when and how they ended.
     */
    public Job begin(int pid, Consumer<Signal> signals, BooleanSupplier done, IntSupplier status) {
        Job job = new Job(this, command, pid > 0 ? pid : ++lastPid, signals, done, status,
                streaming() || spawning || keepsOrder(), viaClient);
        job.sink = sink;
        return job;
    }

    /** Runs {@code task}, {@code COMMAND > FILE &}: its job's lines go to {@code to} (the file) as they are written. */
    public <T> T redirected(Consumer<String> to, Supplier<T> task) {
        Consumer<String> before = sink;
        sink = to;
        try {
            return task.get();
        } finally {
            sink = before;
        }
    }

    /**
     * Waits in the foreground until {@code job} is done; Ctrl-Z stops it (back to the prompt, the
     * job in the table), and {@code COMMAND &} puts it in the background at once. Without a
     * terminal the loop just runs until it is done or nothing is left to happen.
     */
    public Wait await(Job job) {
        if (spawning) {
            spawning = false;
            Job entered = starting != null ? adopt(job) : job;
            jobTable.enter(entered);
            lastBackground = entered;
            if (terminal == null) {
                entered.asynchronousWithoutJobControl();
            }
            if (terminal != null) { // a non-interactive bash prints no job number (jobs.c: only when interactive)
                terminal.accept("[" + entered.number() + "] " + entered.pid());
            }
            return Wait.BACKGROUND;
        }
        if (terminal == null) {
            awaitHeadless(job);
            return Wait.DONE;
        }
        Job before = foreground;
        foreground = job;
        job.foreground(true);
        try {
            loop.runUntil(() -> job.done() || job.stopped());
        } finally {
            job.foreground(false);
            foreground = before;
        }
        if (job.stopped()) {
            jobTable.enter(job);
            terminal.accept("");
            terminal.accept(jobTable.describe(job, "Stopped"));
            return Wait.STOPPED;
        }
        table.remove(job);
        return Wait.DONE;
    }

    /** The job of the pipeline whose first stage is {@code first}: the later stages get pids of their own. */
    private Job adopt(Job first) {
        PipelineJob p = starting;
        int[] later = new int[p.stageCount() - 1];
        for (int i = 0; i < later.length; i++) {
            later[i] = ++lastPid;
        }
        starting = null;
        return p.adopt(first, this, command, later);
    }

    /** A script's wait: until the job is done, or until the step limit has passed and it is ended. */
    private void awaitHeadless(Job job) {
        if (!untilLimit(job::done)) {
            job.timeOut();
            loop.runUntil(job::done);
        }
    }

    /** Runs the loop until {@code done} holds or a script's step limit has passed; false when it passed first. */
    private boolean untilLimit(BooleanSupplier done) {
        return deadline.until(done, limitNanos);
    }

    /**
     * Runs {@code task}, a program the foreground shell runs within its own turn of the loop (the
     * host's prompt's line): the shell's step limit does not end it for the program's time ({@link StepDeadline}).
     */
    public <T> T child(Supplier<T> task) {
        return deadline.child(task);
    }

    /** The terminal's Ctrl-C (SIGINT) or Ctrl-Z (SIGTSTP): to the foreground job only; none at the prompt. */
    public void signalForeground(Signal signal) {
        if (foreground != null) {
            foreground.signal(signal);
        }
    }

    /** Whether a command is waiting for a foreground job. */
    public boolean busy() {
        return foreground != null;
    }

    /** Whether a job is stopped: bash's first {@code exit} then only warns ("There are stopped jobs."). */
    public boolean anyStopped() {
        return jobTable.anyStopped();
    }

    /** {@code jobs}. */
    public List<String> jobs() {
        return jobs(false);
    }

    /** {@link JobTable#jobs}: {@code jobs [-l]}. */
    public List<String> jobs(boolean pids) {
        return jobTable.jobs(pids);
    }

    /** {@link JobTable#notifications}: what bash prints at the prompt about background jobs that ended. */
    public List<String> notifications() {
        return jobTable.notifications();
    }

    /** {@code fg [%N]}: continues the job in the foreground and waits for it; its status, or null when there is no such job. */
    public Integer fg(String spec) {
        Job j = jobTable.find(spec, false);
        if (j == null) {
            return null;
        }
        terminal.accept(j.command());
        j.foreground(true); // in the foreground before SIGCONT, so what it prints next is on the terminal
        j.signal(Signal.SIGCONT);
        Wait w = await(j);
        if (w == Wait.DONE && j.status() == Signal.SIGINT.exitStatus()) {
            terminal.accept(""); // Ctrl-C ended it: the prompt starts on a line of its own (jobs.c wait_for)
        }
        return w == Wait.STOPPED ? 128 + Signal.SIGTSTP.number() : j.status();
    }

    /** {@code bg [%N]}: continues a stopped job in the background; false when there is no such job. */
    public boolean bg(String spec) {
        Job j = jobTable.find(spec, false);
        if (j == null) {
            return false;
        }
        terminal.accept("[" + j.number() + "]" + jobTable.mark(j) + " " + j.command() + " &"); // jobs.c start_job: said before SIGCONT
        j.signal(Signal.SIGCONT);
        jobTable.reset(); // running now: a stopped job is + again (jobs.c start_job's reset_current)
        return true;
    }

    /** {@code kill [-SIG] %N}: false when there is no such job. A stopped job also gets SIGCONT, as bash sends it. */
    public boolean kill(String spec, Signal signal) {
        Job j = jobTable.find(spec, false);
        if (j == null) {
            return false;
        }
        j.signal(signal);
        if (j.stopped() && !signal.stops() && signal != Signal.SIGCONT) {
            j.signal(Signal.SIGCONT);
        }
        return true;
    }

    /** How a {@code wait} ended: its status and, in a script, whether the step limit ended it. */
    public record Waited(int status, boolean timedOut) {
    }

    /**
     * {@code wait}: until every running background job is done (status 0), or Ctrl-C at a live
     * terminal (130), or a script's step limit (the jobs run on). In a script the jobs it waited
     * for are forgotten; at a live terminal they say {@code Done} at the next prompt.
     */
    public Waited waitAll() {
        List<Job> waited = table.stream().filter(j -> !j.done()).toList();
        Waited w = waitUntil(() -> table.stream().allMatch(j -> j.done() || j.stopped()));
        if (terminal == null) { // what it waited for is reaped; a job that had ended before still waits for jobs to say so
            waited.forEach(this::reap);
            table.removeIf(j -> j.done() && waited.contains(j));
        } else {
            notifications().forEach(terminal); // interactive bash's wait_for says how each ended, before the wait returns
        }
        return w;
    }

    /** {@link ScriptNotices#take}: what a script's bash says of background jobs a signal ended since it last reaped. */
    public List<String> reaped() {
        table.forEach(this::reap);
        table.removeIf(j -> j.notified); // cleanup_dead_jobs: {@code jobs} no longer lists it
        return notices.take();
    }

    private void reap(Job j) {
        if (terminal == null) {
            notices.reap(j);
        }
    }

    /**
     * {@code wait %N} or {@code wait PID}: that job's status once it is done (bash's: 128+N when a
     * signal ended it), and it is forgotten; null when there is no such job.
     */
    public Waited waitFor(String spec) {
        Job j = jobTable.find(spec, true);
        if (j == null && lastBackground != null && lastBackground.notified && spec.equals(Integer.toString(lastBackground.pid()))) {
            j = lastBackground; // reaped and out of the table, its status kept (jobs.c bgp_add)
        }
        if (j == null) {
            return null;
        }
        Job job = j;
        Waited w = waitUntil(() -> job.done() || job.stopped());
        if (w.status() != 0 || w.timedOut()) {
            return w;
        }
        if (terminal != null && j.done()) {
            terminal.accept(jobTable.describe(j, JobTable.state(j))); // interactive bash's wait_for says how it ended
        }
        reap(j);
        table.remove(j);
        return new Waited(j.stopped() && !j.done() ? 128 + Signal.SIGTSTP.number() : j.status(), false);
    }

    /** The shell's own foreground wait: until {@code over}, Ctrl-C (130) or a script's step limit. */
    private Waited waitUntil(BooleanSupplier over) {
        if (terminal == null) {
            return untilLimit(over) ? new Waited(0, false) : new Waited(Signal.SIGKILL.exitStatus(), true);
        }
        boolean[] interrupted = {false};
        Job waiter = new Job(this, "wait", 0, s -> interrupted[0] |= s == Signal.SIGINT, () -> interrupted[0], () -> 130,
                false, false);
        Job before = foreground;
        foreground = waiter;
        try {
            loop.runUntil(() -> interrupted[0] || over.getAsBoolean());
        } finally {
            foreground = before;
        }
        return new Waited(interrupted[0] ? Signal.SIGINT.exitStatus() : 0, false);
    }

    /** {@code disown [%N]}: the job leaves the table (it runs on); false when there is no such job. */
    public boolean disown(String spec) {
        Job j = jobTable.find(spec, true);
        if (j == null) {
            return false;
        }
        table.remove(j);
        if (!j.done()) {
            disowned.add(j);
        }
        return true;
    }

    /** {@code disown -a}: every job leaves the table. */
    public void disownAll() {
        for (Job j : List.copyOf(table)) {
            disown("%" + j.number());
        }
    }

    /**
     * The end of a script: bash exits and leaves its background jobs running (a non-interactive
     * shell sends no SIGHUP, jobs.c hangup_all_jobs runs only for a login shell's exit); dockwire's
     * run then ends the world and them with it. Returns what they wrote before the end and, for each
     * job still running, a line saying so; what they would print as they are ended is not shown.
     */
    public List<String> scriptEnded() {
        List<String> out = new ArrayList<>(takeLines());
        List<Job> running = new ArrayList<>();
        for (Job j : table) {
            if (!j.done()) {
                running.add(j);
            }
        }
        for (Job j : disowned) {
            if (!j.done()) {
                running.add(j);
            }
        }
        for (Job j : running) {
            out.add("dockwire: the script ended with '" + j.command() + "' (pid " + j.pid()
                    + ") still running in the background; bash leaves it running, the run ends it with the world");
            j.signal(Signal.SIGKILL);
        }
        table.clear();
        disowned.clear();
        lines.clear();
        notices.take();
        return out;
    }

    /** The end of the session: every job gets SIGHUP (and a stopped one SIGCONT), as bash's exit sends them. */
    public void hangUp() {
        for (Job j : List.copyOf(table)) {
            kill("%" + j.number(), Signal.SIGHUP);
        }
    }

    /** {@code pkill NAME}/{@code killall NAME}: {@code signal} to every job whose program is {@code name}; how many. */
    public int killAll(String name, Signal signal) {
        int n = 0;
        for (Job j : List.copyOf(table)) {
            String program = j.command().startsWith("sudo ") ? j.command().substring(5) : j.command();
            if (!j.done() && program.split(" ", 2)[0].equals(name)) {
                kill("%" + j.number(), signal);
                n++;
            }
        }
        return n;
    }

}
