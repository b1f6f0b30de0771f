package dev.dockwire.docker.cli;

import dev.dockwire.docker.EngineException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --filter} of {@code docker container prune}, {@code docker network prune} and
 * {@code docker volume prune} as the daemon applies them (moby daemon/prune.go: {@code
 * containersAcceptedFilters}, {@code networksAcceptedFilters}, {@code matchLabels}, {@code
 * getUntilFromPruneFilters}; volume/service.go's {@code label}, {@code label!}, {@code all}):
 * {@code label=KEY[=VALUE]} keeps to what has every such label, {@code label!=KEY[=VALUE]} spares
 * what has them all, {@code until=T} (a Go duration before now, an RFC 3339 time or date, Unix
 * seconds: api/types/time GetTimestamp) spares what was created after T; any other key is the
 * daemon's {@code invalid filter 'KEY'} (api/types/filters Validate).
 *
 * @param until Unix nanoseconds, or null without an {@code until}
 * @param all the values of volume prune's {@code all} or image prune's {@code dangling}
 */
record PruneFilters(Set<String> label, Set<String> notLabel, Long until, Set<String> all) {
    private static final Set<String> OBJECTS = Set.of("label", "label!", "until");
    private static final Set<String> VOLUMES = Set.of("label", "label!", "all");
    private static final Set<String> IMAGES = Set.of("dangling", "label", "label!", "until");

    /** The filters of a container, network or system prune, {@code nowNanos} being the daemon's Unix time. */
    static PruneFilters parse(List<String> filters, long nowNanos) {
        return parse(filters, nowNanos, OBJECTS);
    }

    /** The filters of a volume prune: no {@code until}, but {@code all} (API 1.42). */
    static PruneFilters volumes(List<String> filters) {
        return parse(filters, 0, VOLUMES);
    }

    /**
     * The filters of an image prune (daemon/images/image_prune.go imagesAcceptedFilters), with the
     * {@code dangling} value the client adds after the user's (cli/command/image/prune.go: not {@code -a}),
     * kept in {@link #all()}.
     */
    static PruneFilters images(List<String> filters, long nowNanos, boolean all) {
        List<String> with = new java.util.ArrayList<>(filters);
        with.add("dangling=" + !all);
        return parse(with, nowNanos, IMAGES);
    }

    /** image_prune.go: {@code GetBoolOrDefault("dangling", true)} over an image prune's values. */
    boolean danglingOnly() {
        return getBool("dangling", all, true);
    }

    /**
     * api/types/filters Args.GetBoolOrDefault: {@code true}/{@code 1} or {@code false}/{@code 0};
     * none or both is the daemon's {@code invalid filter 'KEY=[V ...]'} (Go's %s of the values,
     * here in the order given where Go's map has none).
     */
    static boolean getBool(String key, Set<String> values, boolean otherwise) {
        if (values.isEmpty()) {
            return otherwise;
        }
        boolean isFalse = values.contains("0") || values.contains("false");
        boolean isTrue = values.contains("1") || values.contains("true");
        if (isFalse == isTrue) {
            throw new EngineException("invalid filter '" + key + "=[" + String.join(" ", values) + "]'");
        }
        return isTrue;
    }

    private static PruneFilters parse(List<String> filters, long nowNanos, Set<String> accepted) {
        Set<String> label = new LinkedHashSet<>();
        Set<String> notLabel = new LinkedHashSet<>();
        Set<String> until = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        for (String f : filters) {
            int eq = f.indexOf('=');
            String key = (eq < 0 ? f : f.substring(0, eq)).strip().toLowerCase(java.util.Locale.ROOT);
            String value = eq < 0 ? "" : f.substring(eq + 1);
            if (!accepted.contains(key)) {
                throw new EngineException("invalid filter '" + key + "'");
            }
            switch (key) {
                case "label" -> label.add(value);
                case "label!" -> notLabel.add(value);
                case "until" -> until.add(value);
                default -> all.add(value); // volumes' all, images' dangling
            }
        }
        if (until.size() > 1) {
            throw new EngineException("more than one until filter specified");
        }
        if (accepted == IMAGES) {
            getBool("dangling", all, true); // image_prune.go checks dangling before until
        }
        Long untilNanos = null;
        if (!until.isEmpty()) {
            try {
                untilNanos = EventTimestamp.nanos(EventTimestamp.get(until.iterator().next(), nowNanos));
            } catch (IllegalArgumentException e) {
                throw new EngineException(e.getMessage());
            }
        }
        return new PruneFilters(label, notLabel, untilNanos, all);
    }

    /** matchLabels: every {@code label} matches, and not every {@code label!} does. */
    boolean matches(Map<String, String> labels) {
        return matchKvList(label, labels) && (notLabel.isEmpty() || !matchKvList(notLabel, labels));
    }

    /** matchLabels, and not created after {@code until} ({@code createdNanos}: Unix nanoseconds). */
    boolean matches(Map<String, String> labels, long createdNanos) {
        return (until == null || createdNanos <= until) && matches(labels);
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
