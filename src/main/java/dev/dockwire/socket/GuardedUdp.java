package dev.dockwire.socket;

import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/** A UDP socket whose callbacks run in its process's {@link CallbackGuard}. */
final class GuardedUdp implements UdpSocket {
    private final GuardedSockets owner;
    private final UdpSocket socket;

    GuardedUdp(GuardedSockets owner, UdpSocket socket) {
        this.owner = owner;
        this.socket = socket;
    }

    @Override
    public void bind(int addr, int port) {
        socket.bind(addr, port);
    }

    @Override
    public void connect(int addr, int port) {
        socket.connect(addr, port);
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
    public void send(int dstAddr, int dstPort, ByteBuf data) {
        socket.send(dstAddr, dstPort, data);
    }

    @Override
    public void send(ByteBuf data) {
        socket.send(data);
    }

    @Override
    public void onReceive(Receiver receiver) {
        socket.onReceive(receiver == null ? null : (s, src, port, data) -> {
            try {
                receiver.onDatagram(this, src, port, data);
            } catch (RuntimeException | StackOverflowError e) {
                owner.guard().crashed(e);
            }
        });
    }

    @Override
    public void onError(Consumer<SocketError> handler) {
        socket.onError(handler == null ? null : e -> owner.guard().call(() -> handler.accept(e)));
    }

    @Override
    public void ttl(int ttl) {
        socket.ttl(ttl);
    }

    @Override
    public void onIcmpError(IcmpErrorHandler handler) {
        socket.onIcmpError(handler == null ? null : (reporter, t, type, code, dst, port) ->
                owner.guard().call(() -> handler.onIcmpError(reporter, t, type, code, dst, port)));
    }

    @Override
    public void pauseReading() {
        socket.pauseReading();
    }

    @Override
    public void resumeReading() {
        socket.resumeReading();
    }

    @Override
    public void close() {
        owner.closed(this);
        socket.close();
    }
}
