package dev.dockwire.docker.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The daemon's events (moby daemon/events/events.go): a ring of the last {@value #LIMIT} events,
 * which {@code docker events --since/--until} reads back, and a publisher that hands each new
 * event to the live subscribers at once (the loop is the daemon: no subscriber is ever too slow).
 */
public final class EventLog {
    /** eventsLimit. */
    static final int LIMIT = 256;
    private final ArrayDeque<Event> ring = new ArrayDeque<>(LIMIT);
    private final List<Consumer<Event>> subscribers = new ArrayList<>();
    private final LongSupplier unixNanos;
    /** How many {@link #quiet} bodies are running. */
    private int quiet;

    /** A log whose events are stamped with {@code unixNanos}, the daemon's wall clock. */
    EventLog(LongSupplier unixNanos) {
        this.unixNanos = unixNanos;
    }

    /** Log: a local-scope event stamped now, kept and published (none while {@link #quiet} runs). */
    void log(String type, String action, String actorId, Map<String, String> attributes) {
        if (quiet == 0) {
            publish(Event.local(type, action, actorId, attributes, unixNanos.getAsLong()));
        }
    }

    /** A container event of what the daemon runs outside its container store (the legacy builder's step containers). */
    public void container(String action, String id, Map<String, String> attributes) {
        log("container", action, id, attributes);
    }

    /**
     * Runs {@code body} logging nothing: what BuildKit's executor runs is no engine container (its
     * snapshots and runc processes make no daemon event), though dockwire runs it in one.
     */
    public <T> T quiet(java.util.function.Supplier<T> body) {
        quiet++;
        try {
            return body.get();
        } finally {
            quiet--;
        }
    }

    /** PublishMessage: the oldest event goes once the ring is full. */
    void publish(Event e) {
        if (ring.size() == LIMIT) {
            ring.removeFirst();
        }
        ring.addLast(e);
        for (Consumer<Event> s : List.copyOf(subscribers)) {
            s.accept(e);
        }
    }

    /**
     * loadBufferedEvents: the kept events from {@code sinceNanos} to {@code untilNanos} (Unix
     * nanoseconds, 0 for none) that {@code topic} takes, oldest first; none when neither bound is
     * given. As moby's, the walk back from the newest stops at the first event before {@code since}.
     */
    public List<Event> buffered(long sinceNanos, long untilNanos, Predicate<Event> topic) {
        ArrayDeque<Event> out = new ArrayDeque<>();
        if (sinceNanos == 0 && untilNanos == 0) {
            return List.of();
        }
        var it = ring.descendingIterator();
        while (it.hasNext()) {
            Event e = it.next();
            if (e.timeNano() < sinceNanos) {
                break;
            }
            if (untilNanos > 0 && e.timeNano() > untilNanos) {
                continue;
            }
            if (topic.test(e)) {
                out.addFirst(e);
            }
        }
        return List.copyOf(out);
    }

    /** SubscribeTopic: {@code listener} hears each new event {@code topic} takes until the returned action evicts it. */
    public Runnable subscribe(Predicate<Event> topic, Consumer<Event> listener) {
        Consumer<Event> s = e -> {
            if (topic.test(e)) {
                listener.accept(e);
            }
        };
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    /** The daemon's clock in Unix nanoseconds, against which the client's durations and {@code --until} are read. */
    public long now() {
        return unixNanos.getAsLong();
    }
}
