package dev.dockwire.docker;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A container's labels ({@code Config.Labels}) as an immutable map in the order given, held as one
 * array of keys and values: Compose gives every container the same handful of labels
 * ({@code com.docker.compose.project}, {@code .service}, {@code .container-number}, ...), and a
 * copied LinkedHashMap of them was some 450 bytes per container where the array is under 100.
 * Lookups scan the array, as a container has a few labels.
 */
final class Labels extends AbstractMap<String, String> {
    private final String[] kv;

    private Labels(String[] kv) {
        this.kv = kv;
    }

    /** The labels of {@code m} in its iteration order. */
    static Map<String, String> copyOf(Map<String, String> m) {
        if (m.isEmpty()) {
            return Map.of();
        }
        String[] kv = new String[2 * m.size()];
        int i = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            kv[i++] = e.getKey();
            kv[i++] = e.getValue();
        }
        return new Labels(kv);
    }

    @Override
    public int size() {
        return kv.length / 2;
    }

    @Override
    public boolean containsKey(Object key) {
        return index(key) >= 0;
    }

    @Override
    public String get(Object key) {
        int i = index(key);
        return i < 0 ? null : kv[i + 1];
    }

    private int index(Object key) {
        for (int i = 0; i < kv.length; i += 2) {
            if (java.util.Objects.equals(kv[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return kv.length / 2;
            }

            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < kv.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (i >= kv.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> e = new AbstractMap.SimpleImmutableEntry<>(kv[i], kv[i + 1]);
                        i += 2;
                        return e;
                    }
                };
            }
        };
    }
}
