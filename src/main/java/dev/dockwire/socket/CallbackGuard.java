package dev.dockwire.socket;

/**
 * Runs a program's socket callback as part of its process: what the callback throws becomes that
 * process's failure (a line on its stderr, an exit status), not the event loop's. The process
 * supplies it; {@link GuardedSockets} puts it around every callback a program registers.
 */
@FunctionalInterface
public interface CallbackGuard {
    /** What a callback threw: the process's crash. */
    void crashed(Throwable e);

    /** Runs {@code callback} as part of the process. The per-packet callbacks inline this instead: no capture per call. */
    default void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException | StackOverflowError e) {
            crashed(e);
        }
    }
}
