package dev.dockwire.docker.cli;

import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code docker network ls --filter} as the daemon applies it (moby 28 daemon/network/filter.go
 * {@code FilterNetworks}, over api/types/filters {@code Args}): values of one key are alternatives,
 * keys together must all hold; {@code driver} and {@code scope} match exactly, {@code name} and
 * {@code id} as a regular expression found in the value ({@code Args.Match}), {@code label} as
 * {@code KEY[=VALUE]} every one of which the network has, {@code dangling} keeps the user-defined
 * networks without containers (or with {@code false} the others), {@code type} is {@code builtin}
 * or {@code custom}. Another key is {@code invalid filter 'KEY'} (daemon/network.go
 * {@code acceptedNetworkFilters}, Validate).
 */
final class NetworkFilters {
    private static final Set<String> ACCEPTED = Set.of("dangling", "driver", "id", "label", "name", "scope", "type");

    private final Map<String, Set<String>> fields = new LinkedHashMap<>();

    private NetworkFilters() {
    }

    /** The CLI's {@code KEY=VALUE} filter flags, validated as the daemon does. */
    static NetworkFilters parse(List<String> flags) {
        NetworkFilters f = new NetworkFilters();
        for (String kv : flags) {
            int eq = kv.indexOf('=');
            // docker/cli opts.FilterOpt: the key lower-cased and trimmed, the value trimmed
            String key = (eq < 0 ? kv : kv.substring(0, eq)).strip().toLowerCase(java.util.Locale.ROOT);
            f.fields.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(eq < 0 ? "" : kv.substring(eq + 1).strip());
        }
        for (String key : f.fields.keySet()) {
            if (!ACCEPTED.contains(key)) {
                throw new EngineException("invalid filter '" + key + "'");
            }
        }
        return f;
    }

    /** The networks of {@code nws} (in their order) the filters keep. */
    List<Network> apply(List<Network> nws) {
        List<Network> kept = new ArrayList<>();
        for (Network n : nws) {
            if (exact("driver", n.driver().id()) && match("name", n.name()) && match("id", n.id())
                    && labels(n.labels()) && exact("scope", n.scope())) {
                kept.add(n);
            }
        }
        Set<String> dangling = fields.get("dangling");
        if (dangling != null) {
            if (dangling.size() > 1) {
                throw new EngineException("got more than one value for filter key \"dangling\"");
            }
            String v = dangling.iterator().next();
            if (!List.of("0", "false", "1", "true").contains(v)) {
                throw new EngineException("invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")");
            }
            boolean only = v.equals("1") || v.equals("true");
            kept.removeIf(n -> only != (!n.predefined() && n.endpoints().isEmpty()));
        }
        Set<String> types = fields.get("type");
        if (types != null) {
            List<Network> typed = new ArrayList<>();
            for (String t : types) { // filterNetworkByType, value by value: a network of both is listed twice
                if (!t.equals("builtin") && !t.equals("custom")) {
                    throw new EngineException("invalid filter: 'type'='" + t + "'");
                }
                kept.stream().filter(n -> n.predefined() == t.equals("builtin")).forEach(typed::add);
            }
            kept = typed;
        }
        return kept;
    }

    private boolean exact(String key, String source) {
        Set<String> values = fields.get(key);
        return values == null || values.contains(source);
    }

    /** Args.Match: an exact value, or a regular expression found in {@code source}. */
    private boolean match(String key, String source) {
        Set<String> values = fields.get(key);
        if (values == null || values.contains(source)) {
            return true;
        }
        for (String v : values) {
            try {
                if (Pattern.compile(v).matcher(source).find()) {
                    return true;
                }
            } catch (PatternSyntaxException e) {
                // regexp.MatchString's error: this value matches nothing
            }
        }
        return false;
    }

    /** Args.MatchKVList: every {@code KEY[=VALUE]} among the network's labels. */
    private boolean labels(Map<String, String> labels) {
        Set<String> values = fields.get("label");
        if (values == null) {
            return true;
        }
        for (String v : values) {
            int eq = v.indexOf('=');
            String have = labels == null ? null : labels.get(eq < 0 ? v : v.substring(0, eq));
            if (have == null || eq >= 0 && !have.equals(v.substring(eq + 1))) {
                return false;
            }
        }
        return true;
    }
}
