package dev.dockwire.docker.driver.bridge;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.PortBinding;
import dev.dockwire.docker.PortSpec;
import dev.dockwire.wire.Ipv4Address;
import java.util.HashMap;
import java.util.Map;

/**
 * Host ports in use by published ports, per protocol and host address (libnetwork's
 * portallocator), each address's ports a Guava range set of closed-open ranges. 0.0.0.0
 * overlaps every address.
 * Ephemeral ports come from net.ipv4.ip_local_port_range, lowest free first.
 */
final class PortAllocator {
    static final int EPHEMERAL_LOW = 32768;
    static final int EPHEMERAL_HIGH = 60999;

    /** Ports taken, by protocol, then host address (null for 0.0.0.0). */
    private final Map<String, Map<Ipv4Address, RangeSet<Integer>>> used = new HashMap<>();

    /** Takes a port from {@code spec}'s host range (or the ephemeral range); Docker's error when none is free. */
    int allocate(PortSpec spec) {
        boolean ephemeral = spec.hostLow() == 0;
        Range<Integer> wanted = ephemeral ? Range.closedOpen(EPHEMERAL_LOW, EPHEMERAL_HIGH + 1)
                : Range.closedOpen(spec.hostLow(), spec.hostHigh() + 1);
        RangeSet<Integer> free = blocked(spec.proto(), spec.hostIp()).complement().subRangeSet(wanted);
        if (!free.isEmpty()) {
            int p = free.asRanges().iterator().next().lowerEndpoint();
            ports(spec.proto(), spec.hostIp()).add(Range.closedOpen(p, p + 1));
            return p;
        }
        if (ephemeral) {
            throw new EngineException("no available ports in range " + EPHEMERAL_LOW + "-" + EPHEMERAL_HIGH);
        }
        String ip = spec.hostIp() == null ? "0.0.0.0" : spec.hostIp().toString();
        String port = spec.hostLow() == spec.hostHigh() ? String.valueOf(spec.hostLow())
                : spec.hostLow() + "-" + spec.hostHigh();
        throw new EngineException("Bind for " + ip + ":" + port + " failed: port is already allocated");
    }

    void release(PortBinding b) {
        ports(b.proto(), b.hostIp()).remove(Range.closedOpen(b.hostPort(), b.hostPort() + 1));
    }

    /** The ports {@code ip} cannot take: those of 0.0.0.0 and its own, or with no address given those of every address. */
    private RangeSet<Integer> blocked(String proto, Ipv4Address ip) {
        RangeSet<Integer> b = TreeRangeSet.create(ports(proto, null));
        if (ip == null || ip.bits() == 0) {
            used.get(proto).values().forEach(b::addAll);
        } else {
            b.addAll(ports(proto, ip));
        }
        return b;
    }

    /** The ports taken on {@code ip}; an explicit 0.0.0.0 shares the wildcard's set. */
    private RangeSet<Integer> ports(String proto, Ipv4Address ip) {
        Ipv4Address key = ip == null || ip.bits() == 0 ? null : ip;
        return used.computeIfAbsent(proto, k -> new HashMap<>()).computeIfAbsent(key, k -> TreeRangeSet.create());
    }
}
