package dev.dockwire.docker.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Go values a template sees, as the Java objects docker's commands build stand for them:
 * their reflect kind, the type name text/template's errors and {@code %T} print, and Go's
 * truth; the raw JSON's json.Number, map[string]interface {} and []interface {}, and typed nils.
 */
final class GoValue {
    private GoValue() {
    }

    /** Go's reflect kinds as the builtins tell them apart. */
    enum Kind {
        INVALID, BOOL, INT, UINT, FLOAT, STRING, MAP, SLICE, STRUCT, PTR
    }

    /** A json.Number: the text of a number the raw JSON held. */
    record JsonNumber(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A time.Time the client decoded from the JSON's RFC 3339 text: fmt prints it with its String
     * method ({@code 2026-12-06 23:14:05.123456789 +0000 UTC}, the fraction's trailing zeros
     * dropped), encoding/json marshals it back to the text.
     */
    record GoTime(String rfc3339) {
        @com.fasterxml.jackson.annotation.JsonValue
        String json() {
            return rfc3339;
        }

        /** time.Time's String: Format("2006-01-02 15:04:05.999999999 -0700 MST") of a UTC time. */
        @Override
        public String toString() {
            java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(rfc3339);
            String frac = String.format("%09d", t.getNano()).replaceAll("0+$", "");
            return String.format(java.util.Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                    t.getHour(), t.getMinute(), t.getSecond()) + (frac.isEmpty() ? "" : "." + frac) + " +0000 UTC";
        }
    }

    /** A typed Go nil of a kind: printed by fmt as {@code text}, marshalled as null, false in {@code if}, empty to {@code len} and {@code range}. */
    record GoNil(Kind kind, String text) {
        @com.fasterxml.jackson.annotation.JsonValue
        Object json() {
            return null;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** An object of the raw JSON: map[string]interface {}. */
    static final class RawMap extends LinkedHashMap<String, Object> {
    }

    /** An array of the raw JSON: []interface {}. */
    static final class RawList extends ArrayList<Object> {
    }

    /** exec.go isTrue: false, 0, "", nil and empty maps and slices are false; structs are true. */
    static boolean truth(Object v) {
        return switch (kind(v)) {
            case INVALID -> false;
            case BOOL -> (Boolean) v;
            case INT, UINT -> ((Number) v).longValue() != 0;
            case FLOAT -> (Double) v != 0;
            case STRING -> !v.toString().isEmpty();
            case MAP -> !(v instanceof GoNil) && !((Map<?, ?>) v).isEmpty();
            case SLICE -> !(v instanceof GoNil) && !((Collection<?>) v).isEmpty();
            case PTR -> !(v instanceof GoNil);
            case STRUCT -> true;
        };
    }

    static Kind kind(Object v) {
        if (v == null) {
            return Kind.INVALID;
        }
        if (v instanceof GoNil n) {
            return n.kind();
        }
        if (v instanceof String || v instanceof JsonNumber) {
            return Kind.STRING;
        }
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Short) {
            return Kind.UINT;
        }
        if (v instanceof Integer || v instanceof Long) {
            return Kind.INT;
        }
        if (v instanceof Double) {
            return Kind.FLOAT;
        }
        if (v instanceof ListFormat.Row) {
            return Kind.PTR;
        }
        if (v instanceof GoStruct) {
            return Kind.STRUCT;
        }
        if (v instanceof Map<?, ?>) {
            return Kind.MAP;
        }
        return v instanceof Collection<?> ? Kind.SLICE : Kind.STRUCT;
    }

    /** The Go type text/template and fmt's %T name a value by. */
    static String typeName(Object v, boolean raw) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof GoNil n) {
            return switch (n.kind()) {
                case SLICE -> "[]string";
                case MAP -> "map[string]string";
                default -> "*struct {}";
            };
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof GoTime) {
            return "time.Time";
        }
        if (v instanceof JsonNumber) {
            return "json.Number";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Short) {
            return "uint8";
        }
        if (v instanceof Integer) {
            return "int";
        }
        if (v instanceof Long) {
            return "int64";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof ListFormat.Row row) {
            return row.goType() == null ? "*formatter.Context" : row.goType();
        }
        if (v instanceof GoStruct s) {
            return s.goType() == null ? "struct {}" : s.goType();
        }
        if (v instanceof RawMap) {
            return "map[string]interface {}";
        }
        if (v instanceof RawList) {
            return "[]interface {}";
        }
        if (v instanceof Map<?, ?> m && !m.isEmpty() && m.values().iterator().next() instanceof GoStruct first && first.goType() != null
                && m.values().stream().allMatch(o -> o instanceof GoStruct g && first.goType().equals(g.goType()))) {
            return "map[string]" + first.goType(); // NetworkSettings.Networks: map[string]*network.EndpointSettings
        }
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().allMatch(o -> o instanceof String) ? "map[string]string" : "map[string]interface {}";
        }
        if (v instanceof Collection<?> c) {
            return c.stream().allMatch(o -> o instanceof String) ? "[]string" : "[]interface {}";
        }
        return v.getClass().getSimpleName();
    }
}
