package dev.dockwire.netfilter;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A committed table's user chains by name in strcmp order, as one array: a committed table is never
 * changed (a transaction edits a copy, whose chains are in a TreeMap), and the TreeMap with its
 * entries and views was some 150 bytes of every container's nat table (Docker's resolver makes
 * DOCKER_OUTPUT and DOCKER_POSTROUTING in each) where the array is 48. Read only.
 */
final class UserChains extends AbstractMap<String, Chain> {
    private final Chain[] chains;

    /** The chains of {@code sorted}, in its (name) order. */
    UserChains(Map<String, Chain> sorted) {
        this.chains = sorted.values().toArray(new Chain[0]);
    }

    @Override
    public int size() {
        return chains.length;
    }

    @Override
    public Chain get(Object name) {
        for (Chain c : chains) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    /** The chains in name order (a view made per call: AbstractMap's would be kept in a field). */
    @Override
    public Collection<Chain> values() {
        return Collections.unmodifiableList(Arrays.asList(chains));
    }

    @Override
    public Set<Entry<String, Chain>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return chains.length;
            }

            @Override
            public Iterator<Entry<String, Chain>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < chains.length;
                    }

                    @Override
                    public Entry<String, Chain> next() {
                        if (i >= chains.length) {
                            throw new NoSuchElementException();
                        }
                        Chain c = chains[i++];
                        return new SimpleImmutableEntry<>(c.name, c);
                    }
                };
            }
        };
    }
}
