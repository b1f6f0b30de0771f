package dev.dockwire.docker.cli;

import java.util.LinkedHashMap;
import java.util.List;
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
    /** The struct's fields in declaration order as fmt prints them (Go names, {@link Embedded} ones), null when not declared. */
    private List<Object> layout;
    /** Its fields that are pointers to a scalar ({@code *int64}, {@code *bool}): fmt prints a set one as its address inside the struct. */
    private java.util.Set<String> pointers = java.util.Set.of();
    /** Whether the value is a pointer to the struct (a {@code *container.State}), which fmt prints as an address inside another value. */
    private boolean pointer;
    /** What its type's String method returns (go-units' {@code *Ulimit}: {@code nofile=1024:2048}), which fmt prints; null for none. */
    private String stringer;

    /** An embedded struct field ({@code NetworkSettingsBase} in NetworkSettings): its fields are promoted, fmt prints it as one value. */
    record Embedded(String name, boolean pointer, List<Object> fields) {
    }

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

    /**
     * This object as a value of the Go struct type {@code type} whose fields, in declaration order,
     * are {@code layout}; {@code pointer} when what the client decodes is a pointer to it.
     */
    GoStruct declared(String type, boolean pointer, List<Object> layout) {
        this.goType = type;
        this.pointer = pointer;
        this.layout = layout;
        return this;
    }

    /** This value of a type with a String method (fmt.Stringer) returning {@code text}. */
    GoStruct stringer(String text) {
        this.stringer = text;
        return this;
    }

    /** What its String method returns, or null when its type has none. */
    String stringer() {
        return stringer;
    }

    /** Marks {@code fields} (Go names) as pointers to scalars. */
    GoStruct pointers(String... fields) {
        this.pointers = java.util.Set.of(fields);
        return this;
    }

    /** Whether field {@code name} is a pointer to a scalar. */
    boolean pointerField(String name) {
        return pointers.contains(name);
    }

    List<Object> layout() {
        return layout;
    }

    boolean pointer() {
        return pointer;
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
