package dev.dockwire.docker.cli;

import dev.dockwire.docker.EngineException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --filter} of {@code docker container prune} and {@code docker network prune} as the
 * daemon applies them (moby daemon/prune.go: {@code containersAcceptedFilters},
 * {@code networksAcceptedFilters}, {@code matchLabels}): {@code label=KEY[=VALUE]} keeps to what
 * has every such label, {@code label!=KEY[=VALUE]} spares what has them all; any other key is the
 * daemon's {@code invalid filter 'KEY'} (api/types/filters Validate). {@code until} is accepted
 * and, with dockwire's virtual clock, not applied.
 */
record PruneFilters(Set<String> label, Set<String> notLabel) {

    static PruneFilters parse(List<String> filters) {
        Set<String> label = new LinkedHashSet<>();
        Set<String> notLabel = new LinkedHashSet<>();
        for (String f : filters) {
            int eq = f.indexOf('=');
            String key = (eq < 0 ? f : f.substring(0, eq)).strip().toLowerCase(java.util.Locale.ROOT);
            String value = eq < 0 ? "" : f.substring(eq + 1);
            switch (key) {
                case "label" -> label.add(value);
                case "label!" -> notLabel.add(value);
                case "until" -> { }
                default -> throw new EngineException("invalid filter '" + key + "'");
            }
        }
        return new PruneFilters(label, notLabel);
    }

    /** matchLabels: every {@code label} matches, and not every {@code label!} does. */
    boolean matches(Map<String, String> labels) {
        return matchKvList(label, labels) && (notLabel.isEmpty() || !matchKvList(notLabel, labels));
    }

    /** filters.Args MatchKVList: no values match anything; otherwise each KEY[=VALUE] must be among {@code sources}. */
    private static boolean matchKvList(Set<String> values, Map<String, String> sources) {
        if (values.isEmpty()) {
            return true;
        }
        if (sources == null || sources.isEmpty()) {
            return false;
        }
        for (String value : values) {
            int eq = value.indexOf('=');
            String k = eq < 0 ? value : value.substring(0, eq);
            String v = sources.get(k);
            if (v == null || eq >= 0 && !v.equals(value.substring(eq + 1))) {
                return false;
            }
        }
        return true;
    }
}
