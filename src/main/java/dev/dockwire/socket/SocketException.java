package dev.dockwire.socket;

/** A socket call that failed synchronously (bind on a used port, send with no route). */
public final class SocketException extends RuntimeException {
    private final SocketError error;

    public SocketException(SocketError error) {
        super(error.name() + ": " + error.message());
        this.error = error;
    }

    public SocketError error() {
        return error;
    }
}
