package dev.dockwire.kernel;

import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;

/**
 * A link to create, as one {@code ip link add} request: the attributes every kind has
 * ({@link Attrs}, vishvananda/netlink's {@code LinkAttrs}) plus the kind's own, as netlink's
 * {@code Veth}, {@code Bridge}, {@code Macvlan}, {@code Vlan}, {@code Vxlan} and {@code Dummy}.
 * The real kernel sends it as one RTM_NEWLINK; a veth whose peer names another namespace is made
 * there directly ({@code ip link add A master BR up type veth peer name B netns NS}).
 */
public sealed interface LinkSpec {
    /** The device's common attributes. */
    Attrs attrs();

    /** {@code ip link add NAME [address MAC] type veth peer name PEER [address PEERMAC]}; null MAC = random. */
    static Veth veth(String name, MacAddress mac, String peer, MacAddress peerMac) {
        return new Veth(Attrs.named(name).mac(mac), Attrs.named(peer).mac(peerMac), false);
    }

    /** {@code ip link add NAME [address MAC] type bridge}. */
    static Bridge bridge(String name, MacAddress mac) {
        return new Bridge(Attrs.named(name).mac(mac));
    }

    /**
     * {@code ip link add NAME link PARENT [address MAC] type macvlan mode MODE}: a macvlan on
     * {@code parent}; null MAC = random. Docker creates it next to the parent, then moves it.
     */
    static Macvlan macvlan(String name, String parent, String mode, MacAddress mac) {
        return new Macvlan(Attrs.named(name).mac(mac), parent, mode);
    }

    /** {@code ip link add link PARENT name NAME type vlan id VID}. */
    static Vlan vlan(String name, String parent, int vid) {
        return new Vlan(Attrs.named(name), parent, vid);
    }

    /** {@code ip link add NAME type dummy}. */
    static Dummy dummy(String name) {
        return new Dummy(Attrs.named(name));
    }

    /** {@code ip link add NAME type vxlan id VNI dstport PORT [local LOCAL] [nolearning] [proxy]}. */
    static Vxlan vxlan(String name, int vni, Ipv4Address local, int dstport, boolean learning, boolean proxy) {
        return new Vxlan(Attrs.named(name), vni, local, dstport, learning, proxy);
    }

    /**
     * {@code LinkAttrs}: {@code name}; {@code mac} null for a random one; {@code mtu} 0 for the
     * kind's default; {@code master} the bridge to enslave it to (in the namespace it ends in), or
     * null; {@code up}; {@code netns} the namespace to make it in (IFLA_NET_NS_FD), null for the
     * one the request is made in.
     */
    record Attrs(String name, MacAddress mac, int mtu, String master, boolean up, String netns) {
        public static Attrs named(String name) {
            return new Attrs(name, null, 0, null, false, null);
        }

        public Attrs mac(MacAddress value) {
            return new Attrs(name, value, mtu, master, up, netns);
        }

        public Attrs mtu(int value) {
            return new Attrs(name, mac, value, master, up, netns);
        }

        public Attrs master(String bridge) {
            return new Attrs(name, mac, mtu, bridge, up, netns);
        }

        public Attrs up(boolean value) {
            return new Attrs(name, mac, mtu, master, value, netns);
        }

        public Attrs netns(String ns) {
            return new Attrs(name, mac, mtu, master, up, ns);
        }
    }

    /**
     * {@code type veth peer ...}: {@code peer} has its own attributes (its namespace too);
     * {@code hairpin} is the bridge-port mode of this end ({@code bridge link set dev A hairpin on}),
     * set right after the pair is made.
     */
    record Veth(Attrs attrs, Attrs peer, boolean hairpin) implements LinkSpec {
    }

    /** {@code type bridge}. */
    record Bridge(Attrs attrs) implements LinkSpec {
    }

    /** {@code link PARENT type macvlan mode MODE}: {@code bridge}, {@code private}, {@code vepa} or {@code passthru}. */
    record Macvlan(Attrs attrs, String parent, String mode) implements LinkSpec {
    }

    /** {@code link PARENT type vlan id VID}: an 802.1Q sub-interface (VID 1-4094). */
    record Vlan(Attrs attrs, String parent, int vid) implements LinkSpec {
    }

    /**
     * {@code type vxlan id VNI dstport PORT [local LOCAL] [nolearning] [proxy]} ({@code local} null:
     * none). Its UDP socket stays in the namespace it was made in when the device moves, as in Linux.
     */
    record Vxlan(Attrs attrs, int vni, Ipv4Address local, int dstport, boolean learning, boolean proxy)
            implements LinkSpec {
    }

    /** {@code type dummy}. */
    record Dummy(Attrs attrs) implements LinkSpec {
    }
}
