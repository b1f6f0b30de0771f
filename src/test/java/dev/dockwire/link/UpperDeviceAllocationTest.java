package dev.dockwire.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.Allocations;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.VlanTag;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

/**
 * Macvlan and 802.1Q forwarding allocate nothing per frame: bridge-mode siblings on eth0.10, a
 * macvlan's tagged frame out through the switch, and a tagged frame from the LAN untagged and
 * demultiplexed to its macvlan.
 */
class UpperDeviceAllocationTest {
    private static final long A = 0x02_42_0a_00_00_02L;
    private static final long B = 0x02_42_0a_00_00_03L;

    private final L2Lab lab = new L2Lab();
    private final EthernetFrame eth = new EthernetFrame();
    private long received;

    private void send(NetDevice from, long src, long dst, int vid) {
        ByteBuf f = Frames.allocate(64);
        f.writeZero(60);
        eth.wrap(f, f.readerIndex()).dst(dst).src(src).etherType(EtherType.IPV4);
        if (vid > 0) {
            VlanTag.push(f, vid);
        }
        from.transmit(f);
        lab.loop.drain();
    }

    @Test
    void siblingsTaggedTrafficAndDemuxAllocateNothing() throws Throwable {
        Vlan v10 = Vlan.create(lab.eth0, "eth0.10", lab.nextIfindex(), 10);
        v10.setUp(true);
        Macvlan a = Macvlan.create(lab.backlog, v10, "a", lab.nextIfindex(), A, MacvlanMode.BRIDGE);
        Macvlan b = Macvlan.create(lab.backlog, v10, "b", lab.nextIfindex(), B, MacvlanMode.BRIDGE);
        a.setUp(true);
        b.setUp(true);
        RxHandler count = (dev, frame) -> {
            received++;
            frame.release();
        };
        a.rxHandler(count);
        b.rxHandler(count);
        lab.lan.rxHandler(count);
        Runnable step = () -> {
            send(a, A, B, 0);
            send(a, A, L2Lab.LAN_MAC, 0);
            send(lab.lan, L2Lab.LAN_MAC, A, 10);
        };
        int runs = 100_000;
        long allocated = Allocations.measure(100_000, runs, step);
        assertEquals(3L * 200_000, received);
        assertTrue(allocated < 4_096, "allocated " + allocated + " bytes over " + runs + " rounds");
    }
}
