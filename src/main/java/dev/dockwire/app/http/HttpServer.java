package dev.dockwire.app.http;

import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.app.dns.Scheduler;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * An HTTP/1.1 server on the socket API: keep-alive connections, one response per request in
 * order, {@code Connection: close} honoured, each connection within the program's
 * {@link HttpLimits} ({@link HttpConnection}); at its connection limit the server stops accepting
 * until one ends. What it answers is up to the handler (the image's program: nginx's welcome page,
 * http-echo's text, a hostname app).
 */
public final class HttpServer {
    private final Sockets sockets;
    private final int port;
    private final Handler handler;
    private AccessLog accessLog = (addr, req, resp) -> { };
    private HttpLimits limits = HttpLimits.GO_NET_HTTP;
    private Scheduler timers;
    private LongSupplier epochMillis = () -> 0;
    private TcpListener listener;
    private int open;
    private LongSupplier numbers = new LongSupplier() {
        private long next = 1;

        @Override
        public long getAsLong() {
            return next++;
        }
    };

    /** Answers a request, now or later (a proxy waits for its upstream), by calling {@code respond} once. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpMessage request, Consumer<HttpMessage> respond);
    }

    /** Hears each response as it is sent, with the client's address (nginx's access_log). */
    @FunctionalInterface
    public interface AccessLog {
        void served(int remoteAddress, HttpMessage request, HttpMessage response);

        /** As above, with the connection's number ({@link HttpServer#numbering}). */
        default void served(long connection, int remoteAddress, HttpMessage request, HttpMessage response) {
            served(remoteAddress, request, response);
        }
    }

    /** A handler that answers at once. */
    public static Handler sync(Function<HttpMessage, HttpMessage> f) {
        return (req, respond) -> respond.accept(f.apply(req));
    }

    public HttpServer(Sockets sockets, int port, Handler handler) {
        this.sockets = sockets;
        this.port = port;
        this.handler = handler;
    }

    /** Where each answered request is reported; by default nowhere. */
    public HttpServer accessLog(AccessLog log) {
        this.accessLog = log;
        return this;
    }

    /**
     * The program's limits ({@link HttpLimits}; Go's net/http unless set), its timers on the
     * emulation's clock (null: no timeouts) and the wall time its error pages date.
     */
    public HttpServer limits(HttpLimits limits, Scheduler timers, LongSupplier epochMillis) {
        this.limits = limits;
        this.timers = timers;
        this.epochMillis = epochMillis;
        return this;
    }

    /**
     * Where accepted connections take their numbers from: one counter for all of a program's
     * listeners (nginx's ngx_connection_counter, from 1); by default the server's own.
     */
    public HttpServer numbering(LongSupplier next) {
        this.numbers = next;
        return this;
    }

    public void start() {
        listener = sockets.listenTcp(0, port, 511);
        listener.onAccept(this::serve);
    }

    public void stop() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    private void serve(TcpSocket s) {
        open++;
        if (open >= limits.maxConnections()) {
            listener.pauseAccepting(); // the next ones wait in the accept queue, as nginx's at worker_connections
        }
        new HttpConnection(s, limits, timers, epochMillis, handler, accessLog, this::ended, numbers.getAsLong());
    }

    private void ended() {
        open--;
        if (listener != null && open == limits.maxConnections() - 1) {
            listener.resumeAccepting();
        }
    }

    /** Connections being served now (accepted, not yet ended). */
    public int connections() {
        return open;
    }

    /**
     * Whether the connection stays open after the response (RFC 9112 section 9.3): not with
     * {@code Connection: close}; an HTTP/1.1 request by default; an HTTP/1.0 one only with
     * {@code Connection: keep-alive}, as nginx keeps it.
     */
    static boolean persistent(HttpMessage req) {
        String connection = req.header("Connection");
        if (connection != null && connection.toLowerCase(java.util.Locale.ROOT).contains("close")) {
            return false;
        }
        if (req.startLine().endsWith(" HTTP/1.0")) {
            return connection != null && connection.toLowerCase(java.util.Locale.ROOT).contains("keep-alive");
        }
        return true;
    }
}
