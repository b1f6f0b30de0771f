package dev.dockwire.kernel;

/**
 * A link as a dump reports it ({@code ip -d link}, RTM_NEWLINK): plain data, the same whichever
 * kernel produced it.
 *
 * @param kind        {@code loopback}, {@code veth}, {@code bridge}, ...
 * @param master      the bridge it is enslaved to, or null
 * @param peerIfindex for a veth, the peer's ifindex ({@code eth0@if5}), else 0
 * @param linkNetnsid the peer's namespace id as this namespace numbers it, or -1 when the peer is local
 * @param carrier     LOWER_UP: up and, for a veth, its peer up too
 */
public record LinkInfo(int ifindex, String name, String kind, long mac, int mtu, boolean up, boolean carrier,
                       String master, int peerIfindex, int linkNetnsid,
                       long rxPackets, long rxBytes, long rxDropped, long txPackets, long txBytes, long txDropped) {
}
