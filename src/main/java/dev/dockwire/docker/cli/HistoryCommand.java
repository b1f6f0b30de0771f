package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ImageHistory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker [image] history [--format F] [-H=false] [--no-trunc] [-q] IMAGE} as the docker
 * 28.2 client prints the daemon's {@link ImageHistory} (cli/command/image/history.go and
 * formatter_history.go): IMAGE (12 hex digits unless {@code --no-trunc}, or {@code <missing>}),
 * CREATED (go-units' HumanDuration of the client's clock, or RFC 3339 with {@code -H=false}),
 * CREATED BY (tabs as spaces, cut to 45 columns with {@code …} unless {@code --no-trunc}), SIZE
 * (HumanSizeWithPrecision(3), or bytes with {@code -H=false}) and COMMENT.
 */
final class HistoryCommand {
    /** formatter's defaultHistoryTableFormat. */
    private static final String DEFAULT_TABLE = "table {{.ID}}\\t{{.CreatedSince}}\\t{{.CreatedBy}}\\t{{.Size}}\\t{{.Comment}}";
    private static final List<Spec> SPECS = List.of(new Spec("format", (char) 0, true), new Spec("human", 'H', false),
            new Spec("no-trunc", (char) 0, false), new Spec("platform", (char) 0, true), new Spec("quiet", 'q', false));
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

    private HistoryCommand() {
    }

    static CommandOutput run(Engine engine, String path, List<String> args, long wallMillis) {
        CliFlags f = CliFlags.parse(Booleans.spelled(args, 'H', "human"), SPECS, true);
        boolean human = Booleans.value(f, "human", "-H, --human", true);
        if (f.positional().size() != 1) {
            return CliErrors.usage(path, "exactly 1 argument", "[OPTIONS] IMAGE");
        }
        List<ImageHistory.Row> history;
        try {
            history = ImageHistory.of(engine.images(), f.positional().get(0));
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
        boolean trunc = !f.has("no-trunc");
        List<ListFormat.Row> rows = new ArrayList<>();
        for (ImageHistory.Row h : history) {
            rows.add(row(h, trunc, human, wallMillis));
        }
        String format = f.has("quiet") ? "{{.ID}}" : f.get("format");
        return CommandOutput.ok(ListFormat.write(format, DEFAULT_TABLE, ListFormat.header("ID", "IMAGE", "CreatedSince", "CREATED",
                "CreatedAt", "CREATED AT", "CreatedBy", "CREATED BY", "Size", "SIZE", "Comment", "COMMENT"), rows));
    }

    /**
     * formatter's historyContext; the daemon's Created is whole seconds (time.Unix). The docker 28.2 client's
     * CreatedSince is {@code N/A} for a Created at or before the epoch (an entry without a date: what it
     * printed beside the reference engine for a loaded image dated 1970-01-01), its CreatedAt the time still.
     */
    private static ListFormat.Row row(ImageHistory.Row h, boolean trunc, boolean human, long wallMillis) {
        ListFormat.Row row = new ListFormat.Row();
        Instant created = Instant.ofEpochSecond(h.created().getEpochSecond());
        String at = RFC3339.format(created).replace("+00:00", "Z");
        row.put("ID", trunc && h.id().startsWith("sha256:") ? h.id().substring(7, 19) : h.id());
        row.put("CreatedAt", at);
        row.put("CreatedSince", !human ? at : created.getEpochSecond() <= 0 ? "N/A" : HumanTime.ago((wallMillis - created.toEpochMilli()) * 1_000_000L));
        String by = h.createdBy().replace('\t', ' ');
        row.put("CreatedBy", trunc ? ellipsis(by, 45) : by);
        row.put("Size", human ? Units.humanSize(h.size()) : Long.toString(h.size()));
        row.put("Comment", h.comment());
        return row;
    }

    /** formatter.Ellipsis: cut to {@code width} columns, the last one {@code …}. */
    static String ellipsis(String s, int width) {
        int[] runes = s.codePoints().toArray();
        if (runes.length <= width) {
            return s;
        }
        return new String(runes, 0, width - 1) + "…";
    }
}
