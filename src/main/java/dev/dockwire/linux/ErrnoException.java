package dev.dockwire.linux;

import dev.dockwire.kernel.KernelException;

/** A failed libc or rtnetlink call, carrying the errno the kernel returned. */
public final class ErrnoException extends KernelException {
    private final int errno;

    public ErrnoException(int errno, String message) {
        super(message);
        this.errno = errno;
    }

    /** A libc call that failed: {@code setns: EPERM: operation not permitted — run as root}. */
    public static ErrnoException of(String call, int errno) {
        return new ErrnoException(errno, call + ": " + Errno.describe(errno));
    }

    public int errno() {
        return errno;
    }
}
