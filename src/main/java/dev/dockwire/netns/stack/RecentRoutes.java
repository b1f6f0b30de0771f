package dev.dockwire.netns.stack;

import dev.dockwire.wire.Cidr;

/**
 * A stack's output routes ({@code ip_route_output_key}) and local-address tests
 * ({@code inet_addr_type}), each with its last answer remembered, as the IPv4 routing cache kept
 * them before Linux 3.6 ({@code rt_hash_table}'s output and input entries, made stale by
 * {@code rt_genid}); since 3.6 a nexthop keeps its output route ({@code nh_pcpu_rth_output}). A
 * sender that sends to one destination again, and a receiver that takes datagrams for its own
 * address, skip the local-address scan and the FIB. An answer holds while the FIB's generation and
 * the namespace's address array (replaced whenever an address comes or goes) are those it was found
 * with and the route's device is up; a 127/8 one is never remembered, since whether it is local
 * depends on lo being up. Written only on a miss: a hit stores nothing. Made by the first packet,
 * so a namespace that never sends or receives pays nothing.
 */
final class RecentRoutes {
    /** The route of locally addressed packets, through lo (the local table's). */
    private Route localRoute;
    private int outDst;
    private Route outRoute;
    private int outGeneration;
    private IfAddress[] outAddresses;
    /** The last destination found local (0: none). */
    private int localDst;
    private IfAddress[] localAddresses;

    /** The output route towards {@code dst}: the local table's through lo for a local address, else the FIB's; null without one. */
    Route output(StackNet ns, int dst) {
        Fib fib = ns.fib();
        IfAddress[] addresses = ns.addressArray();
        Route r = outRoute;
        if (r != null && dst == outDst && fib.generation() == outGeneration && addresses == outAddresses && r.dev().isUp()) {
            return r;
        }
        if (ns.isLocal(dst)) {
            r = localRoute(ns);
        } else {
            r = fib.lookup(dst);
            if (r == null || !fib.lastLookupCacheable()) {
                return r;
            }
        }
        if ((dst >>> 24) != 127) {
            outDst = dst;
            outRoute = r;
            outGeneration = fib.generation();
            outAddresses = addresses;
        }
        return r;
    }

    /** Whether {@code r} is the route of locally addressed packets. */
    boolean isLocalRoute(Route r) {
        return r != null && r == localRoute;
    }

    private Route localRoute(StackNet ns) {
        Route lo = localRoute;
        if (lo == null || lo.dev() != ns.lo()) {
            lo = new Route(Cidr.of(0, 0), 0, ns.lo(), 0, 0, true);
            localRoute = lo;
        }
        return lo;
    }

    /** Whether {@code dst} is one of the namespace's addresses (or 127/8 with lo up). */
    boolean isLocal(StackNet ns, int dst) {
        IfAddress[] addresses = ns.addressArray();
        if (dst == localDst && dst != 0 && addresses == localAddresses) {
            return true;
        }
        if (!ns.isLocal(dst)) {
            return false;
        }
        if ((dst >>> 24) != 127) {
            localDst = dst;
            localAddresses = addresses;
        }
        return true;
    }
}
