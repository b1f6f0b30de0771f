package dev.dockwire.socket;

import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * A TCP stream socket ({@code socket(AF_INET, SOCK_STREAM, 0)}), non-blocking and driven by
 * callbacks that run on the emulation's event loop. Addresses are IPv4 addresses as big-endian
 * ints. A socket comes from {@link Sockets#openTcp()} (then {@link #connect}) or from a
 * {@link TcpListener}'s accept callback.
 *
 * <p>Segments go out as soon as the windows allow: Nagle's algorithm is off, as with
 * {@code TCP_NODELAY}.
 */
public interface TcpSocket extends AutoCloseable {

    /** The outcome of {@link #connect}: {@code error} is null once the connection is established. */
    @FunctionalInterface
    interface ConnectCallback {
        void done(SocketError error);
    }

    /**
     * Binds to {@code addr} (0 = any) and {@code port} (0 = an ephemeral port) before connecting.
     *
     * @throws SocketException EADDRINUSE or EADDRNOTAVAIL
     */
    void bind(int addr, int port);

    /**
     * Starts the three-way handshake. {@code callback} reports success, or ECONNREFUSED (reset),
     * ETIMEDOUT (no answer after the SYN retries), EHOSTUNREACH/ENETUNREACH (ICMP error).
     *
     * @throws SocketException ENETUNREACH when there is no route, EADDRNOTAVAIL when no port is free
     */
    void connect(int addr, int port, ConnectCallback callback);

    /**
     * Copies as much of {@code data}'s readable bytes as the send buffer takes, advances
     * {@code data}'s reader index by that much and returns it (0 when the buffer is full; then
     * {@link #onWritable} tells when to try again). Never releases {@code data}. Data written while
     * the handshake is in progress is sent once it completes.
     *
     * @throws SocketException ENOTCONN before connect, EPIPE after shutdownOutput/close or a reset
     */
    int write(ByteBuf data);

    /** Free space in the send buffer: how much the next {@link #write} accepts. */
    int writableBytes();

    /** Called when a write came back short and at least half of the send buffer is free again. */
    void onWritable(Runnable handler);

    /** In-order received bytes: {@code data}'s readable bytes, valid only during the call. */
    void onData(Consumer<ByteBuf> handler);

    /** The peer's FIN, after the last {@link #onData}: nothing more will be received. */
    void onEof(Runnable handler);

    /**
     * An asynchronous error that ends the connection (ECONNRESET, ETIMEDOUT, EHOSTUNREACH, ...),
     * after the data received before it has been read (as recv returns queued data first);
     * connect failures go to the connect callback instead.
     */
    void onError(Consumer<SocketError> handler);

    /**
     * Stops handing data to {@link #onData} (like a program that stops calling read): received
     * bytes wait in the receive buffer and the advertised window closes as it fills.
     */
    void pauseReading();

    /** Hands what was buffered to {@link #onData} and resumes; reopens the window. */
    void resumeReading();

    /** {@code shutdown(SHUT_WR)}: a FIN after the queued data; receiving goes on (half-close). */
    void shutdownOutput();

    /**
     * Graceful close: a FIN after the queued data, then no more callbacks. As in Linux, unread
     * received data (see {@link #pauseReading}) turns the close into a reset, and data arriving
     * after close is answered with a reset.
     */
    @Override
    void close();

    /** Abortive close ({@code SO_LINGER} 0): a RST to the peer, no more callbacks. */
    void abort();

    int localAddress();

    int localPort();

    int remoteAddress();

    int remotePort();
}
