package dev.dockwire.kernel;

/**
 * A socket of IPv4 traffic as /proc/net/tcp, /proc/net/tcp6 or /proc/net/udp reports it
 * ({@code netstat}, {@code ss}): plain data, the same whichever kernel produced it.
 *
 * @param proto {@code tcp}, {@code tcp6} (an AF_INET6 socket: its addresses are v4-mapped, 0 is
 *              {@code ::}) or {@code udp}
 * @param state the kernel's TCP_* name ({@code LISTEN}, {@code ESTABLISHED}, {@code TIME_WAIT}, ...);
 *              a UDP socket is {@code ESTABLISHED} when connected, else {@code CLOSE}
 * @param recvQ ss's Recv-Q: for a listener its accept queue's length (0 where the kernel's dump lacks it)
 * @param sendQ ss's Send-Q: for a listener its backlog (0 where the kernel's dump lacks it: /proc/net/tcp)
 */
public record SocketInfo(String proto, int localAddr, int localPort, int remoteAddr, int remotePort, String state,
                         int recvQ, int sendQ) {
    /** A socket as /proc/net/tcp and /proc/net/udp list it, without its queues. */
    public SocketInfo(String proto, int localAddr, int localPort, int remoteAddr, int remotePort, String state) {
        this(proto, localAddr, localPort, remoteAddr, remotePort, state, 0, 0);
    }
}
