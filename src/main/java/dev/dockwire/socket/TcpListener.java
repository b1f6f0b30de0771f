package dev.dockwire.socket;

import java.util.function.Consumer;

/**
 * A listening TCP socket ({@code bind} + {@code listen(backlog)}). Handshakes complete in the
 * kernel; each established connection waits in the accept queue until it is handed to
 * {@link #onAccept}. While accepting is paused the queue fills, and once it holds more than
 * {@code backlog} connections new SYNs are dropped, as Linux drops them.
 */
public interface TcpListener extends AutoCloseable {

    int localAddress();

    int localPort();

    /**
     * Receives each accepted connection. Set the socket's callbacks inside the call: data and EOF
     * that arrived before the accept are delivered right after it returns.
     */
    void onAccept(Consumer<TcpSocket> handler);

    /** Like a server that stops calling accept(): connections wait in the accept queue. */
    void pauseAccepting();

    /** Accepts the queued connections, then each new one as it is established. */
    void resumeAccepting();

    /** Stops listening: connections not yet accepted are reset. */
    @Override
    void close();
}
