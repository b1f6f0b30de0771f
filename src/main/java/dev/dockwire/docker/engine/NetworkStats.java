package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.kernel.LinkInfo;

/**
 * A container's network counters as dockerd reports them in its stats (moby
 * daemon/stats_collector and libnetwork's sandbox Statistics): the bytes received and sent by
 * each interface of its namespace but loopback, read from the kernel's link counters.
 */
public final class NetworkStats {
    private NetworkStats() {
    }

    /** {@code {rxBytes, txBytes}} of {@code c}'s interfaces; zeros for a container without a namespace of its own. */
    public static long[] of(Engine engine, Container c) {
        long[] io = new long[2];
        if (!c.running() || c.netns() == null || c.netns().equals(dev.dockwire.kernel.Kernel.HOST)) {
            return io;
        }
        for (LinkInfo l : engine.kernel().links(c.netns())) {
            if (!l.kind().equals("loopback") && !l.name().equals("lo")) {
                io[0] += l.rxBytes();
                io[1] += l.txBytes();
            }
        }
        return io;
    }
}
