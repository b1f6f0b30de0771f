package dev.dockwire.socket;

/** The socket API of one network namespace, as programs inside a container see it. */
public interface Sockets {
    UdpSocket openUdp();

    PingSocket openPing();

    /** The address the kernel would use as source towards {@code dst}, or 0 when there is no route. */
    int sourceAddressFor(int dst);
}
