package dev.dockwire.docker;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A map of a few entries held as one array of keys and values, in the order they were given;
 * lookups scan it. A container's {@link Labels} and {@link Endpoints}: tens of bytes each where
 * a LinkedHashMap (table, entries, views) is hundreds, times 100,000 containers.
 */
abstract class ArrayMap<V> extends AbstractMap<String, V> {
    /** Keys at even indexes, each one's value after it. */
    Object[] kv;

    ArrayMap(Object[] kv) {
        this.kv = kv;
    }

    @Override
    public int size() {
        return kv.length / 2;
    }

    @Override
    public boolean containsKey(Object key) {
        return index(key) >= 0;
    }

    /** The keys and values as they are now, keys at even indexes (a subclass may hold them otherwise). */
    Object[] entries() {
        return kv;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        Object[] a = entries();
        int i = index(a, key);
        return i < 0 ? null : (V) a[i + 1];
    }

    final int index(Object key) {
        return index(kv, key);
    }

    private static int index(Object[] a, Object key) {
        for (int i = 0; i < a.length; i += 2) {
            if (Objects.equals(a[i], key)) {
                return i;
            }
        }
        return -1;
    }

    /** The entries as they are now (a later put or remove is not seen by an iteration already under way). */
    @Override
    public Set<Entry<String, V>> entrySet() {
        Object[] now = entries();
        return new AbstractSet<>() {
            @Override
            public int size() {
                return now.length / 2;
            }

            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < now.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (i >= now.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, V> e = new SimpleImmutableEntry<>((String) now[i], (V) now[i + 1]);
                        i += 2;
                        return e;
                    }
                };
            }
        };
    }
}
