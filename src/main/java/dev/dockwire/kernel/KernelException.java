package dev.dockwire.kernel;

/**
 * A kernel call that failed, worded like iproute2 reports it ({@code RTNETLINK answers: File exists}),
 * or like the netfilter tool that was run (its stderr); {@link #status()} is that tool's exit status.
 * The real kernel subclasses it to carry the errno ({@code linux.ErrnoException}).
 */
public class KernelException extends RuntimeException {
    private final int status;

    public KernelException(String message) {
        this(message, 1);
    }

    public KernelException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The exit status of the command the call mirrors. */
    public int status() {
        return status;
    }
}
