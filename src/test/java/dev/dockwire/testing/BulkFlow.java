package dev.dockwire.testing;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A bulk TCP transfer for end-to-end tests: {@code bytes} of a known pattern from a client to a
 * listener, the receiver checking every byte in order as it arrives ({@link #mismatches},
 * {@link #received}), the sender closing when all is queued.
 */
public final class BulkFlow {
    private final ByteBuf chunk = Unpooled.buffer(64 * 1024);
    private final long bytes;
    private long written;
    public long received;
    public long mismatches;
    public boolean eof;

    private static byte at(long i) {
        return (byte) (i * 31 + (i >>> 8));
    }

    /** Starts the flow from {@code client} to {@code server}'s {@code dst}:{@code port}. */
    public BulkFlow(Sockets server, int listenAddr, Sockets client, int dst, int port, long bytes) {
        this(server, listenAddr, port, client, dst, port, bytes);
    }

    /** As above with the server listening on {@code listenPort} (behind a DNAT to it). */
    public BulkFlow(Sockets server, int listenAddr, int listenPort, Sockets client, int dst, int port, long bytes) {
        this.bytes = bytes;
        TcpListener l = server.listenTcp(listenAddr, listenPort, 4);
        l.onAccept(s -> {
            s.onData(d -> {
                for (int i = d.readerIndex(); i < d.writerIndex(); i++) {
                    if (d.getByte(i) != at(received++)) {
                        mismatches++;
                    }
                }
            });
            s.onEof(() -> {
                eof = true;
                s.close();
            });
        });
        TcpSocket c = client.openTcp();
        c.onWritable(() -> fill(c));
        c.connect(dst, port, err -> {
            if (err == null) {
                fill(c);
            }
        });
    }

    private void fill(TcpSocket c) {
        while (written < bytes) {
            int n = (int) Math.min(chunk.capacity(), bytes - written);
            chunk.clear();
            for (int i = 0; i < n; i++) {
                chunk.writeByte(at(written + i));
            }
            int took = c.write(chunk);
            written += took;
            if (took < n) {
                return;
            }
        }
        if (written == bytes) {
            written++;
            c.close();
            chunk.release();
        }
    }

    /** Runs {@code loop} until everything arrived and the sender's FIN with it, or {@code nanos} pass. */
    public BulkFlow run(EventLoop loop, long nanos) {
        long end = loop.nanos() + nanos;
        loop.runUntil(() -> eof || loop.nanos() > end);
        return this;
    }
}
