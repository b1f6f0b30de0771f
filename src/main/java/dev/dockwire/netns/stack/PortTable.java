package dev.dockwire.netns.stack;

import io.netty.util.collection.IntObjectHashMap;
import java.util.Collection;
import java.util.List;

/**
 * Sockets by local port (the heads of udp_table's and the listening hash's per-port chains) with
 * the first port held in two fields and a Netty map made only for a second: a container's stack
 * binds one UDP port and listens on one TCP port (its embedded resolver's), and a one-entry Netty
 * map with its arrays and views is some 144 bytes where this is 24. Lookups allocate nothing.
 */
final class PortTable<V> {
    private int port;
    /** The one entry's socket, or null when the table is empty or {@link #more} holds the entries. */
    private V only;
    /** Every entry once a second port was added, else null. */
    private IntObjectHashMap<V> more;

    V get(int key) {
        IntObjectHashMap<V> m = more;
        if (m != null) {
            return m.get(key);
        }
        return key == port ? only : null;
    }

    boolean containsKey(int key) {
        return get(key) != null;
    }

    /** Adds or replaces the socket of {@code key}; {@code value} is never null. */
    void put(int key, V value) {
        if (more != null) {
            more.put(key, value);
        } else if (only == null || key == port) {
            port = key;
            only = value;
        } else {
            more = new IntObjectHashMap<>(4);
            more.put(port, only);
            more.put(key, value);
            only = null;
        }
    }

    void remove(int key) {
        if (more != null) {
            more.remove(key);
        } else if (key == port) {
            only = null;
        }
    }

    /** The sockets, one per port (a copy when there is one: callers may remove while they walk). */
    Collection<V> values() {
        if (more != null) {
            return more.values();
        }
        return only == null ? List.of() : List.of(only);
    }

    void clear() {
        only = null;
        more = null;
    }
}
