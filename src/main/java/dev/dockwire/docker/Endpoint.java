package dev.dockwire.docker;

import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.List;

/**
 * A container's attachment to a network (libnetwork's endpoint): its id, the interface inside
 * the container and the veth on the host, the address and MAC, and its aliases. {@code address}
 * and the interface names are null while the container is not running.
 */
public record Endpoint(String id, Network network, String ifname, String hostVeth, Ipv4Address address,
                       MacAddress mac, Ipv4Address requestedIp, List<String> aliases) {

    public Endpoint withSandbox(String ifname, String hostVeth, Ipv4Address address, MacAddress mac) {
        return new Endpoint(id, network, ifname, hostVeth, address, mac, requestedIp, aliases);
    }

    public Endpoint withoutSandbox() {
        return new Endpoint(id, network, null, null, null, null, requestedIp, aliases);
    }
}
