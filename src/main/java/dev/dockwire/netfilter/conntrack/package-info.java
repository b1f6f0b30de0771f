/**
 * Connection tracking of one namespace: finding or creating a packet's connection, classifying
 * it (NEW, ESTABLISHED, RELATED, INVALID), the protocol trackers and their timeouts on the
 * virtual clock, confirming new connections, and {@code nf_conntrack_max}.
 *
 * <p>Follows net/netfilter/nf_conntrack_core.c, nf_conntrack_proto_tcp.c (without window
 * tracking), nf_conntrack_proto_udp.c and nf_conntrack_proto_icmp.c. It asks the netfilter
 * instance it runs in only for its bound and its log ({@link
 * dev.dockwire.netfilter.conntrack.ConntrackContext}), never calls back into the hooks. Depends on
 * the netfilter core, {@code link}, {@code sim} and {@code wire}.
 */
package dev.dockwire.netfilter.conntrack;
