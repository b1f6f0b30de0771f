package dev.dockwire.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The ring of chunks under the capture writers and its hand-over to the writer thread: every byte
 * reaches the channel once and in order however the writer keeps pace (at once, slowly, stopped),
 * a flush waits for exactly what was handed over, a full ring makes the capturing thread wait
 * rather than drop, several files on several threads share the writer. Each test has a deadline:
 * a lost wake-up fails instead of hanging the build.
 */
class BlockOutputTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** Keeps what it is given; optionally takes {@code permits} before each write (a stalled disk). */
    private static final class Recording implements WritableByteChannel {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger writes = new AtomicInteger();
        final Semaphore permits;
        final long delayNanos;

        Recording(Semaphore permits, long delayNanos) {
            this.permits = permits;
            this.delayNanos = delayNanos;
        }

        Recording() {
            this(null, 0);
        }

        @Override
        public int write(ByteBuffer src) {
            if (permits != null) {
                permits.acquireUninterruptibly();
            }
            if (delayNanos > 0) {
                long end = System.nanoTime() + delayNanos;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
            int n = src.remaining();
            byte[] b = new byte[n];
            src.get(b);
            synchronized (bytes) {
                bytes.write(b, 0, n);
            }
            writes.incrementAndGet();
            return n;
        }

        byte[] bytes() {
            synchronized (bytes) {
                return bytes.toByteArray();
            }
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** Blocks of seeded lengths and contents into {@code out}, flushing now and then; returns what was written. */
    private static byte[] writeBlocks(BlockOutput out, long seed, int blocks, int flushEvery) {
        Random r = new Random(seed);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < blocks; i++) {
            int n = 4 + 4 * r.nextInt(200);
            int p = out.claim(n);
            for (int k = 0; k < n; k += 4) {
                int v = r.nextInt();
                BlockOutput.putInt(out.base + p + k, v);
                expected.write(v);
                expected.write(v >>> 8);
                expected.write(v >>> 16);
                expected.write(v >>> 24);
            }
            if (flushEvery > 0 && r.nextInt(flushEvery) == 0) {
                out.flush();
            }
        }
        return expected.toByteArray();
    }

    @Test
    void everyByteOnceAndInOrderWhenTheWriterKeepsPace() {
        assertTimeoutPreemptively(DEADLINE, () -> {
            Recording ch = new Recording();
            BlockOutput out = new BlockOutput(ch, 4096);
            byte[] expected = writeBlocks(out, 1, 200_000, 0);
            out.close();
            assertArrayEquals(expected, ch.bytes());
            assertTrue(ch.writes.get() > 1000, "many chunks handed over: " + ch.writes.get());
        });
    }

    /**
     * The writer naps between chunks and, after {@link ChunkWriter#NAPS} naps without work, parks
     * for good (no CPU while nothing is captured): a chunk handed over without a flush is written
     * either way, by the nap's own timer or by the hand-over's {@code unpark} of the parked writer.
     * A writer that never parked for good, or a lost wake-up, runs into the deadline.
     */
    @Test
    void aChunkHandedOverIsWrittenWithoutAFlushWhetherTheWriterNapsOrHasParked() {
        assertTimeoutPreemptively(DEADLINE, () -> {
            Recording ch = new Recording();
            BlockOutput out = new BlockOutput(ch, 1024);
            ChunkWriter.wake(); // the writer thread starts with the class
            Thread writer = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("dockwire-capture-writer")).findFirst().orElseThrow();
            while (writer.getState() != Thread.State.WAITING) {
                Thread.sleep(1); // idle: its naps (TIMED_WAITING) end in a park without a timeout
            }
            writeBlocks(out, 3, 10, 0); // about 4 KiB in 1 KiB chunks, fewer than the ring holds: hand-overs, no flush
            while (ch.writes.get() == 0) {
                Thread.sleep(1);
            }
            int written = ch.writes.get();
            writeBlocks(out, 4, 10, 0); // most likely while it naps
            while (ch.writes.get() == written) {
                Thread.sleep(1);
            }
            out.close();
        });
    }

    @Test
    void aFileFlushedAsItGoesKeepsTwoChunks() {
        assertTimeoutPreemptively(DEADLINE, () -> {
            Recording ch = new Recording();
            BlockOutput out = new BlockOutput(ch, 4096);
            for (int i = 0; i < 500; i++) {
                writeBlocks(out, i, 10, 0);
                out.flush();
            }
            assertTrue(out.chunksMade() <= 2, "chunks made: " + out.chunksMade());
            out.close();
        });
    }

    /**
     * A busy file (full chunks back to back) cycles a ring of {@link BlockOutput#BUSY_CHUNKS} or
     * more oldest first: a chunk comes back into use only after at least {@code BUSY_CHUNKS - 1}
     * others, so the writer's core has long let go of its lines. The newest-first ring of a quiet
     * file reuses the last one or two.
     */
    @Test
    void aBusyFileCyclesItsRingOldestFirst() {
        assertTimeoutPreemptively(DEADLINE, () -> {
            Recording ch = new Recording();
            BlockOutput out = new BlockOutput(ch, 4096);
            Random r = new Random(9);
            List<Long> uses = new ArrayList<>();
            int[] sizes = new int[40_000];
            for (int i = 0; i < sizes.length; i++) { // as fast as the loop goes: busy
                int n = 4 + 4 * r.nextInt(200);
                sizes[i] = n;
                int p = out.claim(n);
                if (p == 0) {
                    uses.add(out.base);
                }
                for (int k = 0; k < n; k += 4) {
                    BlockOutput.putInt(out.base + p + k, i);
                }
            }
            out.close();
            ByteBuffer expected = ByteBuffer.allocate(sizes.length * 804).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < sizes.length; i++) {
                for (int k = 0; k < sizes[i]; k += 4) {
                    expected.putInt(i);
                }
            }
            assertArrayEquals(java.util.Arrays.copyOf(expected.array(), expected.position()), ch.bytes());
            assertTrue(out.chunksMade() >= BlockOutput.BUSY_CHUNKS, "chunks made: " + out.chunksMade());
            for (int u = uses.size() / 2; u < uses.size(); u++) {
                int back = uses.subList(0, u).lastIndexOf(uses.get(u));
                assertTrue(back < 0 || u - back >= BlockOutput.BUSY_CHUNKS,
                        "chunk " + u + " used again after " + (u - back) + " others");
            }
        });
    }

    @Test
    void flushWaitsForEverythingHandedOver() {
        assertTimeoutPreemptively(DEADLINE, () -> {
            Recording ch = new Recording(null, 20_000);
            BlockOutput out = new BlockOutput(ch, 4096);
            Random r = new Random(2);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int round = 0; round < 300; round++) {
                expected.write(writeBlocks(out, round, r.nextInt(40), 0));
                out.flush();
                assertArrayEquals(expected.toByteArray(), ch.bytes(), "after flush " + round);
            }
            out.close();
            assertArrayEquals(expected.toByteArray(), ch.bytes());
        });
    }

    @Test
    void aStalledWriterMakesTheCaptureWaitNotDrop() throws Exception {
        Semaphore disk = new Semaphore(0);
        Recording ch = new Recording(disk, 0);
        BlockOutput out = new BlockOutput(ch, 1024);
        CountDownLatch done = new CountDownLatch(1);
        byte[][] expected = new byte[1][];
        Thread capturing = new Thread(() -> {
            expected[0] = writeBlocks(out, 3, 2_000, 0); // ~800 KB: far more than the ring holds
            out.flush();
            done.countDown();
        }, "capturing");
        capturing.start();
        // The disk takes nothing: the ring fills and the capturing thread waits for it.
        assertFalse(done.await(300, TimeUnit.MILLISECONDS), "the capture waits while its ring is full");
        assertEquals(0, ch.writes.get());
        assertEquals(BlockOutput.MAX_CHUNKS, out.chunksMade(), "the ring grew to its limit, no further");
        disk.release(Integer.MAX_VALUE / 2);
        assertTrue(done.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the capture goes on once the disk does");
        capturing.join();
        out.close();
        assertArrayEquals(expected[0], ch.bytes());
    }

    @Test
    void filesOnSeveralThreadsShareTheWriter() {
        assertTimeoutPreemptively(DEADLINE, () -> {
            int files = 6;
            List<Thread> threads = new ArrayList<>();
            Recording[] channels = new Recording[files];
            byte[][] expected = new byte[files][];
            for (int f = 0; f < files; f++) {
                int id = f;
                channels[f] = new Recording(null, f % 2 == 0 ? 0 : 5_000);
                BlockOutput out = new BlockOutput(channels[f], 2048);
                threads.add(new Thread(() -> {
                    expected[id] = writeBlocks(out, 100 + id, 20_000, 500);
                    out.close();
                }, "file-" + f));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            for (int f = 0; f < files; f++) {
                assertArrayEquals(expected[f], channels[f].bytes(), "file " + f);
            }
        });
    }

    @Test
    void aWriteErrorIsReportedOnTheNextCallAndTheFileStillCloses() {
        assertTimeoutPreemptively(DEADLINE, () -> {
            AtomicInteger closed = new AtomicInteger();
            WritableByteChannel failing = new WritableByteChannel() {
                @Override
                public int write(ByteBuffer src) throws IOException {
                    throw new IOException("No space left on device");
                }

                @Override
                public boolean isOpen() {
                    return true;
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
            BlockOutput out = new BlockOutput(failing, 1024);
            writeBlocks(out, 4, 3, 0);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, out::flush);
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            assertThrows(UncheckedIOException.class, out::close);
            assertEquals(1, closed.get(), "the channel is closed even so");
            assertThrows(IllegalStateException.class, () -> out.claim(4));
        });
    }

    @Test
    void aClosedOutputRefusesBlocksEvenWithRoomLeft() {
        BlockOutput out = new BlockOutput(new Recording(), 1024);
        out.close();
        assertThrows(IllegalStateException.class, () -> out.claim(4));
        assertThrows(IllegalStateException.class, () -> out.reserve(4));
    }

    @Test
    void aBlockLargerThanAChunkIsRefused() {
        BlockOutput out = new BlockOutput(new Recording(), 1024);
        assertThrows(IllegalArgumentException.class, () -> out.claim(1028));
        out.close();
    }
}
