package dev.dockwire.app.dns;

import dev.dockwire.app.Timer;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.wire.DnsMessage;
import io.netty.buffer.ByteBuf;
import java.util.function.BiConsumer;

/**
 * One DNS query over a fresh TCP connection to {@code server}:53, as {@code dig +tcp} and Docker's
 * resolver (for a client that asked over TCP) send it: connect, write the length-prefixed query,
 * read the first reply with the query's id, close. The outcome is the reply, or null with the
 * socket error (ETIMEDOUT when nothing came back within the timeout).
 */
public final class TcpQuery {
    private final Sockets sockets;
    private final Scheduler scheduler;
    private final long timeoutNanos;
    private final DnsMessage query;
    private final BiConsumer<DnsMessage, SocketError> done;
    private DnsStream stream;
    private Timer timer;
    private boolean finished;

    private TcpQuery(Sockets sockets, Scheduler scheduler, long timeoutNanos, DnsMessage query,
                     BiConsumer<DnsMessage, SocketError> done) {
        this.sockets = sockets;
        this.scheduler = scheduler;
        this.timeoutNanos = timeoutNanos;
        this.query = query;
        this.done = done;
    }

    /** Starts the exchange; {@code done} is called exactly once, later on the event loop or at once on a local error. */
    public static void send(Sockets sockets, Scheduler scheduler, long timeoutNanos, int server, DnsMessage query,
                            BiConsumer<DnsMessage, SocketError> done) {
        send(sockets, scheduler, timeoutNanos, server, 53, query, done);
    }

    /** As {@link #send(Sockets, Scheduler, long, int, DnsMessage, BiConsumer)}, to {@code server}'s TCP {@code port} ({@code dig -p}). */
    public static void send(Sockets sockets, Scheduler scheduler, long timeoutNanos, int server, int port, DnsMessage query,
                            BiConsumer<DnsMessage, SocketError> done) {
        new TcpQuery(sockets, scheduler, timeoutNanos, query, done).start(server, port);
    }

    private void start(int server, int port) {
        TcpSocket s = sockets.openTcp();
        stream = new DnsStream(s, this::reply);
        s.onError(e -> finish(null, e));
        s.onEof(() -> finish(null, SocketError.ECONNRESET));
        timer = scheduler.schedule(timeoutNanos, () -> finish(null, SocketError.ETIMEDOUT));
        try {
            s.connect(server, port, error -> {
                if (error != null) {
                    finish(null, error);
                } else {
                    stream.send(query);
                }
            });
        } catch (SocketException e) {
            finish(null, e.error());
        }
    }

    private void reply(DnsStream s, ByteBuf data) {
        DnsMessage r = DnsUdp.parse(data);
        if (r != null && r.id() == query.id() && r.isResponse()) {
            finish(r, null);
        }
    }

    private void finish(DnsMessage reply, SocketError error) {
        if (finished) {
            return;
        }
        finished = true;
        timer.cancel();
        stream.close();
        done.accept(reply, error);
    }
}
