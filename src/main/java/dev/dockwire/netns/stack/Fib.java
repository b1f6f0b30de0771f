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

    public Route lookup(int dst) {
        Route[] rs = routes;
        for (Route r : rs) {
            if (r.dst().contains(dst) && r.dev().isUp()) {
                return r;
            }
        }
        return null;
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
    }

    public boolean remove(Route route) {
        List<Route> list = new ArrayList<>(Arrays.asList(routes));
        boolean removed = list.remove(route);
        routes = list.toArray(EMPTY);
        return removed;
    }

    /** Removes every route through {@code dev} (device deleted or moved away). */
    public void removeDevice(NetDevice dev) {
        routes = Arrays.stream(routes).filter(r -> r.dev() != dev).toArray(Route[]::new);
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
