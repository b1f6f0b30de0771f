package dev.dockwire.netns;

import dev.dockwire.link.NetDevice;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;

/**
 * A route in the main table, printed as {@code ip route} does:
 * {@code default via 172.18.0.1 dev eth0} or
 * {@code 172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.2}.
 *
 * @param gateway next hop, or 0 for a directly connected destination
 * @param src preferred source address, or 0
 * @param kernel true for the connected routes the kernel adds with an address
 */
public record Route(Cidr dst, int gateway, NetDevice dev, int src, int metric, boolean kernel) {

    public int nextHop(int destination) {
        return gateway != 0 ? gateway : destination;
    }

    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(dst.prefixLength() == 0 ? "default" : dst.network().toString().replace("/32", ""));
        if (gateway != 0) {
            sb.append(" via ").append(Ipv4Address.format(gateway));
        }
        sb.append(" dev ").append(dev.name());
        if (kernel) {
            sb.append(" proto kernel scope link");
        } else if (gateway == 0) {
            sb.append(" scope link");
        }
        if (src != 0) {
            sb.append(" src ").append(Ipv4Address.format(src));
        }
        if (metric != 0) {
            sb.append(" metric ").append(metric);
        }
        if (!dev.hasCarrier()) {
            sb.append(" linkdown");
        }
        return sb.toString();
    }
}
