package dev.dockwire.netns.stack;

import static dev.dockwire.testing.TestNet.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.netns.Namespace;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.Cidr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** End to end over veth + bridge: UDP, ICMP errors, ARP state, forwarding through a router namespace. */
class Ipv4StackTest {

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    private static TestNet lan() {
        TestNet net = new TestNet(5);
        net.bridge("br0", "10.0.0.1/24");
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("b", "br0", "10.0.0.3/24", "10.0.0.1");
        return net;
    }

    @Test
    void udpDatagramsAndRepliesCrossTheBridge() {
        TestNet net = lan();
        UdpSocket server = net.ns("b").sockets().openUdp();
        server.bind(0, 7);
        server.onReceive((s, src, port, data) -> s.send(src, port, data)); // echo
        UdpSocket client = net.ns("a").sockets().openUdp();
        List<String> got = new ArrayList<>();
        client.onReceive((s, src, port, data) ->
                got.add(data.toString(StandardCharsets.US_ASCII) + " from " + port));
        ByteBuf hello = text("hello");
        client.send(ip("10.0.0.3"), 7, hello);
        hello.release();
        net.loop().runToCompletion();
        assertEquals(List.of("hello from 7"), got);
        assertTrue(client.localPort() >= 32768 && client.localPort() <= 60999, "ephemeral port " + client.localPort());
    }

    @Test
    void aClosedPortAnswersPortUnreachableAndAConnectedSocketSeesRefused() {
        TestNet net = lan();
        UdpSocket client = net.ns("a").sockets().openUdp();
        List<SocketError> errors = new ArrayList<>();
        client.onError(errors::add);
        client.connect(ip("10.0.0.3"), 9999);
        ByteBuf x = text("x");
        client.send(x);
        x.release();
        net.loop().runToCompletion();
        assertEquals(List.of(SocketError.ECONNREFUSED), errors);
        assertEquals(1, net.ns("b").stack().udp.mib().noPorts);
    }

    @Test
    void arpLeavesTheSenderReachableAndTheResponderInDelay() {
        TestNet net = lan();
        PingSocket ping = net.ns("a").sockets().openRawIcmp();
        List<Integer> replies = new ArrayList<>();
        ping.onReply((src, seq, ttl, data) -> replies.add(seq));
        ByteBuf d = text("abc");
        ping.send(ip("10.0.0.3"), 1, d, 0);
        d.release();
        net.loop().runUntilTime(1_000_000);
        assertEquals(List.of(1), replies);
        assertEquals(NudState.REACHABLE, net.ns("a").neighbours().entries().get(0).state());
        // b learned a from its request (STALE) and used the entry for the reply: DELAY, as Linux shows.
        assertEquals(NudState.DELAY, net.ns("b").neighbours().entries().get(0).state());
        ping.close();
    }

    @Test
    void bindingATakenPortFails() {
        TestNet net = lan();
        UdpSocket s1 = net.ns("a").sockets().openUdp();
        s1.bind(0, 53);
        UdpSocket s2 = net.ns("a").sockets().openUdp();
        SocketException e = assertThrows(SocketException.class, () -> s2.bind(0, 53));
        assertEquals(SocketError.EADDRINUSE, e.error());
        assertThrows(SocketException.class, () -> s2.bind(ip("10.9.9.9"), 54));
    }

    @Test
    void noRouteIsNetworkUnreachable() {
        TestNet net = new TestNet(1);
        net.kernel.netnsAdd("lonely");
        UdpSocket s = net.ns("lonely").sockets().openUdp();
        ByteBuf x = text("x");
        try {
            SocketException e = assertThrows(SocketException.class, () -> s.send(ip("8.8.8.8"), 53, x));
            assertEquals(SocketError.ENETUNREACH, e.error());
        } finally {
            x.release();
        }
    }

