package dev.dockwire.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What SIGINT/SIGTERM does to {@code capture --real}: one shutdown hook registered before the
 * capture file or the libpcap handle is opened (as {@link UpInterrupt} is before the first
 * namespace), so no signal finds an open handle and an unfinished pcapng without a hook to close
 * them — as tcpdump installs its SIGINT handler before {@code pcap_activate}. The hook stops the
 * capture if one is running, or marks the command interrupted so that a capture opened after the
 * signal is stopped as soon as it is {@linkplain #opened opened}; then it waits for the command's
 * thread to finish the file and print tcpdump's counts before the JVM exits.
 */
final class CaptureInterrupt {
    /** How long the hook waits for the command to finish the file before the JVM exits anyway. */
    private static final long FINISH_WAIT_S = 5;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "dockwire-capture-interrupt");
    private boolean interrupted;
    private Runnable stop;

    /** A hook that is not registered (the tests drive {@link #onSignal} themselves). */
    CaptureInterrupt() {
    }

    /** Registers the hook; call before opening anything. */
    static CaptureInterrupt install() {
        CaptureInterrupt c = new CaptureInterrupt();
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    /**
     * The capture is open and {@code stop} ends it (from any thread); when a signal came while it
     * was opening, {@code stop} runs now, so the command's wait ends at once.
     */
    void opened(Runnable stop) {
        boolean now;
        synchronized (this) {
            this.stop = stop;
            now = interrupted;
        }
        if (now) {
            stop.run();
        }
    }

    /** Whether a signal has come. */
    synchronized boolean interrupted() {
        return interrupted;
    }

    /**
     * The command has finished the file (or never opened one) and returns: the hook, if running,
     * may let the JVM exit; otherwise it goes, so a JVM that runs many commands does not collect them.
     */
    void finish() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for finished, counted down above
        }
    }

    /** The signal: stop what is open, or have it stopped once open; then wait for the file. */
    void onSignal() {
        Runnable s;
        synchronized (this) {
            interrupted = true;
            s = stop;
        }
        if (s != null) {
            s.run();
        }
        try {
            finished.await(FINISH_WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
