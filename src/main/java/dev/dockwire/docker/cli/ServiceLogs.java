package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
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
        CliFlags f = CliFlags.parse(args, List.of(new CliFlags.Spec("follow", 'f', false),
                new CliFlags.Spec("timestamps", 't', false), new CliFlags.Spec("tail", 'n', true),
                new CliFlags.Spec("no-task-ids", (char) 0, false), new CliFlags.Spec("no-trunc", (char) 0, false),
                new CliFlags.Spec("no-resolve", (char) 0, false), new CliFlags.Spec("raw", (char) 0, false),
                new CliFlags.Spec("details", (char) 0, false)), true);
        if (f.positional().size() != 1) {
            return new CommandOutput(1, List.of("\"docker service logs\" requires exactly 1 argument.",
                    "See 'docker service logs --help'.", "", "Usage:  docker service logs [OPTIONS] SERVICE|TASK", "",
                    "Fetch the logs of a service or task"));
        }
        Service s = swarm.service(f.positional().get(0));
        if (s == null) {
            return CommandOutput.fail(1, "no such task or service: " + f.positional().get(0));
        }
        record Line(LogEntry entry, String prefix) {
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
            log.forEach(e -> lines.add(new Line(e, prefix)));
        }
        lines.sort(Comparator.comparingLong(l -> l.entry().nanos()));
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            String text = f.has("raw") ? l.entry().line() : l.prefix() + "    | " + l.entry().line();
            out.add(f.has("timestamps") ? ProcessCommands.timestamp(l.entry().nanos()) + " " + text : text);
        }
        return CommandOutput.ok(out);
    }
}
