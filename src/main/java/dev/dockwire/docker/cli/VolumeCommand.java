package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.Volume;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docker volume create|ls|inspect|rm} against the engine's volumes, printing what docker/cli's
 * cli/command/volume prints ({@code prune} is {@link PruneCommands#volume}).
 */
final class VolumeCommand {
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Engine engine;

    VolumeCommand(Engine engine) {
        this.engine = engine;
    }

    CommandOutput run(List<String> args) {
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "create" -> create(rest);
            case "ls", "list" -> ls(rest);
            case "inspect" -> inspect(rest);
            case "rm", "remove" -> rm(rest);
            default -> new CommandOutput(1, List.of("docker: unknown command: docker volume " + args.get(0), "",
                    "Usage:  docker volume COMMAND", "", "Run 'docker volume --help' for more information"));
        };
    }

    /** {@code docker volume create [--name N] [-d local] [--label K=V] [-o K=V] [VOLUME]}: prints the name. */
    private CommandOutput create(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("driver", 'd', true), new Spec("label", (char) 0, true),
                new Spec("opt", 'o', true), new Spec("name", (char) 0, true)), true);
        if (f.positional().size() > 1) {
            // cli/required.go RequiresMaxArgs, whose format ends in a stray "S" before the hint.
            return new CommandOutput(1, List.of("docker: 'docker volume create' requires at most 1 argument", "",
                    "Usage:  docker volume create [OPTIONS] [VOLUME]", "", "SRun 'docker volume create --help' for more information"));
        }
        String name = f.positional().isEmpty() ? f.get("name") : f.positional().get(0);
        try {
            return CommandOutput.ok(List.of(engine.volumes().create(name, CreateFlags.labels(f.all("label"))).name()));
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
    }

    private CommandOutput ls(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("quiet", 'q', false), new Spec("format", (char) 0, true),
                new Spec("filter", 'f', true), new Spec("cluster", (char) 0, false)), true);
        if (!f.positional().isEmpty()) {
            return new CommandOutput(1, List.of("docker: 'docker volume ls' accepts no arguments", "", "Usage:  docker volume ls [OPTIONS]",
                    "", "Run 'docker volume ls --help' for more information"));
        }
        List<Volume> vols = new ArrayList<>(engine.volumes().all());
        // moby volume/service: the values of one key are alternatives, keys all apply; dangling is true/1 or false/0
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String filter : f.all("filter")) {
            int eq = filter.indexOf('=');
            filters.computeIfAbsent(eq < 0 ? filter : filter.substring(0, eq), k -> new ArrayList<>()).add(eq < 0 ? "" : filter.substring(eq + 1));
        }
        for (Map.Entry<String, List<String>> e : filters.entrySet()) {
            List<String> vs = e.getValue();
            switch (e.getKey()) {
                case "dangling" -> {
                    boolean yes = vs.contains("true") || vs.contains("1");
                    if (!yes && !vs.contains("false") && !vs.contains("0")) { // invalidFilter{"dangling", filter.Get("dangling")}
                        return CommandOutput.fail(1, "Error response from daemon: invalid filter 'dangling=[" + String.join(" ", vs) + "]'");
                    }
                    vols.removeIf(v -> engine.volumes().users(v.name()).isEmpty() != yes);
                }
                case "name" -> vols.removeIf(v -> vs.stream().noneMatch(val -> v.name().contains(val)));
                case "driver" -> vols.removeIf(v -> vs.stream().noneMatch("local"::contains));
                case "label" -> vols.removeIf(v -> !vs.stream().allMatch(val -> label(v, val)));
                default -> {
                    // moby 28 api/types/filters Validate's invalidFilter (20.10's daemon capitalised it)
                    return CommandOutput.fail(1, "Error response from daemon: invalid filter '" + e.getKey() + "'");
                }
            }
        }
        if (f.has("quiet")) {
            return CommandOutput.ok(vols.stream().map(Volume::name).toList());
        }
        // cli/command/formatter/volume.go: volumeContext's fields and its default table.
        List<ListFormat.Row> rows = new ArrayList<>();
        for (Volume v : vols) {
            ListFormat.Row row = new ListFormat.Row().typed("*formatter.volumeContext");
            row.put("Availability", "N/A");
            row.put("Driver", "local");
            row.put("Group", "N/A");
            row.put("Labels", String.join(",", new TreeMap<>(v.labels()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            row.put("Links", "N/A");
            row.put("Mountpoint", v.mountpoint());
            row.put("Name", v.name());
            row.put("Scope", "local");
            row.put("Size", "N/A");
            row.put("Status", "N/A");
            rows.add(row.function("Label", k -> v.labels().getOrDefault(k, "")));
        }
        ListFormat.Row header = ListFormat.header("Driver", "DRIVER", "Name", "VOLUME NAME", "Mountpoint", "MOUNTPOINT", "Scope", "SCOPE",
                "Labels", "LABELS", "Links", "LINKS", "Size", "SIZE", "Group", "GROUP", "Availability", "AVAILABILITY", "Status", "STATUS");
        return CommandOutput.ok(ListFormat.write(f.get("format"), "table {{.Driver}}\\t{{.Name}}", header, rows));
    }

    private static boolean label(Volume v, String filter) {
        int eq = filter.indexOf('=');
        return eq < 0 ? v.labels().containsKey(filter) : filter.substring(eq + 1).equals(v.labels().get(filter.substring(0, eq)));
    }

    /** {@code docker volume inspect [-f FORMAT] VOLUME...}: volume.Volume as the API returns it. */
    private CommandOutput inspect(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("format", 'f', true)), true);
        if (f.positional().isEmpty()) {
            return new CommandOutput(1, List.of("docker: 'docker volume inspect' requires at least 1 argument", "",
                    "Usage:  docker volume inspect [OPTIONS] VOLUME [VOLUME...]", "", "See 'docker volume inspect --help' for more information"));
        }
        if (f.has("format")) {
            try {
                GoTemplate.check(f.get("format")); // inspect.Inspect: parsed before any lookup, a StatusError of 64
            } catch (GoTemplate.ParseError e) {
                return CommandOutput.fail(64, "template parsing error: " + e.getMessage());
            }
        }
        List<Object> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Object> order = new ArrayList<>(); // each volume or its error, in the order given
        for (String name : f.positional()) {
            try {
                found.add(inspect(engine.volumes().get(name), engine.epochMillis()));
                order.add(found.get(found.size() - 1));
            } catch (EngineException e) {
                errors.add("Error response from daemon: " + e.getMessage());
                order.add(errors.get(errors.size() - 1));
            }
        }
        List<String> out = new ArrayList<>();
        if (f.has("format")) {
            return InspectCommand.formatted(f.get("format"), order, errors, false); // the client keeps no raw JSON of a volume
        } else {
            out.addAll(List.of(Json.pretty(found).split("\n")));
        }
        out.addAll(errors);
        return new CommandOutput(errors.isEmpty() ? 0 : 1, out);
    }

    /** volume.Volume's omitempty fields at their zero values, for a template. */
    private static final Map<String, Object> VOLUME_ZEROS = Map.of("ClusterVolume", GoTemplate.NIL_POINTER,
            "Status", GoTemplate.NIL_MAP, "UsageData", GoTemplate.NIL_POINTER, "CreatedAt", "");

    static Map<String, Object> inspect(Volume v, long epochMillis) {
        Map<String, Object> m = new GoStruct(VOLUME_ZEROS).typed("volume.Volume");
        m.put("CreatedAt", RFC3339.format(Instant.ofEpochMilli(epochMillis).plusNanos(v.createdNanos())));
        m.put("Driver", "local");
        m.put("Labels", v.labels().isEmpty() ? GoTemplate.NIL_MAP : new TreeMap<>(v.labels())); // volume.Volume's map[string]string, nil when empty
        m.put("Mountpoint", v.mountpoint());
        m.put("Name", v.name());
        m.put("Options", GoTemplate.NIL_MAP);
        m.put("Scope", "local");
        return m;
    }

    /** {@code docker volume rm [-f] VOLUME...}: each name removed is printed; the daemon's errors after, status 1. */
    private CommandOutput rm(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("force", 'f', false)), true);
        if (f.positional().isEmpty()) {
            return new CommandOutput(1, List.of("docker: 'docker volume rm' requires at least 1 argument", "",
                    "Usage:  docker volume rm [OPTIONS] VOLUME [VOLUME...]", "", "See 'docker volume rm --help' for more information"));
        }
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : f.positional()) {
            try {
                engine.volumes().remove(name, f.has("force"));
                out.add(name);
            } catch (EngineException e) {
                errors.add("Error response from daemon: " + e.getMessage());
            }
        }
        out.addAll(errors);
        return new CommandOutput(errors.isEmpty() ? 0 : 1, out);
    }
}
