package dev.dockwire.docker.ipam;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.dockwire.wire.Cidr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * RequestPool without a subnet: the predefined pools libnetwork offers (ipamutils' local default
 * address pools, and the swarm's global default pool) and the search for the first one that
 * overlaps nothing already taken. Address sets are Guava range sets of unsigned IPv4 addresses,
 * so "overlaps nothing" is one intersection test.
 */
public final class Pools {
    /** Docker's default local pools: 172.17-31.0.0/16, then 192.168.0.0/16 in /20s (ipamutils.localScopeDefaultNetworks). */
    public static final List<Cidr> LOCAL = localPools();
    /** The swarm's default address pool (swarmkit's 10.0.0.0/8), carved in /24s. */
    public static final Cidr GLOBAL = Cidr.parse("10.0.0.0/8");
    public static final int GLOBAL_SIZE = 24;

    private Pools() {
    }

    private static List<Cidr> localPools() {
        List<Cidr> pools = new ArrayList<>();
        int b172 = Cidr.parse("172.17.0.0/16").networkBits();
        for (int i = 0; i < 15; i++) {
            pools.add(Cidr.of(b172 + (i << 16), 16));
        }
        int b192 = Cidr.parse("192.168.0.0/16").networkBits();
        for (int i = 0; i < 16; i++) {
            pools.add(Cidr.of(b192 + (i << 12), 20));
        }
        return List.copyOf(pools);
    }

    /** The first of {@code candidates} that overlaps none of {@code taken}, or null. */
    public static Cidr firstFree(Collection<Cidr> candidates, Collection<Cidr> taken) {
        RangeSet<Long> used = rangeSet(taken);
        for (Cidr pool : candidates) {
            if (!used.intersects(range(pool))) {
                return pool;
            }
        }
        return null;
    }

    /** The first /{@code size} subnet of {@code base} that overlaps none of {@code taken}, or null. */
    public static Cidr firstFree(Cidr base, int size, Collection<Cidr> taken) {
        RangeSet<Long> used = rangeSet(taken);
        long step = 1L << (32 - size);
        for (long a = unsigned(base.networkBits()); a < unsigned(base.broadcastBits()); a += step) {
            Cidr c = Cidr.of((int) a, size);
            if (!used.intersects(range(c))) {
                return c;
            }
        }
        return null;
    }

    /** The addresses of {@code cidrs}, merged. */
    public static RangeSet<Long> rangeSet(Collection<Cidr> cidrs) {
        RangeSet<Long> set = TreeRangeSet.create();
        cidrs.forEach(c -> set.add(range(c)));
        return set;
    }

    /** A subnet's addresses, network to broadcast, as unsigned values, closed-open. */
    public static Range<Long> range(Cidr c) {
        return Range.closedOpen(unsigned(c.networkBits()), unsigned(c.broadcastBits()) + 1);
    }

    /** One address, closed-open ({@code [a, a+1)}), so that neighbours coalesce in a range set. */
    static Range<Long> single(long a) {
        return Range.closedOpen(a, a + 1);
    }

    static long unsigned(int bits) {
        return Integer.toUnsignedLong(bits);
    }
}
