package dev.dockwire.sim;

/**
 * Bounded work done by the event loop between timers, in the style of an Agrona agent: the
 * per-device receive backlog (like the kernel's {@code net_rx_action} softirq) is one.
 */
@FunctionalInterface
public interface Agent {
    /** Does a bounded amount of pending work and returns how much it did; 0 means idle. */
    int doWork();
}
