package dev.dockwire.netfilter.conntrack;

import dev.dockwire.netfilter.Conn;

/**
 * Who hears a namespace's conntrack events (the kernel's nf_ct_event_notifier, ctnetlink's
 * {@code ctnetlink_conntrack_event}): a set of IPCT_* bits ({@code enum ip_conntrack_events},
 * include/net/netfilter/nf_conntrack_ecache.h) for one connection, delivered when a packet of it
 * leaves the hooks ({@code nf_ct_deliver_cached_events} in nf_conntrack_confirm) or at once for
 * a DESTROY. {@link #NONE} is the default: nothing is delivered to anyone and nothing allocated.
 */
@FunctionalInterface
public interface ConntrackListener {
    /** A connection entered the table (its first packet was confirmed). */
    int IPCT_NEW = 1;
    /** A RELATED connection (an expectation's) entered the table. */
    int IPCT_RELATED = 1 << 1;
    /** The connection left the table: timeout, flush, delete, a reset as the only reply. */
    int IPCT_DESTROY = 1 << 2;
    /** The first packet of the reply direction (IPS_SEEN_REPLY). */
    int IPCT_REPLY = 1 << 3;
    /** IPS_ASSURED was set. */
    int IPCT_ASSURED = 1 << 4;
    /** The protocol's state changed (TCP's). */
    int IPCT_PROTOINFO = 1 << 5;
    /** The mark changed. */
    int IPCT_MARK = 1 << 7;

    /** Hears nothing. */
    ConntrackListener NONE = (events, c, portid) -> { };

    /**
     * The events {@code events} happened to {@code c}; {@code portid} is the netlink port of the
     * program that asked for a DESTROY ({@code conntrack -F}), 0 when the kernel acted by itself.
     */
    void event(int events, Conn c, long portid);
}
