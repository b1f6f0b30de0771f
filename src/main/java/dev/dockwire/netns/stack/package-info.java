/**
 * The IPv4 stack of a namespace: Ethernet demux, ARP and the neighbour table, IPv4 input,
 * forwarding and output through the routing table, fragmentation and reassembly, path MTU,
 * ICMP, UDP and TCP with their sockets; receiving, forwarding and sending a datagram allocate
 * nothing.
 *
 * <p>Follows net/ipv4 (ip_input.c, ip_forward.c, ip_output.c, ip_fragment.c, arp.c, icmp.c,
 * udp.c, ping.c, tcp_*.c, fib_*.c) and net/core/neighbour.c. The stack sees its namespace only as
 * {@link dev.dockwire.netns.stack.StackNet} and calls netfilter only through {@link
 * dev.dockwire.netfilter.NfHooks}. Depends on {@code netfilter} (the core's hook interface),
 * {@code link}, {@code socket}, {@code sim} and {@code wire}.
 */
package dev.dockwire.netns.stack;
