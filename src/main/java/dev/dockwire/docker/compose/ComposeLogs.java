package dev.dockwire.docker.compose;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.LogEntry;
import dev.dockwire.app.Signal;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.proc.Job;
import dev.dockwire.proc.JobControl;
import dev.dockwire.topology.ComposeProject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code docker compose logs [SERVICE...]}: the project's containers' logs, each line after the
 * container's name without the project ({@code web-1}) padded to the longest name plus one and
 * {@code "| "} (compose cmd/formatter/logs.go, presenter.setPrefix), in time order; without a
 * terminal, no colours.
 */
final class ComposeLogs {
    private ComposeLogs() {
    }

    static CommandOutput run(Engine engine, ComposeProject p, List<String> services) {
        return run(engine, p, services, null);
    }

    /**
     * As {@link #run(Engine, ComposeProject, List)}; with {@code follow} a live terminal's job
     * control ({@code logs -f}), each new line is printed as it is written until every container
     * has stopped or Ctrl-C ends the client (compose cmd/compose/logs.go follows until then).
     */
    static CommandOutput run(Engine engine, ComposeProject p, List<String> services, JobControl follow) {
        record Line(LogEntry entry, String name) {
        }
        List<Line> lines = new ArrayList<>();
        List<Container> containers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int width = 0;
        for (ComposeProject.Service s : p.services()) {
            if (!services.isEmpty() && !services.contains(s.name())) {
                continue;
            }
            for (Container c : Compose.containers(engine, p, s)) {
                String name = c.name().startsWith(p.name() + "-") ? c.name().substring(p.name().length() + 1) : c.name();
                width = Math.max(width, name.length());
                containers.add(c);
                names.add(name);
                engine.log(c).entries().forEach(e -> lines.add(new Line(e, name)));
            }
        }
        for (String s : services) {
            if (p.services().stream().noneMatch(x -> x.name().equals(s))) {
                return CommandOutput.fail(1, "no such service: " + s);
            }
        }
        lines.sort(Comparator.comparingLong(l -> l.entry().nanos()));
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            out.add(String.format("%-" + (width + 1) + "s| %s", l.name(), l.entry().line()));
        }
        if (follow == null || !follow.follows() || containers.stream().noneMatch(Container::running)) {
            return CommandOutput.ok(out);
        }
        int[] killedBy = {0};
        Job job = follow.begin(0, sig -> {
            if (!sig.stops() && sig != Signal.SIGCONT) {
                killedBy[0] = sig.exitStatus();
            }
        }, () -> killedBy[0] != 0 || containers.stream().noneMatch(Container::running), () -> killedBy[0]);
        List<String> collected = new ArrayList<>(out);
        Consumer<String> print = job.streams() ? job::print : collected::add;
        if (job.streams()) {
            out.forEach(print);
        }
        String format = "%-" + (width + 1) + "s| %s";
        List<Runnable> unfollow = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            String name = names.get(i);
            unfollow.add(engine.log(containers.get(i)).follow(e -> {
                if (!job.done()) {
                    print.accept(String.format(format, name, e.line()));
                }
            }));
        }
        if (follow.await(job) == JobControl.Wait.DONE) {
            unfollow.forEach(Runnable::run);
        }
        return new CommandOutput(killedBy[0], job.streams() ? List.of() : collected);
    }
}
