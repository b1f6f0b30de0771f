package dev.dockwire.kernel;

/** A kernel call that failed, worded like iproute2 reports it ({@code RTNETLINK answers: File exists}). */
public final class KernelException extends RuntimeException {
    public KernelException(String message) {
        super(message);
    }
}
