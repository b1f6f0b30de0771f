package dev.dockwire.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with where it was written (line and column), so validation errors can name the
 * file, line and key path. One of: a scalar (text, null for {@code ~}/empty), a map, a list.
 */
public record YamlNode(Object value, int line, int column) {

    public boolean isMap() {
        return value instanceof Map;
    }

    public boolean isList() {
        return value instanceof List;
    }

    public boolean isScalar() {
        return !isMap() && !isList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, YamlNode> map() {
        return isMap() ? (Map<String, YamlNode>) value : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    public List<YamlNode> list() {
        return isList() ? (List<YamlNode>) value : List.of();
    }

    /** The scalar's text, or null. */
    public String text() {
        return isScalar() && value != null ? value.toString() : null;
    }
}
