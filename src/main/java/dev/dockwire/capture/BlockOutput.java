package dev.dockwire.capture;

import io.netty.buffer.ByteBuf;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * The little-endian output buffer under both file writers: blocks are assembled in a
 * preallocated chunk, and full chunks go to the channel on the {@link ChunkWriter} thread while
 * the emulation fills the next one (as dumpcap keeps file I/O off the capturing path). The chunks
 * form a ring of at most {@link #MAX_CHUNKS}, made as they are first needed (a quiet file keeps
 * one or two): handing one over is a queue offer, taking a written one back a volatile read, and
 * the capturing thread waits only when all of them are still being written, so a busy file rides
 * out a slow {@code write(2)} and nothing is ever dropped. The bytes and their order are exactly
 * those written; {@link #flush} returns once everything handed over so far is in the channel.
 * Appending a frame is stores and one copy into the chunk's native memory, and allocates nothing.
 * Not thread-safe: one thread at a time writes a file.
 *
 * <p>Why not a memory-mapped file (one copy, no {@code write(2)}): measured in issue 22, the
 * forwarding thread then writes each frame into cold page-cache lines and takes (or waits for)
 * the filesystem's write faults, about 20 ns more CPU per captured frame than filling a hot
 * chunk; the copy {@code write(2)} makes is on the writer thread, off the critical path. Measured
 * again in session 17 with every page of the next 16 MiB window faulted in ahead by a thread of
 * its own (commit b04ce1ab, reverted after it): the forwarding thread's stores still go to new
 * memory where a chunk of the ring is reused from its cache (1.0–1.4x this writer's CPU per
 * frame), it waits for the next window on a busy machine (1.4–1.7 Mpps against 5.9–6.1), the
 * page-cache cost moves into page faults rather than going away (the process's CPU per frame
 * 133–159 ns against 103–116), and a file read between flushes ends in zeros that tcpdump and
 * tshark stop at with an error, where this writer's file is whole blocks at any time.
 *
 * <p>Why native chunks (session 22): a heap chunk's {@code write(2)} went through the JDK's
 * temporary direct buffer, so the writer thread copied every byte twice (into that buffer, then
 * into the page cache), and on a quiet machine the writer's copies running on the other core are
 * what slows the forwarding thread (session 21: 55-70 ns per frame with neither waiting). Filled
 * with plain stores at an address ({@code PlatformDependent}, no index checks: a claimed block's
 * length is the bound) rather than session 14's Netty view ({@code setLongLE}, {@code getBytes}
 * into an unsafe direct buffer, 3–8% more forwarding-thread CPU than byte-array stores), they cost
 * the forwarding thread less than the heap chunks did, and the writer makes one copy. Measured in
 * issue 22 (session 22, load 17-31): {@code PcapngWriter.write} alone 9.5–11.1 ns per 60-byte
 * frame against 12.1–13.1 ({@code bench.PcapngWriteCost}); the forwarding thread's CPU per frame
 * with capture on against heap chunks, alternated in one JVM ({@code bench.CaptureCompared}),
 * 0.92–0.99 with this build loaded second and 0.98 in three rounds with it loaded first (a
 * fourth, at load 17-19, 1.39), and pinned under
 * {@code nice -n -20} ({@code -Dpin=true}) 0.986 and 0.992; capture on then kept 78.0–81.9% of
 * off's rate (pinned, four rounds) where heap chunks kept 67.6–77.1% (four rounds). What the
 * writer thread does is now the kernel's page-cache work: a 256 KiB {@code pwrite(2)} into a
 * file cut back every 128 MiB ({@code bench.StepFile}) costs it 19–24 ns of CPU per 104-byte
 * block from native memory, 23–28 from a heap buffer (a hot one: the temporary copy costs more
 * when it reads a chunk the other core has just written).
 *
 * <p>Why not {@code O_DIRECT} (no page-cache copy at all): this machine's disk took 256 KiB
 * direct writes at 219–351 MB/s ({@code dd oflag=direct}, one at a time, load 16), against the
 * 0.7–1.5 GB/s a capture of the bridged benchmark writes (104 bytes a frame at 7–14 Mpps): the
 * ring would fill and the forwarding thread wait for the disk; a buffered write took 864 MB/s.
 */
final class BlockOutput {
    /** Plain stores to native memory are in this host's order: swapped on a big-endian one, so files are little-endian. */
    private static final boolean SWAP = PlatformDependent.BIG_ENDIAN_NATIVE_ORDER;

