package dev.dockwire.docker.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which events a {@code docker events --filter} takes (moby daemon/events/filter.go over
 * api/types/filters' Args): every key given must match; several values of one key are
 * alternatives. {@code container}, {@code network}, {@code volume} (and {@code daemon},
 * {@code plugin}, ...) match the actor's id or name by prefix whatever the event's type;
 * {@code image} matches a container's image or an image's name exactly, also without its tag;
 * {@code label} matches the attributes ({@code k} or {@code k=v}); {@code event} the action
 * exactly, by prefix when a value is {@code health_status}, {@code exec_create} or
 * {@code exec_start}. Keys it does not know are ignored, as moby's Include ignores them.
 */
public final class EventFilter implements Predicate<Event> {
    private static final List<String> NAMED = List.of("daemon", Event.CONTAINER, "plugin", Event.VOLUME, Event.NETWORK, "node",
            "service", "secret", "config");
    private static final Set<String> FUZZY_EVENTS = Set.of("health_status", "exec_create", "exec_start");
    private final Map<String, Set<String>> args;

    /** The filter of {@code args}: each key with the values given for it. */
    public EventFilter(Map<String, Set<String>> args) {
        this.args = Map.copyOf(args);
    }

    @Override
    public boolean test(Event ev) {
        if (!matchEvent(ev) || !exact("type", ev.type()) || args.containsKey("scope") && !exact("scope", ev.scope())) {
            return false;
        }
        for (String key : NAMED) {
            if (!fuzzy(key, ev.actorId()) && !fuzzy(key, ev.attributes().get("name"))) {
                return false;
            }
        }
        return matchImage(ev) && matchLabels(ev.attributes());
    }

    private boolean matchEvent(Event ev) {
        boolean fuzzy = args.getOrDefault("event", Set.of()).stream().anyMatch(FUZZY_EVENTS::contains);
        return fuzzy ? fuzzy("event", ev.action()) : exact("event", ev.action());
    }

    /** matchImage: the actor's id and image name (a container's {@code image}, an image's {@code name}), each also stripped of its tag. */
    private boolean matchImage(Event ev) {
        String name = ev.attributes().getOrDefault(ev.type().equals(Event.IMAGE) ? "name" : "image", "");
        return exact("image", ev.actorId()) || exact("image", name) || exact("image", stripTag(ev.actorId()))
                || exact("image", stripTag(name));
    }

    /** Args.MatchKVList: every {@code label} value's key present, with its value when one is given. */
    private boolean matchLabels(Map<String, String> attributes) {
        Set<String> labels = args.getOrDefault("label", Set.of());
        if (labels.isEmpty()) {
            return true;
        }
        if (attributes.isEmpty()) {
            return false;
        }
        for (String l : labels) {
            int eq = l.indexOf('=');
            String v = attributes.get(eq < 0 ? l : l.substring(0, eq));
            if (v == null || eq >= 0 && !l.substring(eq + 1).equals(v)) {
                return false;
            }
        }
        return true;
    }

    /** Args.ExactMatch: true without the key. */
    private boolean exact(String key, String source) {
        Set<String> values = args.get(key);
        return values == null || values.isEmpty() || values.contains(source);
    }

    /** Args.FuzzyMatch: exactly, or a value is a prefix of {@code source}. */
    private boolean fuzzy(String key, String source) {
        if (exact(key, source)) {
            return true;
        }
        return source != null && args.get(key).stream().anyMatch(source::startsWith);
    }

    /** reference.FamiliarName of a parsed reference: {@code alpine:3.20} and {@code docker.io/library/alpine} are {@code alpine}. */
    static String stripTag(String image) {
        Reference ref = Reference.parse(image);
        return ref == null ? image : ref.familiarName();
    }
}
