package dev.dockwire.kernel;

import dev.dockwire.wire.Cidr;

/** An address as {@code ip addr} reports it (RTM_NEWADDR); {@code broadcast} 0 when none. */
public record AddrInfo(int ifindex, String dev, Cidr cidr, int broadcast, boolean hostScope) {
}
