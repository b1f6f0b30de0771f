package dev.dockwire.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledUnsafeHeapByteBuf;
import io.netty.util.IllegalReferenceCountException;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import io.netty.util.ResourceLeakTracker;
import io.netty.util.internal.SystemPropertyUtil;

/**
 * A per-thread free list of frame buffers in three sizes, the emulator's counterpart of the
 * kernel's per-CPU skb caches ({@code napi_alloc_cache}, {@code skbuff_head_cache}): a frame
 * released on the thread that allocated it goes back on that thread's list, and the next
 * allocation of its size takes it again. Taking and giving back are a stack pop and push, where
 * Netty's pooled allocator looks up its thread cache and recycler on every call (a fifth of the
 * NAT path's time). A frame released on another thread, or grown past its size, is left to the
 * garbage collector; each list keeps at most {@link #DEPTH} frames. Netty's leak detector tracks
 * every frame taken, at the level it is set to, as it tracks its own pooled buffers. Every frame
 * carries the skb metadata that rides with a packet ({@link Frame}), read through {@link Frames}.
 *
 * <p>A frame's references are a plain count, as {@code skb->users} is touched by one CPU at a
 * time ({@link Frame#release}): Netty's atomic count was a tenth of the bridged path. That holds
 * because a frame has one owner at a time (ARCHITECTURE.md, "Frames and their owners"): the
 * emulation never shares a frame (a flood copies), and the one frame that leaves its thread, a
 * VXLAN datagram {@code run.RealUnderlay} hands to Netty's I/O thread, leaves whole, through
 * the channel's task queue, which orders the release after the loop's last touch.
 */
final class FrameCache {
    /** 60-byte frames and small packets with {@link Frames#HEADROOM} in front. */
    static final int SMALL = 256;
    /** Anything up to a 1500-byte MTU frame with tags, and the headroom. */
    static final int LARGE = 2048;
    /**
     * A GSO super-packet (up to GSO_LEGACY_MAX_SIZE, 64 KiB of IP packet) with its Ethernet header,
     * tags and the headroom; also a 64 KiB loopback frame.
     */
    static final int HUGE = 65536 + 1024;
    static final int DEPTH = 512;
    /** Super-packets kept per thread: a window's worth (4 MiB). */
    static final int HUGE_DEPTH = 64;
    private static final ThreadLocal<FrameCache> CACHE = ThreadLocal.withInitial(FrameCache::new);
    /**
     * The cache {@link #take} used last: on the loop's thread a frame is taken without the
     * ThreadLocal's hash lookup. Written only when the thread changes; a racy read is checked
     * against {@link #owner}, a final field, so another thread's cache is never used.
     */
    private static FrameCache last = CACHE.get();
    private static final ResourceLeakDetector<ByteBuf> LEAKS =
            ResourceLeakDetectorFactory.instance().newResourceLeakDetector(ByteBuf.class);

    private final Thread owner = Thread.currentThread();
    private final Frame[] small = new Frame[DEPTH];
    private final Frame[] large = new Frame[DEPTH];
    private final Frame[] huge = new Frame[HUGE_DEPTH];
    private int smallCount;
    private int largeCount;
    private int hugeCount;

    private FrameCache() {
    }

    /** A buffer of at least {@code size} bytes with one reference and both indexes at 0, or null above {@link #HUGE}. */
    static ByteBuf take(int size) {
        if (size > HUGE) {
            return null;
        }
        FrameCache c = last;
        if (c.owner != Thread.currentThread()) {
            c = CACHE.get();
            last = c;
        }
        return c.pop(size <= SMALL ? SMALL : size <= LARGE ? LARGE : HUGE);
    }

    private ByteBuf pop(int size) {
        Frame f;
        if (size == SMALL) {
            f = smallCount == 0 ? null : small[--smallCount];
            if (f != null) {
                small[smallCount] = null;
            }
        } else if (size == LARGE) {
            f = largeCount == 0 ? null : large[--largeCount];
            if (f != null) {
                large[largeCount] = null;
            }
        } else {
            f = hugeCount == 0 ? null : huge[--hugeCount];
            if (f != null) {
                huge[hugeCount] = null;
            }
        }
        if (f == null) {
            f = new Frame(this, size);
        } else {
            f.reuse();
        }
        f.leak = LEAKS.track(f);
        return f;
    }

