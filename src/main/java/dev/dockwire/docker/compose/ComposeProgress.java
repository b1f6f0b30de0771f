package dev.dockwire.docker.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * What Docker Compose v2 leaves on a terminal after {@code up} or {@code down}: the last frame of
 * its progress display, {@code [+] Running 3/3} and one line per resource with its final state
 * ({@code  ✔ Network demo_default  Created}, {@code  ✘ Container demo-db-1   Error}).
 */
final class ComposeProgress {
    private record Event(String kind, String name, String state, boolean ok) {
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
        set(new Event(kind, name, state, true));
    }

    void failed(String kind, String name, String state) {
        set(new Event(kind, name, state, false));
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

    /** {@code Network demo_default}; a service's pull is named by the service alone ({@code web}). */
    private static String what(Event e) {
        return e.kind().isEmpty() ? e.name() : e.kind() + " " + e.name();
    }

    List<String> lines() {
        List<String> out = new ArrayList<>(warnings);
        out.addAll(builds);
        if (events.isEmpty()) {
            return out;
        }
        long ok = events.stream().filter(Event::ok).count();
        out.add("[+] " + title + " " + ok + "/" + events.size());
        int width = events.stream().mapToInt(e -> what(e).length()).max().orElse(0);
        for (Event e : events) {
            String what = what(e);
            out.add(" " + (e.ok() ? "✔" : "✘") + " " + what + " ".repeat(width - what.length()) + "  " + e.state());
        }
        return out;
    }
}
