package dev.dockwire.kernel;

/**
 * A running capture, as {@link Kernel#capture} starts it ({@code tcpdump -i DEV -w FILE}):
 * closing it stops capturing and closes its {@link CaptureSink}.
 */
public interface Capture extends AutoCloseable {
    /**
     * Captures device {@code dev} of namespace {@code ns} too, as a further interface of the same
     * recording (a restarted container's new {@code lo} in the file of its first).
     */
    void attach(String ns, String dev);

    /** Frames written to the sink so far. */
    long captured();

    /**
     * Frames lost before the sink for want of buffer space, as tcpdump's {@code N packets dropped
     * by kernel}: none where frames are handed over synchronously.
     */
    default long dropped() {
        return 0;
    }

    /** The error that stopped this capture (it is then closed), or null. */
    RuntimeException failure();

    @Override
    void close();
}
