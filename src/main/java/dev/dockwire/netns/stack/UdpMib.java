package dev.dockwire.netns.stack;

/**
 * The UDP MIB (UDP_MIB_*, the {@code Udp:} lines of /proc/net/snmp), counted as net/ipv4/udp.c counts it; made by
 * a namespace's first count ({@link Udp#mib()}), so a namespace without UDP traffic pays one reference for it.
 */
final class UdpMib {
    long inDatagrams;
    long noPorts;
    /** __udp4_lib_rcv's csum_error and short_packet, and __udp_enqueue_schedule_skb's drops. */
    long inErrors;
    long outDatagrams;
    /** Datagrams dropped because the socket's receive buffer was full (UDP_MIB_RCVBUFERRORS). */
    long rcvbufErrors;
    long sndbufErrors;
    long inCsumErrors;
    /** __udp4_lib_mcast_deliver: a broadcast or multicast datagram no socket took (not NoPorts, no ICMP). */
    long ignoredMulti;
}
