package dev.dockwire.netns.stack;

import io.netty.util.collection.IntObjectHashMap;

/**
 * Path MTUs learned from ICMP fragmentation-needed (RFC 1191), as the kernel's route exceptions
 * ({@code fib_nh_exception}, {@code __ip_rt_update_pmtu}): per destination, only ever lowered,
 * never below {@code net.ipv4.route.min_pmtu} (552), forgotten after {@code
 * net.ipv4.route.mtu_expires} (600 s). Locally generated packets use it: a socket in the default
 * IP_PMTUDISC_WANT mode then fragments to the learned MTU. Empty, it costs one branch and no memory.
 */
final class PmtuCache {
    static final int MIN_PMTU = 552;
    static final long EXPIRES_NANOS = 600_000_000_000L;

    private static final class Exception {
        int mtu;
        long expires;
    }

    /** Made by the first exception: most namespaces never learn one. */
    private IntObjectHashMap<Exception> byDst;

    /** An ICMP fragmentation-needed for {@code dst} said {@code mtu} at {@code now}. */
    void update(int dst, int mtu, int deviceMtu, long now) {
        if (mtu <= 0 || mtu >= deviceMtu) {
            return;
        }
        mtu = Math.max(mtu, MIN_PMTU);
        if (byDst == null) {
            byDst = new IntObjectHashMap<>(4);
        }
        Exception e = byDst.get(dst);
        if (e == null || e.expires <= now) {
            e = new Exception();
            e.mtu = mtu;
            byDst.put(dst, e);
        } else if (mtu < e.mtu) {
            e.mtu = mtu;
        } else {
            return;
        }
        e.expires = now + EXPIRES_NANOS;
    }

    /** The path MTU towards {@code dst}: {@code deviceMtu} unless a smaller one was learned and has not expired. */
    int mtu(int dst, int deviceMtu, long now) {
        if (byDst == null || byDst.isEmpty()) {
            return deviceMtu;
        }
        Exception e = byDst.get(dst);
        if (e == null) {
            return deviceMtu;
        }
        if (e.expires <= now) {
            byDst.remove(dst);
            return deviceMtu;
        }
        return Math.min(deviceMtu, e.mtu);
    }
}
