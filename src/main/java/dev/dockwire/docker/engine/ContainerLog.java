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
    private final List<java.util.function.Consumer<LogEntry>> followers = new ArrayList<>();

    void append(String stream, long nanos, String line) {
        LogEntry e = new LogEntry(stream, nanos, line);
        entries.add(e);
        List.copyOf(followers).forEach(f -> f.accept(e));
    }

    /** Calls {@code follower} with each entry as it is written ({@code docker logs -f}) until the returned handle runs. */
    public Runnable follow(java.util.function.Consumer<LogEntry> follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    /** The entries in the order written. */
    public List<LogEntry> entries() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }
}
