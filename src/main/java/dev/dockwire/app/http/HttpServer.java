package dev.dockwire.app.http;

import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An HTTP/1.1 server on the socket API: keep-alive connections, one response per request in
 * order, {@code Connection: close} honoured. What it answers is up to the handler (the image's
 * program: nginx's welcome page, http-echo's text, a hostname app).
 */
public final class HttpServer {
    private final Sockets sockets;
    private final int port;
    private final Handler handler;
    private AccessLog accessLog = (addr, req, resp) -> { };
    private TcpListener listener;
    private long requests;

    /** Answers a request, now or later (a proxy waits for its upstream), by calling {@code respond} once. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpMessage request, Consumer<HttpMessage> respond);
    }

    /** Hears each response as it is sent, with the client's address (nginx's access_log). */
    @FunctionalInterface
    public interface AccessLog {
        void served(int remoteAddress, HttpMessage request, HttpMessage response);
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

    public long requests() {
        return requests;
    }

    private void serve(TcpSocket s) {
        HttpMessage.Parser parser = new HttpMessage.Parser(false);
        s.onData(data -> {
            byte[] bytes = ByteBufUtil.getBytes(data);
            int off = 0;
            while (off < bytes.length) {
                int[] used = new int[1];
                byte[] rest = java.util.Arrays.copyOfRange(bytes, off, bytes.length);
                HttpMessage req = parser.feed(rest, used);
                off += used[0];
                if (req == null) {
                    break;
                }
                requests++;
                boolean close = !persistent(req);
                handler.handle(req, resp -> {
                    accessLog.served(s.remoteAddress(), req, resp);
                    send(s, resp, close);
                });
            }
        });
        s.onEof(s::close);
        s.onError(e -> s.abort());
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

    private static void send(TcpSocket s, HttpMessage resp, boolean close) {
        ByteBuf out = Unpooled.wrappedBuffer(resp.encode());
        try {
            while (out.isReadable() && s.write(out) > 0) {
                // the send buffer takes what it can; the rest waits for onWritable
            }
        } catch (RuntimeException e) {
            out.release();
            return; // the client went away
        }
        if (out.isReadable()) {
            s.onWritable(() -> {
                while (out.isReadable() && s.write(out) > 0) {
                    // keep filling
                }
                if (!out.isReadable()) {
                    out.release();
                    if (close) {
                        s.shutdownOutput();
                    }
                }
            });
            return;
        }
        out.release();
        if (close) {
            s.shutdownOutput();
        }
    }
}
