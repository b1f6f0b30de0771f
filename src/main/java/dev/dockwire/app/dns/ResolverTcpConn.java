package dev.dockwire.app.dns;

import dev.dockwire.app.Timer;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.wire.DnsMessage;
import io.netty.buffer.ByteBuf;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * One client's TCP connection to the embedded resolver, served as miekg/dns's {@code Server}
 * serves it ({@code server.go}: {@code serveTCP}, {@code serve}) with the defaults libnetwork's
 * {@code resolver.go} leaves in place: one query at a time, the next read only once the answer is
 * written; the first query must arrive within {@link #READ_TIMEOUT_NANOS} ({@code ReadTimeout},
 * {@code dnsTimeout}) and each later one within {@link #IDLE_TIMEOUT_NANOS} ({@code IdleTimeout},
 * {@code tcpIdleTimeout}, RFC 7766's idle guidance); after {@link #MAX_TCP_QUERIES}
 * ({@code maxTCPQueries}) answers, or when a deadline passes, the server closes the connection.
 * So a client can hold a connection open only by using it, and at most one answer per connection
 * is ever queued.
 */
final class ResolverTcpConn {
    /** miekg/dns's {@code dnsTimeout}: the first read's deadline. */
    static final long READ_TIMEOUT_NANOS = 2_000_000_000L;
    /** miekg/dns's {@code tcpIdleTimeout}: the deadline of each later read. */
    static final long IDLE_TIMEOUT_NANOS = 8_000_000_000L;
    /** miekg/dns's {@code maxTCPQueries}: queries served on one connection before it is closed. */
    static final int MAX_TCP_QUERIES = 128;

    private final DnsStream stream;
    private final Scheduler scheduler;
    private final Runnable gone;
    private Timer deadline;
    private int served;
    private boolean closed;

    /**
     * @param serve serves one query, answering through {@link #answer}; false when it will not
     *              answer (a response, bytes with no header), as miekg's accept function drops them
     * @param gone  called once when the connection ends, whoever ends it
     */
    ResolverTcpConn(TcpSocket socket, Scheduler scheduler, BiPredicate<ResolverTcpConn, ByteBuf> serve,
                    Consumer<ResolverTcpConn> gone) {
        this.scheduler = scheduler;
        this.gone = () -> gone.accept(this);
        this.stream = new DnsStream(socket, (s, message) -> {
            cancelDeadline();
            if (!serve.test(this, message)) {
                next();
            }
        }).serial();
        socket.onEof(this::close);
        socket.onError(e -> close());
        deadline = scheduler.schedule(READ_TIMEOUT_NANOS, this::close);
    }

    /** The answer to the query being served; the next query is read once it is written. */
    void answer(DnsMessage m) {
        if (closed) {
            return;
        }
        if (!stream.send(m)) {
            close();
            return;
        }
        stream.whenFlushed(this::next);
    }

    private void next() {
        if (closed) {
            return;
        }
        served++;
        if (served >= MAX_TCP_QUERIES) {
            close();
            return;
        }
        deadline = scheduler.schedule(IDLE_TIMEOUT_NANOS, this::close);
        stream.served();
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
    }

    /** Closes the connection (a FIN after what was written); no more queries are read. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancelDeadline();
        stream.close();
        gone.run();
    }
}
