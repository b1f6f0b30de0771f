package dev.dockwire.netns.stack;

/**
 * One socket of the stack as /proc/net/tcp and /proc/net/udp list it: {@code proto} {@code tcp}
 * or {@code udp}, addresses 0 for the wildcard, and the state under the kernel's TCP_* name
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
