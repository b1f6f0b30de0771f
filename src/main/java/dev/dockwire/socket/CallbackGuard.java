package dev.dockwire.socket;

/**
 * Runs a program's socket callback as part of its process: what the callback throws becomes that
 * process's failure (a line on its stderr, an exit status), not the event loop's. The process
 * supplies it; {@link GuardedSockets} puts it around every callback a program registers.
 */
@FunctionalInterface
public interface CallbackGuard {
    void call(Runnable callback);
}
