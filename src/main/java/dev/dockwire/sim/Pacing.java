package dev.dockwire.sim;

/**
 * How virtual time relates to the wall clock. {@link #VIRTUAL} jumps straight to the next timer
 * (the default: runs finish as fast as the CPU allows and are reproducible); {@link #WALL} sleeps
 * until the wall clock reaches the next deadline, for runs that exchange traffic with real sockets.
 */
public enum Pacing {
    VIRTUAL,
    WALL
}
