package dev.dockwire.netns.stack;

import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.LongObjectHashMap;

/**
 * The per-namespace maps of the stack (sockets by port, ping sockets, tunnels, connections,
 * neighbours) start as one shared empty map each kind, made writable by their first put: most of
 * a large topology's namespaces never fill most of them, and an empty Netty map with its arrays
 * and views is some 200 bytes. Reads need nothing (a lookup in the shared map finds nothing), so
 * only the code that adds entries changes: {@code ports = SparseMaps.writable(ports); ports.put(...)}.
 * The shared maps are never written.
 */
final class SparseMaps {
    private static final IntObjectHashMap<Object> NO_INTS = new IntObjectHashMap<>(1);
    private static final LongObjectHashMap<Object> NO_LONGS = new LongObjectHashMap<>(1);
    private static final PortTable<Object> NO_PORTS = new PortTable<>();
    /** The capacity a map gets with its first entry (Netty's maps keep half their slots free, and grow). */
    private static final int FIRST = 2;

    private SparseMaps() {
    }

    @SuppressWarnings("unchecked")
    static <V> IntObjectHashMap<V> noInts() {
        return (IntObjectHashMap<V>) (IntObjectHashMap<?>) NO_INTS;
    }

    @SuppressWarnings("unchecked")
    static <V> LongObjectHashMap<V> noLongs() {
        return (LongObjectHashMap<V>) (LongObjectHashMap<?>) NO_LONGS;
    }

    @SuppressWarnings("unchecked")
    static <V> PortTable<V> noPorts() {
        return (PortTable<V>) NO_PORTS;
    }

    static <V> PortTable<V> writable(PortTable<V> table) {
        return table == (Object) NO_PORTS ? new PortTable<>() : table;
    }

    /** {@code map} itself, or a map of its own in place of the shared empty one. */
    static <V> IntObjectHashMap<V> writable(IntObjectHashMap<V> map) {
        return map == (Object) NO_INTS ? new IntObjectHashMap<>(FIRST) : map;
    }

    static <V> LongObjectHashMap<V> writable(LongObjectHashMap<V> map) {
        return map == (Object) NO_LONGS ? new LongObjectHashMap<>(FIRST) : map;
    }
}
