package dev.dockwire.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;

/**
 * The one background thread that writes full capture chunks to their files, in the order they
 * were handed over, so the emulation's thread never waits in a {@code write(2)} while its other
 * chunks are being filled (dumpcap's split of capturing and writing). A hand-over is one offer to
 * a lock-free queue ({@link ChunkQueue}) and, only when the writer has gone to sleep for want of
 * work, one {@code unpark}. A chunk goes back to its owner's ring when written
 * ({@link BlockOutput#recycle}); a write error is kept for the owner to report. Daemon: it never
 * keeps the process alive.
 */
final class ChunkWriter {
    /** Chunks in flight over all files; an offer past it waits, as a full ring does. */
    private static final int PENDING_CAPACITY = 1024;
    private static final ChunkQueue PENDING = new ChunkQueue(PENDING_CAPACITY);
    /** Set by the writer before it parks and re-checks the queue; read by producers after they offer. */
    private static volatile boolean parked;
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

    private static void run() {
        while (true) {
            BlockOutput.Chunk c = PENDING.poll();
            if (c == null) {
                parked = true;
                c = PENDING.poll();
                if (c == null) {
                    LockSupport.park(ChunkWriter.class);
                    Thread.interrupted(); // nobody should interrupt this thread; park must not spin if someone did
                }
                parked = false;
            }
            if (c != null) {
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
