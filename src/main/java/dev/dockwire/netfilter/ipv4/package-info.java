/**
 * Netfilter for IPv4 in one namespace: the hook functions in the kernel's priority order
 * (raw, conntrack, mangle, nat, filter, conntrack confirm), registered on the namespace while
 * there is work, REJECT's answers, and the configuration entry points (iptables, restore, save).
 *
 * <p>Follows net/ipv4/netfilter/ (iptable_raw.c, iptable_mangle.c, iptable_filter.c,
 * iptable_nat.c, nf_conntrack's IPv4 hook ops, nf_reject_ipv4.c). The top of the netfilter rooms:
 * it owns a namespace's tables, conntrack and NAT and gives each of them its narrow context. It
 * sees the namespace only as {@link dev.dockwire.netfilter.NfNet}. Depends on every netfilter
 * room, {@code link}, {@code sim} and {@code wire}.
 */
package dev.dockwire.netfilter.ipv4;
