package dev.dockwire.netns.stack;

/** Neighbour Unreachability Detection states (RFC 4861 section 7.3.2, as Linux applies them to ARP). */
public enum NudState {
    INCOMPLETE, REACHABLE, STALE, DELAY, PROBE, FAILED, PERMANENT
}
