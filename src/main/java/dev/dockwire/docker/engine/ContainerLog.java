package dev.dockwire.docker.engine;

import dev.dockwire.docker.LogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * What the json-file log driver keeps of a container (daemon/logger/jsonfilelog): every line its
 * main process wrote, with the stream and the time it was written; kept across restarts until
 * the container is removed.
 */
public final class ContainerLog {
    private final List<LogEntry> entries = new ArrayList<>();

    void append(String stream, long nanos, String line) {
        entries.add(new LogEntry(stream, nanos, line));
    }

    /** The entries in the order written. */
    public List<LogEntry> entries() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }
}
