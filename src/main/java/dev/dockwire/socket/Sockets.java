package dev.dockwire.socket;

/** The socket API of one network namespace, as programs inside a container see it. */
public interface Sockets {
    UdpSocket openUdp();

    /**
     * {@code socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)}: a ping socket (net/ipv4/ping.c). ping_init_sock
     * lets only a process whose group lies in {@code net.ipv4.ping_group_range} open one (the kernel's
     * default "1 0" lets nobody; moby sets "0 2147483647" in every container with a network namespace
     * of its own): otherwise EACCES.
     *
     * @throws SocketException EACCES
     */
    PingSocket openPing();

    /**
     * {@code socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)}: the raw socket BusyBox's ping and traceroute
     * open (iputils' ping when a ping socket is refused). inet_create lets only a process with
     * CAP_NET_RAW open one: otherwise EPERM. Echo requests and their replies go through it as
     * through {@link #openPing}, which is all a program here does with it.
     *
     * @throws SocketException EPERM
     */
    PingSocket openRawIcmp();

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

    /**
     * A TCP socket of family AF_INET6 listening on {@code [::]:port} with IPV6_V6ONLY off (Linux's
     * net.ipv6.bindv6only=0), as a program that asks for IPv6's wildcard first gets it (BusyBox's
     * xsocket_type): it takes IPv4 connections, whose ends it names v4-mapped, it and its
     * connections are listed in /proc/net/tcp6, and it excludes an IPv4 wildcard listener on the
     * same port (inet6_bind's conflict check). Otherwise as {@link #listenTcp}.
     *
     * @throws SocketException EADDRINUSE
     */
    TcpListener listenTcp6(int port, int backlog);

    /** The address the kernel would use as source towards {@code dst}, or 0 when there is no route. */
    int sourceAddressFor(int dst);
}
