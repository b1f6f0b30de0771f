package dev.dockwire.link;

/** A device enslaved to a bridge and its per-port flags ({@code bridge link set dev X hairpin on ...}). */
public final class BridgePort {
    final Bridge bridge;
    final NetDevice dev;
    boolean hairpin;
    boolean learning = true;
    boolean flood = true;

    BridgePort(Bridge bridge, NetDevice dev) {
        this.bridge = bridge;
        this.dev = dev;
    }

    public NetDevice dev() {
        return dev;
    }

    public Bridge bridge() {
        return bridge;
    }

    public boolean hairpin() {
        return hairpin;
    }

    /** Hairpin mode: frames may be sent back out of the port they came in on (Docker sets it without userland proxy). */
    public void hairpin(boolean on) {
        this.hairpin = on;
    }

    public boolean learning() {
        return learning;
    }

    public void learning(boolean on) {
        this.learning = on;
    }

    public boolean flood() {
        return flood;
    }

    public void flood(boolean on) {
        this.flood = on;
    }
}
