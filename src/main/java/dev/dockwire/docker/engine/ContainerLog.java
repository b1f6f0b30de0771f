package dev.dockwire.docker.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What the json-file log driver keeps of a container (daemon/logger/jsonfilelog): every line its
 * main process wrote, with the stream and the time it was written; kept across restarts until
 * the container is removed.
 */
public final class ContainerLog {
    /** One entry, as json-file writes {@code {"log":"...\n","stream":"stdout","time":"..."}}. */
    public record Entry(String stream, long nanos, String line) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void append(String stream, long nanos, String line) {
        entries.add(new Entry(stream, nanos, line));
    }

    /** The entries in the order written. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }
}
