package dev.dockwire.sim;

/** The emulation's notion of now, in nanoseconds since the run began. Core code reads time only here. */
@FunctionalInterface
public interface Clock {
    long nanos();
}
