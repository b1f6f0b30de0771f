package dev.dockwire.link;

/** One forwarding database entry: where a MAC address was last seen (kernel {@code net_bridge_fdb_entry}). */
public final class FdbEntry {
    final long mac;
    BridgePort port;
    long updated;
    /** The bridge's own address or one of its ports' (frames to it go up the bridge's stack). */
    final boolean local;
    /** Added by {@code bridge fdb add} or local: never ages. */
    final boolean permanent;

    FdbEntry(long mac, BridgePort port, long updated, boolean local, boolean permanent) {
        this.mac = mac;
        this.port = port;
        this.updated = updated;
        this.local = local;
        this.permanent = permanent;
    }

    public long mac() {
        return mac;
    }

    /** The port, or null for the bridge device's own address. */
    public BridgePort port() {
        return port;
    }

    public boolean isLocal() {
        return local;
    }

    public boolean isPermanent() {
        return permanent;
    }

    /** Virtual time of the last frame seen from this address. */
    public long updated() {
        return updated;
    }
}
