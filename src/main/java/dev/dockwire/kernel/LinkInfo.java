package dev.dockwire.kernel;

/**
 * A link as a dump reports it ({@code ip -d link}, RTM_NEWLINK): plain data, the same whichever
 * kernel produced it.
 *
 * @param kind        {@code loopback}, {@code veth}, {@code bridge}, ...
 * @param master      the bridge it is enslaved to, or null
 * @param peerIfindex {@code IFLA_LINK}: a veth's peer, a macvlan's or vlan's parent ({@code eth0@if5}), else 0
 * @param linkNetnsid that link's namespace id as this namespace numbers it, or -1 when it is local
 * @param carrier     LOWER_UP: up and, for a veth, its peer up too
 * @param macvlanMode for a macvlan, {@code bridge}, {@code private}, {@code vepa} or {@code passthru}; else null
 * @param vlanId      for an 802.1Q vlan, its VID; else 0
 */
public record LinkInfo(int ifindex, String name, String kind, long mac, int mtu, boolean up, boolean carrier,
                       String master, int peerIfindex, int linkNetnsid,
                       long rxPackets, long rxBytes, long rxDropped, long txPackets, long txBytes, long txDropped,
                       String macvlanMode, int vlanId) {
}