    /** Takes a released frame back; false if it must be freed instead. */
    private boolean give(Frame f) {
        if (Thread.currentThread() != owner || f.capacity() != f.size) {
            return false;
        }
        if (f.size == SMALL) {
            if (smallCount == DEPTH) {
                return false;
            }
            small[smallCount++] = f;
        } else if (f.size == LARGE) {
            if (largeCount == DEPTH) {
                return false;
            }
            large[largeCount++] = f;
        } else {
            if (hugeCount == HUGE_DEPTH) {
                return false;
            }
            huge[hugeCount++] = f;
        }
        return true;
    }

    /** Frames of {@code size} ({@link #SMALL}, {@link #LARGE} or {@link #HUGE}) kept for reuse on this thread (tests). */
    static int cached(int size) {
        FrameCache c = CACHE.get();
        return size == SMALL ? c.smallCount : size == LARGE ? c.largeCount : c.hugeCount;
    }

    /**
     * A heap buffer that returns to its thread's cache when its last reference is released, with
     * the part of {@code struct sk_buff} and {@code skb_shared_info} that rides with a packet
     * between devices: {@code gso_size}, {@code gso_segs}, {@code ip_summed} and, for
     * CHECKSUM_PARTIAL, {@code csum_start}/{@code csum_offset} (csum_start as an index into this
     * buffer, as the kernel's counts from {@code skb->head}). Fields, not a side map: reading them
     * costs nothing and a reused frame starts clean.
     *
     * <p>Its references are counted in a plain field ({@link #release}); Netty's own atomic count
     * is only told when the frame is freed, for its use-after-release check.
     */
    static final class Frame extends UnpooledUnsafeHeapByteBuf {
        /**
         * Whether Netty checks every access against its own count ({@code io.netty.buffer.checkAccessible},
         * read as AbstractByteBuf reads it): then a freed frame is marked freed there too, so a use
         * after release still throws. Off in production (ProductionJvm), where that store is saved.
         */
        private static final boolean MARK_FREED = SystemPropertyUtil.contains("io.netty.buffer.checkAccessible")
                ? SystemPropertyUtil.getBoolean("io.netty.buffer.checkAccessible", true)
                : SystemPropertyUtil.getBoolean("io.netty.buffer.bytebuf.checkAccessible", true);
        private final FrameCache home;
        private final int size;
        private ResourceLeakTracker<ByteBuf> leak;
        /** References held: 1 when taken, 0 once freed. */
        private int users = 1;
        int gsoSize;
        int gsoSegs;
        int ipSummed;
        int csumStart;
        int csumOffset;

        Frame(FrameCache home, int size) {
            super(UnpooledByteBufAllocator.DEFAULT, size, Integer.MAX_VALUE);
            this.home = home;
            this.size = size;
        }

        void reuse() {
            users = 1;
            if (MARK_FREED) {
                resetRefCnt();
            }
            setIndex(0, 0);
            gsoSize = 0;
            gsoSegs = 0;
            ipSummed = 0;
            csumStart = 0;
            csumOffset = 0;
        }

        @Override
        public int refCnt() {
            return users;
        }

        @Override
        public ByteBuf retain() {
            return retain(1);
        }

        /**
         * skb_get: one more reference. A shared frame stays on its thread (the emulation shares
         * none; a test may): checked when assertions are on.
         */
        @Override
        public ByteBuf retain(int increment) {
            int n = users;
            if (increment <= 0) {
                throw new IllegalArgumentException("increment: " + increment + " (expected: > 0)");
            }
            if (n <= 0 || n + increment < n) {
                throw new IllegalReferenceCountException(n, increment);
            }
            assert Thread.currentThread() == home.owner : "a frame is shared on one thread only";
            users = n + increment;
            return this;
        }

        @Override
        public boolean release() {
            return release(1);
        }

        /**
         * kfree_skb: drops references, and with the last frees the frame (back to its cache). A
         * plain count, as skb->users is never raced: the frame has one owner at a time, and a
         * frame handed to another thread is handed whole, through a queue that orders it.
         */
        @Override
        public boolean release(int decrement) {
            int n = users;
            if (decrement <= 0) {
                throw new IllegalArgumentException("decrement: " + decrement + " (expected: > 0)");
            }
            if (n < decrement) {
                throw new IllegalReferenceCountException(n, -decrement);
            }
            assert n == decrement || Thread.currentThread() == home.owner : "a frame is shared on one thread only";
            users = n - decrement;
            if (n != decrement) {
                return false;
            }
            if (MARK_FREED) {
                setRefCnt(0);
            }
            deallocate();
            return true;
        }

        @Override
        protected void deallocate() {
            if (leak != null) {
                leak.close(this);
                leak = null;
            }
            if (!home.give(this)) {
                super.deallocate();
            }
        }
    }
}
