package dev.dockwire.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledUnsafeHeapByteBuf;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import io.netty.util.ResourceLeakTracker;

/**
 * A per-thread free list of frame buffers in two sizes, the emulator's counterpart of the
 * kernel's per-CPU skb caches ({@code napi_alloc_cache}, {@code skbuff_head_cache}): a frame
 * released on the thread that allocated it goes back on that thread's list, and the next
 * allocation of its size takes it again. Taking and giving back are a stack pop and push, where
 * Netty's pooled allocator looks up its thread cache and recycler on every call (a fifth of the
 * NAT path's time). A frame released on another thread, or grown past its size, is left to the
 * garbage collector; each list keeps at most {@link #DEPTH} frames. Netty's leak detector tracks
 * every frame taken, at the level it is set to, as it tracks its own pooled buffers.
 */
final class FrameCache {
    /** 60-byte frames and small packets with {@link Frames#HEADROOM} in front. */
    static final int SMALL = 256;
    /** Anything up to a 1500-byte MTU frame with tags, and the headroom. */
    static final int LARGE = 2048;
    static final int DEPTH = 512;
    private static final ThreadLocal<FrameCache> CACHE = ThreadLocal.withInitial(FrameCache::new);
    private static final ResourceLeakDetector<ByteBuf> LEAKS =
            ResourceLeakDetectorFactory.instance().newResourceLeakDetector(ByteBuf.class);

    private final Thread owner = Thread.currentThread();
    private final Frame[] small = new Frame[DEPTH];
    private final Frame[] large = new Frame[DEPTH];
    private int smallCount;
    private int largeCount;

    private FrameCache() {
    }

    /** A buffer of at least {@code size} bytes with one reference and both indexes at 0, or null above {@link #LARGE}. */
    static ByteBuf take(int size) {
        if (size > LARGE) {
            return null;
        }
        return CACHE.get().pop(size <= SMALL ? SMALL : LARGE);
    }

    private ByteBuf pop(int size) {
        Frame f;
        if (size == SMALL) {
            f = smallCount == 0 ? null : small[--smallCount];
            if (f != null) {
                small[smallCount] = null;
            }
        } else {
            f = largeCount == 0 ? null : large[--largeCount];
            if (f != null) {
                large[largeCount] = null;
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
        } else {
            if (largeCount == DEPTH) {
                return false;
            }
            large[largeCount++] = f;
        }
        return true;
    }

    /** Frames of {@code size} ({@link #SMALL} or {@link #LARGE}) kept for reuse on this thread (tests). */
    static int cached(int size) {
        FrameCache c = CACHE.get();
        return size == SMALL ? c.smallCount : c.largeCount;
    }

    /** A heap buffer that returns to its thread's cache when its last reference is released. */
    private static final class Frame extends UnpooledUnsafeHeapByteBuf {
        private final FrameCache home;
        private final int size;
        private ResourceLeakTracker<ByteBuf> leak;

        Frame(FrameCache home, int size) {
            super(UnpooledByteBufAllocator.DEFAULT, size, Integer.MAX_VALUE);
            this.home = home;
            this.size = size;
        }

        void reuse() {
            resetRefCnt();
            setIndex(0, 0);
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
