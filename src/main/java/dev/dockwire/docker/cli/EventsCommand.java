package dev.dockwire.docker.cli;

import dev.dockwire.app.Signal;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.Event;
import dev.dockwire.docker.engine.EventFilter;
import dev.dockwire.proc.Job;
import dev.dockwire.proc.JobControl;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker [system] events [--since T] [--until T] [-f KEY=VALUE]... [--format F]} as the
 * docker 28.2 client prints it (cli/command/system/events.go) over moby 28's {@code /events}
 * (api/server/router/system getEvents): the kept events from {@code --since} to {@code --until},
 * then, unless {@code --until} has passed, each new one as it happens until {@code --until}, Ctrl-C
 * (status 130, nothing printed: the client's signal context) or, in a script, the step timeout. A
 * line is {@code TIME TYPE ACTION ID (k=v, ...)} with the attributes sorted by key, or the
 * {@code --format} template over events.Message ({@code json}: {@code {{json .}}}).
 */
final class EventsCommand {
    private static final List<CliFlags.Spec> FLAGS = List.of(new CliFlags.Spec("since", (char) 0, true),
            new CliFlags.Spec("until", (char) 0, true), new CliFlags.Spec("filter", 'f', true), new CliFlags.Spec("format", (char) 0, true));
    /** rfc3339NanoFixed, in the host's zone (UTC). */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** events.Message's fields whose JSON key is not their Go name. */
    private static final Map<String, String> TAGS = Map.of("Status", "status", "ID", "id", "From", "from", "Scope", "scope",
            "Time", "time", "TimeNano", "timeNano");
    private static final Set<String> MESSAGE_FIELDS = Set.of("Status", "ID", "From", "Type", "Action", "Actor", "Scope", "Time", "TimeNano");
    private static final Set<String> ACTOR_FIELDS = Set.of("ID", "Attributes");
    /** A field path that starts at dot in an action: {@code .Actor.ID}. */
    private static final Pattern FIELD = Pattern.compile("(?<=[\\s{(|])\\.([A-Za-z_]\\w*)(?:\\.([A-Za-z_]\\w*))?");

    private final Engine engine;
    private final EventLoop loop;
    private final ProcessCommands processes;
    private final JobControl jobs;

    EventsCommand(Engine engine, EventLoop loop, ProcessCommands processes, JobControl jobs) {
        this.engine = engine;
        this.loop = loop;
        this.processes = processes;
        this.jobs = jobs;
    }

    CommandOutput run(String path, List<String> args) {
        CliFlags f = CliFlags.parse(args, FLAGS, true);
        if (!f.positional().isEmpty()) { // cli.NoArgs
            return new CommandOutput(1, List.of("docker: 'docker " + path + "' accepts no arguments", "", "Usage:  docker " + path
                    + " [OPTIONS]", "", "Run 'docker " + path + " --help' for more information"));
        }
        Map<String, Set<String>> filters = filters(f.all("filter"));
        String format = f.has("format") ? f.get("format") : "";
        String template = format.isEmpty() ? null : format.equals("json") ? "{{json .}}" : format;
        if (template != null) {
            String bad = invalid(template);
            if (bad != null) {
                return CommandOutput.fail(64, "Error parsing format: " + bad); // makeTemplate's cli.StatusError
            }
        }
        long now = engine.events().now();
        String since;
        String until;
        try {
            since = f.has("since") && !f.get("since").isEmpty() ? EventTimestamp.get(f.get("since"), now) : null;
            until = f.has("until") && !f.get("until").isEmpty() ? EventTimestamp.get(f.get("until"), now) : null;
        } catch (IllegalArgumentException e) {
            return CommandOutput.fail(1, e.getMessage());
        }
        long sinceNanos = since == null ? 0 : EventTimestamp.nanos(since);
        long untilNanos = until == null ? 0 : EventTimestamp.nanos(until);
        if (until != null && untilNanos < sinceNanos) {
            return CommandOutput.fail(1, "Error response from daemon: `since` time (" + (since == null ? "" : since)
                    + ") cannot be after `until` time (" + until + ")");
        }
        EventFilter filter = new EventFilter(filters);
        List<String> past = new ArrayList<>();
        engine.events().buffered(sinceNanos, untilNanos, filter).forEach(e -> past.addAll(lines(e, template)));
        if (until != null && untilNanos < now) { // onlyPastEvents
            return CommandOutput.ok(past);
        }
        boolean[] over = {false};
        Timeout end = until == null ? null : loop.schedule(untilNanos - now, () -> over[0] = true);
        try {
            return jobs.follows() ? live(past, filter, template, over) : script(args, past, filter, template, over);
        } finally {
            if (end != null) {
                end.cancel();
            }
        }
    }

    /** In a script: the events until {@code --until}, or until the step timeout ends the client. */
    private CommandOutput script(List<String> args, List<String> past, EventFilter filter, String template, boolean[] over) {
        List<String> out = new ArrayList<>(past);
        Runnable unsubscribe = engine.events().subscribe(filter, e -> out.addAll(lines(e, template)));
        boolean ended = processes.await(() -> over[0]);
        unsubscribe.run();
        if (!ended) {
            out.add(processes.timedOut(String.join(" ", prepend("docker events", args))));
        }
        return CommandOutput.ok(out);
    }

    /** At a live terminal: each line as it happens; Ctrl-C ends the client with 130, Ctrl-Z stops it (148). */
    private CommandOutput live(List<String> past, EventFilter filter, String template, boolean[] over) {
        int[] killedBy = {0};
        Job job = jobs.begin(0, s -> {
            if (!s.stops() && s != Signal.SIGCONT) {
                killedBy[0] = s.exitStatus();
            }
        }, () -> over[0] || killedBy[0] != 0, () -> killedBy[0]);
        List<String> collected = new ArrayList<>();
        Consumer<String> print = job.streams() ? job::print : collected::add;
        past.forEach(print);
        Runnable unsubscribe = engine.events().subscribe(filter, e -> {
            if (!job.done()) {
                lines(e, template).forEach(print);
            }
        });
        JobControl.Wait w = jobs.await(job);
        if (w == JobControl.Wait.DONE) {
            unsubscribe.run();
        }
        return new CommandOutput(w == JobControl.Wait.STOPPED ? 148 : killedBy[0], collected);
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** opts.FilterOpt: {@code name=value}, the name lower-cased, both trimmed; an empty one ignored. */
    private static Map<String, Set<String>> filters(List<String> values) {
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        for (String v : values) {
            if (v.isEmpty()) {
                continue;
            }
            int eq = v.indexOf('=');
            if (eq < 0) {
                throw new CliFlags.FlagError("invalid argument \"" + v + "\" for \"-f, --filter\" flag: bad format of filter (expected name=value)");
            }
            filters.computeIfAbsent(v.substring(0, eq).strip().toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                    .add(v.substring(eq + 1).strip());
        }
        return filters;
    }

    /**
     * makeTemplate's check, the template executed on an empty events.Message: Go's parse errors, and
     * a field events.Message (or its Actor) lacks, worded as text/template words it; null when it is good.
     */
    private static String invalid(String template) {
        try {
            GoTemplate.render(template, message(null));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            String field = m.group(1);
            String sub = m.group(2);
            boolean bad = !MESSAGE_FIELDS.contains(field) || field.equals("Actor") && sub != null && !ACTOR_FIELDS.contains(sub);
            if (bad) {
                int at = MESSAGE_FIELDS.contains(field) ? m.start(2) - 1 : m.start(); // the field it cannot evaluate
                int line = 1 + (int) template.substring(0, at).chars().filter(c -> c == '\n').count();
                int col = at - (template.lastIndexOf('\n', at) + 1);
                String type = MESSAGE_FIELDS.contains(field) ? "events.Actor" : "*events.Message";
                return "template: :" + line + ":" + col + ": executing \"\" at <" + m.group() + ">: can't evaluate field "
                        + (MESSAGE_FIELDS.contains(field) ? sub : field) + " in type " + type;
            }
        }
        return null;
    }

    /** What the client prints for {@code e}: prettyPrintEvent's line, or formatEvent's template output and a newline. */
    private static List<String> lines(Event e, String template) {
        if (template == null) {
            StringBuilder sb = new StringBuilder(TIME.format(Instant.ofEpochSecond(0, e.timeNano())))
                    .append(' ').append(e.type()).append(' ').append(e.action()).append(' ').append(e.actorId());
            if (!e.attributes().isEmpty()) {
                List<String> kv = new ArrayList<>();
                e.attributes().forEach((k, v) -> kv.add(k + "=" + v));
                sb.append(" (").append(String.join(", ", kv)).append(')');
            }
            return List.of(sb.toString());
        }
        return List.of(GoTemplate.render(template, message(e)).split("\n", -1));
    }

    /** events.Message as the client decodes it: its JSON keys, omitempty's fields left out when empty. */
    static GoStruct message(Event e) {
        Map<String, Object> actorZeros = Map.of("ID", "", "Attributes", Map.of()); // a nil map reads as empty
        GoStruct actor = new GoStruct(actorZeros).typed("events.Actor");
        Map<String, Object> zeros = Map.of("status", "", "id", "", "from", "", "Type", "", "Action", "", "Actor", actor,
                "scope", "", "time", 0L, "timeNano", 0L);
        GoStruct m = new GoStruct(zeros, TAGS).typed("*events.Message");
        if (e == null) {
            return m;
        }
        putIfSet(m, "status", e.status());
        putIfSet(m, "id", e.id());
        putIfSet(m, "from", e.from());
        m.put("Type", e.type());
        m.put("Action", e.action());
        GoStruct a = new GoStruct(actorZeros).typed("events.Actor");
        a.put("ID", e.actorId());
        a.put("Attributes", new TreeMap<>(e.attributes()));
        m.put("Actor", a);
        putIfSet(m, "scope", e.scope());
        m.put("time", e.time());
        m.put("timeNano", e.timeNano());
        return m;
    }

    private static void putIfSet(GoStruct m, String key, String value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }
}
