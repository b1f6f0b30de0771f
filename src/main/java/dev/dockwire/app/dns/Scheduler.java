package dev.dockwire.app.dns;

import dev.dockwire.app.Timer;

/** Timers on the emulation's clock, as a program or the engine hands them to DNS code. */
@FunctionalInterface
public interface Scheduler {
    Timer schedule(long delayNanos, Runnable task);
}
