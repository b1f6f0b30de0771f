package dev.dockwire.docker.swarm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where {@code docker swarm join --token T ADDR:2377} finds the swarm a manager at ADDR runs: the
 * emulated hosts share one directory. The join handshake (TLS on TCP 2377) is not put on the wire;
 * the data plane (VXLAN on UDP 4789) is.
 */
public final class SwarmDirectory {
    private final Map<String, Swarm> byManagerAddress = new LinkedHashMap<>();

    public void register(String address, Swarm swarm) {
        byManagerAddress.put(address, swarm);
    }

    /** The swarm whose manager listens at {@code address} (an IP, port 2377 implied), or null. */
    public Swarm find(String address) {
        return byManagerAddress.get(address);
    }
}
