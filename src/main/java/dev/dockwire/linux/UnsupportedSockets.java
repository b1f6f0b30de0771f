package dev.dockwire.linux;

import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;

/**
 * The socket API of a real namespace, until programs run on real sockets there: every call throws
 * {@link UnsupportedOperationException} saying what is missing. Handing it out (rather than
 * throwing from {@code sockets(ns)}) lets the engine start containers whose image runs nothing.
 */
final class UnsupportedSockets implements Sockets {
    private final String ns;

    UnsupportedSockets(String ns) {
        this.ns = ns;
    }

    private UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException("real mode has no " + what + " in namespace " + ns
                + " yet: programs (embedded DNS resolver, HTTP servers, docker-proxy, ping) need real sockets"
                + " opened inside the namespace, which dockwire does not implement yet");
    }

    @Override
    public UdpSocket openUdp() {
        throw missing("UDP sockets");
    }

    @Override
    public PingSocket openPing() {
        throw missing("ping sockets");
    }

    @Override
    public PingSocket openRawIcmp() {
        throw missing("raw sockets");
    }

    @Override
    public TcpSocket openTcp() {
        throw missing("TCP sockets");
    }

    @Override
    public TcpListener listenTcp(int addr, int port, int backlog) {
        throw missing("TCP listeners");
    }

    @Override
    public TcpListener listenTcp6(int port, int backlog) {
        throw missing("TCP listeners");
    }

    @Override
    public int sourceAddressFor(int dst) {
        throw missing("route lookups for sockets");
    }
}
