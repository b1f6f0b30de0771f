package dev.dockwire.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The last-hit caches in front of the bridge FDB, the VXLAN FDB and the macvlan port's MAC map
 * never answer with what the map no longer holds: each lookup is repeated across a change.
 */
class LookupCacheTest {
    private static final long A = 0x02_42_0a_00_01_02L;
    private static final long B = 0x02_42_0a_00_01_03L;

    @Test
    void bridgeFdbForgetsRemovedLearnedAndAgedEntries() {
        EventLoop loop = new EventLoop();
        Fdb fdb = new Fdb(loop);
        assertNull(fdb.lookup(A));
        assertNull(fdb.lookup(A), "an unknown MAC, asked twice");
        fdb.learn(A, null);
        FdbEntry learned = fdb.lookup(A);
        assertEquals(A, learned.mac, "learned after a cached miss");
        assertSame(learned, fdb.lookup(A));
        fdb.remove(A);
        assertNull(fdb.lookup(A), "removed after a cached hit");
        fdb.learn(A, null);
        fdb.learn(A, null); // the learn cache: refreshes, adds nothing
        assertEquals(1, fdb.entries().size());
        fdb.addStatic(A, null);
        assertEquals(true, fdb.lookup(A).permanent, "replaced by a static entry");
        fdb.remove(A);
        fdb.learn(B, null);
        assertEquals(B, fdb.lookup(B).mac);
        fdb.ageingNanos(1_000);
        loop.runFor(2_000);
        assertNull(fdb.lookup(B), "aged out after a cached hit");
        fdb.learn(B, null);
        assertEquals(B, fdb.lookup(B).mac, "learned again after ageing out");
    }

    @Test
    void vxlanFdbForgetsTheDefaultAnswerWhenAnEntryIsAdded() {
        VxlanFdb fdb = new VxlanFdb();
        assertNull(fdb.lookup(A));
        fdb.append(0L, 0xC0A8010B);
        assertArrayEquals(new int[] {0xC0A8010B}, fdb.lookup(A).remotes(), "the default after a cached miss");
        fdb.append(A, 0xC0A8010C);
        assertArrayEquals(new int[] {0xC0A8010C}, fdb.lookup(A).remotes(), "its own entry after the default was cached");
        fdb.append(A, 0xC0A8010D);
        assertArrayEquals(new int[] {0xC0A8010C, 0xC0A8010D}, fdb.lookup(A).remotes(), "appended");
        fdb.delete(A, 0xC0A8010C);
        fdb.delete(A, 0xC0A8010D);
        assertArrayEquals(new int[] {0xC0A8010B}, fdb.lookup(A).remotes(), "the default again once deleted");
        fdb.learn(B, 0xC0A8010E);
        assertArrayEquals(new int[] {0xC0A8010E}, fdb.lookup(B).remotes(), "learned");
    }

    @Test
    void macvlanPortFollowsAMacChange() {
        EventLoop loop = new EventLoop();
        Backlog backlog = new Backlog();
        loop.addAgent(backlog);
        Veth parent = Veth.createPair(backlog, "d0", 1, 0x02_00_00_00_00_01L, "d1", 2, 0x02_00_00_00_00_02L);
        parent.setUp(true);
        parent.peer().setUp(true);
        Macvlan m0 = Macvlan.create(backlog, parent, "m0", 3, A, MacvlanMode.BRIDGE);
        Macvlan m1 = Macvlan.create(backlog, parent, "m1", 4, B, MacvlanMode.BRIDGE);
        List<String> got = new ArrayList<>();
        for (Macvlan m : new Macvlan[] {m0, m1}) {
            m.setUp(true);
            m.rxHandler((dev, frame) -> {
                got.add(dev.name());
                frame.release();
            });
        }
        send(m0, B, loop);
        assertEquals(List.of("m1"), got);
        m1.mac(0x02_42_0a_00_01_04L);
        send(m0, B, loop);
        assertEquals(List.of("m1"), got, "the old MAC reaches no sibling any more");
        send(m0, 0x02_42_0a_00_01_04L, loop);
        assertEquals(List.of("m1", "m1"), got, "the new one does");
    }

    private static void send(Macvlan from, long dst, EventLoop loop) {
        ByteBuf f = Frames.allocate(64);
        f.writeZero(60);
        new EthernetFrame().wrap(f, f.readerIndex()).dst(dst).src(from.mac()).etherType(EtherType.IPV4);
        from.transmit(f);
        loop.drain();
    }
}
