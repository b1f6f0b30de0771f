package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.Engine;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code docker ps} (and {@code docker container ls}): the daemon's list (moby daemon/list.go:
 * newest first, running ones unless {@code -a}, {@code -n N}/{@code -l} the last N created in any
 * state, {@code --filter}) printed by docker/cli's container formatter
 * (cli/command/formatter/container.go and cli/command/container/ps.go): the default table,
 * {@code table TEMPLATE}, {@code json} or a template per container.
 */
final class PsCommand {
    /** formatter.defaultContainerTableFormat. */
    static final String DEFAULT_TABLE = "table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}";
    private static final List<Spec> FLAGS = List.of(new Spec("all", 'a', false), new Spec("quiet", 'q', false),
            new Spec("no-trunc", (char) 0, false), new Spec("format", (char) 0, true), new Spec("filter", 'f', true),
            new Spec("latest", 'l', false), new Spec("last", 'n', true), new Spec("size", 's', false));
    /** Go's time.Time.String of the API's Created (Unix seconds), in the client's zone, UTC here. */
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Engine engine;
    private final long now;

    PsCommand(Engine engine, long now) {
        this.engine = engine;
        this.now = now;
    }

    CommandOutput run(List<String> args) {
        CliFlags f = CliFlags.parse(args, FLAGS, true);
        if (!f.positional().isEmpty()) {
            // cli.NoArgs
            return new CommandOutput(1, List.of("docker: 'docker ps' accepts no arguments", "", "Usage:  docker ps [OPTIONS]", "",
                    "Run 'docker ps --help' for more information"));
        }
        if (f.has("format")) {
            // container/list.go buildContainerListOptions: the format as given (table prefix, \t unexpanded), parsed and run
            // once over an empty ContainerContext to see which fields it uses; what fails there fails the command
            try {
                GoTemplate.render(f.get("format"), emptyRow());
            } catch (GoTemplate.ParseError e) {
                return CommandOutput.fail(1, "failed to parse template: " + e.getMessage());
            } catch (GoTemplate.ExecError e) {
                return CommandOutput.fail(1, "failed to execute template: " + e.getMessage());
            }
        }
        int last = -1;
        if (f.has("last")) {
            try {
                last = Integer.parseInt(f.get("last"));
            } catch (NumberFormatException e) {
                throw new CliFlags.FlagError("invalid argument \"" + f.get("last") + "\" for \"-n, --last\" flag: strconv.ParseInt: parsing \""
                        + f.get("last") + "\": invalid syntax");
            }
        }
        if (f.has("latest") && last == -1) {
            last = 1; // ps.go buildContainerListOptions
        }
        List<Container> list;
        try {
            list = list(PsFilter.parse(f.all("filter")), f.has("all"), last);
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
        boolean noTrunc = f.has("no-trunc");
        List<String> out = new ArrayList<>();
        if (f.has("quiet")) {
            if (f.has("format")) {
                out.add("WARNING: Ignoring custom format, because both --format and --quiet are set.");
            }
            list.forEach(c -> out.add(noTrunc ? c.id() : c.shortId()));
            return CommandOutput.ok(out);
        }
        List<ListFormat.Row> rows = new ArrayList<>();
        // list.go buildContainerListOptions: the sizes are asked for with -s or by a format that reads .Size
        boolean sized = f.has("size") || f.has("format") && f.get("format").contains(".Size");
        for (Container c : list) {
            ListFormat.Row row = row(c, noTrunc);
            if (sized) {
                row.put("Size", ContainerSize.of(engine, c).column());
            }
            rows.add(row);
        }
        String table = f.has("size") ? DEFAULT_TABLE + "\\t{{.Size}}" : DEFAULT_TABLE;
        return CommandOutput.ok(ListFormat.write(f.get("format"), table, header(), rows));
    }

    /** The containers the daemon lists: newest first; stopped ones with {@code all}, a status filter or a limit. */
    private List<Container> list(PsFilter filter, boolean all, int limit) {
        List<Container> list = new ArrayList<>(engine.containers());
        Collections.reverse(list);
        // foldFilter's idOrNameFilter, then includeContainerInList: newer than "before" and itself left out, "since" and older ones too
        Container before = filter.container("before") == null ? null : byIdOrName(filter.container("before"));
        Container since = filter.container("since") == null ? null : byIdOrName(filter.container("since"));
        if (before != null) {
            list = new ArrayList<>(list.subList(list.indexOf(before) + 1, list.size()));
        }
        if (since != null && list.contains(since)) {
            list = new ArrayList<>(list.subList(0, list.indexOf(since)));
        }
        boolean everyState = all || filter.listsAll() || limit > 0;
        // moby: a restarting container is running
        list.removeIf(c -> !everyState && !c.running() && c.state() != Container.State.RESTARTING || !filter.accepts(c));
        return limit > 0 && list.size() > limit ? new ArrayList<>(list.subList(0, limit)) : list;
    }

    /** formatter.ContainerContext's fields for {@code c}. */
    ListFormat.Row row(Container c, boolean noTrunc) {
        ListFormat.Row row = new ListFormat.Row().typed("*formatter.ContainerContext");
        row.put("Command", DockerCommand.command(c, !noTrunc));
        row.put("CreatedAt", CREATED_AT.format(Instant.ofEpochMilli(engine.epochMillis()).plusNanos(c.created())));
        row.put("ID", noTrunc ? c.id() : c.shortId());
        row.put("Image", c.image());
        row.put("Labels", c.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(",")));
        row.put("LocalVolumes", Long.toString(c.mounts().stream().filter(m -> m.driver().equals("local")).count()));
        row.put("Mounts", InspectMounts.psColumn(c, !noTrunc));
        row.put("Names", c.name());
        row.put("Networks", c.endpoints().keySet().stream().sorted().collect(Collectors.joining(",")));
        row.put("Platform", GoTemplate.NIL_POINTER); // containerContext.Platform: no ImageManifestDescriptor from the daemon
        row.put("Ports", DockerCommand.portsColumn(c, engine.images().config(c.image())));
        row.put("RunningFor", HumanTime.ago(now - c.created()));
        row.put("Size", "0B");
        row.put("State", c.status());
        row.put("Status", DockerCommand.status(c, now));
        return row.function("Label", key -> c.labels().getOrDefault(key, ""));
    }

