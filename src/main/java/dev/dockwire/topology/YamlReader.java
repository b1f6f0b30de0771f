package dev.dockwire.topology;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML into {@link YamlNode}s that remember their line and column (Jackson's YAML parser
 * underneath; a mapping's value is placed at its key's line). Anchors ({@code &name}) and aliases ({@code *name}) are resolved, and YAML merge
 * keys ({@code <<: *base} or {@code <<: [*a, *b]}) copy the merged mappings' entries that the
 * mapping does not set itself, as Compose files use them.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final String MERGE = "<<";

    private final String file;
    private final Map<String, YamlNode> anchors = new HashMap<>();

    private YamlReader(String file) {
        this.file = file;
    }

    /** Parses {@code text}; syntax errors become a {@link TopologyException} naming {@code file} and the line. */
    public static YamlNode read(String file, String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlNode(new LinkedHashMap<String, YamlNode>(), 1, 1);
            }
            return new YamlReader(file).value(p);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
            throw new TopologyException(file, loc == null ? 0 : loc.getLineNr(), "", "invalid YAML: " + msg);
        } catch (IOException e) {
            throw new TopologyException(file, 0, "", e.getMessage());
        }
    }

    private YamlNode value(JsonParser p) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            YamlNode target = anchors.get(p.getText());
            if (target == null) {
                throw new TopologyException(file, line, "", "unknown alias *" + p.getText() + ": define &"
                        + p.getText() + " before using it");
            }
            return target;
        }
        String anchor = p.getObjectId() == null ? null : p.getObjectId().toString();
        YamlNode node = switch (p.currentToken()) {
            case START_OBJECT -> new YamlNode(mapping(p), line, col);
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                yield new YamlNode(list, line, col);
            }
            case VALUE_NULL -> new YamlNode(null, line, col);
            default -> new YamlNode(p.getText(), line, col);
        };
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private Map<String, YamlNode> mapping(JsonParser p) throws IOException {
        Map<String, YamlNode> map = new LinkedHashMap<>();
        Set<String> explicit = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = p.currentTokenLocation().getLineNr();
            p.nextToken();
            YamlNode v = value(p);
            if (key.equals(MERGE)) {
                for (YamlNode merged : v.isList() ? v.list() : List.of(v)) {
                    if (!merged.isMap()) {
                        throw new TopologyException(file, merged.line(), MERGE,
                                "a merge key takes a mapping or a list of mappings (like <<: *base)");
                    }
                    merged.map().forEach(map::putIfAbsent);
                }
                continue;
            }
            if (!explicit.add(key)) {
                throw new TopologyException(file, keyLine, key, "duplicate key \"" + key + "\"");
            }
            // A block mapping or list starts on the line after its key: report it at the key.
            map.put(key, v.line() == keyLine ? v : new YamlNode(v.value(), keyLine, v.column()));
        }
        return map;
    }
}
