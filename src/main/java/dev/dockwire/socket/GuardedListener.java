package dev.dockwire.socket;

import java.util.function.Consumer;

/** A listening socket whose accepted connections are its process's, their callbacks in its {@link CallbackGuard}. */
final class GuardedListener implements TcpListener {
    private final GuardedSockets owner;
    private final TcpListener listener;
    /** The program's own pauseAccepting, kept apart from the freezer's. */
    private boolean programPaused;
    private boolean frozen;

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
        programPaused = true;
        listener.pauseAccepting();
    }

    @Override
    public void resumeAccepting() {
        programPaused = false;
        if (!frozen) {
            listener.resumeAccepting();
        }
    }

    /** Its process is frozen: accept(2) is not called, handshakes complete into the backlog until it is full. */
    void freeze() {
        frozen = true;
        listener.pauseAccepting();
    }

    void thaw() {
        frozen = false;
        if (!programPaused) {
            listener.resumeAccepting();
        }
    }

    @Override
    public void close() {
        owner.closed(this);
        listener.close();
    }
}