    /** container.View Get (a full id), then an exact name; the view's NoSuchContainerError otherwise. */
    private Container byIdOrName(String value) {
        for (Container c : engine.containers()) {
            if (c.id().equals(value) || c.name().equals(value.startsWith("/") ? value.substring(1) : value)) {
                return c;
            }
        }
        throw new EngineException("no such container " + value);
    }

    /** formatter.NewContainerContext(): the methods over a zero container.Summary. */
    private static ListFormat.Row emptyRow() {
        ListFormat.Row row = new ListFormat.Row().typed("*formatter.ContainerContext");
        for (String field : List.of("ID", "CreatedAt", "RunningFor", "Ports", "State", "Status", "Names", "Labels", "Mounts", "Networks")) {
            row.put(field, "");
        }
        row.put("Image", "<no image>");
        row.put("Command", "\"\"");
        row.put("LocalVolumes", "0");
        row.put("Size", "0B");
        row.put("Platform", GoTemplate.NIL_POINTER);
        return row.function("Label", key -> "");
    }

    /** formatter.ContainerContext's header: each field's column name. */
    static ListFormat.Row header() {
        return ListFormat.header("ID", "CONTAINER ID", "Image", "IMAGE", "Command", "COMMAND", "CreatedAt", "CREATED AT",
                "RunningFor", "CREATED", "Ports", "PORTS", "State", "STATE", "Status", "STATUS", "Size", "SIZE", "Names", "NAMES",
                "Labels", "LABELS", "Mounts", "MOUNTS", "LocalVolumes", "LOCAL VOLUMES", "Networks", "NETWORKS", "Platform", "PLATFORM");
    }
}
