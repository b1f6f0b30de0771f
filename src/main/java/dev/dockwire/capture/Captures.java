package dev.dockwire.capture;

import dev.dockwire.link.Bridge;
import dev.dockwire.link.NetDevice;
import dev.dockwire.sim.Clock;

/**
 * Starting captures the way tcpdump is pointed at interfaces. Each returns a {@link CaptureTap}
 * that owns {@code file} and {@code filter} (null means {@link PacketFilter#ALL}); close the tap
 * to finish the file.
 */
public final class Captures {
    private Captures() {
    }

    /**
     * Like {@code tcpdump -i DEV -w FILE}: both directions of one device. A {@link Bridge} is
     * captured promiscuously, as tcpdump does by default ({@link CaptureTap#attachBridge}).
     */
    public static CaptureTap device(CaptureFile file, Clock clock, NetDevice dev, PacketFilter filter) {
        CaptureTap tap = new CaptureTap(file, clock, filter);
        if (dev instanceof Bridge br) {
            tap.attachBridge(br);
        } else {
            tap.attachDevice(dev);
        }
        return tap;
    }

    /** Like {@code tcpdump -i BRIDGE -w FILE}: frames from every port and the bridge's own egress. */
    public static CaptureTap bridge(CaptureFile file, Clock clock, Bridge bridge, PacketFilter filter) {
        CaptureTap tap = new CaptureTap(file, clock, filter);
        tap.attachBridge(bridge);
        return tap;
    }

    /**
     * Like {@code tcpdump -i any -w FILE.pcapng} in a namespace: every device in {@code devices},
     * in iteration order, as its own interface (one IDB each; classic pcap loses the names). As
     * with {@code -i any}, nothing is promiscuous: a bridge in the set shows its own stack's
     * traffic only. More devices can be added later with {@link CaptureTap#attachDevice}.
     */
    public static CaptureTap any(CaptureFile file, Clock clock, Iterable<? extends NetDevice> devices,
                                 PacketFilter filter) {
        CaptureTap tap = new CaptureTap(file, clock, filter);
        for (NetDevice dev : devices) {
            tap.attachDevice(dev);
        }
        return tap;
    }
}
