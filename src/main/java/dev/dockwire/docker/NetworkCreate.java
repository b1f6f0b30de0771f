package dev.dockwire.docker;

import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.Map;

/** What {@code docker network create} asks for; null fields are the daemon's defaults. */
public record NetworkCreate(String name, String driver, Cidr subnet, Ipv4Address gateway, Cidr ipRange,
                            boolean internal, boolean attachable, Map<String, String> options,
                            Map<String, String> labels) {

    public static NetworkCreate bridge(String name, Cidr subnet) {
        return new NetworkCreate(name, "bridge", subnet, null, null, false, false, Map.of(), Map.of());
    }
}
