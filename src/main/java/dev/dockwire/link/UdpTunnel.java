package dev.dockwire.link;

import io.netty.buffer.ByteBuf;

/**
 * The UDP side of a tunnel device, as the kernel's {@code udp_tunnel_sock}: a socket bound to a
 * port in the namespace where the device was created (it stays there when the device moves),
 * whose received datagrams go to an {@link Receiver} instead of a socket queue
 * ({@code encap_rcv}), and which sends datagrams a driver already encapsulated
 * ({@code udp_tunnel_xmit_skb}). Implemented by that namespace's IPv4 stack.
 */
public interface UdpTunnel {
    /** Where datagrams to a tunnel port go ({@code encap_rcv}). */
    @FunctionalInterface
    interface Receiver {
        /**
         * A datagram from {@code srcIp}; {@code packet}'s reader index is at the outer IPv4 header,
         * {@code payload} is the offset of the UDP payload and {@code end} its end. Takes ownership.
         */
        void encapRcv(ByteBuf packet, int srcIp, int payload, int end);
    }

    /** Binds {@code port} on the wildcard address for {@code receiver}; false when the port is taken. */
    boolean open(int port, Receiver receiver);

    /** Unbinds {@code port}. */
    void close(int port);

    /** The source address the stack picks towards {@code dst} (inet_select_addr), or 0 without a route. */
    int sourceAddressFor(int dst);

    /**
     * Sends a datagram whose readable bytes are the UDP header (filled in by the driver) and
     * payload: the stack prepends IPv4 and routes it like any local packet (OUTPUT, POSTROUTING,
     * the neighbour layer). Takes ownership; false when it was dropped (no route, too big, a rule).
     */
    boolean xmit(ByteBuf datagram, int src, int dst, int tos, int ttl, boolean df);

    /**
     * What a driver keeps per remote destination, made by the tunnel, as the kernel's
     * {@code dst_cache} in each {@code vxlan_rdst} (the route and neighbour {@code vxlan_xmit_one}
     * found, and what they hold for): sending through it leaves the same datagram, with the same
     * counts, as {@link UdpTunnel#xmit} does. A driver may hand one cache several destinations,
     * which then take turns in it.
     */
    interface DstCache {
        /** As {@link UdpTunnel#xmit}, by the cached answer when it holds for these arguments. */
        boolean xmit(ByteBuf datagram, int src, int dst, int tos, int ttl, boolean df);
    }

    /** A new, empty cache for a remote destination, or null when this tunnel keeps none. */
    default DstCache dstCache() {
        return null;
    }
}
