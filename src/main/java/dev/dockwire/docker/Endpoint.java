package dev.dockwire.docker;

import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;

/** A container's attachment to a network: its interface inside, the veth on the host, address and MAC. */
public record Endpoint(Network network, String ifname, String hostVeth, Ipv4Address address, MacAddress mac) {
}
