package dev.dockwire.docker.engine;

import dev.dockwire.docker.Network;
import dev.dockwire.wire.Ipv4Address;

/**
 * The daemon's checks of an endpoint's settings before it exists, as moby 28's
 * {@code validateEndpointSettings} (daemon/container_operations.go) and
 * {@code EndpointIPAMConfig.IsInRange} (api/types/network/endpoint.go) word them.
 */
final class EndpointSettings {
    private EndpointSettings() {
    }

    /**
     * What 28 says of static address {@code ip} on {@code n}, or null when it may be used: none on
     * the predefined networks, none from a pool the user did not configure, and within the
     * configured subnet.
     */
    static String staticAddressError(Network n, Ipv4Address ip) {
        if (n.predefined()) {
            return "user specified IP address is supported on user defined networks only";
        }
        if (!n.userSubnet()) {
            return "user specified IP address is supported only when connecting to networks with user configured subnets";
        }
        if (!n.subnet().contains(ip)) {
            return "no configured subnet or ip-range contain the IP address " + ip;
        }
        return null;
    }
}
