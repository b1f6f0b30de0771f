package dev.dockwire.link;

import java.util.StringJoiner;

/**
 * A device's offload features ({@code netdev_features_t}, include/linux/netdev_features.h) as a bit
 * set, named as {@code ethtool -k} names them. The emulator models the ones that decide where a
 * GSO packet is segmented and a partial checksum completed ({@code validate_xmit_skb}): a device
 * without {@link #TSO} gets TCP super-packets cut into segments in software before its driver, one
 * without {@link #HW_CSUM} gets partial checksums completed ({@code skb_checksum_help}).
 */
public final class NetdevFeatures {
    /** NETIF_F_SG: scatter-gather ("scatter-gather"). */
    public static final int SG = 1;
    /** NETIF_F_HW_CSUM: the device completes any CHECKSUM_PARTIAL checksum ("tx-checksum-ip-generic"). */
    public static final int HW_CSUM = 1 << 1;
    /** NETIF_F_TSO: TCPv4 segmentation ("tx-tcp-segmentation"). */
    public static final int TSO = 1 << 2;
    /** NETIF_F_GSO: software segmentation late, at the device ("generic-segmentation-offload"). */
    public static final int GSO = 1 << 3;
    /** NETIF_F_GRO: receive aggregation ("generic-receive-offload"). */
    public static final int GRO = 1 << 4;

    /**
     * veth, bridge, loopback, dummy, macvlan and vlan devices: {@code NETIF_F_GSO_SOFTWARE |
     * NETIF_F_HW_CSUM | NETIF_F_SG} and friends (veth_setup's VETH_FEATURES, br_dev_setup,
     * loopback_setup), so a super-packet crosses them whole.
     */
    public static final int VIRTUAL = SG | HW_CSUM | TSO | GSO | GRO;
    /**
     * A VXLAN device here: its underlay is modelled without UDP-tunnel segmentation
     * (NETIF_F_GSO_UDP_TUNNEL), so TCP leaves it in MTU-sized segments, encapsulated one by one.
     */
    public static final int TUNNEL = SG | HW_CSUM | GSO | GRO;

    private NetdevFeatures() {
    }

    /** The features a new device of {@code type} has. */
    public static int defaults(LinkType type) {
        return type == LinkType.VXLAN ? TUNNEL : VIRTUAL;
    }

    /** netif_needs_gso for a TCPv4 GSO packet: whether the device cannot take it whole. */
    public static boolean needsGso(int features) {
        return (features & TSO) == 0;
    }

    /** The features as {@code ethtool -k} lists them ("name: on|off", one a line). */
    public static String ethtool(int features) {
        StringJoiner out = new StringJoiner("\n");
        out.add("scatter-gather: " + onOff(features, SG));
        out.add("tx-checksumming: " + onOff(features, HW_CSUM));
        out.add("\ttx-checksum-ip-generic: " + onOff(features, HW_CSUM));
        out.add("tcp-segmentation-offload: " + onOff(features, TSO));
        out.add("\ttx-tcp-segmentation: " + onOff(features, TSO));
        out.add("generic-segmentation-offload: " + onOff(features, GSO));
        out.add("generic-receive-offload: " + onOff(features, GRO));
        return out.toString();
    }

    private static String onOff(int features, int bit) {
        return (features & bit) != 0 ? "on" : "off";
    }
}