    /** a (10.0.0.0/24) — router r — c (10.1.0.0/24), two bridges in the host namespace. */
    private static TestNet routed(boolean forwarding) {
        TestNet net = new TestNet(11);
        net.bridge("br0", null);
        net.bridge("br1", null);
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("c", "br1", "10.1.0.2/24", "10.1.0.1");
        Namespace r = net.node("r", "br0", "10.0.0.1/24", null);
        // second leg of the router
        net.kernel.linkAdd(Kernel.HOST, LinkSpec.veth("rv1", null, "rtmp", null));
        net.kernel.linkSetMaster(Kernel.HOST, "rv1", "br1");
        net.kernel.linkSetUp(Kernel.HOST, "rv1", true);
        net.kernel.linkSetNetns(Kernel.HOST, "rtmp", "r");
        net.kernel.linkSetName("r", "rtmp", "eth1");
        net.kernel.addrAdd("r", "eth1", Cidr.parse("10.1.0.1/24"));
        net.kernel.linkSetUp("r", "eth1", true);
        if (forwarding) {
            net.kernel.sysctl("r", "net.ipv4.ip_forward", "1");
        }
        assertEquals(forwarding ? "1" : "0", r.sysctl("net.ipv4.ip_forward"));
        return net;
    }

    private static List<String> ping(TestNet net, String from, String to, int ttl) {
        PingSocket ping = net.ns(from).sockets().openRawIcmp();
        List<String> events = new ArrayList<>();
        ping.onReply((src, seq, t, data) -> events.add("reply ttl=" + t));
        ping.onError((rep, seq, type, code, info) -> events.add("error " + type + "/" + code + " from "
                + dev.dockwire.wire.Ipv4Address.format(rep)));
        ByteBuf d = text("ping");
        ping.send(ip(to), 1, d, ttl);
        d.release();
        net.loop().runUntilTime(net.loop().nanos() + 5_000_000_000L);
        ping.close();
        return events;
    }

    @Test
    void aRouterForwardsAndDecrementsTtl() {
        TestNet net = routed(true);
        assertEquals(List.of("reply ttl=63"), ping(net, "a", "10.1.0.2", 0));
        assertEquals(2, net.ns("r").stack().counters().forwarded);
    }

    @Test
    void aForwardedDestinationFollowsEveryChangeOfRoutesDevicesAndAddresses() {
        TestNet net = routed(true);
        List<String> got = new ArrayList<>();
        UdpSocket atC = net.ns("c").sockets().openUdp();
        atC.bind(0, 9);
        atC.onReceive((s, src, port, data) -> got.add("c"));
        UdpSocket atR = net.ns("r").sockets().openUdp();
        atR.bind(0, 9);
        atR.onReceive((s, src, port, data) -> got.add("r"));
        UdpSocket sender = net.ns("a").sockets().openUdp();
        Runnable send = () -> {
            ByteBuf d = text("x");
            sender.send(ip("10.1.0.2"), 9, d);
            d.release();
            net.loop().runUntilTime(net.loop().nanos() + 5_000_000_000L);
        };
        send.run();
        send.run(); // the second by the decision the router remembered
        assertEquals(List.of("c", "c"), got);
        // A more specific route towards a next hop that never answers: the new route is taken.
        net.kernel.routeAdd("r", Cidr.parse("10.1.0.2/32"), ip("10.1.0.77"), "eth1");
        send.run();
        assertEquals(List.of("c", "c"), got);
        net.kernel.routeDel("r", Cidr.parse("10.1.0.2/32"));
        send.run();
        assertEquals(List.of("c", "c", "c"), got);
        // The route's device down: no route; up again: forwarded again.
        net.kernel.linkSetUp("r", "eth1", false);
        send.run();
        assertEquals(3, got.size());
        net.kernel.linkSetUp("r", "eth1", true);
        send.run();
        assertEquals(List.of("c", "c", "c", "c"), got);
        // The destination becomes the router's own address: delivered there, not forwarded.
        long forwarded = net.ns("r").stack().counters().forwarded;
        net.kernel.addrAdd("r", "lo", Cidr.parse("10.1.0.2/32"));
        send.run();
        assertEquals(List.of("c", "c", "c", "c", "r"), got);
        assertEquals(forwarded, net.ns("r").stack().counters().forwarded);
        sender.close();
        atR.close();
        atC.close();
    }

    @Test
    void withoutIpForwardTheRouterDrops() {
        TestNet net = routed(false);
        assertEquals(List.of(), ping(net, "a", "10.1.0.2", 0));
        assertEquals(1, net.ns("r").stack().counters().inAddrErrors);
    }

    @Test
    void ttlOneExpiresAtTheRouter() {
        TestNet net = routed(true);
        assertEquals(List.of("error 11/0 from 10.0.0.1"), ping(net, "a", "10.1.0.2", 1));
    }

