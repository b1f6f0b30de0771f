package dev.dockwire.app.bin;

import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;

/**
 * nc's {@code netfd}: a connected TCP stream or a connected UDP socket, as read(2), write(2),
 * shutdown(2) and close(2) see it. {@link #onEnd} hears read returning 0 (null: the peer's FIN) or
 * an error (a reset; ECONNREFUSED from an ICMP port unreachable on UDP).
 */
interface NcNet {
    void write(byte[] bytes);

    /** shutdown(SHUT_WR): a FIN after what was written (nothing on UDP). */
    void shutdownOutput();

    void close();

    void onData(Consumer<byte[]> data);

    void onEnd(Consumer<SocketError> end);

    /** A connected TCP socket. */
    static NcNet tcp(TcpSocket s) {
        return new NcNet() {
            @Override
            public void write(byte[] bytes) {
                ByteBuf b = Unpooled.wrappedBuffer(bytes);
                try {
                    s.write(b);
                } catch (SocketException e) {
                    // EPIPE after a reset: nc ignores SIGPIPE and the failed write is not reported.
                } finally {
                    b.release();
                }
            }

            @Override
            public void shutdownOutput() {
                s.shutdownOutput();
            }

            @Override
            public void close() {
                s.close();
            }

            @Override
            public void onData(Consumer<byte[]> data) {
                s.onData(d -> data.accept(ByteBufUtil.getBytes(d)));
            }

            @Override
            public void onEnd(Consumer<SocketError> end) {
                s.onEof(() -> end.accept(null));
                s.onError(end);
            }
        };
    }

    /** A connected UDP socket: each datagram is one read; a pending ICMP error ends the reading. */
    static NcNet udp(UdpSocket s) {
        return udp(s, null);
    }

    /** As {@link #udp(UdpSocket)}, {@code peeked} (a datagram already seen, or null) the first read. */
    static NcNet udp(UdpSocket s, byte[] peeked) {
        return new NcNet() {
            @Override
            public void write(byte[] bytes) {
                ByteBuf b = Unpooled.wrappedBuffer(bytes);
                try {
                    s.send(b);
                } catch (SocketException e) {
                    // the error is the next read's; write's return is not checked by readwrite
                } finally {
                    b.release();
                }
            }

            @Override
            public void shutdownOutput() {
            }

            @Override
            public void close() {
                s.close();
            }

            @Override
            public void onData(Consumer<byte[]> data) {
                s.onReceive((sock, addr, port, d) -> data.accept(ByteBufUtil.getBytes(d)));
                if (peeked != null) {
                    data.accept(peeked);
                }
            }

            @Override
            public void onEnd(Consumer<SocketError> end) {
                s.onError(end);
            }
        };
    }
}
