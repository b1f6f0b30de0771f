package dev.dockwire.socket;

import io.netty.buffer.ByteBuf;

/** A ping socket whose callbacks run in its process's {@link CallbackGuard}. */
final class GuardedPing implements PingSocket {
    private final GuardedSockets owner;
    private final PingSocket socket;

    GuardedPing(GuardedSockets owner, PingSocket socket) {
        this.owner = owner;
        this.socket = socket;
    }

    @Override
    public int ident() {
        return socket.ident();
    }

    @Override
    public void pmtuDiscover(PmtuDisc mode) {
        socket.pmtuDiscover(mode);
    }

    @Override
    public void send(int dstAddr, int sequence, ByteBuf data, int ttl) {
        socket.send(dstAddr, sequence, data, ttl);
    }

    @Override
    public void onReply(ReplyHandler handler) {
        socket.onReply(handler == null ? null : (src, seq, ttl, data) -> {
            try {
                handler.onReply(src, seq, ttl, data);
            } catch (RuntimeException | StackOverflowError e) {
                owner.guard().crashed(e);
            }
        });
    }

    @Override
    public void onError(ErrorHandler handler) {
        socket.onError(handler == null ? null : (reporter, seq, type, code, info) ->
                owner.guard().call(() -> handler.onError(reporter, seq, type, code, info)));
    }

    @Override
    public void close() {
        owner.closed(this);
        socket.close();
    }
}
