package dev.dockwire.netns.stack;

import static dev.dockwire.testing.TestNet.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.Cidr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stack remembers its last output route and its last local destination ({@link RecentRoutes});
 * each remembered answer gives way to the table's as soon as a route, an address or a device's
 * state changes it: every change here is made between two datagrams to the same destination.
 */
class RecentRoutesTest {
    /** a and b on br0 (10.0.0.0/24) and on br1 (10.1.0.0/24). */
    private static TestNet twoLans() {
        TestNet net = new TestNet(13);
        net.bridge("br0", "10.0.0.1/24");
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("b", "br0", "10.0.0.3/24", "10.0.0.1");
        net.bridge("br1", "10.1.0.1/24");
        net.leg("a", "eth1", "br1", "10.1.0.2/24");
        net.leg("b", "eth1", "br1", "10.1.0.3/24");
        return net;
    }

    private static void send(TestNet net, UdpSocket from, String dst) {
        ByteBuf x = Unpooled.wrappedBuffer(new byte[] {1});
        from.send(ip(dst), 9, x);
        x.release();
        net.loop().drain(); // no timers: the neighbour entries stay as they are
    }

    private static long tx(TestNet net, String ns, String dev) {
        return net.dev(ns, dev).stats().txPackets;
    }

    private static List<Integer> listen(TestNet net, String ns) {
        List<Integer> got = new ArrayList<>();
        UdpSocket sink = net.ns(ns).sockets().openUdp();
        sink.bind(0, 9);
        sink.onReceive((s, src, port, data) -> got.add(src));
        return got;
    }

    @Test
    void aRouteAddedOrItsDeviceGoingDownOrUpChangesWhereTheNextDatagramGoes() {
        TestNet net = twoLans();
        List<Integer> got = listen(net, "b");
        UdpSocket a = net.ns("a").sockets().openUdp();
        send(net, a, "10.0.0.3");
        send(net, a, "10.0.0.3");
        long eth0 = tx(net, "a", "eth0");
        long eth1 = tx(net, "a", "eth1");
        net.kernel.routeAdd("a", Cidr.parse("10.0.0.3/32"), ip("10.1.0.3"), "eth1");
        send(net, a, "10.0.0.3");
        assertEquals(eth0, tx(net, "a", "eth0"), "not by the remembered connected route");
        assertEquals(eth1 + 2, tx(net, "a", "eth1"), "by the new /32: ARP for 10.1.0.3, then the datagram");

        net.kernel.linkSetUp("a", "eth1", false);
        send(net, a, "10.0.0.3");
        assertEquals(eth0 + 1, tx(net, "a", "eth0"), "the /32's device is down: the connected route again");
        net.kernel.linkSetUp("a", "eth1", true);
        send(net, a, "10.0.0.3");
        assertEquals(eth0 + 1, tx(net, "a", "eth0"), "up again (the table's generation unchanged): the /32 again");
        assertEquals(eth1 + 4, tx(net, "a", "eth1"), "ARP again (down flushed eth1's neighbours), then the datagram");

        net.kernel.routeDel("a", Cidr.parse("10.0.0.3/32"));
        send(net, a, "10.0.0.3");
        assertEquals(eth0 + 2, tx(net, "a", "eth0"), "the /32 deleted");
        assertEquals(6, got.size(), "b had every datagram");
    }

    @Test
    void anAddressAddedMakesARememberedDestinationLocal() {
        TestNet net = twoLans();
        List<Integer> got = listen(net, "a");
        UdpSocket a = net.ns("a").sockets().openUdp();
        send(net, a, "10.0.0.50"); // nobody answers ARP: the datagram waits in the neighbour queue
        long eth0 = tx(net, "a", "eth0");
        net.kernel.addrAdd("a", "lo", Cidr.parse("10.0.0.50/32"));
        send(net, a, "10.0.0.50");
        assertEquals(List.of(ip("10.0.0.50")), got, "delivered through lo, from the address itself");
        assertEquals(eth0, tx(net, "a", "eth0"));
        net.loop().runToCompletion(); // the first datagram's neighbour fails: it is freed
    }

    @Test
    void anAddressGoneIsNoLongerTheRememberedLocalDestination() {
        TestNet net = twoLans();
        net.kernel.linkAdd("b", LinkSpec.dummy("dummy0"));
        net.kernel.addrAdd("b", "dummy0", Cidr.parse("10.9.9.9/32"));
        net.kernel.linkSetUp("b", "dummy0", true);
        net.kernel.routeAdd("a", Cidr.parse("10.9.9.9/32"), ip("10.0.0.3"), "eth0");
        List<Integer> got = listen(net, "b");
        UdpSocket a = net.ns("a").sockets().openUdp();
        send(net, a, "10.9.9.9");
        send(net, a, "10.9.9.9");
        assertEquals(2, got.size(), "b takes datagrams for its dummy's address on eth0 (the weak host model)");
        IpMib counters = net.ns("b").stack().counters();
        long addrErrors = counters.inAddrErrors;
        net.kernel.linkDel("b", "dummy0");
        send(net, a, "10.9.9.9");
        assertEquals(2, got.size(), "not delivered once the address is gone");
        assertEquals(addrErrors + 1, counters.inAddrErrors, "not local, not forwarding: ip_rcv_finish drops it");
    }
}
