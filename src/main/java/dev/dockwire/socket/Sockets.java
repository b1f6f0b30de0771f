package dev.dockwire.socket;

/** The socket API of one network namespace, as programs inside a container see it. */
public interface Sockets {
    UdpSocket openUdp();

    PingSocket openPing();

    /** A new, unconnected TCP socket. */
    TcpSocket openTcp();

    /**
     * A TCP socket listening on {@code addr} (0 = any) and {@code port} (0 = ephemeral). At most
     * {@code backlog} handshakes may be pending and {@code backlog + 1} connections wait to be
     * accepted; SYNs beyond are dropped (Linux without syncookies), so a backlog of 0 takes nothing.
     *
     * @throws SocketException EADDRINUSE or EADDRNOTAVAIL
     */
    TcpListener listenTcp(int addr, int port, int backlog);

    /** The address the kernel would use as source towards {@code dst}, or 0 when there is no route. */
    int sourceAddressFor(int dst);
}
