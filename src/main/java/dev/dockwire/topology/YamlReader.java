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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML into {@link YamlNode}s that remember their line and column (Jackson's YAML parser
 * underneath; a mapping's value is placed at its key's line). Anchors ({@code &name}) and aliases ({@code *name}) are resolved, and YAML merge
 * keys ({@code <<: *base} or {@code <<: [*a, *b]}) copy the merged mappings' entries that the
 * mapping does not set itself, as Compose files use them.
 *
 * <p>An alias is shared, not copied, but every later walk sees the tree it stands for, so nested
 * anchors (a "billion laughs" file) are refused at load, as go-yaml (Compose's parser) refuses them
 * while decoding: it counts the nodes it decodes and those decoded through an alias, and past 100
 * aliased of more than 1000 nodes fails with "document contains excessive aliasing" when the aliased
 * share exceeds {@link #allowedAliasRatio} (yaml.v3 {@code decode.go}).
 */
public final class YamlReader {
    /**
     * Without SnakeYAML's 3 MiB document limit: go-yaml, Compose's parser, has none, and a compose
     * file or topology of 100,000 services is some 4 MB.
     */
    private static final YAMLFactory FACTORY = new YAMLFactory().rebuild().loaderOptions(unlimited()).build();
    private static final String MERGE = "<<";

    /** go-yaml's alias_ratio_range_low: up to here 99% of the decoded nodes may come from aliases. */
    static final long ALIAS_RATIO_RANGE_LOW = 400_000;
    /** go-yaml's alias_ratio_range_high: from here only 10%. */
    static final long ALIAS_RATIO_RANGE_HIGH = 4_000_000;

    private final String file;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    /** Each node's size as a tree: itself and what it holds, aliases expanded. */
    private final Map<YamlNode, Long> expanded = new IdentityHashMap<>();
    /** The nodes go-yaml would decode so far, and those of them it would reach through an alias. */
    private long decodeCount;
    private long aliasCount;
    /** The expanded size of the node {@link #value} returned last (an alias: 1 + its target's). */
    private long lastSize;

    private static org.yaml.snakeyaml.LoaderOptions unlimited() {
        org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
        o.setCodePointLimit(Integer.MAX_VALUE);
        return o;
    }

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
            long size = expanded.getOrDefault(target, 1L);
            decodeCount += 1 + size;
            aliasCount += size;
            if (aliasCount > 100 && decodeCount > 1000 && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
                throw new TopologyException(file, line, "", "invalid YAML: document contains excessive aliasing");
            }
            lastSize = 1 + size;
            return target;
        }
        decodeCount++;
        String anchor = p.getObjectId() == null ? null : p.getObjectId().toString();
        YamlNode node = switch (p.currentToken()) {
            case START_OBJECT -> new YamlNode(mapping(p), line, col);
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                long size = 1;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                    size += lastSize;
                }
                lastSize = size;
                yield new YamlNode(list, line, col);
            }
            case VALUE_NULL -> {
                lastSize = 1;
                yield new YamlNode(null, line, col);
            }
            default -> {
                lastSize = 1;
                yield new YamlNode(p.getText(), line, col);
            }
        };
        if (anchor != null) {
            anchors.put(anchor, node);
            expanded.put(node, lastSize);
        }
        return node;
    }

    /** go-yaml's allowedAliasRatio: 99% for small documents, scaling down to 10% for very large ones. */
    static double allowedAliasRatio(long decodeCount) {
        if (decodeCount <= ALIAS_RATIO_RANGE_LOW) {
            return 0.99;
        }
        if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) {
            return 0.10;
        }
        return 0.99 - 0.89 * ((double) (decodeCount - ALIAS_RATIO_RANGE_LOW) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW));
    }

    private Map<String, YamlNode> mapping(JsonParser p) throws IOException {
        long size = 1;
        Map<String, YamlNode> map = new LinkedHashMap<>();
        Set<String> explicit = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = p.currentTokenLocation().getLineNr();
            p.nextToken();
            decodeCount++; // the key
            YamlNode v = value(p);
            size += 1 + lastSize;
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
        lastSize = size;
        return map;
    }
}
