package dev.dockwire.netns.stack;

import dev.dockwire.link.NetDevice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The main routing table with longest-prefix match (then lowest metric), like {@code ip route}.
 * Kept as an array sorted by prefix length so a lookup is a scan that allocates nothing; routes
 * whose device is down are skipped as the kernel does.
 */
public final class Fib {
    private static final Route[] EMPTY = new Route[0];
    private Route[] routes = EMPTY;
    /** Bumped by every change of the table (the kernel's rt_genid): results cached before it are stale. */
    private int generation;
    /** Whether the last {@link #lookup} passed over a matching route whose device was down. */
    private boolean skippedDown;

    public Route lookup(int dst) {
        Route[] rs = routes;
        boolean skipped = false;
        for (Route r : rs) {
            if (r.dst().contains(dst)) {
                if (r.dev().isUp()) {
                    skippedDown = skipped;
                    return r;
                }
                skipped = true;
            }
        }
        skippedDown = skipped;
        return null;
    }

    /** The table's generation: it changes with every route added or removed. */
    public int generation() {
        return generation;
    }

    /**
     * Whether the last {@link #lookup}'s answer stays the answer while the table's
     * {@link #generation} does and the route's device stays up: it passed over no matching route
     * whose device was down (a device coming up does not change the generation).
     */
    public boolean lastLookupCacheable() {
        return !skippedDown;
    }

    /** Adds a route; fails like {@code RTNETLINK answers: File exists} on a duplicate. */
    public void add(Route route) {
        for (Route r : routes) {
            if (r.dst().network().equals(route.dst().network()) && r.metric() == route.metric()) {
                throw new IllegalStateException("RTNETLINK answers: File exists");
            }
        }
        List<Route> list = new ArrayList<>(Arrays.asList(routes));
        list.add(route);
        list.sort(Comparator.comparingInt((Route r) -> -r.dst().prefixLength()).thenComparingInt(Route::metric));
        routes = list.toArray(EMPTY);
        generation++;
    }

    public boolean remove(Route route) {
        List<Route> list = new ArrayList<>(Arrays.asList(routes));
        boolean removed = list.remove(route);
        routes = list.toArray(EMPTY);
        generation++;
        return removed;
    }

    /** Removes every route through {@code dev} (device deleted or moved away). */
    public void removeDevice(NetDevice dev) {
        routes = Arrays.stream(routes).filter(r -> r.dev() != dev).toArray(Route[]::new);
        generation++;
    }

    /** Routes in {@code ip route} order: default first, then by destination. */
    public List<Route> routes() {
        List<Route> list = new ArrayList<>(Arrays.asList(routes));
        list.sort(Comparator.comparingInt((Route r) -> r.dst().prefixLength() == 0 ? 0 : 1)
                .thenComparing((Route r) -> r.dst().network().address())
                .thenComparingInt(r -> r.dst().prefixLength())
                .thenComparingInt(Route::metric));
        return list;
    }
}
