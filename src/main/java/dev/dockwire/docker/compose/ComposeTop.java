package dev.dockwire.docker.compose;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.cli.TabWriter;
import dev.dockwire.docker.engine.ContainerProcesses;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.proc.Process;
import dev.dockwire.topology.ComposeProject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code docker compose top [SERVICE...]}: for each running container of the services, by name,
 * its name and its processes as the daemon's ContainerTop lists them ({@code ps -ef}'s columns,
 * as {@code docker top}; run's one-off containers included), laid out by Compose's psPrinter (cmd/compose/top.go:
 * {@code tabwriter.NewWriter(out, 5, 1, 3, ' ', 0)}, each process's cells tab-terminated, a blank
 * line after each container). Services the file does not have list nothing.
 */
final class ComposeTop {
    private ComposeTop() {
    }

    static CommandOutput run(Engine engine, ComposeProject p, List<String> services) {
        List<Container> running = new ArrayList<>();
        for (ComposeProject.Service s : p.services()) {
            if (services.isEmpty() || services.contains(s.name())) {
                // run's one-off containers too (pkg/compose/top.go: oneOffInclude)
                List<Container> mine = new ArrayList<>(Compose.containers(engine, p, s));
                mine.addAll(Compose.oneOffs(engine, p, s));
                mine.stream().filter(c -> c.running() && engine.processes(c) != null).forEach(running::add);
            }
        }
        running.sort(Comparator.comparing(Container::name));
        List<String> out = new ArrayList<>();
        for (Container c : running) {
            out.add(c.name());
            List<String> table = new ArrayList<>();
            table.add(String.join("\t", "UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"));
            ContainerProcesses procs = engine.processes(c);
            for (Process proc : procs.running()) {
                long secs = (engine.epochMillis() / 1000 + proc.startNanos() / 1_000_000_000L) % 86_400;
                String stime = String.format(Locale.ROOT, "%02d:%02d", secs / 3600, secs / 60 % 60);
                table.add(String.join("\t", "root", Integer.toString(proc.hostPid()), Integer.toString(procs.hostParent(proc)), "0",
                        stime, "?", "00:00:00", proc.commandLine()) + "\t");
            }
            table.add("");
            out.addAll(TabWriter.format(table, 5));
        }
        return CommandOutput.ok(out);
    }
}