    static {
        if (!PlatformDependent.hasUnsafe()) {
            throw new ExceptionInInitializerError("capture files need sun.misc.Unsafe (Netty's PlatformDependent): "
                    + PlatformDependent.getUnsafeUnavailabilityCause());
        }
    }

    /**
     * A busy file's ring: the writer may lag this many chunks (16 MiB, about 13 ms of 60-byte
     * frames at twelve million a second) before the capture waits. Measured in issue 22 (session
     * 18): the writer thread stalls for milliseconds at a time through no fault of its own
     * (dropping 128 MiB of dirty page cache, as the benchmark's step file does, took 5–8 ms here; a
     * 256 KiB {@code write(2)}, 35–43 µs as a rule, took 0.7–34 ms at worst per 128 MiB; a loaded
     * machine preempts it), and a ring of 16 chunks (3.4 ms at that rate) made the forwarding
     * thread wait in {@link #awaitRecycled} for 8–20% of its wall time on the bridged benchmark
     * with other work running; with 64, not once. Its CPU time does not show it (a wait is parked,
     * not busy); a rate does. The chunks are made only when the writer lags, so a quiet file still
     * keeps one or two.
     */
    static final int MAX_CHUNKS = 64;
    /**
     * The ring a busy file makes at once and then cycles oldest first ({@link #nextChunk}): 4 MiB,
     * so that the chunk taken again was read by the writer thread 15 chunks ago and its lines have
     * left both cores' caches.
     */
    static final int BUSY_CHUNKS = 16;
    /** A file that fills two chunks in a row faster than this many nanoseconds a byte (256 MiB a second) is busy. */
    static final long BUSY_NANOS_PER_BYTE = 4;

    final WritableByteChannel channel;
    /** The first write error of the writer thread, reported on the caller's next call. */
    volatile IOException error;
    private final int capacity;
    /** Written chunks: the writer puts the n-th it gives back in slot {@code n % MAX_CHUNKS}, after those not yet taken. */
    private final Chunk[] free = new Chunk[MAX_CHUNKS];
    /** Chunks the writer has given back (written only by the writer thread). */
    private volatile long recycled;
    /** The thread waiting in {@link #awaitRecycled}, or null: the writer unparks it. */
    private volatile Thread waiter;
    /** Chunks taken from {@link #free}, chunks handed over, chunks made. */
    private long taken;
    private long handed;
    private int made;
    /** When the last full chunk was handed over, if no flush came after it; whether the file is busy. */
    private long lastFull;
    private boolean fullBefore;
    private boolean busy;
    private Chunk chunk;
    /** Every chunk made, for {@link #close} to free their memory. */
    private final Chunk[] all = new Chunk[MAX_CHUNKS];
    /**
     * The current chunk's address (0 without a chunk), the next position in it and where it ends
     * (0 without a chunk): a block claimed at position {@code p} is written at {@code base + p}.
     */
    long base;
    private int pos;
    private int limit;
    private boolean closed;

    /**
     * A buffer of native memory and how much of it is filled, owned by one side at a time: the
     * writer hands {@link #view} to {@code FileChannel.write} as it is, where a heap buffer is
     * first copied into the JDK's temporary direct buffer (sun.nio.ch.IOUtil) and the kernel then
     * copies it again into the page cache.
     */
    static final class Chunk {
        final BlockOutput owner;
        /** The allocation, freed at close (a slice cannot be). */
        private final ByteBuffer memory;
        /** The chunk: {@link #memory} from its first 64-byte boundary, at least the capacity asked for. */
        final ByteBuffer view;
        /** Another view of the chunk, for copying a frame that has neither an array nor an address. */
        final ByteBuffer fill;
        final long address;
        int length;

        Chunk(BlockOutput owner, int capacity) {
            this.owner = owner;
            int lines = (capacity + 63) & ~63;
            this.memory = ByteBuffer.allocateDirect(lines + 63);
            this.view = memory.alignedSlice(64);
            this.fill = view.duplicate();
            this.address = PlatformDependent.directBufferAddress(view);
        }

        void free() {
            PlatformDependent.freeDirectBuffer(memory);
        }
    }

    BlockOutput(WritableByteChannel channel, int capacity) {
        this.channel = channel;
        this.capacity = capacity;
        nextChunk();
    }

    /** Makes room for a block of {@code n} bytes, handing the chunk over first when it would not fit. */
    void reserve(int n) {
        if (pos + n > limit) {
            makeRoom(n);
        }
    }

