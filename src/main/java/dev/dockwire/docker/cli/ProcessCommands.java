package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.LogEntry;
import dev.dockwire.docker.engine.ContainerProcesses;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.app.Signal;
import dev.dockwire.proc.Job;
import dev.dockwire.proc.JobControl;
import dev.dockwire.proc.Process;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The CLI's commands about a container's processes: {@code docker logs [-f] [-t] [--tail N]}
 * (docker/cli cli/command/container/logs.go over the json-file log), {@code docker wait}
 * (prints the exit code) and {@code docker top} ({@code ps -ef} columns, as dockerd's
 * daemon/top_unix.go reports them); and the wait of a foreground command, bounded by
 * {@link #STEP_TIMEOUT_NANOS} of virtual time so a script never hangs.
 */
final class ProcessCommands {
    /** jsonmessage.RFC3339NanoFixed: nine fraction digits always. */
    private static final DateTimeFormatter RFC3339_NANO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Engine engine;
    private final EventLoop loop;
    private final long stepTimeoutNanos;
    private final JobControl jobs;

    ProcessCommands(Engine engine, EventLoop loop, long stepTimeoutNanos, JobControl jobs) {
        this.engine = engine;
        this.loop = loop;
        this.stepTimeoutNanos = stepTimeoutNanos;
        this.jobs = jobs;
    }

    /**
     * Runs the loop until {@code done} holds or the step timeout has passed; false when the time
     * ran out. At a live terminal there is no step timeout (the user has Ctrl-C, which ends the
     * wait as it ends the client: false).
     */
    boolean await(BooleanSupplier done) {
        if (jobs.live()) {
            return follow(null, 0, done, s -> true, line -> { }) == 0;
        }
        long deadline = loop.nanos() + stepTimeoutNanos;
        Timeout wake = loop.schedule(stepTimeoutNanos, () -> { });
        loop.runUntil(() -> done.getAsBoolean() || loop.nanos() >= deadline);
        wake.cancel();
        return done.getAsBoolean();
    }

    /**
     * A client command that follows container {@code c}'s log at the terminal ({@code docker logs
     * -f}, {@code docker run} attached) from entry {@code from}: each entry is printed as it is
     * written until {@code done} holds; a signal of the terminal goes to {@code signal}, which says
     * whether it ended the client. Returns 0, or the status of the client a signal ended (130 for
     * Ctrl-C); -1 when Ctrl-Z stopped it. Entries go to {@code collect} when stdout is not the terminal.
     */
    int follow(Container c, int from, BooleanSupplier done, java.util.function.Predicate<Signal> signal,
               java.util.function.Consumer<String> collect) {
        int[] killedBy = {0};
        Job job = jobs.begin(0, s -> {
            if (!s.stops() && s != Signal.SIGCONT && signal.test(s)) {
                killedBy[0] = s.exitStatus();
            }
        }, () -> killedBy[0] != 0 || done.getAsBoolean(), () -> killedBy[0]);
        java.util.function.Consumer<String> out = job.streams() ? job::print : collect;
        Runnable unfollow = () -> { };
        if (c != null) {
            engine.log(c).since(from).forEach(e -> out.accept(e.line()));
            unfollow = engine.log(c).follow(e -> {
                if (!job.done()) { // a background follower that ended hears nothing more
                    out.accept(e.line());
                }
            });
        }
        JobControl.Wait w = jobs.await(job);
        if (w == JobControl.Wait.DONE) {
            unfollow.run();
        }
        if (job.timedOut() && c != null) { // a script's attached run beside a job: ended as the headless wait ends it
            out.accept(timedOut("docker run " + c.image()));
            if (c.running()) {
                engine.stop(c.name(), 0, Signal.SIGKILL);
            }
        }
        return w == JobControl.Wait.STOPPED ? -1 : killedBy[0];
    }

    /** Whether {@code docker logs -f} follows at a live terminal (else it waits, then prints). */
    boolean live() {
        return jobs.live();
    }

    /**
     * Whether a command that follows a container (attached {@code docker run}) streams as a job: live,
     * started with {@code &}, or in a script while a background job writes too (its lines in order with the job's).
     */
    boolean follows() {
        return jobs.follows() || jobs.keepsOrder();
    }

    /** The line that says a foreground command was ended by the step timeout. */
    String timedOut(String command) {
        return JobControl.timedOut(command, stepTimeoutNanos);
    }

    /** {@code docker logs [-f] [-t] [-n|--tail N] CONTAINER}. */
    CommandOutput logs(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new CliFlags.Spec("follow", 'f', false),
                new CliFlags.Spec("timestamps", 't', false), new CliFlags.Spec("tail", 'n', true),
                new CliFlags.Spec("details", (char) 0, false), new CliFlags.Spec("since", (char) 0, true),
                new CliFlags.Spec("until", (char) 0, true)), true);
        if (f.positional().size() != 1) {
            return CliErrors.usage("logs", "exactly 1 argument", "[OPTIONS] CONTAINER");
        }
        Container c;
        try {
            c = engine.container(f.positional().get(0));
            if (c.options().logDriverOrDefault().equals("none")) {
                throw new EngineException("configured logging driver does not support reading"); // daemon/logs.go ContainerLogs
            }
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
        List<String> out = new ArrayList<>();
        if (f.has("follow") && c.running() && jobs.follows() && !f.has("timestamps") && !f.has("tail") && !f.has("since")
                && !f.has("until")) {
            List<String> collected = new ArrayList<>();
            int status = follow(c, 0, () -> !c.running(), s -> true, collected::add);
            return new CommandOutput(status < 0 ? 148 : status, collected);
        }
        if (f.has("follow") && c.running() && !await(() -> !c.running())) {
            out.add(timedOut("docker logs -f " + f.positional().get(0)));
        }
        List<LogEntry> entries = new ArrayList<>(engine.log(c).entries());
        try {
            if (f.has("since")) {
                long since = instant("since", f.get("since"));
                entries.removeIf(e -> e.nanos() < since);
            }
            if (f.has("until")) {
                long until = instant("until", f.get("until"));
                entries.removeIf(e -> e.nanos() > until);
            }
        } catch (IllegalArgumentException e) {
            return CommandOutput.fail(1, e.getMessage());
        }
        String tail = f.has("tail") ? f.get("tail") : "all";
        if (tail.matches("[+-]?\\d+")) { // daemon/logs.go: what strconv.Atoi does not take ("all", "x") is every line
            int n = Integer.parseInt(tail);
            if (n >= 0 && n < entries.size()) {
                entries = entries.subList(entries.size() - n, entries.size());
            }
        }
        List<String> lines = new ArrayList<>();
        List<String> errors = new ArrayList<>(); // the client writes a stderr entry to its own stderr
        for (LogEntry e : entries) {
            // write_log_stream.go: --details puts the entry's attributes (none without --log-opt labels/env) and a space first
            String line = f.has("details") ? " " + e.line() : e.line();
            line = f.has("timestamps") ? timestamp(engine.epochMillis(), e.nanos()) + " " + line : line;
            lines.add(line);
            if (e.stream().equals("stderr")) {
                errors.add(line);
            }
        }
        lines.addAll(out);
        return new CommandOutput(0, lines, errors);
    }

    /**
     * {@code --since}/{@code --until} as the client reads them (api/types/time GetTimestamp, {@link EventTimestamp}:
     * a Go duration before now, an RFC 3339 time or date, Unix seconds), wrapped as the client's
     * ContainerLogs wraps its error; the time on the engine's clock.
     */
    private long instant(String flag, String value) {
        long epochNanos = engine.epochMillis() * 1_000_000L;
        try {
            return EventTimestamp.nanos(EventTimestamp.get(value, epochNanos + loop.nanos())) - epochNanos;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for \"" + flag + "\": " + e.getMessage());
        }
    }

    /** A log entry's time as {@code docker logs -t} prints it: {@code 2025-01-01T00:00:03.004000000Z}. */
    static String timestamp(long epochMillis, long nanos) {
        Instant t = Instant.ofEpochMilli(epochMillis).plusNanos(nanos);
        return RFC3339_NANO.format(t);
    }

    /** {@code docker wait CONTAINER...}: each one's exit code once it has stopped. */
    CommandOutput await(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(), true);
        if (f.positional().isEmpty()) {
            return CliErrors.usage("wait", "at least 1 argument", "CONTAINER [CONTAINER...]");
        }
        List<String> out = new ArrayList<>();
        int status = 0;
        for (String ref : f.positional()) {
            Container c = engine.findContainer(ref);
            if (c == null) {
                out.add("Error response from daemon: No such container: " + ref);
                status = 1;
            } else if (c.running() && !await(() -> !c.running())) {
                out.add(timedOut("docker wait " + ref));
                status = 1;
            } else {
                out.add(Integer.toString(c.exitCode()));
            }
        }
        return new CommandOutput(status, out);
    }
}
