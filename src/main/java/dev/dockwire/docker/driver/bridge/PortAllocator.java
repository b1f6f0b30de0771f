package dev.dockwire.docker.driver.bridge;

import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.PortBinding;
import dev.dockwire.docker.PortSpec;
import dev.dockwire.wire.Ipv4Address;
import java.util.HashSet;
import java.util.Set;

/**
 * Host ports in use by published ports, per protocol and host address (libnetwork's
 * portallocator). 0.0.0.0 overlaps every address. Ephemeral ports come from
 * net.ipv4.ip_local_port_range, lowest free first.
 */
final class PortAllocator {
    static final int EPHEMERAL_LOW = 32768;
    static final int EPHEMERAL_HIGH = 60999;

    private final Set<String> used = new HashSet<>();

    /** Takes a port from {@code spec}'s host range (or the ephemeral range); Docker's error when none is free. */
    int allocate(PortSpec spec) {
        if (spec.hostLow() == 0) {
            for (int p = EPHEMERAL_LOW; p <= EPHEMERAL_HIGH; p++) {
                if (free(spec.proto(), spec.hostIp(), p)) {
                    take(spec.proto(), spec.hostIp(), p);
                    return p;
                }
            }
            throw new EngineException("no available ports in range " + EPHEMERAL_LOW + "-" + EPHEMERAL_HIGH);
        }
        for (int p = spec.hostLow(); p <= spec.hostHigh(); p++) {
            if (free(spec.proto(), spec.hostIp(), p)) {
                take(spec.proto(), spec.hostIp(), p);
                return p;
            }
        }
        String ip = spec.hostIp() == null ? "0.0.0.0" : spec.hostIp().toString();
        String port = spec.hostLow() == spec.hostHigh() ? String.valueOf(spec.hostLow())
                : spec.hostLow() + "-" + spec.hostHigh();
        throw new EngineException("Bind for " + ip + ":" + port + " failed: port is already allocated");
    }

    void release(PortBinding b) {
        used.remove(key(b.proto(), b.hostIp(), b.hostPort()));
    }

    private boolean free(String proto, Ipv4Address ip, int port) {
        if (used.contains(key(proto, null, port))) {
            return false;
        }
        if (ip == null) {
            String prefix = proto + "/" + port + "/";
            return used.stream().noneMatch(k -> k.startsWith(prefix));
        }
        return !used.contains(key(proto, ip, port));
    }

    private void take(String proto, Ipv4Address ip, int port) {
        used.add(key(proto, ip, port));
    }

    private static String key(String proto, Ipv4Address ip, int port) {
        return proto + "/" + port + "/" + (ip == null ? "0.0.0.0" : ip.toString());
    }
}
