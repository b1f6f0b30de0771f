package dev.dockwire.linux;

import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A listening TCP socket in a real namespace: the kernel completes handshakes; each accepted
 * connection is handed to the program on the emulation's loop. While accepting is paused the
 * channel stops reading, so connections wait in the kernel's accept queue as with a server that
 * stops calling accept().
 */
final class RealTcpListener implements TcpListener {
    private final RealSockets sockets;
    private final NioServerSocketChannel channel;
    private final ArrayDeque<RealTcpSocket> waiting = new ArrayDeque<>();
    private Consumer<TcpSocket> onAccept;
    private boolean paused;
    private boolean closed;

    private RealTcpListener(RealSockets sockets, NioServerSocketChannel channel) {
        this.sockets = sockets;
        this.channel = channel;
    }

    static RealTcpListener listen(RealSockets sockets, NioServerSocketChannel channel, SocketAddress local, int backlog) {
        RealTcpListener l = new RealTcpListener(sockets, channel);
        ChannelFuture bound = new ServerBootstrap().group(sockets.io()).channelFactory(() -> channel)
                .option(ChannelOption.SO_BACKLOG, Math.max(1, backlog))
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<NioSocketChannel>() {
                    @Override
                    protected void initChannel(NioSocketChannel child) {
                        RealTcpSocket s = new RealTcpSocket(sockets, sockets.track(child), true);
                        sockets.loop().post(() -> l.arrived(s));
                    }
                })
                .bind(local);
        try {
            SocketErrors.await(bound);
        } catch (SocketException e) {
            channel.close();
            throw e;
        }
        return l;
    }

    private void arrived(RealTcpSocket s) {
        if (closed) {
            s.abort();
            return;
        }
        waiting.add(s);
        acceptWaiting();
    }

    private void acceptWaiting() {
        while (!paused && !closed && onAccept != null && !waiting.isEmpty()) {
            RealTcpSocket s = waiting.poll();
            onAccept.accept(s);
            s.accepted();
        }
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
    public void onAccept(Consumer<TcpSocket> handler) {
        onAccept = handler;
        acceptWaiting();
    }

    @Override
    public void pauseAccepting() {
        paused = true;
        channel.config().setAutoRead(false);
    }

    @Override
    public void resumeAccepting() {
        paused = false;
        channel.config().setAutoRead(true);
        acceptWaiting();
    }

    /** Stops listening; connections not yet handed to the program are reset. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        waiting.forEach(RealTcpSocket::abort);
        waiting.clear();
        channel.close();
    }
}
