package dev.dockwire.kernel;

/**
 * A socket of IPv4 traffic as /proc/net/tcp, /proc/net/tcp6 or /proc/net/udp reports it
 * ({@code netstat}, {@code ss}): plain data, the same whichever kernel produced it.
 *
 * @param proto {@code tcp}, {@code tcp6} (an AF_INET6 socket: its addresses are v4-mapped, 0 is
 *              {@code ::}) or {@code udp}
 * @param state the kernel's TCP_* name ({@code LISTEN}, {@code ESTABLISHED}, {@code TIME_WAIT}, ...);
 *              a UDP socket is {@code ESTABLISHED} when connected, else {@code CLOSE}
 */
public record SocketInfo(String proto, int localAddr, int localPort, int remoteAddr, int remotePort, String state) {
}
