package dev.dockwire.socket;

import java.util.function.Consumer;

/** A listening socket whose accepted connections are its process's, their callbacks in its {@link CallbackGuard}. */
final class GuardedListener implements TcpListener {
    private final GuardedSockets owner;
    private final TcpListener listener;

    GuardedListener(GuardedSockets owner, TcpListener listener) {
        this.owner = owner;
        this.listener = listener;
    }

    @Override
    public int localAddress() {
        return listener.localAddress();
    }

    @Override
    public int localPort() {
        return listener.localPort();
    }

    @Override
    public void onAccept(Consumer<TcpSocket> handler) {
        listener.onAccept(handler == null ? null : s -> {
            GuardedTcp accepted = owner.opened(new GuardedTcp(owner, s));
            owner.guard().call(() -> handler.accept(accepted));
        });
    }

    @Override
    public void pauseAccepting() {
        listener.pauseAccepting();
    }

    @Override
    public void resumeAccepting() {
        listener.resumeAccepting();
    }

    @Override
    public void close() {
        owner.closed(this);
        listener.close();
    }
}
