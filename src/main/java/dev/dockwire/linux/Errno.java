package dev.dockwire.linux;

import java.util.Map;

/**
 * Linux errno values by name (asm-generic/errno-base.h, errno.h) with glibc's strerror text, for
 * the errors dockwire can meet from libc and rtnetlink. Unknown numbers print as {@code errno N}.
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int ENOTDIR = 20;
    public static final int EINVAL = 22;
    public static final int EMFILE = 24;
    /** br_add_if's answer when a bridge has every port number in use (BR_MAX_PORTS). */
    public static final int EXFULL = 54;
    public static final int ENOSPC = 28;
    public static final int ERANGE = 34;
    public static final int ENOBUFS = 105;
    public static final int EOPNOTSUPP = 95;
    public static final int EAFNOSUPPORT = 97;
    public static final int EADDRINUSE = 98;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ENETUNREACH = 101;
    public static final int ENETDOWN = 100;
    public static final int ENOTCONN = 107;
    public static final int EHOSTUNREACH = 113;
    public static final int EMSGSIZE = 90;
    public static final int EPROTONOSUPPORT = 93;

    private record Entry(String name, String text) {
    }

    private static final Map<Integer, Entry> TABLE = Map.ofEntries(
            Map.entry(EPERM, new Entry("EPERM", "Operation not permitted")),
            Map.entry(ENOENT, new Entry("ENOENT", "No such file or directory")),
            Map.entry(ESRCH, new Entry("ESRCH", "No such process")),
            Map.entry(EINTR, new Entry("EINTR", "Interrupted system call")),
            Map.entry(EBADF, new Entry("EBADF", "Bad file descriptor")),
            Map.entry(EAGAIN, new Entry("EAGAIN", "Resource temporarily unavailable")),
            Map.entry(ENOMEM, new Entry("ENOMEM", "Cannot allocate memory")),
            Map.entry(EACCES, new Entry("EACCES", "Permission denied")),
            Map.entry(EBUSY, new Entry("EBUSY", "Device or resource busy")),
            Map.entry(EEXIST, new Entry("EEXIST", "File exists")),
            Map.entry(ENODEV, new Entry("ENODEV", "No such device")),
            Map.entry(ENOTDIR, new Entry("ENOTDIR", "Not a directory")),
            Map.entry(EINVAL, new Entry("EINVAL", "Invalid argument")),
            Map.entry(EMFILE, new Entry("EMFILE", "Too many open files")),
            Map.entry(EXFULL, new Entry("EXFULL", "Exchange full")),
            Map.entry(ENOSPC, new Entry("ENOSPC", "No space left on device")),
            Map.entry(ERANGE, new Entry("ERANGE", "Numerical result out of range")),
            Map.entry(ENOBUFS, new Entry("ENOBUFS", "No buffer space available")),
            Map.entry(EOPNOTSUPP, new Entry("EOPNOTSUPP", "Operation not supported")),
            Map.entry(EAFNOSUPPORT, new Entry("EAFNOSUPPORT", "Address family not supported by protocol")),
            Map.entry(EADDRINUSE, new Entry("EADDRINUSE", "Address already in use")),
            Map.entry(EADDRNOTAVAIL, new Entry("EADDRNOTAVAIL", "Cannot assign requested address")),
            Map.entry(ENETDOWN, new Entry("ENETDOWN", "Network is down")),
            Map.entry(ENETUNREACH, new Entry("ENETUNREACH", "Network is unreachable")),
            Map.entry(ENOTCONN, new Entry("ENOTCONN", "Transport endpoint is not connected")),
            Map.entry(EHOSTUNREACH, new Entry("EHOSTUNREACH", "No route to host")),
            Map.entry(EMSGSIZE, new Entry("EMSGSIZE", "Message too long")),
            Map.entry(EPROTONOSUPPORT, new Entry("EPROTONOSUPPORT", "Protocol not supported")));

    private Errno() {
    }

    /** The symbolic name ({@code EEXIST}), or {@code errno N}. */
    public static String name(int errno) {
        Entry e = TABLE.get(errno);
        return e != null ? e.name() : "errno " + errno;
    }

    /** glibc's strerror text ({@code File exists}), as iproute2 prints after "RTNETLINK answers:". */
    public static String strerror(int errno) {
        Entry e = TABLE.get(errno);
        return e != null ? e.text() : "Unknown error " + errno;
    }

    /**
     * A libc call's failure as one line: {@code EPERM: operation not permitted — run as root}; the
     * hint is added for the errors that mean dockwire lacks privilege.
     */
    public static String describe(int errno) {
        String text = strerror(errno);
        String line = name(errno) + ": " + Character.toLowerCase(text.charAt(0)) + text.substring(1);
        return errno == EPERM || errno == EACCES ? line + " — run as root" : line;
    }
}
