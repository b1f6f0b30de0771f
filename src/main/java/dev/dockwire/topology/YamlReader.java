package dev.dockwire.topology;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML into {@link YamlNode}s that remember their line and column (Jackson's YAML parser underneath). */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /** Parses {@code text}; syntax errors become a {@link TopologyException} naming {@code file} and the line. */
    public static YamlNode read(String file, String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlNode(new LinkedHashMap<String, YamlNode>(), 1, 1);
            }
            return value(file, p);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
            throw new TopologyException(file, loc == null ? 0 : loc.getLineNr(), "", "invalid YAML: " + msg);
        } catch (IOException e) {
            throw new TopologyException(file, 0, "", e.getMessage());
        }
    }

    private static YamlNode value(String file, JsonParser p) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    if (map.containsKey(key)) {
                        throw new TopologyException(file, keyLine, key, "duplicate key \"" + key + "\"");
                    }
                    p.nextToken();
                    map.put(key, value(file, p));
                }
                return new YamlNode(map, line, col);
            }
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(file, p));
                }
                return new YamlNode(list, line, col);
            }
            case VALUE_NULL -> {
                return new YamlNode(null, line, col);
            }
            default -> {
                return new YamlNode(p.getText(), line, col);
            }
        }
    }
}
