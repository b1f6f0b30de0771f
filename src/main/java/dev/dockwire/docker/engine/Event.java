package dev.dockwire.docker.engine;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One event of the daemon's log, moby's {@code events.Message} (api/types/events/events.go): what
 * happened ({@code type} and {@code action}), to whom ({@code actorId} and its attributes), with
 * {@code scope} {@code local} for the engine's own events, at {@code timeNano} (Unix nanoseconds).
 * The attributes are kept sorted by key, the order the client prints them and encoding/json writes a map.
 */
public record Event(String type, String action, String actorId, SortedMap<String, String> attributes, String scope, long timeNano) {
    public static final String CONTAINER = "container";
    public static final String NETWORK = "network";
    public static final String VOLUME = "volume";
    public static final String IMAGE = "image";

    public Event {
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** A local-scope event, as daemon/events/events.go's Log makes it. */
    static Event local(String type, String action, String actorId, Map<String, String> attributes, long timeNano) {
        return new Event(type, action, actorId, new TreeMap<>(attributes), "local", timeNano);
    }

    /** The deprecated {@code status}: the action, filled for container and image events only (Log's "fill deprecated fields"). */
    public String status() {
        return legacy() ? action : "";
    }

    /** The deprecated {@code id}: the actor's, for container and image events only. */
    public String id() {
        return legacy() ? actorId : "";
    }

    /** The deprecated {@code from}: a container's image. */
    public String from() {
        return type.equals(CONTAINER) ? attributes.getOrDefault("image", "") : "";
    }

    /** {@code time}: whole Unix seconds. */
    public long time() {
        return Math.floorDiv(timeNano, 1_000_000_000L);
    }

    private boolean legacy() {
        return type.equals(CONTAINER) || type.equals(IMAGE);
    }
}
