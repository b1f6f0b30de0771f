package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.Frames;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reassembly queue (ip_defrag) on the virtual clock: whole, out of order, duplicate, overlap, timeout, memory cap. */
class IpDefragTest {
    private static final int SRC = 0x0A000002;
    private static final int DST = 0x0A000003;
    private static final long SECOND = 1_000_000_000L;
    private final EventLoop loop = new EventLoop();
    private final List<String> icmp = new ArrayList<>();
    private final IpDefrag defrag = new IpDefrag(loop, first -> {
        Ipv4Packet p = new Ipv4Packet().wrap(first, first.readerIndex());
        icmp.add("time exceeded about id=" + p.ident() + " offset=" + p.fragmentOffset());
    });
    private final List<ByteBuf> out = new ArrayList<>();

    @AfterEach
    void release() {
        out.forEach(ByteBuf::release);
        defrag.clear();
        assertEquals(0, defrag.memory());
    }

    /** A datagram of {@code len} payload bytes 0,1,2,... with the given identification and DF. */
    private static ByteBuf datagram(int ident, int len, boolean df) {
        ByteBuf b = Frames.allocate(Ipv4Packet.MIN_HEADER_LENGTH + len);
        b.writerIndex(b.readerIndex() + Ipv4Packet.MIN_HEADER_LENGTH);
        for (int i = 0; i < len; i++) {
            b.writeByte(i);
        }
        new Ipv4Packet().wrap(b, b.readerIndex())
                .set(0, Ipv4Packet.MIN_HEADER_LENGTH + len, ident, df ? Ipv4Packet.FLAG_DF : 0, 64, IpProtocol.UDP, SRC, DST)
                .fillChecksum();
        return b;
    }

    private static List<ByteBuf> fragments(int ident, int len, int mtu) {
        List<ByteBuf> frags = new ArrayList<>();
        IpFragmenter.fragment(datagram(ident, len, false), mtu, false, frags::add);
        return frags;
    }

    private ByteBuf feed(ByteBuf f) {
        ByteBuf r = defrag.input(f);
        if (r != null) {
            out.add(r);
        }
        return r;
    }

    private static void assertWhole(ByteBuf whole, int ident, int len) {
        Ipv4Packet p = new Ipv4Packet().wrap(whole, whole.readerIndex());
        assertTrue(p.verifyChecksum());
        assertEquals(ident, p.ident());
        assertEquals(Ipv4Packet.MIN_HEADER_LENGTH + len, p.totalLength());
        assertEquals(0, p.flagsFrag(), "offset, MF and DF cleared");
        ByteBuf expected = datagram(ident, len, false);
        try {
            assertTrue(ByteBufUtil.equals(expected, expected.readerIndex() + 20, whole, whole.readerIndex() + 20, len));
        } finally {
            expected.release();
        }
    }

    @Test
    void fragmentsInOrderMakeTheDatagram() {
        List<ByteBuf> f = fragments(7, 3000, 1500);
        assertEquals(3, f.size());
        assertNull(feed(f.get(0)));
        assertNull(feed(f.get(1)));
        ByteBuf whole = feed(f.get(2));
        assertNotNull(whole);
        assertWhole(whole, 7, 3000);
        assertEquals(1500, defrag.fragMaxSize());
        assertEquals(0, defrag.queues());
        assertEquals(1, defrag.stats.reasmOks);
        assertEquals(3, defrag.stats.reasmReqds);
    }

    @Test
    void outOfOrderAndDuplicateFragmentsStillMakeIt() {
        List<ByteBuf> f = fragments(8, 4000, 1000);
        assertEquals(5, f.size());
        ByteBuf dup = f.get(2).retainedDuplicate();
        assertNull(feed(f.get(4)));
        assertNull(feed(f.get(2)));
        assertNull(feed(dup), "a duplicate is dropped, the queue kept");
        assertNull(feed(f.get(0)));
        assertNull(feed(f.get(3)));
        ByteBuf whole = feed(f.get(1));
        assertNotNull(whole);
        assertWhole(whole, 8, 4000);
        assertEquals(0, defrag.stats.reasmFails);
    }

    @Test
    void aPartialOverlapDropsTheWholeQueue() {
        List<ByteBuf> f = fragments(9, 3000, 1500);
        assertNull(feed(f.get(0)));
        // Fragment 0 holds [0, 1480); one at 1472 with 16 bytes covers its end and more.
        ByteBuf evil = Frames.allocate(36);
        evil.writeBytes(f.get(1), f.get(1).readerIndex(), 36);
        new Ipv4Packet().wrap(evil, evil.readerIndex()).flagsFrag(Ipv4Packet.FLAG_MF | (1472 / 8))
                .totalLength(36).fillChecksum();
        assertNull(feed(evil));
        assertEquals(1, defrag.stats.reasmOverlaps);
        assertEquals(0, defrag.queues());
        // The rest now opens a new queue that never completes without fragment 0.
        assertNull(feed(f.get(1)));
        assertNull(feed(f.get(2)));
        assertEquals(1, defrag.queues());
    }

    @Test
    void aQueueTimesOutAfterIpfragTimeWithIcmpOnlyWhenTheFirstFragmentCame() {
        List<ByteBuf> a = fragments(10, 3000, 1500);
        List<ByteBuf> b = fragments(11, 3000, 1500);
        feed(a.get(0));
        feed(a.get(1));
        a.get(2).release();
        loop.runUntilTime(10 * SECOND);
        feed(b.get(1)); // no first fragment for 11
        b.get(0).release();
        b.get(2).release();
        loop.runUntilTime(30 * SECOND - 1);
        assertEquals(2, defrag.queues());
        assertEquals(List.of(), icmp);
        loop.runUntilTime(30 * SECOND);
        assertEquals(List.of("time exceeded about id=10 offset=0"), icmp);
        assertEquals(1, defrag.queues());
        loop.runUntilTime(40 * SECOND);
        assertEquals(1, icmp.size(), "no ICMP without the first fragment");
        assertEquals(0, defrag.queues());
        assertEquals(2, defrag.stats.reasmTimeout);
    }

    @Test
    void nothingIsQueuedOverTheHighThreshold() {
        defrag.highThresh(3000);
        List<ByteBuf> a = fragments(12, 8000, 1500);
        feed(a.get(0));
        feed(a.get(1));
        long held = defrag.memory();
        assertTrue(held > 3000, "two fragment buffers: " + held);
        feed(a.get(2));
        assertEquals(held, defrag.memory(), "dropped");
        assertEquals(1, defrag.stats.reasmFails);
        a.subList(3, a.size()).forEach(ByteBuf::release);
    }

    @Test
    void aReassembledDatagramKeepsDfOnlyWhenEveryFragmentHadIt() {
        List<ByteBuf> f = new ArrayList<>();
        IpFragmenter.fragment(datagram(13, 2000, false), 1500, true, f::add);
        feed(f.get(0));
        ByteBuf whole = feed(f.get(1));
        assertNotNull(whole);
        assertTrue(new Ipv4Packet().wrap(whole, whole.readerIndex()).dontFragment());
    }
}
