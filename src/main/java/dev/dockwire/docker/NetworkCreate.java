package dev.dockwire.docker;

import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.Map;

/**
 * What {@code docker network create} asks for; null fields are the daemon's defaults;
 * {@code auxAddresses} are IPAM Config's {@code AuxiliaryAddresses} ({@code --aux-address NAME=IP}).
 */
public record NetworkCreate(String name, String driver, Cidr subnet, Ipv4Address gateway, Cidr ipRange,
                            boolean internal, boolean attachable, Map<String, String> options,
                            Map<String, String> labels, Map<String, Ipv4Address> auxAddresses) {

    /** A request without auxiliary addresses. */
    public NetworkCreate(String name, String driver, Cidr subnet, Ipv4Address gateway, Cidr ipRange,
                         boolean internal, boolean attachable, Map<String, String> options, Map<String, String> labels) {
        this(name, driver, subnet, gateway, ipRange, internal, attachable, options, labels, Map.of());
    }

    public static NetworkCreate bridge(String name, Cidr subnet) {
        return new NetworkCreate(name, "bridge", subnet, null, null, false, false, Map.of(), Map.of());
    }
}
