package dev.dockwire.netns.stack;

/**
 * One socket of the stack as /proc/net/tcp, tcp6 and udp list it: {@code proto} {@code tcp},
 * {@code tcp6} (an AF_INET6 socket of IPv4 peers: its addresses v4-mapped) or {@code udp},
 * addresses 0 for the wildcard ({@code ::} in tcp6), and the state under the kernel's TCP_* name
 * ({@code LISTEN}, {@code ESTABLISHED}, {@code TIME_WAIT}, ...; a UDP socket is
 * {@code ESTABLISHED} when connected, else {@code CLOSE}).
 */
public record SocketEntry(String proto, int localAddr, int localPort, int remoteAddr, int remotePort, String state) {
}
