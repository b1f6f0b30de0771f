package dev.dockwire.docker;

import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;

/**
 * Which Docker release the engine behaves like where releases differ. {@code docker-28} (the
 * default) gives containers random locally administered MACs; {@code docker-27} derives them
 * from the IPv4 address, 02:42 followed by its four bytes.
 */
public enum EngineProfile {
    DOCKER_28("docker-28"),
    DOCKER_27("docker-27");

    private final String id;

    EngineProfile(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static EngineProfile parse(String id) {
        for (EngineProfile p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown engine profile \"" + id + "\": expected docker-28 or docker-27");
    }

    /** The MAC an endpoint with {@code ip} gets. */
    public MacAddress endpointMac(Ipv4Address ip, SeededRandom random) {
        if (this == DOCKER_27) {
            return MacAddress.of(0x0242_0000_0000L | Integer.toUnsignedLong(ip.bits()));
        }
        return MacAddress.randomLocal(random);
    }
}
