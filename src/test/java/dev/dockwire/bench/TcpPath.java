package dev.dockwire.bench;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.testing.TestNet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * What the TCP benchmark drives: namespaces {@code a} (10.0.0.2) and {@code b} (10.0.0.3) on a
 * bridge, like two containers on docker0. {@link #bulk} streams bytes over one connection from a
 * to a sink in b; {@link #request} opens a connection, sends a 100-byte request, reads a 100-byte
 * reply and closes, like a client without keep-alive.
 */
public final class TcpPath {
    static final int BULK_PORT = 5201;
    static final int RR_PORT = 80;
    static final int MESSAGE = 100;
    /** Requests between two runs of 61 virtual seconds that let the TIME-WAITs expire. */
    static final int REAP_EVERY = 4096;

    public final TestNet net;
    private final EventLoop loop;
    private final int server;
    private final TcpSocket sender;
    private static final int CHUNK = 64 * 1024;
    private final ByteBuf chunk = Unpooled.buffer(CHUNK);
    private final ByteBuf request = Unpooled.buffer(MESSAGE).writerIndex(MESSAGE);
    private final ByteBuf reply = Unpooled.buffer(MESSAGE).writerIndex(MESSAGE);
    private final TcpListener rrListener;
    public long received;
    private long target;
    private long written;
    private boolean replied;
    private int requests;

    public TcpPath() {
        net = new TestNet(1);
        net.bridge("br0", "10.0.0.1/24");
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("b", "br0", "10.0.0.3/24", "10.0.0.1");
        loop = net.loop();
        server = TestNet.ip("10.0.0.3");

        TcpListener sink = net.ns("b").sockets().listenTcp(0, BULK_PORT, 16);
        sink.onAccept(s -> s.onData(d -> received += d.readableBytes()));
        sender = net.ns("a").sockets().openTcp();
        sender.onWritable(this::fill);
        boolean[] up = {false};
        sender.connect(server, BULK_PORT, err -> up[0] = err == null);
        loop.runUntil(() -> up[0]);

        rrListener = net.ns("b").sockets().listenTcp(0, RR_PORT, 1024);
        rrListener.onAccept(s -> {
            int[] got = {0};
            s.onData(d -> {
                got[0] += d.readableBytes();
                if (got[0] == MESSAGE) {
                    s.write(reply.readerIndex(0));
                }
            });
            s.onEof(s::close);
        });
        // warm the neighbour tables and the bridge's FDB
        bulk(1 << 20);
        request();
    }

    /** Sends {@code bytes} more over the bulk connection and runs until they have arrived. */
    public void bulk(long bytes) {
        target += bytes;
        fill();
        loop.runUntil(() -> received >= target);
    }

    /** Writes until the target is queued or the send buffer is full (then onWritable calls again). */
    private void fill() {
        while (written < target) {
            int n = (int) Math.min(CHUNK, target - written);
            chunk.setIndex(0, n);
            int accepted = sender.write(chunk);
            written += accepted;
            if (accepted < n) {
                return;
            }
        }
    }

    /** One connection: connect, 100-byte request, 100-byte reply, close. */
    public void request() {
        replied = false;
        TcpSocket c = net.ns("a").sockets().openTcp();
        int[] got = {0};
        c.onData(d -> {
            got[0] += d.readableBytes();
            if (got[0] == MESSAGE) {
                replied = true;
                c.close();
            }
        });
        c.connect(server, RR_PORT, err -> c.write(request.readerIndex(0)));
        loop.runUntil(() -> replied);
        if (++requests % REAP_EVERY == 0) {
            loop.runFor(61_000_000_000L);
        }
    }

    public void close() {
        chunk.release();
        request.release();
        reply.release();
    }
}
