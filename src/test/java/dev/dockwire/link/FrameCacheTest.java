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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
    void aRetainedFrameIsFreedByItsLastReleaseOnly() {
        ByteBuf f = Frames.allocate(60).writeZero(60);
        int cached = FrameCache.cached(FrameCache.SMALL);
        assertSame(f, f.retain());
        assertEquals(2, f.refCnt());
        assertFalse(f.release(), "one reference is left");
        assertEquals(1, f.refCnt());
        assertEquals(0, f.getByte(f.readerIndex()), "still readable");
        assertEquals(cached, FrameCache.cached(FrameCache.SMALL), "not freed yet");
        f.retain(3);
        assertFalse(f.release(3));
        assertTrue(f.release(), "the last reference frees it");
        assertEquals(0, f.refCnt());
        assertEquals(cached + 1, FrameCache.cached(FrameCache.SMALL), "back in the cache");
        assertThrows(IllegalReferenceCountException.class, () -> f.getByte(f.readerIndex()),
                "a use after release fails, as with Netty's own count");
        assertThrows(IllegalReferenceCountException.class, f::release);
        assertThrows(IllegalReferenceCountException.class, f::retain);
        ByteBuf again = Frames.allocate(60);
        assertSame(f, again);
        assertEquals(1, again.refCnt());
        assertEquals(0, again.getByte(again.readerIndex()), "taken again, it is usable");
        again.release();
    }

    @Test
    void aSliceSharesItsFramesCount() {
        ByteBuf f = Frames.allocate(60).writeZero(60);
        ByteBuf slice = f.retainedSlice(f.readerIndex(), 14);
        assertEquals(2, f.refCnt());
        f.release();
        assertEquals(0, slice.getByte(0), "the slice keeps the frame");
        assertTrue(slice.release());
        assertEquals(0, f.refCnt());
        assertThrows(IllegalReferenceCountException.class, () -> slice.getByte(0));
    }

    /**
     * What the real underlay does with a VXLAN datagram (RealDatagramPort's writeAndFlush): the
     * loop's thread hands frames whole to another thread, which frees them, each exactly once.
     */
    @Test
    void framesHandedWholeToAnotherThreadAreFreedThereExactlyOnce() throws Exception {
        int n = 20_000;
        BlockingQueue<ByteBuf> handed = new ArrayBlockingQueue<>(64);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread io = new Thread(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    ByteBuf f = handed.take();
                    if (f.refCnt() != 1 || f.getInt(f.readerIndex()) != i) {
                        throw new AssertionError("frame " + i + ": refCnt " + f.refCnt() + ", int " + f.getInt(f.readerIndex()));
                    }
                    if (!f.release() || f.refCnt() != 0) {
                        throw new AssertionError("frame " + i + " was not freed by its last release");
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "frame-cache-test-io");
        LeakCheck.collect();
        io.start();
        for (int i = 0; i < n && failure.get() == null; i++) {
            ByteBuf f = Frames.allocate(60).writeInt(i).writeZero(56);
            if (!handed.offer(f, 10, java.util.concurrent.TimeUnit.SECONDS)) {
                f.release();
                break;
            }
        }
        io.join(10_000);
        assertEquals(null, failure.get());
        assertEquals(0, FrameCache.cached(FrameCache.SMALL),
                "the frames this thread's cache gave out, freed on the other thread, did not come back to it");
        assertEquals(List.of(), LeakCheck.collect(), "and none leaked");
    }

    @Test
    void aSharedFrameStaysOnItsThread() throws Exception {
        boolean assertions = false;
        assert assertions = true;
        org.junit.jupiter.api.Assumptions.assumeTrue(assertions, "checked with assertions on (surefire's default)");
        ByteBuf f = Frames.allocate(60).writeZero(60).retain();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                f.release();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        t.join();
        assertTrue(thrown.get() instanceof AssertionError, String.valueOf(thrown.get()));
        assertEquals(2, f.refCnt(), "the other thread's release did not count");
        f.release(2);
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
