package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Our ping socket API on a real kernel ping socket (root only): a → r → b over veths; echo
 * replies carry the sequence, payload and TTL as the kernel delivered them, ICMP errors from the
 * router arrive through the error queue, and every callback runs on the loop's thread.
 */
class RealPingSocketTest {
    private static final int B = Ipv4Address.parse("10.126.1.2").bits();
    private static final int R_A = Ipv4Address.parse("10.126.0.1").bits();

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @BeforeEach
    void root() {
        ExternalTools.assumeRoot("real ping sockets inside real namespaces");
        ExternalTools.assumeTool("ip");
    }

    @Test
    void repliesWithTtlAndErrorsFromTheRouter() {
        EventLoop loop = new EventLoop(Pacing.WALL);
        Thread loopThread = Thread.currentThread();
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "p-", null, loop)) {
            for (String ns : List.of("a", "r", "b")) {
                k.netnsAdd(ns);
                k.linkSetUp(ns, "lo", true);
            }
            cable(k, "a", "r", "10.126.0.2/24", "10.126.0.1/24");
            cable(k, "b", "r", "10.126.1.2/24", "10.126.1.1/24");
            k.routeAdd("a", Cidr.parse("0.0.0.0/0"), R_A, "eth0");
            k.routeAdd("b", Cidr.parse("0.0.0.0/0"), Ipv4Address.parse("10.126.1.1").bits(), "eth0");
            k.sysctl("r", "net.ipv4.ip_forward", "1");

            // A fresh namespace refuses ping sockets to every group ("1 0"); Docker's range is set on first use.
            PingSocket s = k.sockets("a").openPing();
            assertEquals("0\t2147483647", k.sysctl("a", "net.ipv4.ping_group_range"));
            List<String> got = new ArrayList<>();
            s.onReply((src, seq, ttl, data) -> {
                assertEquals(loopThread, Thread.currentThread());
                got.add("reply " + Ipv4Address.format(src) + " seq=" + seq + " ttl=" + ttl + " len=" + data.readableBytes()
                        + " first=" + data.getByte(data.readerIndex()));
            });
            s.onError((reporter, seq, type, code, info) -> {
                assertEquals(loopThread, Thread.currentThread());
                got.add("error " + Ipv4Address.format(reporter) + " seq=" + seq + " type=" + type + " code=" + code
                        + " info=" + info);
            });
            ByteBuf data = Unpooled.buffer(56);
            data.writeByte(42).writeZero(55);
            s.send(B, 1, data, 0);
            s.send(B, 2, data, 1); // dies at the router: time exceeded in transit
            data.release();
            loop.schedule(TimeUnit.SECONDS.toNanos(5), () -> { });
            loop.runUntil(() -> got.size() == 2);
            assertTrue(got.contains("reply 10.126.1.2 seq=1 ttl=63 len=56 first=42"), got.toString());
            assertTrue(got.contains("error 10.126.0.1 seq=2 type=" + IcmpPacket.TYPE_TIME_EXCEEDED + " code=0 info=0"), got.toString());
            assertTrue(s.ident() > 0);

            // IP_PMTUDISC_DO through a 1000-byte hop: fragmentation needed, the MTU in ee_info.
            k.linkSetMtu("r", "to-b", 1000);
            s.pmtuDiscover(PingSocket.PmtuDisc.DO);
            ByteBuf big = Unpooled.buffer(1200).writeZero(1200);
            s.send(B, 3, big, 0);
            big.release();
            loop.schedule(TimeUnit.SECONDS.toNanos(5), () -> { });
            loop.runUntil(() -> got.size() == 3);
            assertTrue(got.contains("error 10.126.0.1 seq=3 type=3 code=4 info=1000"), got.toString());

            // No route: the kernel's errno, as ping prints it.
            k.netnsAdd("c");
            PingSocket lonely = k.sockets("c").openPing();
            ByteBuf d = Unpooled.buffer(8).writeZero(8);
            try {
                assertEquals(SocketError.ENETUNREACH,
                        assertThrows(SocketException.class, () -> lonely.send(B, 1, d, 0)).error());
            } finally {
                d.release();
                lonely.close();
            }
            s.close();
        }
        assertEquals(List.of(), TestNamespaces.left());
    }

    private static void cable(RealKernel k, String ns, String router, String addr, String routerAddr) {
        String peer = "to-" + ns;
        k.linkAdd(ns, LinkSpec.veth("eth0", null, peer, null));
        k.linkSetNetns(ns, peer, router);
        k.addrAdd(ns, "eth0", Cidr.parse(addr));
        k.addrAdd(router, peer, Cidr.parse(routerAddr));
        k.linkSetUp(ns, "eth0", true);
        k.linkSetUp(router, peer, true);
    }
}
