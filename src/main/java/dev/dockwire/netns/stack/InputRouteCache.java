package dev.dockwire.netns.stack;

/**
 * The forwarding decisions of recent destinations, as the IPv4 routing cache kept them before
 * Linux 3.6 ({@code rt_hash_table}, made stale by {@code rt_genid}): a destination that is
 * neither local nor broadcast goes by its route while the FIB's generation and the namespace's
 * addresses are those the entry was made with and the route's device is up. Direct-mapped, a few
 * entries, so both directions of a flow through a router hit; an entry is written only on a miss,
 * so a hit stores nothing (a reference store costs G1 a card-mark fence).
 */
final class InputRouteCache {
    private static final int SIZE = 16;
    private final Entry[] entries = new Entry[SIZE];

    private static final class Entry {
        int dst;
        Route route;
        int generation;
        IfAddress[] addresses;
    }

    InputRouteCache() {
        for (int i = 0; i < SIZE; i++) {
            entries[i] = new Entry();
        }
    }

    private static int slot(int dst) {
        int h = dst * 0x9E37_79B9;
        return h >>> 28;
    }

    /** The route remembered for {@code dst}, if nothing it depends on changed since; else null. */
    Route get(int dst, int generation, IfAddress[] addresses) {
        Entry e = entries[slot(dst)];
        Route r = e.route;
        if (r == null || e.dst != dst || e.generation != generation || e.addresses != addresses || !r.dev().isUp()) {
            return null;
        }
        return r;
    }

    /** Remembers that {@code dst}, neither local nor broadcast with {@code addresses}, goes by {@code route}. */
    void put(int dst, Route route, int generation, IfAddress[] addresses) {
        Entry e = entries[slot(dst)];
        e.dst = dst;
        e.route = route;
        e.generation = generation;
        e.addresses = addresses;
    }
}
