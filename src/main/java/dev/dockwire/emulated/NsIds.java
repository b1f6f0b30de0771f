package dev.dockwire.emulated;

import java.util.HashMap;
import java.util.Map;

/**
 * Namespace ids as each namespace numbers the others (peernet2id_alloc, net/core/net_namespace.c):
 * the next free number the first time a link spans the two. A viewer that numbered one namespace
 * holds just its name, id 0 (a container numbers only the host's, and a map each was some 100
 * bytes of every container); a map of name to id from the second on.
 */
final class NsIds {
    private final Map<String, Object> byViewer = new HashMap<>();

    /** The id {@code viewer} gives {@code other}, numbered now if it has none. */
    int id(String viewer, String other) {
        Object ids = byViewer.get(viewer);
        if (ids == null) {
            byViewer.put(viewer, other);
            return 0;
        }
        if (ids instanceof String first) {
            if (first.equals(other)) {
                return 0;
            }
            Map<String, Integer> two = new HashMap<>(4);
            two.put(first, 0);
            two.put(other, 1);
            byViewer.put(viewer, two);
            return 1;
        }
        @SuppressWarnings("unchecked")
        Map<String, Integer> many = (Map<String, Integer>) ids;
        return many.computeIfAbsent(other, k -> many.size());
    }
}
