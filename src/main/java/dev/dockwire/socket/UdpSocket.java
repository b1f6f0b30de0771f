package dev.dockwire.socket;

import io.netty.buffer.ByteBuf;

/**
 * A UDP socket ({@code socket(AF_INET, SOCK_DGRAM, 0)}). Addresses are IPv4 addresses as
 * big-endian ints. Callbacks run on the emulation's event loop.
 */
public interface UdpSocket extends AutoCloseable {

    /** Receives a datagram: {@code data}'s readable bytes are the payload, valid only during the call. */
    @FunctionalInterface
    interface Receiver {
        void onDatagram(UdpSocket socket, int srcAddr, int srcPort, ByteBuf data);
    }

    /** Binds to {@code addr} (0 = any) and {@code port} (0 = an ephemeral port). */
    void bind(int addr, int port);

    /** Fixes the peer; ICMP errors for it are then reported (ECONNREFUSED on port unreachable). */
    void connect(int addr, int port);

    int localAddress();

    int localPort();

    /** Sends {@code data}'s readable bytes (copied; {@code data} is not released). Binds first if needed. */
    void send(int dstAddr, int dstPort, ByteBuf data);

    /** Sends to the connected peer. */
    void send(ByteBuf data);

    void onReceive(Receiver receiver);

    /** Asynchronous errors (ICMP unreachable for the connected peer), like a later recv's errno. */
    void onError(java.util.function.Consumer<SocketError> handler);

    @Override
    void close();
}
