package dev.dockwire.docker;

import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.List;

/**
 * A container's attachment to a network (libnetwork's endpoint): its id, the interface inside
 * the container and the veth on the host, the address and MAC, and its aliases. {@code address}
 * and the interface names are null while the container is not running. {@code links} are
 * EndpointSettings.Links ({@code CONTAINER:ALIAS}, what Compose's {@code links:} become: the alias
 * resolves from this container only) and {@code requestedMac} EndpointSettings.MacAddress as
 * asked for ({@code --mac-address}, compose's {@code mac_address}; null: the driver picks one).
 */
public record Endpoint(String id, Network network, String ifname, String hostVeth, Ipv4Address address,
                       MacAddress mac, Ipv4Address requestedIp, List<String> aliases, List<String> links,
                       MacAddress requestedMac) {

    public Endpoint {
        links = List.copyOf(links);
    }

    /** An endpoint without links or a requested MAC address. */
    public Endpoint(String id, Network network, String ifname, String hostVeth, Ipv4Address address,
                    MacAddress mac, Ipv4Address requestedIp, List<String> aliases) {
        this(id, network, ifname, hostVeth, address, mac, requestedIp, aliases, List.of(), null);
    }

    public Endpoint withSandbox(String ifname, String hostVeth, Ipv4Address address, MacAddress mac) {
        return new Endpoint(id, network, ifname, hostVeth, address, mac, requestedIp, aliases, links, requestedMac);
    }

    public Endpoint withoutSandbox() {
        return new Endpoint(id, network, null, null, null, null, requestedIp, aliases, links, requestedMac);
    }

    /** The same endpoint, not yet joined, with EndpointSettings.Links and MacAddress. */
    public Endpoint withSettings(List<String> links, MacAddress requestedMac) {
        return new Endpoint(id, network, ifname, hostVeth, address, mac, requestedIp, aliases, links, requestedMac);
    }
}
