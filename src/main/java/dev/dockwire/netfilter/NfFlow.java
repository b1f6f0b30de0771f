package dev.dockwire.netfilter;

import io.netty.buffer.ByteBuf;

/**
 * Netfilter's half of an offloaded flow direction, as the kernel's flowtable keeps one
 * {@code flow_offload_tuple} per direction (nf_flow_table_core.c) and nf_flow_offload_ip_hook
 * forwards the flow's packets with it: what the hooks did for the last packet of a connection in
 * one direction, to be done again for the next one in one step. Unlike the kernel's flowtable, which
 * bypasses the hooks (no rule counters, no conntrack refresh), the step does all the hooks did that one
 * can observe: the conntrack entry's timeout and counters, the rule and policy counters of each table
 * walk, the NAT rewrite; and it holds only while nothing that outcome depended on changed.
 * Made by {@link NfHooks#flowOffload}; the stack keys it on {@link #protocol()}, {@link #src()},
 * {@link #dst()}, {@link #sport()}, {@link #dport()}: the packet as it arrived, before NAT.
 */
public interface NfFlow {
    int protocol();

    int src();

    int dst();

    int sport();

    int dport();

    /**
     * PRE_ROUTING's part for the next packet of the flow (reader index at its IPv4 header): false, with
     * nothing changed, when the outcome recorded no longer holds (a commit, the connection's state or
     * deadline, a device renamed); else the connection's refresh and DNAT done, but for the IPv4 header's
     * checksum ({@link #ipHeaderSum}).
     */
    boolean enter(ByteBuf packet);

    /**
     * FORWARD's and POST_ROUTING's part, after {@link #enter} and the stack's TTL decrement: the rule
     * counters, SNAT, but for the IPv4 header's checksum ({@link #ipHeaderSum}).
     */
    void leave(ByteBuf packet);

    /**
     * The RFC 1624 sum (~old + new words) of what {@link #enter} and {@link #leave} change in the IPv4
     * header (DNAT's and SNAT's addresses; 0 without): the stack adds it to its update of the header
     * checksum for the TTL, which they leave as it is (Ipv4Packet.decrementTtl with a header sum).
     */
    long ipHeaderSum();
}
