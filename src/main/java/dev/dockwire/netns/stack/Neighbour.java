package dev.dockwire.netns.stack;

import dev.dockwire.link.NetDevice;
import dev.dockwire.sim.Timeout;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/** One ARP cache entry (kernel {@code struct neighbour}): address, link-layer address, NUD state, queued packets. */
public final class Neighbour {
    final NetDevice dev;
    final int ip;
    long mac;
    NudState state;
    int probes;
    Timeout timer;
    /** IP packets (reader index at the IP header) waiting for resolution, like {@code arp_queue}. */
    final ArrayDeque<ByteBuf> queue = new ArrayDeque<>(2);

    Neighbour(NetDevice dev, int ip, NudState state) {
        this.dev = dev;
        this.ip = ip;
        this.state = state;
    }

    public NetDevice dev() {
        return dev;
    }

    public int ip() {
        return ip;
    }

    public long mac() {
        return mac;
    }

    public NudState state() {
        return state;
    }
}
