package dev.dockwire.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;

/**
 * The one background thread that writes full capture chunks to their files, in the order they
 * were handed over, so the emulation's thread never waits in a {@code write(2)} while its other
 * chunks are being filled (dumpcap's split of capturing and writing). A hand-over is one offer to
 * a lock-free queue ({@link ChunkQueue}) and, only when the writer has gone to sleep for good,
 * one {@code unpark}. A chunk goes back to its owner's ring when written
 * ({@link BlockOutput#recycle}); a write error is kept for the owner to report. Daemon: it never
 * keeps the process alive.
 *
 * <p>While chunks keep coming the writer finds the queue empty between them and naps
 * ({@link #NAP_NANOS}), waking by its own timer, instead of parking for an {@code unpark} from
 * the capturing thread: measured in issue 22, that {@code unpark} (a futex wake for every
 * 256 KiB chunk, about 1,300 a second on the bridged benchmark) was the forwarding thread's one
 * system call, and its profile (on a loaded machine) showed the thread switched out inside it
 * ({@code schedule} under the futex wake). After
 * {@link #NAPS} naps without work (a quiet capture, an idle shell) it parks until handed a chunk,
 * and uses no CPU; {@link #wake} cuts a nap short where a caller waits for the writer.
 */
final class ChunkWriter {
    /** Chunks in flight over all files; an offer past it waits, as a full ring does. */
    private static final int PENDING_CAPACITY = 1024;
    private static final ChunkQueue PENDING = new ChunkQueue(PENDING_CAPACITY);
    /** Set by the writer before it parks and re-checks the queue; read by producers after they offer. */
    private static volatile boolean parked;
    /**
     * A nap between chunks: about two chunks' time at ten million frames a second (256 KiB of
     * 104-byte blocks in about 250 µs), so a busy writer wakes less often than a chunk is handed
     * over and writes what came meanwhile in one go; a ring of 64 chunks holds some thirty naps'
     * worth, so the capturing thread never waits on one. Measured in issue 22 (session 20,
     * {@code bench.CaptureCompared -Dwall=true}, alternated, both orders, a loaded machine): 2-ms
     * naps woke the writer a fifth as often but made the forwarding thread 2.0–2.7x slower in wall
     * time (its CPU per frame unchanged); 100 and 200 µs were no better than 500.
     */
    static final long NAP_NANOS = 500_000L;
    /**
     * Naps without work before the writer parks for good: 2.5–3 ms of nothing to write, longer
     * than a chunk takes to fill down to about a million frames a second; a live shell's flush
     * every 100 ms costs it some 5 wake-ups.
     */
    static final int NAPS = 5;
    private static final Thread WRITER = new Thread(ChunkWriter::run, "dockwire-capture-writer");

    static {
        WRITER.setDaemon(true);
        WRITER.start();
    }

    private ChunkWriter() {
    }

    /**
     * Hands {@code chunk} to the writer thread. Waits only while every slot of the queue is taken
     * (the writer is {@value #PENDING_CAPACITY} chunks behind): a capture never drops what it was given.
     */
    static void submit(BlockOutput.Chunk chunk) {
        while (!PENDING.offer(chunk)) {
            LockSupport.unpark(WRITER);
            LockSupport.parkNanos(100_000L);
        }
        // Dekker with run(): the offer's volatile store, then this volatile read; the writer sets
        // parked, then polls. Either it sees the chunk or we see it parked.
        if (parked) {
            LockSupport.unpark(WRITER);
        }
    }

    /** Ends the writer's nap or park now: for a caller about to wait for chunks to be written. */
    static void wake() {
        LockSupport.unpark(WRITER);
    }

    private static void run() {
        int naps = 0;
        while (true) {
            BlockOutput.Chunk c = PENDING.poll();
            if (c == null && naps < NAPS) {
                naps++;
                LockSupport.parkNanos(ChunkWriter.class, NAP_NANOS);
                Thread.interrupted(); // nobody should interrupt this thread; park must not spin if someone did
                continue;
            }
            if (c == null) {
                parked = true;
                c = PENDING.poll();
                if (c == null) {
                    LockSupport.park(ChunkWriter.class);
                    Thread.interrupted();
                }
                parked = false;
            }
            if (c != null) {
                naps = 0;
                write(c);
            }
        }
    }

    private static void write(BlockOutput.Chunk c) {
        BlockOutput owner = c.owner;
        if (owner.error == null) {
            ByteBuffer view = c.view;
            view.clear().limit(c.length);
            try {
                while (view.hasRemaining()) {
                    owner.channel.write(view);
                }
            } catch (IOException | RuntimeException e) {
                owner.error = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
        owner.recycle(c);
    }
}
