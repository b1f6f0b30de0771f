/**
 * NAT on top of conntrack: binding a new connection's mapping (from the nat table's verdict or a
 * null binding), finding a free tuple, and rewriting every packet of a NATed flow, ICMP errors
 * about it included.
 *
 * <p>Follows net/netfilter/nf_nat_core.c, nf_nat_proto.c and nf_nat_masquerade.c's oif check. It
 * asks the netfilter instance it runs in only for the nat table's verdict ({@link
 * dev.dockwire.netfilter.nat.NatContext}); the SNAT, DNAT and MASQUERADE targets reach it through
 * {@link dev.dockwire.netfilter.XtContext#natSetup}. Depends on the netfilter core, {@code
 * netfilter.conntrack}, {@code link}, {@code sim} and {@code wire}.
 */
package dev.dockwire.netfilter.nat;
