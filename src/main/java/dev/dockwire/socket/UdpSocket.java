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

    /** An ICMP error quoting a datagram this socket sent, as IP_RECVERR's error queue reports it. */
    @FunctionalInterface
    interface IcmpErrorHandler {
        /**
         * {@code reporter} sent the error (sock_extended_err's offender) about the datagram to
         * {@code dstAddr:dstPort}; {@code ttl} is the error's own IP TTL as it arrived (IP_RECVTTL).
         */
        void onIcmpError(int reporter, int ttl, int icmpType, int icmpCode, int dstAddr, int dstPort);
    }

    /**
     * {@code setsockopt(IP_TTL)}: the TTL of the datagrams sent from now on (0: the namespace's
     * {@code net.ipv4.ip_default_ttl}), as traceroute sets it per probe.
     *
     * @throws UnsupportedOperationException on a socket that cannot set it
     */
    default void ttl(int ttl) {
        throw new UnsupportedOperationException("IP_TTL");
    }

    /**
     * {@code setsockopt(IP_RECVERR)}: every ICMP error (time exceeded, destination unreachable)
     * quoting one of this socket's datagrams reaches {@code handler} with the router that sent it,
     * connected or not, as traceroute reads them.
     *
     * @throws UnsupportedOperationException on a socket without an error queue
     */
    default void onIcmpError(IcmpErrorHandler handler) {
        throw new UnsupportedOperationException("IP_RECVERR");
    }

    /**
     * The owning process stops reading (the cgroup freezer, {@code docker pause}): datagrams wait in
     * the socket's receive queue, and past its {@code SO_RCVBUF} the kernel drops them
     * ({@code __udp_enqueue_schedule_skb}, UDP's RcvbufErrors); {@link #resumeReading} hands the
     * queued ones to the receiver in order.
     */
    void pauseReading();

    /** The process reads again: what was queued meanwhile is received now, oldest first. */
    void resumeReading();

    @Override
    void close();
}
