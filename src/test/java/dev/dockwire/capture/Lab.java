package dev.dockwire.capture;

import dev.dockwire.link.Backlog;
import dev.dockwire.link.Bridge;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.Veth;
import dev.dockwire.sim.EventLoop;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Two containers on a user-defined bridge, as Docker wires them: each container's {@code eth0}
 * is one end of a veth pair whose host end is a port of {@code br-0123456789ab}. The container
 * ends record what they receive; the bridge's own stack has no handler (frames up to it are
 * dropped and released by RxHandler.DROP).
 */
final class Lab {
    final EventLoop loop = new EventLoop();
    final Backlog backlog = new Backlog();
    final Bridge bridge = new Bridge(loop, "br-0123456789ab", 3, TestFrames.GW_MAC.bits());
    final Veth c1 = Veth.createPair(backlog, "eth0", 10, TestFrames.MAC1.bits(), "veth1a2b3c4", 11, 0x0a1b2c3d4e01L);
    final Veth c2 = Veth.createPair(backlog, "eth0", 20, TestFrames.MAC2.bits(), "veth5d6e7f8", 21, 0x0a1b2c3d4e02L);
    final Recorder rx1 = new Recorder();
    final Recorder rx2 = new Recorder();

    Lab() {
        loop.addAgent(backlog);
        bridge.setUp(true);
        for (Veth v : List.of(c1, c2)) {
            v.setUp(true);
            v.peer().setUp(true);
            bridge.addPort(v.peer());
        }
        c1.rxHandler(rx1);
        c2.rxHandler(rx2);
    }

    /** Transmits {@code frame} from {@code dev} at virtual time {@code atNanos}. */
    void sendAt(long atNanos, NetDevice dev, ByteBuf frame) {
        loop.schedule(atNanos - loop.nanos(), () -> dev.transmit(frame));
    }

    void run() {
        loop.runToCompletion();
    }
}
