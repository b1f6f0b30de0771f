package dev.dockwire.netns.stack;

import dev.dockwire.link.NetDevice;
import dev.dockwire.wire.Cidr;

/** An address on a device, like one line of {@code ip addr show}: {@code inet 172.18.0.2/16 brd 172.18.255.255}. */
public record IfAddress(NetDevice dev, Cidr cidr) {
    public int address() {
        return cidr.addressBits();
    }

    public int broadcast() {
        return cidr.prefixLength() >= 31 ? 0 : cidr.broadcastBits();
    }
}
