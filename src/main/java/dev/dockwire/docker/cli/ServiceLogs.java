package dev.dockwire.docker.cli;

import dev.dockwire.app.Signal;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.proc.Job;
import dev.dockwire.proc.JobControl;
import dev.dockwire.docker.LogEntry;
import dev.dockwire.docker.swarm.Service;
import dev.dockwire.docker.swarm.Swarm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code docker service logs [-t] [--tail N] [--no-task-ids] [--no-trunc] SERVICE}: every task's
 * log, each line after {@code NAME.SLOT.TASKID@NODE} padded to the width of the replica count and
 * {@code "    | "} (docker/cli cli/command/service/logs.go, taskFormatter), merged in time order.
 */
final class ServiceLogs {
    private ServiceLogs() {
    }

    static CommandOutput run(Swarm swarm, List<String> args) {
        return run(() -> swarm, args, null);
    }

    /**
     * As {@link #run(Swarm, List)}, the swarm asked of {@code manager} once the arguments are good; with {@code -f} at a live terminal ({@code jobs}) each task's new
     * lines are printed as they are written until Ctrl-C (the CLI follows until interrupted).
     */
    static CommandOutput run(java.util.function.Supplier<Swarm> manager, List<String> args, JobControl jobs) {
        CliFlags f = CliFlags.parse(args, List.of(new CliFlags.Spec("follow", 'f', false),
                new CliFlags.Spec("timestamps", 't', false), new CliFlags.Spec("tail", 'n', true),
                new CliFlags.Spec("no-task-ids", (char) 0, false), new CliFlags.Spec("no-trunc", (char) 0, false),
                new CliFlags.Spec("no-resolve", (char) 0, false), new CliFlags.Spec("raw", (char) 0, false),
                new CliFlags.Spec("details", (char) 0, false)), true);
        if (f.positional().size() != 1) {
            return CliErrors.usage("service logs", "exactly 1 argument", "[OPTIONS] SERVICE|TASK");
        }
        Swarm swarm = manager.get(); // the client checks its arguments before it asks the daemon
        Service s = swarm.service(f.positional().get(0));
        if (s == null) {
            return CommandOutput.fail(1, "no such task or service: " + f.positional().get(0));
        }
        record Line(LogEntry entry, String prefix, long epochMillis) {
        }
        List<Line> lines = new ArrayList<>();
        int width = Integer.toString(s.replicas()).length();
        List<Service.Task> tasks = new ArrayList<>(s.tasks());
        s.history().forEach(e -> tasks.add(e.task()));
        for (Service.Task t : tasks) {
            String name = s.name() + "." + t.slot();
            if (!f.has("no-task-ids")) {
                name += "." + (f.has("no-trunc") ? t.id() : t.id().substring(0, 12));
            }
            String prefix = name + "@" + t.node().hostname()
                    + " ".repeat(Math.max(0, width - Integer.toString(t.slot()).length()));
            List<LogEntry> log = t.node().engine().taskLog(t.container());
            if (f.has("tail")) {
                int n = Integer.parseInt(f.get("tail"));
                log = log.subList(Math.max(0, log.size() - n), log.size());
            }
            long epoch = epochMillis(t);
            log.forEach(e -> lines.add(new Line(e, prefix, epoch)));
        }
        lines.sort(Comparator.comparingLong(l -> l.entry().nanos()));
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            out.add(format(f, l.entry(), l.prefix(), l.epochMillis()));
        }
        if (f.has("follow") && jobs != null && jobs.follows()) {
            return follow(f, tasks, s, width, out, jobs);
        }
        return CommandOutput.ok(out);
    }

    /** The wall time at which the clock of the task's node read 0 (a run's fixed epoch when the node is not an engine here). */
    private static long epochMillis(Service.Task t) {
        return t.node().engine() instanceof Engine engine ? engine.epochMillis() : dev.dockwire.docker.engine.Exec.EPOCH_MILLIS;
    }

    private static String format(CliFlags f, LogEntry e, String prefix, long epochMillis) {
        String text = f.has("raw") ? e.line() : prefix + "    | " + e.line();
        return f.has("timestamps") ? ProcessCommands.timestamp(epochMillis, e.nanos()) + " " + text : text;
    }

    /** {@code docker service logs -f}: what was written so far, then each task's lines as they come, until Ctrl-C. */
    private static CommandOutput follow(CliFlags f, List<Service.Task> tasks, Service s, int width, List<String> earlier,
                                        JobControl jobs) {
        int[] killedBy = {0};
        Job job = jobs.begin(0, sig -> {
            if (!sig.stops() && sig != Signal.SIGCONT) {
                killedBy[0] = sig.exitStatus();
            }
        }, () -> killedBy[0] != 0, () -> killedBy[0]);
        List<String> collected = new ArrayList<>(earlier);
        java.util.function.Consumer<String> print = job.streams() ? job::print : collected::add;
        if (job.streams()) {
            earlier.forEach(print);
        }
        List<Runnable> unfollow = new ArrayList<>();
        for (Service.Task t : tasks) {
            // Every member is an engine of this emulation: its task containers' logs can be followed.
            if (!(t.node().engine() instanceof Engine engine) || engine.findContainer(t.container()) == null) {
                continue;
            }
            Container c = engine.findContainer(t.container());
            String name = s.name() + "." + t.slot() + (f.has("no-task-ids") ? "" : "." + (f.has("no-trunc") ? t.id() : t.id().substring(0, 12)));
            String prefix = name + "@" + t.node().hostname() + " ".repeat(Math.max(0, width - Integer.toString(t.slot()).length()));
            unfollow.add(engine.log(c).follow(e -> {
                if (!job.done()) {
                    print.accept(format(f, e, prefix, engine.epochMillis()));
                }
            }));
        }
        if (jobs.await(job) == JobControl.Wait.DONE) {
            unfollow.forEach(Runnable::run);
        }
        return new CommandOutput(killedBy[0], job.streams() ? List.of() : collected);
    }
}