    /**
     * Room for a block of {@code n} bytes, claimed: returns where in {@link #buf} (read after this
     * call) it starts; the caller writes all {@code n} bytes there with the absolute puts.
     */
    int claim(int n) {
        int p = pos;
        if (p + n > limit) {
            makeRoom(n);
            p = pos;
        }
        pos = p + n;
        return p;
    }

    private void makeRoom(int n) {
        if (closed) {
            throw new IllegalStateException("capture file is closed");
        }
        if (n > capacity) {
            throw new IllegalArgumentException("block of " + n + " bytes exceeds the " + capacity + "-byte buffer");
        }
        if (chunk != null && !busy) { // a full chunk (a flush hands over the others)
            long now = System.nanoTime();
            busy = fullBefore && now - lastFull < capacity * BUSY_NANOS_PER_BYTE;
            lastFull = now;
            fullBefore = true;
        }
        handOver();
        if (chunk == null) {
            nextChunk();
        }
    }

    /*
     * The absolute stores: little-endian at an address inside a block claimed with claim(). No
     * bounds are checked here: claim's length is the block's.
     */

    static void putShort(long address, int v) {
        PlatformDependent.putShort(address, SWAP ? Short.reverseBytes((short) v) : (short) v);
    }

    static void putInt(long address, int v) {
        PlatformDependent.putInt(address, SWAP ? Integer.reverseBytes(v) : v);
    }

    static void putLong(long address, long v) {
        PlatformDependent.putLong(address, SWAP ? Long.reverseBytes(v) : v);
    }

    /**
     * Copies {@code len} bytes of {@code frame} from {@code index} to position {@code at} of a
     * block claimed with {@link #claim}; the frame's indices stay put. A heap frame (link.Frames)
     * is one copy without {@code getBytes}' index checks, which the claimed block makes redundant.
     */
    void copy(ByteBuf frame, int index, int at, int len) {
        if (frame.hasArray()) {
            PlatformDependent.copyMemory(frame.array(), frame.arrayOffset() + index, base + at, len);
        } else if (frame.hasMemoryAddress()) {
            PlatformDependent.copyMemory(frame.memoryAddress() + index, base + at, len);
        } else {
            ByteBuffer fill = chunk.fill;
            fill.clear().position(at).limit(at + len);
            frame.getBytes(index, fill);
        }
    }

    /** The address of the next {@code n} bytes of the block being appended to, which must have room for them. */
    private long next(int n) {
        if (pos + n > limit) {
            throw new IllegalStateException("block overruns its reservation: " + n + " bytes at " + pos + " of " + limit);
        }
        long a = base + pos;
        pos += n;
        return a;
    }

    void putShort(int v) {
        putShort(next(2), v);
    }

    void putInt(int v) {
        putInt(next(4), v);
    }

    void putLong(long v) {
        putLong(next(8), v);
    }

    /** Copies {@code len} bytes of {@code frame} from {@code index}; the frame's indices stay put. */
    void putBytes(ByteBuf frame, int index, int len) {
        int at = pos;
        next(len);
        copy(frame, index, at, len);
    }

    void putBytes(byte[] bytes) {
        PlatformDependent.copyMemory(bytes, 0, next(bytes.length), bytes.length);
    }

    /** Zero bytes up to the next multiple of 4 after {@code len} written bytes (pcapng padding). */
    void pad(int len) {
        int n = padding(len);
        long a = next(n);
        for (int i = 0; i < n; i++) {
            PlatformDependent.putByte(a + i, (byte) 0);
        }
    }

    static int padding(int len) {
        return -len & 3;
    }

