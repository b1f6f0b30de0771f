package dev.dockwire.socket;

/** A socket call that failed synchronously (bind on a used port, send with no route). */
public final class SocketException extends RuntimeException {
    private final SocketError error;
    private final int info;

    public SocketException(SocketError error) {
        this(error, 0);
    }

    /** With extra information, as the kernel's sock_extended_err ee_info: the MTU for EMSGSIZE. */
    public SocketException(SocketError error, int info) {
        super(error.name() + ": " + error.message());
        this.error = error;
        this.info = info;
    }

    /** The MTU an EMSGSIZE was measured against, else 0. */
    public int info() {
        return info;
    }

    public SocketError error() {
        return error;
    }
}
