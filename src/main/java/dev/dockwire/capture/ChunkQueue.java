package dev.dockwire.capture;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The full chunks waiting for the {@link ChunkWriter}: a bounded queue that any thread may offer
 * to and one thread takes from, without locks (Dmitry Vyukov's bounded MPMC array queue, taken by
 * a single consumer). Each slot carries a sequence number: a producer claims position {@code t}
 * by a CAS on the tail when the slot's sequence is {@code t}, stores the chunk and publishes it
 * by setting the sequence to {@code t + 1}; the consumer takes it when it sees {@code t + 1} and
 * frees the slot for the next lap by setting {@code t + capacity}. An offer is one uncontended CAS
 * and one store; nothing is allocated.
 */
final class ChunkQueue {
    private final BlockOutput.Chunk[] items;
    private final AtomicLongArray sequence;
    private final AtomicLong tail = new AtomicLong();
    private final int mask;
    /** The consumer's next position; read and written by the consumer only. */
    private long head;

    /** @param capacity a power of two */
    ChunkQueue(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, got " + capacity);
        }
        items = new BlockOutput.Chunk[capacity];
        sequence = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            sequence.set(i, i);
        }
        mask = capacity - 1;
    }

    /**
     * Appends {@code c}; false when the queue is full. The sequence store that publishes it is
     * volatile, so a volatile read after it (the consumer's parked flag) is not reordered before it.
     */
    boolean offer(BlockOutput.Chunk c) {
        long t = tail.get();
        while (true) {
            int i = (int) t & mask;
            long s = sequence.get(i);
            if (s == t) {
                if (tail.compareAndSet(t, t + 1)) {
                    items[i] = c;
                    sequence.set(i, t + 1);
                    return true;
                }
                t = tail.get();
            } else if (s < t) {
                return false; // the slot still holds the chunk of the previous lap
            } else {
                t = tail.get(); // another producer took position t
            }
        }
    }

    /** The oldest published chunk, or null when there is none (consumer thread only). */
    BlockOutput.Chunk poll() {
        int i = (int) head & mask;
        if (sequence.get(i) != head + 1) {
            return null;
        }
        BlockOutput.Chunk c = items[i];
        items[i] = null;
        sequence.lazySet(i, head + items.length);
        head++;
        return c;
    }
}