    @Test
    void ipRecvErrHearsTheRouterAndTheHostAboutUdpProbesWithTheirTtl() {
        TestNet net = routed(true);
        UdpSocket probe = net.ns("a").sockets().openUdp();
        List<String> events = new ArrayList<>();
        probe.onIcmpError((rep, ttl, type, code, to, port) -> events.add(type + "/" + code + " from "
                + dev.dockwire.wire.Ipv4Address.format(rep) + " ttl=" + ttl + " about " + port));
        for (int ttl = 1; ttl <= 2; ttl++) {
            probe.ttl(ttl);
            ByteBuf d = text("probe");
            probe.send(ip("10.1.0.2"), 33434 + ttl, d);
            d.release();
            net.loop().runUntilTime(net.loop().nanos() + 1_000_000_000L);
        }
        assertEquals(List.of("11/0 from 10.0.0.1 ttl=64 about 33435", "3/3 from 10.1.0.2 ttl=63 about 33436"), events,
                "unconnected, the socket still hears both (ip_icmp_error); the host's error crossed the router");
        probe.close();
    }

    @Test
    void anUnresolvableNextHopGivesHostUnreachableFromTheRouter() {
        TestNet net = routed(true);
        assertEquals(List.of("error 3/1 from 10.0.0.1"), ping(net, "a", "10.1.0.77", 0));
    }

    @Test
    void loopbackAndOwnAddressesAreDeliveredThroughLo() {
        TestNet net = lan();
        assertEquals(List.of("reply ttl=64"), ping(net, "a", "127.0.0.1", 0));
        assertEquals(List.of("reply ttl=64"), ping(net, "a", "10.0.0.2", 0));
        assertTrue(net.ns("a").lo().stats().rxPackets >= 4);
    }

    /**
     * RFC 1191 through a router whose far leg has MTU 1000: a 1228-byte echo request fits a's
     * eth0, so it leaves with DF (IP_PMTUDISC_WANT); r answers fragmentation needed (mtu 1000), a
     * learns the path MTU, and the next request leaves a in fragments that reach c. Fragments
     * (DF clear) that then meet a smaller MTU are fragmented again by r.
     */
    @Test
    void pathMtuIsLearnedFromFragmentationNeededAndUsedForTheNextSend() {
        TestNet net = routed(true);
        net.kernel.linkSetMtu("r", "eth1", 1000);
        PingSocket ping = net.ns("a").sockets().openRawIcmp();
        List<String> events = new ArrayList<>();
        ping.onReply((src, seq, t, data) -> events.add("reply " + seq + " " + data.readableBytes()));
        ping.onError((rep, seq, type, code, info) -> events.add("error " + seq + " " + type + "/" + code + " mtu " + info));
        ByteBuf d = Unpooled.buffer(1200).writeZero(1200);
        ping.send(ip("10.1.0.2"), 1, d, 0);
        net.loop().runUntilTime(net.loop().nanos() + 1_000_000_000L);
        ping.send(ip("10.1.0.2"), 2, d, 0);
        net.loop().runUntilTime(net.loop().nanos() + 1_000_000_000L);
        d.release();
        ping.close();
        assertEquals(List.of("error 1 3/4 mtu 1000", "reply 2 1200"), events);
        assertEquals(1, net.ns("a").stack().counters().fragOks);
        assertEquals(1, net.ns("c").stack().defrag().stats.reasmOks);

        net.kernel.linkSetMtu("r", "eth1", 800);
        UdpSocket server = net.ns("c").sockets().openUdp();
        server.bind(0, 9);
        List<Integer> got = new ArrayList<>();
        server.onReceive((s, src, port, data) -> got.add(data.readableBytes()));
        UdpSocket client = net.ns("a").sockets().openUdp();
        ByteBuf big = Unpooled.buffer(1400).writeZero(1400);
        client.send(ip("10.1.0.2"), 9, big); // 1428 bytes: two fragments for the learned 1000, the first cut again at r
        big.release();
        net.loop().runUntilTime(net.loop().nanos() + 1_000_000_000L);
        assertEquals(List.of(1400), got);
        assertEquals(1, net.ns("r").stack().counters().fragOks);
        assertEquals(2, net.ns("r").stack().counters().fragCreates);
    }
}
