package dev.dockwire.kernel;

import java.util.List;

/**
 * Packet journeys being recorded, as {@link Kernel#recordJourneys} starts it: every packet's path
 * through devices, bridges, routes, neighbours, netfilter (the deciding rule, conntrack, NAT),
 * tunnels, to a socket or a drop. Recording stops on {@link #close}; nothing is recorded, and
 * nothing costs, while no recording is open.
 */
public interface JourneyRecording extends AutoCloseable {
    /** The journeys recorded so far, in the order they began. */
    List<JourneyInfo> journeys();

    /** Stops recording (what was recorded stays readable). */
    @Override
    void close();
}
