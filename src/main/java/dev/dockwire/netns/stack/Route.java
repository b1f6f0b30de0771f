package dev.dockwire.netns.stack;

import dev.dockwire.link.NetDevice;
import dev.dockwire.wire.Cidr;

/**
 * A route in the main table ({@code default via 172.18.0.1 dev eth0}, or the connected
 * {@code 172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.2}).
 *
 * @param gateway next hop, or 0 for a directly connected destination
 * @param src preferred source address, or 0
 * @param kernel true for the connected routes the kernel adds with an address
 */
public record Route(Cidr dst, int gateway, NetDevice dev, int src, int metric, boolean kernel) {

    public int nextHop(int destination) {
        return gateway != 0 ? gateway : destination;
    }
}
