package dev.dockwire.link;

/** Interface counters as {@code ip -s link} prints them. */
public final class DeviceStats {
    public long rxPackets;
    public long rxBytes;
    public long rxDropped;
    public long txPackets;
    public long txBytes;
    public long txDropped;

    void rx(int bytes) {
        rxPackets++;
        rxBytes += bytes;
    }

    void tx(int bytes) {
        txPackets++;
        txBytes += bytes;
    }
}
