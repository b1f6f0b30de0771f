package dev.dockwire.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.LeakCheck;
import io.netty.buffer.ByteBuf;
import io.netty.util.IllegalReferenceCountException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FrameCacheTest {
    @Test
    void aReleasedFrameIsTakenAgainWithFreshIndexesAndOneReference() {
        ByteBuf a = Frames.allocate(38);
        a.writeZero(38);
        a.release();
        ByteBuf b = Frames.allocate(20);
        assertSame(a, b, "the small frame came back from the cache");
        assertEquals(1, b.refCnt());
        assertEquals(Frames.HEADROOM, b.readerIndex());
        assertEquals(Frames.HEADROOM, b.writerIndex());
        assertEquals(FrameCache.SMALL, b.capacity());
        b.release();
        assertThrows(IllegalReferenceCountException.class, b::release, "a second release still fails");
    }

    @Test
    void sizesHaveTheirOwnListsAndOnlyFramesAboveAGsoPacketComeFromNetty() {
        ByteBuf large = Frames.allocate(1514);
        assertEquals(FrameCache.LARGE, large.capacity());
        large.release();
        ByteBuf small = Frames.allocate(60);
        assertNotSame(large, small);
        assertSame(large, Frames.allocate(1000));
        ByteBuf huge = Frames.allocate(9000);
        assertEquals(FrameCache.HUGE, huge.capacity(), "a jumbo frame or a GSO packet is ours too");
        huge.release();
        ByteBuf again = Frames.allocate(65536 + 14 + 4);
        assertSame(huge, again, "a 64 KiB super-packet with its headers takes it again");
        ByteBuf beyond = Frames.allocate(FrameCache.HUGE);
        assertFalse(beyond.capacity() == FrameCache.HUGE);
        assertTrue(beyond.capacity() >= FrameCache.HUGE + Frames.HEADROOM);
        small.release();
        large.release();
        beyond.release();
        again.release();
    }

    @Test
    void aFrameGrownPastItsSizeOrReleasedOnAnotherThreadIsNotReused() throws Exception {
        ByteBuf grown = Frames.allocate(60);
        grown.writeZero(400); // grows the backing array past the small size
        grown.release();
        ByteBuf next = Frames.allocate(60);
        assertNotSame(grown, next);

        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                next.release();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        assertEquals(null, failure.get());
        ByteBuf after = Frames.allocate(60);
        assertNotSame(next, after, "released on another thread: left to the collector");
        after.release();
    }

    @Test
    void theCacheKeepsAtMostItsDepth() {
        ByteBuf[] many = new ByteBuf[FrameCache.DEPTH + 10];
        for (int i = 0; i < many.length; i++) {
            many[i] = Frames.allocate(60);
        }
        for (ByteBuf b : many) {
            b.release();
        }
        assertEquals(FrameCache.DEPTH, FrameCache.cached(FrameCache.SMALL));
    }

    @Test
    void aLeakedCachedFrameIsReportedByNettysDetector() throws Exception {
        LeakCheck.collect();
        leakOne();
        List<String> leaks = LeakCheck.collect();
        assertEquals(1, leaks.size(), leaks.toString());
        assertTrue(leaks.get(0).contains("leakOne"), leaks.get(0));
    }

    private static void leakOne() {
        Frames.allocate(60).writeZero(60);
    }
}
