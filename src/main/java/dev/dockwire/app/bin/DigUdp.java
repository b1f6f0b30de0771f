package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Timer;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;

/**
 * dig's query over UDP as BIND 9.18's dighost.c sends it: a socket connected to the server, so an
 * ICMP port unreachable comes back at once as ECONNREFUSED; {@code +tries} (3) tries of
 * {@code +time} (5 s) each, every failed one said on its own line
 * ({@code ;; communications error to ADDR#PORT: connection refused} or {@code timed out}) before the
 * next; {@code done} gets the reply, or null when the last try failed.
 */
final class DigUdp {
    static final int TRIES = 3;
    static final int TRY_SECONDS = 5;

    private final ProcessContext ctx;
    private final int server;
    private final int port;
    private final DnsMessage query;
    private final Consumer<DnsMessage> done;
    private final int maxTries;
    private final long tryNanos;
    private UdpSocket socket;
    private Timer timer;
    private int tries;
    private boolean finished;

    private DigUdp(ProcessContext ctx, int server, int port, DnsMessage query, int maxTries, long tryNanos,
            Consumer<DnsMessage> done) {
        this.ctx = ctx;
        this.maxTries = maxTries;
        this.tryNanos = tryNanos;
        this.server = server;
        this.port = port;
        this.query = query;
        this.done = done;
    }

    /** Asks {@code server}:{@code port} up to {@code tries} times, {@code tryNanos} each. */
    static void query(ProcessContext ctx, int server, int port, DnsMessage query, int tries, long tryNanos,
            Consumer<DnsMessage> done) {
        new DigUdp(ctx, server, port, query, tries, tryNanos, done).send();
    }

    private void send() {
        tries++;
        socket = ctx.sockets().openUdp();
        socket.connect(server, port);
        UdpSocket mine = socket;
        socket.onReceive((s, src, srcPort, data) -> {
            DnsMessage r = DnsMessage.parse(data, data.readerIndex(), data.readableBytes());
            if (r != null && r.id() == query.id() && mine == socket && !finished) {
                end(r);
            }
        });
        socket.onError(e -> {
            if (mine == socket && !finished) {
                failed(e == SocketError.ECONNREFUSED ? "connection refused" : e.message());
            }
        });
        ByteBuf buf = Unpooled.buffer(query.length());
        try {
            buf.writerIndex(query.emit(buf, 0));
            socket.send(buf);
        } finally {
            buf.release();
        }
        timer = ctx.schedule(tryNanos, () -> {
            if (mine == socket && !finished) {
                failed("timed out");
            }
        });
    }

    private void failed(String why) {
        timer.cancel();
        socket.close();
        ctx.out(";; communications error to " + Ipv4Address.format(server) + "#" + port + ": " + why);
        if (tries < maxTries) {
            send();
        } else {
            finished = true;
            done.accept(null);
        }
    }

    private void end(DnsMessage reply) {
        finished = true;
        timer.cancel();
        socket.close();
        done.accept(reply);
    }
}
