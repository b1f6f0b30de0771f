package dev.dockwire.socket;

import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/** A TCP connection whose callbacks run in its process's {@link CallbackGuard}. */
final class GuardedTcp implements TcpSocket {
    private final GuardedSockets owner;
    private final TcpSocket socket;
    /** The program's own pauseReading, kept apart from the freezer's so thawing leaves it as the program set it. */
    private boolean programPaused;
    private boolean frozen;

    GuardedTcp(GuardedSockets owner, TcpSocket socket) {
        this.owner = owner;
        this.socket = socket;
        socket.onError(e -> owner.closed(this));
    }

    @Override
    public void bind(int addr, int port) {
        socket.bind(addr, port);
    }

    @Override
    public void connect(int addr, int port, ConnectCallback callback) {
        socket.connect(addr, port, error -> {
            if (error != null) {
                owner.closed(this); // the kernel tore the connection down
            }
            owner.guard().call(() -> callback.done(error));
        });
    }

    @Override
    public int write(ByteBuf data) {
        return socket.write(data);
    }

    @Override
    public int writableBytes() {
        return socket.writableBytes();
    }

    @Override
    public void onWritable(Runnable handler) {
        socket.onWritable(handler == null ? null : () -> owner.guard().call(handler));
    }

    @Override
    public void onData(Consumer<ByteBuf> handler) {
        socket.onData(handler == null ? null : data -> {
            try {
                handler.accept(data);
            } catch (RuntimeException | StackOverflowError e) {
                owner.guard().crashed(e);
            }
        });
    }

    @Override
    public void onEof(Runnable handler) {
        socket.onEof(handler == null ? null : () -> owner.guard().call(handler));
    }

    @Override
    public void onError(Consumer<SocketError> handler) {
        socket.onError(e -> {
            owner.closed(this); // the kernel tore the connection down
            if (handler != null) {
                owner.guard().call(() -> handler.accept(e));
            }
        });
    }

    @Override
    public void pauseReading() {
        programPaused = true;
        socket.pauseReading();
    }

    @Override
    public void resumeReading() {
        programPaused = false;
        if (!frozen) {
            socket.resumeReading();
        }
    }

    /** Its process is frozen: nothing is read, the receive buffer fills and the window closes. */
    void freeze() {
        frozen = true;
        socket.pauseReading();
    }

    void thaw() {
        frozen = false;
        if (!programPaused) {
            socket.resumeReading();
        }
    }

    @Override
    public void shutdownOutput() {
        socket.shutdownOutput();
    }

    @Override
    public void close() {
        owner.closed(this);
        socket.close();
    }

    @Override
    public void abort() {
        owner.closed(this);
        socket.abort();
    }

    @Override
    public int localAddress() {
        return socket.localAddress();
    }

    @Override
    public int localPort() {
        return socket.localPort();
    }

    @Override
    public int remoteAddress() {
        return socket.remoteAddress();
    }

    @Override
    public int remotePort() {
        return socket.remotePort();
    }
}
