package dev.dockwire.docker.compose;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.LogEntry;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.topology.ComposeProject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        record Line(LogEntry entry, String name) {
        }
        List<Line> lines = new ArrayList<>();
        int width = 0;
        for (ComposeProject.Service s : p.services()) {
            if (!services.isEmpty() && !services.contains(s.name())) {
                continue;
            }
            for (Container c : Compose.containers(engine, p, s)) {
                String name = c.name().startsWith(p.name() + "-") ? c.name().substring(p.name().length() + 1) : c.name();
                width = Math.max(width, name.length());
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
        return CommandOutput.ok(out);
    }
}
