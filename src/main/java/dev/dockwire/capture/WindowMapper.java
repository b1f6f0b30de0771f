package dev.dockwire.capture;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * The one background thread that maps the next window of every {@link MappedOutput} and faults in
 * its pages, in the order asked, so the emulation's thread neither waits in {@code mmap(2)} and
 * {@code fallocate(2)} nor takes a page fault per 4 KiB of capture. Daemon: it never keeps the
 * process alive.
 */
final class WindowMapper {
    private static final ArrayBlockingQueue<MappedOutput> PENDING = new ArrayBlockingQueue<>(256);

    static {
        Thread t = new Thread(WindowMapper::run, "dockwire-capture-mapper");
        t.setDaemon(true);
        t.start();
    }

    private WindowMapper() {
    }

    static void submit(MappedOutput output) {
        boolean interrupted = false;
        while (true) {
            try {
                PENDING.put(output);
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
            try {
                PENDING.take().prepareNext();
            } catch (InterruptedException e) {
                // a daemon: only the process's end stops it
            }
        }
    }
}
