package dev.dockwire.netns.stack;

/**
 * One socket of the stack as /proc/net/tcp, tcp6 and udp list it: {@code proto} {@code tcp},
 * {@code tcp6} (an AF_INET6 socket of IPv4 peers: its addresses v4-mapped) or {@code udp},
 * addresses 0 for the wildcard ({@code ::} in tcp6), and the state under the kernel's TCP_* name
 * ({@code LISTEN}, {@code ESTABLISHED}, {@code TIME_WAIT}, ...; a UDP socket is
 * {@code ESTABLISHED} when connected, else {@code CLOSE}). {@code recvQ} and {@code sendQ} are what
 * inet_diag reports (tcp_diag_get_info): for a listener the accept queue's length and its backlog.
 */
public record SocketEntry(String proto, int localAddr, int localPort, int remoteAddr, int remotePort, String state,
                          int recvQ, int sendQ) {
    /** A socket whose queues are empty. */
    public SocketEntry(String proto, int localAddr, int localPort, int remoteAddr, int remotePort, String state) {
        this(proto, localAddr, localPort, remoteAddr, remotePort, state, 0, 0);
    }
}
