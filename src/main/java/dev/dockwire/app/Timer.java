package dev.dockwire.app;

/** A pending callback a program scheduled. */
@FunctionalInterface
public interface Timer {
    void cancel();
}
