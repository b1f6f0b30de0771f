package dev.dockwire.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc calls the real kernel needs, bound with JNA direct mapping. The raw natives throw
 * {@link LastErrorException}; the static wrappers turn a failure into {@link ErrnoException} named
 * after the call and errno ({@code setns: EPERM: operation not permitted — run as root}).
 * {@code size_t}/{@code ssize_t} are Java {@code long}: dockwire runs on LP64 Linux only.
 */
public final class Libc {
    public static final int AF_NETLINK = 16;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int NETLINK_ROUTE = 0;
    /** include/uapi/linux/netlink.h: netfilter's subsystems (ctnetlink among them). */
    public static final int NETLINK_NETFILTER = 12;
    public static final int SOL_NETLINK = 270;
    /** setsockopt: the kernel attaches its error message (extack) to NLMSG_ERROR. */
    public static final int NETLINK_EXT_ACK = 11;

    /** setns(2)/unshare(2) flag for the network namespace. */
    public static final int CLONE_NEWNET = 0x40000000;

    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;

    public static final long MS_BIND = 4096;
    public static final long MS_REC = 16384;
    public static final long MS_SHARED = 1 << 20;
    public static final int MNT_DETACH = 2;

    public static final int AF_INET = 2;
    public static final int SOCK_DGRAM = 2;
    public static final int IPPROTO_ICMP = 1;
    public static final int SOL_SOCKET = 1;
    public static final int SO_RCVTIMEO = 20;
    public static final int SOL_IP = 0;
    public static final int IP_TTL = 2;
    public static final int IP_RECVERR = 11;
    public static final int IP_RECVTTL = 12;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int MSG_ERRQUEUE = 0x2000;
    public static final int SHUT_RDWR = 2;

    private static final boolean LOADED;

    static {
        boolean ok;
        try {
            Native.register(Libc.class, Platform.C_LIBRARY_NAME);
            ok = Platform.isLinux();
        } catch (UnsatisfiedLinkError e) {
            ok = false;
        }
        LOADED = ok;
    }

    private Libc() {
    }

    /** Whether libc could be bound (false off Linux). */
    public static boolean available() {
        return LOADED;
    }

    // ---- raw natives -------------------------------------------------------------------------

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int bind(int fd, byte[] addr, int addrlen) throws LastErrorException;

    static native int setsockopt(int fd, int level, int optname, int[] optval, int optlen) throws LastErrorException;

