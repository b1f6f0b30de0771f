package dev.dockwire.docker.ipam;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;

/**
 * The addresses of one network's pool, as libnetwork's default IPAM keeps them (ipams/defaultipam,
 * one bitmap per subnet): the subnet, the range addresses are handed out from ({@code
 * --ip-range}, else the subnet), and what is allocated, as a set of address ranges. The subnet's
 * network and broadcast addresses and the gateway are never handed out; every other address of the
 * range is, its own first and last included. Ranges are kept closed-open ({@code [a, b)}), so
 * neighbouring addresses coalesce and the lowest free address is a lower bound.
 */
public final class AddressPool {
    private final Cidr subnet;
    private final Range<Long> handOut;
    private final Ipv4Address gateway;
    private final RangeSet<Long> allocated = TreeRangeSet.create();

    /** A pool of {@code subnet}, handing out {@code ipRange} (null: the whole subnet), with {@code gateway} (null: none) reserved. */
    public AddressPool(Cidr subnet, Cidr ipRange, Ipv4Address gateway) {
        this.subnet = subnet;
        this.handOut = Pools.range(ipRange != null ? ipRange : subnet);
        this.gateway = gateway;
        allocated.add(Pools.single(Pools.unsigned(subnet.networkBits())));
        allocated.add(Pools.single(Pools.unsigned(subnet.broadcastBits())));
        if (gateway != null) {
            allocated.add(Pools.single(Pools.unsigned(gateway.bits())));
        }
    }

    /** RequestAddress without a preference: the lowest free address of the range. */
    public Ipv4Address requestAddress() {
        // The range's first address, or past the allocated run holding it: the set coalesces, so
        // that run's (open) end is free. Two lookups, not a walk of the complement's views.
        long first = handOut.lowerEndpoint();
        Range<Long> run = allocated.rangeContaining(first);
        if (run != null) {
            first = run.upperEndpoint();
        }
        if (!handOut.contains(first)) {
            throw new IpamException(IpamException.Kind.NO_AVAILABLE_IPS);
        }
        allocated.add(Pools.single(first));
        return Ipv4Address.of((int) first);
    }

    /** RequestAddress of a static address ({@code --ip}): anywhere in the subnet but its network and broadcast address. */
    public Ipv4Address requestAddress(Ipv4Address wanted) {
        if (!subnet.contains(wanted) || wanted.bits() == subnet.networkBits() || wanted.bits() == subnet.broadcastBits()) {
            throw new IpamException(IpamException.Kind.IP_OUT_OF_RANGE);
        }
        long a = Pools.unsigned(wanted.bits());
        if (allocated.contains(a)) {
            throw new IpamException(IpamException.Kind.IP_ALREADY_ALLOCATED);
        }
        allocated.add(Pools.single(a));
        return wanted;
    }

    /** ReleaseAddress: the address may be handed out again (the gateway stays reserved). */
    public void releaseAddress(Ipv4Address a) {
        if (a != null && !a.equals(gateway)) {
            allocated.remove(Pools.single(Pools.unsigned(a.bits())));
        }
    }
}
