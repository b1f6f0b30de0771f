package dev.dockwire.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The one background thread that writes full capture chunks to their files, in the order they
 * were handed over, so the emulation's thread never waits in a {@code write(2)} while the other
 * chunk is being filled. A chunk goes back to its owner's free queue when written; a write error
 * is kept for the owner to report. Daemon: it never keeps the process alive.
 */
final class ChunkWriter {
    private static final ArrayBlockingQueue<BlockOutput.Chunk> PENDING = new ArrayBlockingQueue<>(256);

    static {
        Thread t = new Thread(ChunkWriter::run, "dockwire-capture-writer");
        t.setDaemon(true);
        t.start();
    }

    private ChunkWriter() {
    }

    static void submit(BlockOutput.Chunk chunk) {
        boolean interrupted = false;
        while (true) {
            try {
                PENDING.put(chunk);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run() {
        while (true) {
            BlockOutput.Chunk c;
            try {
                c = PENDING.take();
            } catch (InterruptedException e) {
                continue;
            }
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
            owner.free.add(c);
        }
    }
}
