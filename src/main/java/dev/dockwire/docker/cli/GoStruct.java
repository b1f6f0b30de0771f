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

    /** An object whose struct declares {@code zeros}: each omitempty field with its Go zero value. */
    GoStruct(Map<String, Object> zeros) {
        this.zeros = zeros;
    }

    /** The field as text/template reads it from the decoded struct: the value sent, else (absent or null) the field's zero value. */
    Object field(String name) {
        Object v = get(name);
        return v != null ? v : zeros.get(name);
    }
}
