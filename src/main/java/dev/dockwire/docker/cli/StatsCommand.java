package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.NetworkStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code docker stats --no-stream} (cli/command/container/stats.go and formatter_stats.go): one
 * sample per container, running ones unless {@code -a} or named. NET I/O is the bytes its
 * interfaces received and sent (the devices' counters); MEM USAGE its programs' memory
 * ({@link StatsMemory}) over its limit ({@code --memory}, else the machine's); dockwire's processes
 * use no modelled CPU or block I/O, so those columns read as a container's that used none; PIDS counts its
 * processes. Without {@code --no-stream} the real client redraws the table every second; here
 * one sample is printed as well.
 */
final class StatsCommand {
    private static final String DEFAULT_TABLE = "table {{.ID}}\\t{{.Name}}\\t{{.CPUPerc}}\\t{{.MemUsage}}\\t{{.MemPerc}}\\t{{.NetIO}}\\t{{.BlockIO}}\\t{{.PIDs}}";

    private final Engine engine;

    StatsCommand(Engine engine) {
        this.engine = engine;
    }

    CommandOutput run(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("all", 'a', false), new Spec("no-stream", (char) 0, false),
                new Spec("no-trunc", (char) 0, false), new Spec("format", (char) 0, true)), true);
        List<ListFormat.Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (f.positional().isEmpty()) {
            List<Container> list = new ArrayList<>(engine.containers());
            Collections.reverse(list);
            for (Container c : list) {
                if (f.has("all") || c.running()) {
                    rows.add(row(c, c.shortId(), f.has("no-trunc")));
                }
            }
        } else {
            for (String ref : f.positional()) {
                try {
                    rows.add(row(engine.container(ref), ref, f.has("no-trunc")));
                } catch (EngineException e) {
                    errors.add("Error response from daemon: " + e.getMessage());
                }
            }
        }
        if (!errors.isEmpty()) {
            return new CommandOutput(1, errors); // the client stops at the first container it cannot find
        }
        return CommandOutput.ok(ListFormat.write(f.get("format"), DEFAULT_TABLE, header(), rows));
    }

    private ListFormat.Row row(Container c, String asked, boolean noTrunc) {
        long[] io = NetworkStats.of(engine, c);
        boolean running = c.running();
        ListFormat.Row row = new ListFormat.Row();
        row.put("BlockIO", "0B / 0B");
        row.put("CPUPerc", "0.00%");
        row.put("Container", asked);
        row.put("ID", noTrunc ? c.id() : c.shortId());
        // An unlimited container's limit is the machine's memory (cgroup v2 memory.max "max": MemTotal), else --memory's;
        // a stopped one has neither.
        long limit = !running ? 0 : c.resources().memory() > 0 ? c.resources().memory()
                : dev.dockwire.docker.engine.HostInfo.of(engine).memTotal();
        long usage = running && engine.processes(c) != null ? StatsMemory.usage(engine.processes(c).running()) : 0;
        row.put("MemPerc", StatsMemory.percent(usage, limit));
        row.put("MemUsage", Units.bytesSize(usage) + " / " + Units.bytesSize(limit));
        row.put("Name", c.name());
        row.put("NetIO", Units.humanSize(io[0]) + " / " + Units.humanSize(io[1]));
        row.put("PIDs", String.valueOf(running && engine.processes(c) != null ? engine.processes(c).running().size() : 0));
        return row;
    }

    private static ListFormat.Row header() {
        return ListFormat.header("Container", "CONTAINER", "ID", "CONTAINER ID", "Name", "NAME", "CPUPerc", "CPU %",
                "MemUsage", "MEM USAGE / LIMIT", "MemPerc", "MEM %", "NetIO", "NET I/O", "BlockIO", "BLOCK I/O", "PIDs", "PIDS");
    }
}
