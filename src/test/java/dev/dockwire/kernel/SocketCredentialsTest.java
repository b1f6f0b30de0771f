package dev.dockwire.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.testing.TestNet;
import org.junit.jupiter.api.Test;

/**
 * The socket layer asks the opener's credentials, state by state: a raw ICMP socket needs CAP_NET_RAW
 * (inet_create: EPERM), a ping socket a group inside the namespace's net.ipv4.ping_group_range
 * (ping_init_sock: EACCES; the kernel's default "1 0" admits nobody, Docker's "0 2147483647" every
 * group), and neither check depends on the other.
 */
class SocketCredentialsTest {
    private static final Capabilities NO_RAW = new Capabilities(false, false);
    private static final Capabilities RAW_ONLY = new Capabilities(false, true);

    private final TestNet net = new TestNet(19);

    private static SocketError refused(Runnable open) {
        return assertThrows(SocketException.class, open::run).error();
    }

    @Test
    void aNewNamespaceRefusesPingSocketsToEveryGroup() {
        net.kernel.netnsAdd("c");
        assertEquals("1\t0", net.kernel.sysctl("c", "net.ipv4.ping_group_range"));
        assertEquals(SocketError.EACCES, refused(() -> net.kernel.sockets("c").openPing()));
        // root's raw socket is the fallback iputils takes
        net.kernel.sockets("c").openRawIcmp().close();
    }

    @Test
    void dockersRangeAdmitsGroupZeroWithoutNetRaw() {
        net.kernel.netnsAdd("c");
        net.kernel.sysctl("c", "net.ipv4.ping_group_range", "0 2147483647");
        assertEquals("0\t2147483647", net.kernel.sysctl("c", "net.ipv4.ping_group_range"));
        Kernel unprivileged = CapableKernel.of(net.kernel, NO_RAW);
        PingSocket s = unprivileged.sockets("c").openPing();
        s.close();
        assertEquals(SocketError.EPERM, refused(() -> unprivileged.sockets("c").openRawIcmp()));
    }

    @Test
    void rawSocketsFollowCapNetRawAlone() {
        net.kernel.netnsAdd("c");
        assertEquals(SocketError.EPERM, refused(() -> CapableKernel.of(net.kernel, NO_RAW).sockets("c").openRawIcmp()));
        CapableKernel.of(net.kernel, RAW_ONLY).sockets("c").openRawIcmp().close();
        // without NET_RAW and outside the range, both kinds fail: iputils has nothing left
        Kernel none = CapableKernel.of(net.kernel, NO_RAW);
        assertEquals(SocketError.EACCES, refused(() -> none.sockets("c").openPing()));
        assertEquals(SocketError.EPERM, refused(() -> none.sockets("c").openRawIcmp()));
    }

    @Test
    void rootCallsTheKernelItself() {
        assertSame(net.kernel, CapableKernel.of(net.kernel, Capabilities.ROOT));
    }

    @Test
    void aRangeIsReadBackTabSeparatedAndClosesAgain() {
        net.kernel.netnsAdd("c");
        net.kernel.sysctl("c", "net.ipv4.ping_group_range", "0 2147483647");
        net.kernel.sockets("c").openPing().close();
        net.kernel.sysctl("c", "net.ipv4.ping_group_range", " 1   0 ");
        assertEquals("1\t0", net.kernel.sysctl("c", "net.ipv4.ping_group_range"));
        assertEquals(SocketError.EACCES, refused(() -> net.kernel.sockets("c").openPing()));
    }
}
