package dev.dockwire.link;

/**
 * Why a frame was freed without being delivered: the kernel's {@code enum skb_drop_reason}
 * (include/net/dropreason-core.h), the reasons {@code kfree_skb_reason} reports to the
 * {@code skb:kfree_skb} tracepoint. Named as the kernel names them without the
 * {@code SKB_DROP_REASON_} prefix; only the reasons the emulated paths can give.
 */
public enum DropReason {
    /** A drop the kernel gives no reason for. */
    NOT_SPECIFIED,
    /** No socket listens on the destination port (__udp4_lib_rcv, tcp_v4_rcv). */
    NO_SOCKET,
    /** A netfilter hook returned NF_DROP (a DROP or REJECT rule, or a chain's policy). */
    NETFILTER_DROP,
    /** Too short for the headers it claims (an Ethernet or IPv4 header cut off). */
    PKT_TOO_SMALL,
    /** A unicast IP packet in a link-layer broadcast or multicast frame, not for us: not forwarded (ip_rcv_finish_core). */
    UNICAST_IN_L2_MULTICAST,
    /** The frame's destination MAC is another host's (eth_type_trans: PACKET_OTHERHOST). */
    OTHERHOST,
    /** The IPv4 header is invalid or its checksum wrong (ip_rcv_core). */
    IP_INHDR,
    /** A packet to an address that is not ours and forwarding is off (ip_forward). */
    IP_INADDRERRORS,
    /** No route to forward by (ip_route_input_slow). */
    IP_INNOROUTES,
    /** No route for a locally generated packet (ip_route_output). */
    IP_OUTNOROUTES,
    /** The protocol has no handler here (ip_protocol_deliver_rcu). */
    IP_NOPROTO,
    /** The next hop did not answer ARP (neigh_invalidate). */
    NEIGH_FAILED,
    /** The neighbour's queue of packets waiting for resolution was full (__neigh_event_send). */
    NEIGH_QUEUEFULL,
    /** The TTL ran out on a forwarded packet (ip_forward: IP_INHDR in the kernel; said apart here). */
    TTL_EXPIRED,
    /** Larger than the egress MTU with DF set (ip_forward → ip_exceeds_mtu). */
    PKT_TOO_BIG,
    /** The per-CPU receive backlog was full (enqueue_to_backlog, netdev_max_backlog). */
    CPU_BACKLOG,
    /** The device (or a veth's peer) is down (veth_xmit, dev_queue_xmit). */
    DEV_READY,
    /** The qdisc dropped it (a full queue, netem loss). */
    QDISC_DROP,
    /** Not a protocol the receiving device or stack handles (__netif_receive_skb_core). */
    UNHANDLED_PROTO,
    /** A socket's receive buffer was full (sock_queue_rcv_skb). */
    SOCKET_RCVBUFF,
    /** A bridge frame sent back out of the port it came in by, not in hairpin mode (br_handle_frame_finish). */
    BRIDGE_SAME_PORT,
    /** A bridge frame with an invalid source MAC (br_handle_frame: !is_valid_ether_addr). */
    MAC_INVALID,
    /** A VXLAN packet for a VNI no device here serves (vxlan_rcv: VXLAN_VNI_NOT_FOUND). */
    VXLAN_VNI_NOT_FOUND,
    /** No FDB entry or default destination to encapsulate to (vxlan_xmit: VXLAN_NO_REMOTE). */
    VXLAN_NO_REMOTE
}
