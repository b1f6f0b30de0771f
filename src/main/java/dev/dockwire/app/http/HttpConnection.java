package dev.dockwire.app.http;

import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.Scheduler;
import dev.dockwire.socket.TcpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * One client connection of an {@link HttpServer}, within its program's {@link HttpLimits}: requests
 * are parsed with the head and body bounds, a refused one gets the program's error response and the
 * connection is closed after it; a connection waiting for a request head longer than the head
 * timeout, idle after a response longer than the keep-alive timeout, or past the keep-alive request
 * count is closed. {@code ended} runs once when the connection is gone, whoever ended it.
 */
final class HttpConnection {
    private final TcpSocket socket;
    private final HttpLimits limits;
    private final Scheduler timers;
    private final LongSupplier epochMillis;
    private final HttpServer.Handler handler;
    private final HttpServer.AccessLog accessLog;
    private final Runnable ended;
    private final HttpMessage.Parser parser;
    private Timer deadline;
    private int requests;
    private boolean refused;
    private boolean done;
    /** Its number among the server's connections (nginx's {@code $connection}, {@code *N} in its error log). */
    private final long number;

    HttpConnection(TcpSocket socket, HttpLimits limits, Scheduler timers, LongSupplier epochMillis,
                   HttpServer.Handler handler, HttpServer.AccessLog accessLog, Runnable ended, long number) {
        this.number = number;
        this.socket = socket;
        this.limits = limits;
        this.timers = timers;
        this.epochMillis = epochMillis;
        this.handler = handler;
        this.accessLog = accessLog;
        this.ended = ended;
        this.parser = new HttpMessage.Parser(limits.maxHeadBytes(), limits.maxLineBytes(), limits.maxBodyBytes(),
                limits.refusesLargeBodies());
        socket.onData(this::data);
        socket.onEof(this::close);
        socket.onError(e -> {
            socket.abort();
            end();
        });
        arm(limits.headTimeoutNanos());
    }

    private void data(ByteBuf data) {
        if (refused) {
            return; // what follows a refused request is not read
        }
        byte[] bytes = ByteBufUtil.getBytes(data);
        int off = 0;
        while (off < bytes.length) {
            int[] used = new int[1];
            HttpMessage req;
            try {
                req = parser.feed(Arrays.copyOfRange(bytes, off, bytes.length), used);
            } catch (HttpMessage.Refused e) {
                refuse(e.why());
                return;
            }
            off += used[0];
            if (req == null) {
                if (parser.inProgress()) {
                    arm(limits.headTimeoutNanos());
                }
                break;
            }
            cancel();
            requests++;
            boolean last = !HttpServer.persistent(req)
                    || limits.keepaliveRequests() > 0 && requests >= limits.keepaliveRequests();
            handler.handle(req, resp -> {
                accessLog.served(number, socket.remoteAddress(), req, resp);
                send(resp, last);
            });
        }
    }

    private void refuse(HttpMessage.Invalid why) {
        refused = true;
        cancel();
        send(limits.refusal(why, epochMillis.getAsLong()), true);
    }

    /** Closes when a deadline passes (nginx and httpd close without answering a request that never came). */
    private void arm(long nanos) {
        cancel();
        if (nanos > 0 && timers != null && !done) {
            deadline = timers.schedule(nanos, this::close);
        }
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
    }

    private void send(HttpMessage resp, boolean last) {
        if (done) {
            return;
        }
        ByteBuf out = Unpooled.wrappedBuffer(resp.encode());
        try {
            while (out.isReadable() && socket.write(out) > 0) {
                // the send buffer takes what it can; the rest waits for onWritable
            }
        } catch (RuntimeException e) {
            out.release();
            return; // the client went away
        }
        if (out.isReadable()) {
            socket.onWritable(() -> {
                while (out.isReadable() && socket.write(out) > 0) {
                    // keep filling
                }
                if (!out.isReadable()) {
                    out.release();
                    sent(last);
                }
            });
            return;
        }
        out.release();
        sent(last);
    }

    private void sent(boolean last) {
        if (last) {
            socket.shutdownOutput();
            arm(limits.keepaliveTimeoutNanos()); // a lingering client is closed at the keep-alive timeout
        } else if (!parser.inProgress()) {
            arm(limits.keepaliveTimeoutNanos());
        }
    }

    /** Ends the connection: a FIN after what was written, nothing more read. */
    void close() {
        if (!done) {
            socket.close();
        }
        end();
    }

    private void end() {
        if (!done) {
            done = true;
            cancel();
            ended.run();
        }
    }
}
