package dev.dockwire.kernel;

/**
 * An IPv4 socket as /proc/net/tcp or /proc/net/udp reports it ({@code netstat}, {@code ss}):
 * plain data, the same whichever kernel produced it.
 *
 * @param proto {@code tcp} or {@code udp}
 * @param state the kernel's TCP_* name ({@code LISTEN}, {@code ESTABLISHED}, {@code TIME_WAIT}, ...);
 *              a UDP socket is {@code ESTABLISHED} when connected, else {@code CLOSE}
 */
public record SocketInfo(String proto, int localAddr, int localPort, int remoteAddr, int remotePort, String state) {
}
