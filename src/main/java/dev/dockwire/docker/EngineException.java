package dev.dockwire.docker;

/** A docker command refused, worded like the daemon's error ({@code Error response from daemon: ...}). */
public final class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }
}
