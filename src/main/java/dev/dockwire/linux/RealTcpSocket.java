package dev.dockwire.linux;

import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A TCP connection on a real kernel socket. What the I/O thread sees (bytes, the peer's FIN, an
 * error) is posted to the emulation's loop and queued there in order, so a program that pauses
 * reading, or has not been handed an accepted socket yet, gets it all later and in order. Writes
 * are copied and queued in Netty up to a send buffer's worth ({@link #SEND_BUFFER}); data written
 * during the handshake goes out once it completes. A connecting or connected client socket holds
 * the loop open (see {@link dev.dockwire.sim.EventLoop#hold}) until it ends.
 */
final class RealTcpSocket implements TcpSocket {
    /** The send buffer the program sees: what {@link #write} takes before the writes complete. */
    static final int SEND_BUFFER = 256 * 1024;
    /**
     * What may wait for the program, read from the kernel: Linux's default TCP receive buffer
     * ({@code net.ipv4.tcp_rmem}'s default, 131072). Past it the channel stops reading, so the
     * kernel's buffer fills and the advertised window closes, as for a program that reads slower
     * than its peer sends; nothing piles up in the heap.
     */
    static final int RECEIVE_BUFFER = 131_072;
    private static final Object EOF = new Object();

    private final RealSockets sockets;
    private final NioSocketChannel channel;
    private final ArrayDeque<Object> events = new ArrayDeque<>();
    private final List<ByteBuf> beforeConnect = new ArrayList<>();
    private Consumer<ByteBuf> onData;
    private Runnable onEof;
    private Consumer<SocketError> onError;
    private Runnable onWritable;
    private boolean ready;
    private boolean paused;
    private boolean connecting;
    private boolean connected;
    private boolean outputShut;
    private boolean closed;
    private boolean held;
    private boolean wantWritable;
    private int queued;
    /** Bytes read by the I/O thread and not yet handed to the program. */
    private final java.util.concurrent.atomic.AtomicInteger unread = new java.util.concurrent.atomic.AtomicInteger();

    /** {@code accepted}: a connection a listener accepted (events wait until it is handed over). */
    RealTcpSocket(RealSockets sockets, NioSocketChannel channel, boolean accepted) {
        this.sockets = sockets;
        this.channel = channel;
        this.connected = accepted;
        this.ready = !accepted;
        channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        channel.config().setOption(ChannelOption.TCP_NODELAY, true);
        channel.config().setOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0); // the kernel's SYN retries decide
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf b && unread.addAndGet(b.readableBytes()) >= RECEIVE_BUFFER) {
                    ctx.channel().config().setAutoRead(false); // the loop lags: let the kernel's window close
                }
                sockets.loop().post(() -> event(msg));
            }

            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                if (evt instanceof ChannelInputShutdownEvent) {
                    sockets.loop().post(() -> event(EOF));
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                SocketError e = SocketErrors.of(cause);
                sockets.loop().post(() -> event(e));
                ctx.close();
            }
        });
    }

    /** The listener handed this socket to the program: deliver what arrived before. */
    void accepted() {
        ready = true;
        process();
    }

    private void event(Object e) {
        if (closed) {
            if (e instanceof ByteBuf b) {
                read(b.readableBytes());
                b.release();
            }
            return;
        }
        events.add(e);
        process();
    }

    private void process() {
        while (ready && !paused && !closed && !events.isEmpty()) {
            Object e = events.poll();
            if (e instanceof ByteBuf b) {
                int n = b.readableBytes();
                try {
                    if (onData != null) {
                        onData.accept(b);
                    }
                } finally {
                    b.release();
                    read(n);
                }
            } else if (e == EOF) {
                unhold();
                if (onEof != null) {
                    onEof.run();
                }
            } else {
                unhold();
                closed = true;
                if (onError != null) {
                    onError.accept((SocketError) e);
                }
                releaseQueued();
            }
        }
    }

    /** {@code n} bytes reached the program (or were dropped at close): reading resumes below the receive buffer. */
    private void read(int n) {
        if (unread.addAndGet(-n) < RECEIVE_BUFFER && !paused && !closed) {
            channel.config().setAutoRead(true);
        }
    }

    private void unhold() {
        if (held) {
            held = false;
            sockets.loop().release();
        }
    }

    private void releaseQueued() {
        for (Object e : events) {
            if (e instanceof ByteBuf b) {
                unread.addAndGet(-b.readableBytes());
                b.release();
            }
        }
        events.clear();
        beforeConnect.forEach(ByteBuf::release);
        beforeConnect.clear();
    }

    @Override
    public void bind(int addr, int port) {
        SocketErrors.await(channel.bind(SocketErrors.address(addr, port)));
    }

    @Override
    public void connect(int addr, int port, ConnectCallback callback) {
        connecting = true;
        held = true;
        sockets.loop().hold();
        channel.connect(SocketErrors.address(addr, port)).addListener(f -> {
            SocketError err = f.isSuccess() ? null : SocketErrors.of(f.cause());
            sockets.loop().post(() -> connected(err, callback));
        });
    }

    private void connected(SocketError err, ConnectCallback callback) {
        connecting = false;
        if (closed) {
            return;
        }
        if (err != null) {
            unhold();
            closed = true;
            releaseQueued();
            callback.done(err);
            return;
        }
        connected = true;
        for (ByteBuf b : beforeConnect) {
            send(b);
        }
        beforeConnect.clear();
        if (outputShut) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> channel.shutdownOutput());
        }
        callback.done(null);
    }

    @Override
    public int write(ByteBuf data) {
        if (!connected && !connecting) {
            throw new SocketException(SocketError.ENOTCONN);
        }
        if (closed || outputShut) {
            throw new SocketException(SocketError.EPIPE);
        }
        int n = Math.min(data.readableBytes(), writableBytes());
        if (n == 0) {
            wantWritable = data.isReadable();
            return 0;
        }
        ByteBuf copy = channel.alloc().buffer(n);
        data.readBytes(copy, n);
        queued += n;
        if (connected) {
            send(copy);
        } else {
            beforeConnect.add(copy);
        }
        if (data.isReadable()) {
            wantWritable = true;
        }
        return n;
    }

    private void send(ByteBuf copy) {
        int n = copy.readableBytes();
        channel.writeAndFlush(copy).addListener(f -> sockets.loop().post(() -> written(n)));
    }

    private void written(int n) {
        queued -= n;
        if (wantWritable && !closed && queued <= SEND_BUFFER / 2) {
            wantWritable = false;
            if (onWritable != null) {
                onWritable.run();
            }
        }
    }

    @Override
    public int writableBytes() {
        return Math.max(0, SEND_BUFFER - queued);
    }

    @Override
    public void onWritable(Runnable handler) {
        onWritable = handler;
    }

    @Override
    public void onData(Consumer<ByteBuf> handler) {
        onData = handler;
    }

    @Override
    public void onEof(Runnable handler) {
        onEof = handler;
    }

    @Override
    public void onError(Consumer<SocketError> handler) {
        onError = handler;
    }

    @Override
    public void pauseReading() {
        paused = true;
        channel.config().setAutoRead(false);
    }

    @Override
    public void resumeReading() {
        paused = false;
        if (unread.get() < RECEIVE_BUFFER) {
            channel.config().setAutoRead(true);
        }
        process();
    }

    @Override
    public void shutdownOutput() {
        if (outputShut || closed) {
            return;
        }
        outputShut = true;
        if (connected) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> channel.shutdownOutput());
        }
    }

    /** A FIN after what was written (Netty flushes in order), then the socket is closed. */
    @Override
    public void close() {
        if (markClosed()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void abort() {
        if (markClosed()) {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.close();
        }
    }

    /** The program is done with the socket: drops what it holds; false if it already was closed. */
    private boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        unhold();
        releaseQueued();
        return true;
    }

    @Override
    public int localAddress() {
        return SocketErrors.bits(channel.localAddress());
    }

    @Override
    public int localPort() {
        return SocketErrors.port(channel.localAddress());
    }

    @Override
    public int remoteAddress() {
        return SocketErrors.bits(channel.remoteAddress());
    }

    @Override
    public int remotePort() {
        return SocketErrors.port(channel.remoteAddress());
    }
}