    static native long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrlen) throws LastErrorException;

    static native long recv(int fd, byte[] buf, long len, int flags) throws LastErrorException;

    static native long recvfrom(int fd, byte[] buf, long len, int flags, byte[] addr, int[] addrlen)
            throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native int setsockopt(int fd, int level, int optname, long[] optval, int optlen) throws LastErrorException;

    static native int getsockname(int fd, byte[] addr, int[] addrlen) throws LastErrorException;

    static native long recvmsg(int fd, Pointer msg, int flags) throws LastErrorException;

    static native int shutdown(int fd, int how) throws LastErrorException;

    static native int open(String path, int flags, int mode) throws LastErrorException;

    static native int setns(int fd, int nstype) throws LastErrorException;

    static native int unshare(int flags) throws LastErrorException;

    static native int mount(String source, String target, String fstype, long flags, Pointer data)
            throws LastErrorException;

    static native int umount2(String target, int flags) throws LastErrorException;

    static native int if_nametoindex(String name);

    public static native int getpid();

    /** geteuid(2): 0 when dockwire runs as root. */
    public static native int geteuid();

    // ---- checked wrappers --------------------------------------------------------------------

    private static ErrnoException error(String call, LastErrorException e) {
        return ErrnoException.of(call, e.getErrorCode());
    }

    /** socket(2). */
    public static int openSocket(int domain, int type, int protocol) {
        try {
            return socket(domain, type, protocol);
        } catch (LastErrorException e) {
            throw error("socket", e);
        }
    }

    /** bind(2) to a raw sockaddr. */
    public static void bindTo(int fd, byte[] sockaddr) {
        try {
            bind(fd, sockaddr, sockaddr.length);
        } catch (LastErrorException e) {
            throw error("bind", e);
        }
    }

    /** setsockopt(2) with an int option. */
    public static void setIntOption(int fd, int level, int name, int value) {
        try {
            setsockopt(fd, level, name, new int[] {value}, 4);
        } catch (LastErrorException e) {
            throw error("setsockopt", e);
        }
    }

    /** setsockopt(2) SO_RCVTIMEO: a blocking receive gives up with EAGAIN after {@code millis}. */
    public static void setReceiveTimeout(int fd, long millis) {
        try {
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, new long[] {millis / 1000, (millis % 1000) * 1000}, 16);
        } catch (LastErrorException e) {
            throw error("setsockopt", e);
        }
    }

    /** getsockname(2) of an AF_INET socket: its sockaddr_in (16 bytes). */
    public static byte[] localAddress(int fd) {
        byte[] sa = new byte[16];
        try {
            getsockname(fd, sa, new int[] {sa.length});
        } catch (LastErrorException e) {
            throw error("getsockname", e);
        }
        return sa;
    }

    /**
     * recvmsg(2) with a prepared {@code struct msghdr}; returns the byte count, or minus errno for
     * EAGAIN and the socket errors a receive reports (so that a reader loop can carry on), retrying
     * on EINTR.
     */
    public static int receiveMessage(int fd, Pointer msghdr, int flags) {
        while (true) {
            try {
                return (int) recvmsg(fd, msghdr, flags);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Errno.EINTR) {
                    return -e.getErrorCode();
                }
            }
        }
    }

    /** shutdown(2), ignoring ENOTCONN: wakes a thread blocked in a receive on the socket. */
    public static void shutdownSocket(int fd) {
        try {
            shutdown(fd, SHUT_RDWR);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != Errno.ENOTCONN) {
                throw error("shutdown", e);
            }
        }
    }

    /** sendto(2) of {@code len} bytes of {@code buf} to {@code sockaddr} (null: the connected/default peer). */
    public static int send(int fd, byte[] buf, int len, byte[] sockaddr) {
        try {
            return (int) sendto(fd, buf, len, 0, sockaddr, sockaddr == null ? 0 : sockaddr.length);
        } catch (LastErrorException e) {
            throw error("sendto", e);
        }
    }

    /** recv(2) into {@code buf}, retrying on EINTR; returns the byte count. */
    public static int receive(int fd, byte[] buf, int flags) {
        while (true) {
            try {
                return (int) recv(fd, buf, buf.length, flags);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Errno.EINTR) {
                    throw error("recv", e);
                }
            }
        }
    }

    /** close(2); errors other than EBADF are ignored as the kernel has released the fd anyway. */
    public static void closeFd(int fd) {
        try {
            close(fd);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EBADF) {
                throw error("close", e);
            }
        }
    }

    /** open(2) read-only, close-on-exec (a namespace file). */
    public static int openReadOnly(String path) {
        try {
            return open(path, O_RDONLY | O_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw ErrnoException.of("open " + path, e.getErrorCode());
        }
    }

    /** setns(2): moves the calling thread into the namespace {@code fd} refers to. */
    public static void enterNamespace(int fd, int nstype) {
        try {
            setns(fd, nstype);
        } catch (LastErrorException e) {
            throw error("setns", e);
        }
    }

    /** unshare(2) for the calling thread. */
    public static void unshareThread(int flags) {
        try {
            unshare(flags);
        } catch (LastErrorException e) {
            throw error("unshare", e);
        }
    }

    /** mount(2) without data; returns the errno (0 on success) so callers can retry on EINVAL as iproute2 does. */
    public static int tryMount(String source, String target, String fstype, long flags) {
        try {
            mount(source, target, fstype, flags, null);
            return 0;
        } catch (LastErrorException e) {
            return e.getErrorCode();
        }
    }

    /** umount2(2); returns the errno (0 on success). */
    public static int tryUmount(String target, int flags) {
        try {
            umount2(target, flags);
            return 0;
        } catch (LastErrorException e) {
            return e.getErrorCode();
        }
    }

    /** if_nametoindex(3) in the calling thread's namespace; 0 when there is no such device. */
    public static int ifNameToIndex(String name) {
        return if_nametoindex(name);
    }
}
