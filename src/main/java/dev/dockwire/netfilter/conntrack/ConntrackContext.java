package dev.dockwire.netfilter.conntrack;

/**
 * What connection tracking asks of the netfilter instance it runs in: the table's bound
 * ({@code net.netfilter.nf_conntrack_max}, re-read on a sysctl write) and the kernel log its
 * "table full" warning goes to. Narrow on purpose: conntrack never calls back into the hooks.
 */
public interface ConntrackContext {
    /** {@code nf_conntrack_max}; 0 means unbounded. */
    int conntrackMax();

    /** net_warn_ratelimited: a kernel log line ({@code dmesg}) unless net_ratelimit suppresses it. */
    void warnRatelimited(String line);
}