    static int padded(int len) {
        return (len + 3) & ~3;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Gives the filled chunk to the writer thread; the next block takes another. */
    private void handOver() {
        checkError();
        if (pos == 0 || chunk == null) {
            return;
        }
        chunk.length = pos;
        Chunk c = chunk;
        chunk = null;
        base = 0;
        pos = 0;
        limit = 0;
        handed++;
        ChunkWriter.submit(c);
    }

    /**
     * A quiet file's next chunk: the written chunk given back last (still in this core's cache;
     * the writer only appends past the chunks not yet taken, so they may be reordered here), a new
     * one while the ring is not full, else the next one the writer gives back. A busy file first
     * makes {@link #BUSY_CHUNKS} and then takes the one given back longest ago.
     *
     * <p>Why the oldest of 16 for a busy file: the writer thread on the other core reads every line
     * of a chunk ({@code write(2)}'s copy), and the capturing thread writing those lines again
     * while the writer's core still holds them pays an invalidation for each, where lines that
     * left both cores' caches are plain sequential misses the prefetcher covers. Measured in issue
     * 22 (session 22, {@code bench.CaptureCompared -Dpin=true} under {@code nice -n -20}, the
     * forwarding thread and the writer on cores of their own, load 25-28), the forwarding thread's
     * CPU per frame against the newest chunk's: the oldest of 8, 0.955 and 0.935 (each build loaded
     * second and first); of 16, 0.961 and 0.894, and as this method does it 0.840 and 0.966; of 32
     * against 16, 0.840 and 1.017 (no better: capture on kept 81.7% of off with 32, 87.2% with 16
     * in the next run). With 16, capture on kept 80.2–87.2% of off's rate in six pinned rounds
     * (load 18-31), where the newest of a ring of native chunks kept 78.0–81.9% and heap chunks
     * 67.6–77.1%. The writer reading each line costs the forwarding thread that much:
     * {@code CapturedPath}'s touch mode kept 64% of capture off's rate where discard, which reads
     * nothing, kept 86%. Session 21 measured the oldest of at least four
     * unpinned and under load (B/A 0.986 and 0.978): a megabyte of the writer's copying ago, and
     * other work sharing both cores, hid it. A quiet file keeps the newest: one or two chunks, not 4 MiB.
     */
    private void nextChunk() {
        Chunk c;
        long r = recycled;
        if (busy && made < BUSY_CHUNKS) {
            c = newChunk();
        } else if (taken < r) {
            c = busy ? takeOldest() : takeNewest(r);
        } else if (made < MAX_CHUNKS) {
            c = newChunk();
        } else {
            awaitRecycled(taken + 1);
            c = busy ? takeOldest() : takeNewest(recycled);
        }
        chunk = c;
        base = c.address;
        pos = 0;
        limit = capacity;
    }

    private Chunk newChunk() {
        Chunk c = new Chunk(this, capacity);
        all[made++] = c;
        return c;
    }

    /** The chunk given back longest ago: the writer appends them in the order it writes them. */
    private Chunk takeOldest() {
        Chunk c = free[(int) (taken % MAX_CHUNKS)];
        taken++;
        return c;
    }

    private Chunk takeNewest(long r) {
        int oldest = (int) (taken % MAX_CHUNKS);
        int newest = (int) ((r - 1) % MAX_CHUNKS);
        Chunk c = free[newest];
        free[newest] = free[oldest];
        taken++;
        return c;
    }

    /** Chunks made so far (a quiet file one or two, a file whose writer lags up to {@link #MAX_CHUNKS}). */
    int chunksMade() {
        return made;
    }

    /** The writer thread's side: {@code c} is written (or failed); it goes back to the ring. */
    void recycle(Chunk c) {
        long n = recycled;
        free[(int) (n % MAX_CHUNKS)] = c;
        recycled = n + 1; // volatile: publishes the slot, and orders the read of waiter after it
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** Waits until the writer has given back {@code n} chunks in all. */
    private void awaitRecycled(long n) {
        if (recycled >= n) {
            return;
        }
        boolean interrupted = false;
        waiter = Thread.currentThread();
        ChunkWriter.wake(); // not at its next nap's end: someone waits
        try {
            while (recycled < n) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted(); // park returns at once while the flag is set
            }
        } finally {
            waiter = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes everything so far to the channel and waits until it is there. */
    void flush() {
        fullBefore = false;
        handOver();
        // Every chunk handed over coming back means the writer is done with this file.
        awaitRecycled(handed);
        checkError();
    }

    private void checkError() {
        IOException e = error;
        if (e != null) {
            throw new UncheckedIOException("cannot write capture file: " + e.getMessage(), e);
        }
    }

    /** Opens {@code path} for writing, creating or truncating it. */
    static FileChannel openFile(Path path) {
        try {
            return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open capture file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Flushes and closes the channel, and frees the chunks; a second call does nothing. */
    void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            chunk = null; // the next block finds no room and is refused
            base = 0;
            pos = 0;
            limit = 0;
            if (recycled == handed) { // none is with the writer (a failed hand-over leaves them to the GC)
                for (int i = 0; i < made; i++) {
                    all[i].free();
                    all[i] = null;
                }
            }
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close capture file: " + e.getMessage(), e);
            }
        }
    }
}
