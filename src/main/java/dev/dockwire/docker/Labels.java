package dev.dockwire.docker;

import java.util.Map;

/**
 * A container's labels ({@code Config.Labels}) as an immutable map in the order given, held as one
 * array of keys and values: Compose gives every container the same handful of labels
 * ({@code com.docker.compose.project}, {@code .service}, {@code .container-number}, ...), and a
 * copied LinkedHashMap of them was some 450 bytes per container where the array is under 100.
 * Lookups scan the array, as a container has a few labels. Labels equal to the last ones made but
 * for one value (Compose's {@code com.docker.compose.service} of the next service) share that
 * array and keep their own value beside it: 32 bytes of each container, not 96.
 */
final class Labels extends ArrayMap<String> {
    /**
     * The array the last labels made hold, shared by those that follow while they differ from it in
     * one value at most; an immutable array, so emulations building on other threads may race on it.
     */
    private static volatile Object[] last;
    /** The index in {@link #kv} whose value is {@link #value} instead, or -1: all of kv is these labels. */
    private final int own;
    private final String value;

    private Labels(Object[] kv, int own, String value) {
        super(kv);
        this.own = own;
        this.value = value;
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
        Object[] shared = last;
        int differs = shared == null ? -2 : differs(shared, kv);
        if (differs == -1) {
            return new Labels(shared, -1, null);
        }
        if (differs >= 0) {
            return new Labels(shared, differs, (String) kv[differs]);
        }
        last = kv;
        return new Labels(kv, -1, null);
    }

    /** The one index of a value where {@code kv} differs from {@code shared}; -1 when equal, -2 when keys or more values differ. */
    private static int differs(Object[] shared, Object[] kv) {
        if (shared.length != kv.length) {
            return -2;
        }
        int at = -1;
        for (int i = 0; i < kv.length; i += 2) {
            if (!shared[i].equals(kv[i])) {
                return -2;
            }
            if (!java.util.Objects.equals(shared[i + 1], kv[i + 1])) {
                if (at >= 0) {
                    return -2;
                }
                at = i + 1;
            }
        }
        return at;
    }

    @Override
    Object[] entries() {
        if (own < 0) {
            return kv;
        }
        Object[] a = kv.clone();
        a[own] = value;
        return a;
    }
}
