package dev.dockwire.kernel;

import dev.dockwire.wire.Cidr;

/**
 * A main-table route as {@code ip route} reports it (RTM_NEWROUTE).
 *
 * @param gateway 0 when directly connected
 * @param src     preferred source, or 0
 * @param kernel  {@code proto kernel} (added with an address) rather than {@code proto static/boot}
 * @param linkdown the device has no carrier
 */
public record RouteInfo(Cidr dst, int gateway, String dev, int src, int metric, boolean kernel, boolean linkdown) {
}
