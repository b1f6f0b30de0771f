package dev.dockwire.kernel;

import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;

/**
 * A namespace's sockets as a process with {@link Capabilities} opens them: inet_create
 * (net/ipv4/af_inet.c) refuses a {@code SOCK_RAW} socket with EPERM unless the caller has
 * {@code CAP_NET_RAW} in the namespace's user namespace. Ping, UDP and TCP sockets need no
 * capability (the ping socket's group check is the namespace's own).
 */
final class CapableSockets implements Sockets {
    private final Sockets sockets;
    private final Capabilities caps;

    CapableSockets(Sockets sockets, Capabilities caps) {
        this.sockets = sockets;
        this.caps = caps;
    }

    @Override
    public UdpSocket openUdp() {
        return sockets.openUdp();
    }

    @Override
    public PingSocket openPing() {
        return sockets.openPing();
    }

    @Override
    public PingSocket openRawIcmp() {
        if (!caps.netRaw()) {
            throw new SocketException(SocketError.EPERM);
        }
        return sockets.openRawIcmp();
    }

    @Override
    public TcpSocket openTcp() {
        return sockets.openTcp();
    }

    @Override
    public TcpListener listenTcp(int addr, int port, int backlog) {
        return sockets.listenTcp(addr, port, backlog);
    }

    @Override
    public TcpListener listenTcp6(int port, int backlog) {
        return sockets.listenTcp6(port, backlog);
    }

    @Override
    public int sourceAddressFor(int dst) {
        return sockets.sourceAddressFor(dst);
    }
}
