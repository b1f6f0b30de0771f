package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;

/**
 * A client's TCP connection as the check programs make it (getaddrinfo, then connect(2) with an
 * optional timeout): the name through the stub resolver, then the socket; the outcome is either
 * the connected socket or why not (the resolver failed: {@code error} null and {@code resolved}
 * false; a connect error or the timeout: its errno).
 */
final class Dial {
    /** The outcome of a dial. */
    interface Handler {
        void connected(TcpSocket socket, int address);

        void failed(boolean resolved, int address, SocketError error);
    }

    private Dial() {
    }

    /** Resolves {@code host} and connects to {@code port}; a {@code timeoutNanos} of 0 waits as long as TCP does. */
    static void to(ProcessContext ctx, String host, int port, long timeoutNanos, Handler h) {
        new StubResolver(ctx).lookup(host, r -> {
            if (!r.ok()) {
                h.failed(false, 0, null);
                return;
            }
            int addr = r.addresses().get(0);
            TcpSocket s = ctx.sockets().openTcp();
            connect(ctx, s, addr, port, timeoutNanos, () -> h.failed(true, addr, SocketError.ETIMEDOUT), err -> {
                if (err != null) {
                    h.failed(true, addr, err);
                } else {
                    h.connected(s, addr);
                }
            });
        });
    }

    /**
     * connect(2) of {@code s} with an optional timeout ({@code timeoutNanos} 0: as long as TCP
     * waits), as a program's alarm bounds it: when it fires the socket is aborted and
     * {@code timedOut} runs; otherwise {@code done} hears the connect's error, null once connected
     * (also an error connect(2) returns at once).
     */
    static void connect(ProcessContext ctx, TcpSocket s, int addr, int port, long timeoutNanos, Runnable timedOut,
                        Consumer<SocketError> done) {
        boolean[] over = new boolean[1];
        Timer t = timeoutNanos <= 0 ? null : ctx.schedule(timeoutNanos, () -> {
            over[0] = true;
            s.abort();
            timedOut.run();
        });
        try {
            s.connect(addr, port, err -> {
                if (over[0]) {
                    return;
                }
                if (t != null) {
                    t.cancel();
                }
                done.accept(err);
            });
        } catch (SocketException e) {
            if (t != null) {
                t.cancel();
            }
            done.accept(e.error());
        }
    }

    /** Writes {@code bytes} to {@code s}. */
    static void send(TcpSocket s, byte[] bytes) {
        ByteBuf b = Unpooled.wrappedBuffer(bytes);
        s.write(b);
        b.release();
    }

    /** Every chunk {@code s} receives, as bytes. */
    static void receive(TcpSocket s, Consumer<byte[]> chunk) {
        s.onData(d -> chunk.accept(ByteBufUtil.getBytes(d)));
    }
}
