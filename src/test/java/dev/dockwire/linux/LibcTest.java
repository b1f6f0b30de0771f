package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LibcTest {
    @Test
    void errnoIsNamedAndRootIsSuggestedForPermissionErrors() {
        assertEquals("EPERM: operation not permitted — run as root", Errno.describe(Errno.EPERM));
        assertEquals("EEXIST: file exists", Errno.describe(Errno.EEXIST));
        assertEquals("File exists", Errno.strerror(17));
        assertEquals("errno 4242", Errno.name(4242));
        assertEquals("setns: EBADF: bad file descriptor", ErrnoException.of("setns", Errno.EBADF).getMessage());
    }

    @Test
    void callsReachLibc() {
        Assumptions.assumeTrue(Libc.available(), "libc not loadable (not Linux)");
        assertEquals(ProcessHandle.current().pid(), Libc.getpid());
        assertEquals(0, Libc.ifNameToIndex("dw-no-such-device"));
        ErrnoException e = assertThrows(ErrnoException.class, () -> Libc.enterNamespace(-1, Libc.CLONE_NEWNET));
        assertEquals(Errno.EBADF, e.errno());
        assertEquals("open /nonexistent/dw: ENOENT: no such file or directory",
                assertThrows(ErrnoException.class, () -> Libc.openReadOnly("/nonexistent/dw")).getMessage());
        int fd = Libc.openSocket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, Libc.NETLINK_ROUTE);
        assertTrue(fd > 2);
        Libc.closeFd(fd);
    }
}
