package dev.dockwire.docker;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A container's endpoints by network name in connect order (a LinkedHashMap's order: a network
 * connected again keeps its place), held as one array of names and endpoints: a container joins
 * one network or two, and a LinkedHashMap with its table, entry and values view was some 130
 * bytes of each of 100,000 containers where the array is 40. Lookups scan the array. Changed
 * only through {@link Container#putEndpoint}/{@link Container#removeEndpoint}; its views are read only.
 */
final class Endpoints extends ArrayMap<Endpoint> {
    private static final Object[] NONE = new Object[0];

    Endpoints() {
        super(NONE);
    }

    @Override
    public Endpoint put(String network, Endpoint e) {
        int i = index(network);
        if (i >= 0) {
            Endpoint old = (Endpoint) kv[i + 1];
            kv[i + 1] = e;
            return old;
        }
        Object[] a = Arrays.copyOf(kv, kv.length + 2);
        a[kv.length] = network;
        a[kv.length + 1] = e;
        kv = a;
        return null;
    }

    @Override
    public Endpoint remove(Object key) {
        int i = index(key);
        if (i < 0) {
            return null;
        }
        Endpoint old = (Endpoint) kv[i + 1];
        Object[] a = kv.length == 2 ? NONE : new Object[kv.length - 2];
        System.arraycopy(kv, 0, a, 0, i);
        System.arraycopy(kv, i + 2, a, i, kv.length - i - 2);
        kv = a;
        return old;
    }

    /** The endpoints as they are now, read without making entries (a view per call: AbstractMap's would be kept). */
    @Override
    public Collection<Endpoint> values() {
        Object[] now = kv;
        return new AbstractCollection<>() {
            @Override
            public int size() {
                return now.length / 2;
            }

            @Override
            public Iterator<Endpoint> iterator() {
                return new Iterator<>() {
                    private int i = 1;

                    @Override
                    public boolean hasNext() {
                        return i < now.length;
                    }

                    @Override
                    public Endpoint next() {
                        if (i >= now.length) {
                            throw new NoSuchElementException();
                        }
                        Endpoint e = (Endpoint) now[i];
                        i += 2;
                        return e;
                    }
                };
            }
        };
    }
}
