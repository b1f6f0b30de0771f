package dev.dockwire.socket;

/** Errors a socket reports, named after their errno and worded like strerror(3). */
public enum SocketError {
    EPERM("Operation not permitted"),
    EACCES("Permission denied"),
    EADDRINUSE("Address already in use"),
    EADDRNOTAVAIL("Cannot assign requested address"),
    ECONNREFUSED("Connection refused"),
    ECONNRESET("Connection reset by peer"),
    EHOSTUNREACH("No route to host"),
    ENETUNREACH("Network is unreachable"),
    ETIMEDOUT("Connection timed out"),
    EMSGSIZE("Message too long"),
    ENOTCONN("Transport endpoint is not connected"),
    EPIPE("Broken pipe");

    private final String message;

    SocketError(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
