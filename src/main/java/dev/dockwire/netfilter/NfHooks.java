package dev.dockwire.netfilter;

import dev.dockwire.link.NetDevice;
import io.netty.buffer.ByteBuf;

/**
 * The IPv4 netfilter hook points of a namespace's stack ({@code NF_HOOK(NFPROTO_IPV4, NF_INET_*)}).
 * The stack calls them only while a namespace has hooks registered ({@link NfNet#registerHooks}
 * with a non-null set), so a namespace without rules or conntrack pays one branch per hook point. Each call
 * gets the packet with its reader index at the IPv4 header; {@code true} means NF_ACCEPT (go on,
 * possibly with a rewritten header), {@code false} means the hooks dropped or stole the packet and
 * released it.
 */
public interface NfHooks {
    /**
     * Whether conntrack is loaded, and with it nf_defrag_ipv4: fragments are then reassembled
     * before PRE_ROUTING, so conntrack and NAT only see whole datagrams.
     */
    boolean defragments();

    /** NF_INET_PRE_ROUTING: before the routing decision (ip_rcv); DNAT may change the destination. */
    boolean preRouting(NetDevice in, ByteBuf packet);

    /** NF_INET_LOCAL_IN: before local delivery (ip_local_deliver). */
    boolean localIn(NetDevice in, ByteBuf packet);

    /** NF_INET_FORWARD: a routed packet, after the TTL decrement (ip_forward). */
    boolean forward(NetDevice in, NetDevice out, ByteBuf packet);

    /** NF_INET_LOCAL_OUT: a locally generated packet (__ip_local_out); DNAT here re-routes. */
    boolean localOut(NetDevice out, ByteBuf packet);

    /** NF_INET_POST_ROUTING: every packet leaving through {@code out} (ip_output); SNAT happens here. */
    boolean postRouting(NetDevice in, NetDevice out, ByteBuf packet);

    /**
     * After {@link #postRouting} accepted a forwarded packet (PRE_ROUTING, FORWARD, POST_ROUTING in a row,
     * nothing between): what the hooks did for it as a step for the next packets of its flow
     * ({@link NfFlow}, one per connection and direction, refilled by each recording); null when that cannot be replayed (not a
     * tracked UDP flow's packet, a connection whose state this packet changed, a walk that cannot be
     * remembered, a traced packet).
     */
    default NfFlow flowOffload(ByteBuf packet) {
        return null;
    }

    /**
     * After {@link #postRouting} accepted a locally sent packet (LOCAL_OUT, POST_ROUTING in a row,
     * nothing between): what the hooks did for it as a step for the next datagrams of its flow, which a
     * tunnel's cached output replays ({@link NfFlow#enter}: LOCAL_OUT's connection refresh; {@link NfFlow#leave}:
     * the rule counters); null when that cannot be replayed (as {@link #flowOffload}, and a flow with NAT).
     */
    default NfFlow localFlow(ByteBuf packet) {
        return null;
    }
}
