/**
 * BusyBox's kernel-state applets as alpine's and busybox's images carry them: {@code ip} (its
 * libiproute, not iproute2: {@code scope link  src X }, {@code M-DOWN}, no {@code -br}/{@code -s}/{@code -d}),
 * {@code ifconfig}, {@code route}, {@code netstat} (the routing table and the sockets), {@code arp}. Each reads the namespace through
 * the {@code kernel} seam like {@code tools}' iproute2 {@code ip}, and prints BusyBox 1.36.1's text
 * (networking/libiproute, networking/interface.c, route.c, netstat.c, arp.c).
 *
 * <p>A container runs these or {@code tools}' iproute2 by the image catalogue's provider of the program.
 */
package dev.dockwire.tools.busybox;
