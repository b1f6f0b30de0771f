package dev.dockwire.docker;

import java.util.Map;

/**
 * A container's labels ({@code Config.Labels}) as an immutable map in the order given, held as one
 * array of keys and values: Compose gives every container the same handful of labels
 * ({@code com.docker.compose.project}, {@code .service}, {@code .container-number}, ...), and a
 * copied LinkedHashMap of them was some 450 bytes per container where the array is under 100.
 * Lookups scan the array, as a container has a few labels.
 */
final class Labels extends ArrayMap<String> {
    private Labels(Object[] kv) {
        super(kv);
    }

    /** The labels of {@code m} in its iteration order. */
    static Map<String, String> copyOf(Map<String, String> m) {
        if (m.isEmpty()) {
            return Map.of();
        }
        Object[] kv = new Object[2 * m.size()];
        int i = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            kv[i++] = e.getKey();
            kv[i++] = e.getValue();
        }
        return new Labels(kv);
    }
}
