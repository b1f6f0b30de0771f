/**
 * Network namespaces: each one's devices and ifindexes, addresses, routing table, sysctls, its
 * IPv4 stack and its netfilter (made on first use), and the emulation that holds them all with
 * the event loop.
 *
 * <p>Follows net/core/net_namespace.c and dev.c (device registration, moving a device between
 * namespaces), devinet.c (addresses, inet_addr_type, inet_select_addr) and br_netfilter's
 * {@code bridge-nf-call-iptables}. A namespace is what its stack ({@link
 * dev.dockwire.netns.stack.StackNet}) and its netfilter ({@link dev.dockwire.netfilter.NfNet})
 * see through their interfaces, so neither knows this package. Depends on {@code netns.stack},
 * {@code netfilter}, {@code link}, {@code socket}, {@code sim} and {@code wire}.
 */
package dev.dockwire.netns;
