package dev.dockwire.docker.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * What Docker Compose v2 leaves on a terminal after {@code up} or {@code down}: the last frame of
 * its progress display, {@code [+] Running 3/3} and one line per resource with its final state
 * ({@code  ✔ Network demo_default  Created}, {@code  ✘ Container demo-db-1   Error}).
 */
final class ComposeProgress {
    /**
     * One resource's line: progress.Event's ID ({@code kind name}), Text and StatusText
     * ({@code state}); a container's Text is empty, a pull's is {@code Pulled} or {@code Error}.
     */
    private record Event(String kind, String name, String text, String state, boolean ok) {
    }

    private final List<Event> events = new ArrayList<>();
    /** Where each resource (kind and name) stands in {@link #events}. */
    private final java.util.Map<String, Integer> places = new java.util.HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> builds = new ArrayList<>();
    private final String title;

    /** The display of {@code up} and {@code down}: {@code [+] Running N/M}. */
    ComposeProgress() {
        this("Running");
    }

    /** A display titled {@code title} ({@code Building} for {@code compose build}: progress.RunWithTitle). */
    ComposeProgress(String title) {
        this.title = title;
    }

    /** What the builds printed (buildx's display, on stdout), after the warnings and before the display. */
    void build(List<String> lines) {
        builds.addAll(lines);
    }

    /** A warning printed before the progress display, as Compose prints them. */
    void warn(String line) {
        warnings.add(line);
    }

    void done(String kind, String name, String state) {
        set(new Event(kind, name, "", state, true));
    }

    void failed(String kind, String name, String state) {
        set(new Event(kind, name, "", state, false));
    }

    /** A service's event with a Text ({@code  ✔ web Pulled}, {@code  ✘ db Error  MESSAGE}: pkg/compose/pull.go). */
    void service(String name, String text, String status, boolean ok) {
        set(new Event("", name, text, status, ok));
    }

    /** A resource's new state, in the place of its first (a hundred thousand services' events are looked up, not searched). */
    private void set(Event e) {
        Integer at = places.putIfAbsent(e.kind() + '\0' + e.name(), events.size());
        if (at != null) {
            events.set(at, e);
        } else {
            events.add(e);
        }
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /**
     * The line's text before its padding, as tty.go's lineText has it ({@code "%s %s"} of ID and
     * Text): {@code Network demo_default }, {@code web Pulled}; a service's pull is named by the service alone.
     */
    private static String what(Event e) {
        return (e.kind().isEmpty() ? e.name() : e.kind() + " " + e.name()) + " " + e.text();
    }

    List<String> lines() {
        List<String> out = new ArrayList<>(warnings);
        out.addAll(builds);
        if (events.isEmpty()) {
            return out;
        }
        // tty.go numDone counts every event no longer Working, a failed one too: all of them in the last frame.
        out.add("[+] " + title + " " + events.size() + "/" + events.size());
        int width = events.stream().mapToInt(e -> what(e).length()).max().orElse(0);
        for (Event e : events) {
            String what = what(e);
            out.add(" " + (e.ok() ? "✔" : "✘") + " " + what + " ".repeat(width - what.length()) + " " + e.state());
        }
        return out;
    }
}
