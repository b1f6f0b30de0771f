package dev.dockwire.netns.stack;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.NfProbe;
import io.netty.buffer.ByteBuf;

/**
 * The IPv4 stack's tracepoints, below netfilter's and the link layer's: the routing decision
 * ({@code fib_table_lookup}), the neighbour the packet waits for or goes to ({@code neigh_*}),
 * and delivery to a socket. Drops are the link layer's {@link #drop}. Every method is empty in
 * {@link #OFF}; the arguments are what the path holds, so a call allocates nothing.
 */
public interface StackProbe extends NfProbe {
    /** The probe that records nothing. */
    StackProbe OFF = new StackProbe() { };

    /**
     * The route for {@code packet} (reader index at its IPv4 header) to {@code dst}: out of
     * {@code out} to {@code nextHop} (= {@code dst} for a connected route); {@code in} is null for
     * a locally generated packet. {@code local} when the destination is this namespace's own address.
     */
    default void route(NetDevice in, ByteBuf packet, int dst, NetDevice out, int nextHop, boolean local) {
    }

    /** {@code packet} goes to neighbour {@code ip} on {@code dev}, whose state is {@code state} (null: no entry yet, resolution starts). */
    default void neighbour(NetDevice dev, ByteBuf packet, int ip, NudState state) {
    }

    /**
     * {@code packet} (reader index at its IPv4 header) is delivered to the socket bound to
     * {@code port} of {@code protocol} in this stack ({@code socket}: the socket's own object),
     * or, for ICMP echo, to the ping socket of identifier {@code port}.
     */
    default void deliver(NetDevice dev, ByteBuf packet, int protocol, int port, Object socket) {
    }
}
