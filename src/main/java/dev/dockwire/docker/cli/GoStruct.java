package dev.dockwire.docker.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object as the docker client decodes it into a Go struct: encoding/json leaves out an
 * {@code omitempty} field at its zero value, but the struct the client decodes still has the
 * field, so text/template reads {@code ""} for a string ({@code {{json .Config.User}}} prints
 * {@code ""}, not {@code null}), {@code false} for a bool, and a typed nil for a pointer, slice or
 * map ({@code {{.Config.Entrypoint}}} prints {@code []}, not {@code <no value>}). The map
 * holds what the daemon sends (what {@code json} of the whole object prints); {@link #field}
 * adds the zero values of the struct's fields it left out.
 */
final class GoStruct extends LinkedHashMap<String, Object> {
    private final Map<String, Object> zeros;
    /** The fields whose JSON key is not their Go name (a {@code json:"status"} tag on {@code Status}): Go name to key. */
    private final Map<String, String> tags;
    /** The Go type text/template names it by in an error ({@code *events.Message}); null when unnamed. */
    private String goType;

    /** An object whose struct declares {@code zeros}: each omitempty field with its Go zero value. */
    GoStruct(Map<String, Object> zeros) {
        this(zeros, Map.of());
    }

    /** As {@link #GoStruct(Map)}, the map's keys being the JSON keys {@code tags} gives the Go fields. */
    GoStruct(Map<String, Object> zeros, Map<String, String> tags) {
        this.zeros = zeros;
        this.tags = tags;
    }

    /** This object named as its Go type is ({@code system.dockerInfo}), for text/template's errors. */
    GoStruct typed(String type) {
        this.goType = type;
        return this;
    }

    String goType() {
        return goType;
    }

    /** Whether the struct has the field: sent, or one of its omitempty fields. */
    boolean has(String name) {
        String key = tags.getOrDefault(name, name);
        return containsKey(key) || zeros.containsKey(key);
    }

    /** The field as text/template reads it from the decoded struct: the value sent, else (absent or null) the field's zero value. */
    Object field(String name) {
        String key = tags.getOrDefault(name, name);
        Object v = get(key);
        return v != null ? v : zeros.get(key);
    }
}
