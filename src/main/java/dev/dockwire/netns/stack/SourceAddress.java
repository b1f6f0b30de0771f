package dev.dockwire.netns.stack;

import dev.dockwire.link.NetDevice;

/**
 * The source address of a locally generated packet by a route of the main table, as the kernel
 * picks it (fib_result_prefsrc, then inet_select_addr): the route's preferred source, else an
 * address of the route's device whose subnet holds the next hop, else the device's first address,
 * else any address not on lo.
 */
final class SourceAddress {
    private SourceAddress() {
    }

    /** For route {@code r} towards {@code dst}, with the namespace's addresses {@code addrs}; 0 when there is none. */
    static int select(Route r, int dst, IfAddress[] addrs, NetDevice lo) {
        if (r.src() != 0) {
            return r.src();
        }
        int nh = r.nextHop(dst);
        int any = 0;
        for (IfAddress a : addrs) {
            if (a.dev() == r.dev()) {
                if (a.cidr().contains(nh)) {
                    return a.address();
                }
                if (any == 0) {
                    any = a.address();
                }
            }
        }
        if (any != 0) {
            return any;
        }
        for (IfAddress a : addrs) {
            if (a.dev() != lo) {
                return a.address();
            }
        }
        return 0;
    }
}
