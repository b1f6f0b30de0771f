/**
 * Netfilter's core: the packet as the hooks see it ({@link dev.dockwire.netfilter.NfPacket}), the
 * hook points and verdicts, the tables, chains and rules with their traversal (ipt_do_table), the
 * connection record a packet carries ({@link dev.dockwire.netfilter.Conn}), and the interfaces the
 * rooms above meet through.
 *
 * <p>Follows the kernel's include/linux/netfilter.h, net/netfilter/x_tables.c and
 * net/ipv4/netfilter/ip_tables.c. The interfaces invert the dependencies the kernel wires with
 * function pointers: {@link dev.dockwire.netfilter.NfHooks} is what the stack calls
 * ({@code NF_HOOK}), {@link dev.dockwire.netfilter.NfNet} is the namespace as netfilter sees it
 * ({@code struct net}), {@link dev.dockwire.netfilter.XtContext} is what a target may do besides
 * rewriting its packet (as {@code struct nf_nat_hook} lets xt_nat reach NAT).
 *
 * <p>The rooms, bottom to top: this core; {@code conntrack} and {@code xt} (each on the core only);
 * {@code nat} (on conntrack); {@code iptables}, the language (on xt); {@code ipv4}, the hook
 * functions that put them together. Depends on {@code link}, {@code sim} and {@code wire} only.
 */
package dev.dockwire.netfilter;
