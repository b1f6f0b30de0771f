package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.Backlog;
import dev.dockwire.link.Frames;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.Veth;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.SeededRandom;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NUD state by state on a manual clock (net.ipv4.neigh.default.* defaults). */
class NeighbourTableTest {
    private static final long S = 1_000_000_000L;
    private static final int IP = 0x0A000002;
    private static final long MAC = 0x02_42_0A_00_00_02L;

    private EventLoop loop;
    private NeighbourTable table;
    private NetDevice dev;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() {
        loop = new EventLoop();
        dev = Veth.createPair(new Backlog(), "eth0", 2, 0x02_00_00_00_00_01L, "peer", 3, 0x02_00_00_00_00_02L);
        table = new NeighbourTable(loop, new SeededRandom(3), new NeighbourTable.Io() {
            @Override
            public void solicit(NetDevice d, int ip, long targetMac) {
                log.add((targetMac == 0 ? "bcast" : "ucast") + "@" + loop.nanos() / S);
            }

            @Override
            public void transmit(NetDevice d, long mac, ByteBuf packet) {
                log.add("tx " + Long.toHexString(mac) + "@" + loop.nanos() / S);
                packet.release();
            }

            @Override
            public void unreachable(NetDevice dev, ByteBuf packet) {
                log.add("unreachable@" + loop.nanos() / S);
                packet.release();
            }
        });
    }

    private static ByteBuf packet() {
        ByteBuf b = Frames.allocate(20);
        b.writeZero(20);
        return b;
    }

    private NudState state() {
        return table.get(dev, IP).state();
    }

    @Test
    void incompleteProbesThreeTimesASecondApartThenFailsQueuedPackets() {
        table.output(dev, IP, packet());
        table.output(dev, IP, packet());
        assertEquals(NudState.INCOMPLETE, state());
        loop.runToCompletion();
        assertEquals(List.of("bcast@0", "bcast@1", "bcast@2", "unreachable@3", "unreachable@3"), log);
        assertEquals(NudState.FAILED, state());
    }

    @Test
    void aReplyReleasesTheQueueAndMakesTheEntryReachable() {
        table.output(dev, IP, packet());
        loop.runFor(S / 2);
        table.update(dev, IP, MAC, true, false);
        assertEquals(NudState.REACHABLE, state());
        assertEquals(List.of("bcast@0", "tx 2420a000002@0"), log);
        assertEquals(MAC, table.get(dev, IP).mac());
    }

    @Test
    void reachableGoesStaleThenDelayThenProbeAndConfirmationRestoresIt() {
        table.output(dev, IP, packet());
        table.update(dev, IP, MAC, true, false);
        loop.runFor(46 * S); // reachable time is random in [15 s, 45 s)
        assertEquals(NudState.STALE, state());
        log.clear();
        table.output(dev, IP, packet());
        assertEquals(NudState.DELAY, state(), "a stale entry is used at once and re-checked later");
        assertEquals(1, log.size());
        loop.runFor(5 * S);
        assertEquals(NudState.PROBE, state());
        assertTrue(log.get(1).startsWith("ucast@"), log.toString());
        table.update(dev, IP, MAC, true, false);
        assertEquals(NudState.REACHABLE, state());
    }

    @Test
    void unansweredUnicastProbesEndInFailed() {
        table.output(dev, IP, packet());
        table.update(dev, IP, MAC, true, false);
        loop.runFor(46 * S);
        table.output(dev, IP, packet());
        loop.runFor(5 * S + 3 * S + 1);
        assertEquals(NudState.FAILED, state());
        assertEquals(3, log.stream().filter(l -> l.startsWith("ucast")).count());
    }

    @Test
    void requestsCreateStaleEntriesAndGratuitousArpOnlyRefreshes() {
        table.update(dev, IP, MAC, false, false);
        assertEquals(null, table.get(dev, IP), "gratuitous ARP does not create (arp_accept=0)");
        table.update(dev, IP, MAC, false, true);
        assertEquals(NudState.STALE, state());
        table.update(dev, IP, MAC + 1, false, false);
        assertEquals(MAC + 1, table.get(dev, IP).mac(), "a changed address is taken and the entry stays STALE");
    }

    @Test
    void permanentEntriesNeverChange() {
        table.addPermanent(dev, IP, MAC);
        table.update(dev, IP, MAC + 1, true, true);
        loop.runFor(100 * S);
        assertEquals(NudState.PERMANENT, state());
        assertEquals(MAC, table.get(dev, IP).mac());
    }

    @Test
    void theQueueIsBounded() {
        for (int i = 0; i < NeighbourTable.UNRES_QLEN + 5; i++) {
            table.output(dev, IP, packet());
        }
        loop.runToCompletion();
        assertEquals(NeighbourTable.UNRES_QLEN, log.stream().filter(l -> l.startsWith("unreachable")).count());
        assertEquals(5, dev.stats().txDropped);
    }

    @Test
    void aDeletedOrFlushedEntryIsNotUsedAgainByTheNextPacket() {
        table.addPermanent(dev, IP, MAC);
        table.output(dev, IP, packet());
        table.output(dev, IP, packet()); // the cached entry
        table.delete(dev, IP);
        table.output(dev, IP, packet()); // resolves anew, not through the forgotten entry
        assertEquals(NudState.INCOMPLETE, state());
        table.addPermanent(dev, IP, MAC + 1); // the queued packet leaves to the new address
        table.output(dev, IP, packet());
        table.flush(dev);
        table.output(dev, IP, packet());
        assertEquals(NudState.INCOMPLETE, state());
        assertEquals(List.of("tx 2420a000002@0", "tx 2420a000002@0", "bcast@0", "tx 2420a000003@0", "tx 2420a000003@0",
                "bcast@0"), log);
        table.flushAll();
    }
}
