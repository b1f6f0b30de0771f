package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Our socket API on real kernel sockets (root only): sockets opened inside a real namespace stay
 * there, and every callback runs on the emulation's loop thread.
 */
class RealSocketsTest {
    private static final int LOCALHOST = Ipv4Address.parse("127.0.0.1").bits();

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @BeforeEach
    void root() {
        ExternalTools.assumeRoot("real sockets inside real namespaces");
        ExternalTools.assumeTool("ip");
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    /** inet6_bind with IPV6_V6ONLY off: IPv6's wildcard takes IPv4 connections and the port for IPv4; /proc/net/tcp6 lists it. */
    @Test
    void aDualStackListenerIsATcp6SocketThatTakesIpv4() {
        EventLoop loop = new EventLoop(Pacing.WALL);
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "s6-", null, loop)) {
            k.netnsAdd("a");
            k.linkSetUp("a", "lo", true);
            Sockets a = k.sockets("a");
            TcpListener v6 = a.listenTcp6(9000, 1);
            TcpListener v4 = a.listenTcp(0, 9001, 1);
            List<dev.dockwire.kernel.SocketInfo> listed = k.inetSockets("a");
            assertTrue(listed.contains(new dev.dockwire.kernel.SocketInfo("tcp6", 0, 9000, 0, 0, "LISTEN")), listed.toString());
            assertTrue(listed.contains(new dev.dockwire.kernel.SocketInfo("tcp", 0, 9001, 0, 0, "LISTEN")), listed.toString());
            assertEquals(SocketError.EADDRINUSE, assertThrows(SocketException.class, () -> a.listenTcp(0, 9000, 1)).error());
            assertEquals(SocketError.EADDRINUSE, assertThrows(SocketException.class, () -> a.listenTcp6(9001, 1)).error());
            List<TcpSocket> accepted = new ArrayList<>();
            v6.onAccept(accepted::add);
            SocketError[] connectError = {SocketError.EPERM};
            TcpSocket c = a.openTcp();
            c.connect(LOCALHOST, 9000, e -> connectError[0] = e);
            loop.schedule(TimeUnit.SECONDS.toNanos(5), () -> { });
            loop.runUntil(() -> !accepted.isEmpty() && connectError[0] != SocketError.EPERM);
            assertNull(connectError[0]);
            assertEquals(LOCALHOST, accepted.get(0).remoteAddress(), "v4-mapped, named as IPv4");
            c.close();
            v6.close();
            v4.close();
        }
    }

    /** A frozen process's UDP socket (docker pause): datagrams wait, then reach it in order on resume. */
    @Test
    void aPausedUdpSocketReceivesWhatWaitedInOrderOnResume() {
        EventLoop loop = new EventLoop(Pacing.WALL);
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "su-", null, loop)) {
            k.netnsAdd("a");
            k.linkSetUp("a", "lo", true);
            Sockets a = k.sockets("a");
            UdpSocket server = a.openUdp();
            server.bind(LOCALHOST, 0);
            List<String> got = new ArrayList<>();
            server.onReceive((s, src, port, data) -> got.add(data.toString(StandardCharsets.US_ASCII)));
            server.pauseReading();
            UdpSocket client = a.openUdp();
            for (String w : List.of("one", "two", "three")) {
                ByteBuf b = ascii(w);
                client.send(LOCALHOST, server.localPort(), b);
                b.release();
            }
            boolean[] waited = new boolean[1];
            loop.schedule(TimeUnit.MILLISECONDS.toNanos(500), () -> waited[0] = true);
            loop.runUntil(() -> waited[0]);
            assertEquals(List.of(), got, "paused: nothing received");
            server.resumeReading();
            assertEquals(List.of("one", "two", "three"), got);
            client.close();
            server.close();
        }
    }

    @Test
    void udpAndTcpInsideANamespaceWithCallbacksOnTheLoop() {
        EventLoop loop = new EventLoop(Pacing.WALL);
        Thread loopThread = Thread.currentThread();
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "s-", null, loop)) {
            k.netnsAdd("a");
            k.linkSetUp("a", "lo", true);
            Sockets a = k.sockets("a");

            // UDP: a datagram and its echo over the namespace's own loopback.
            UdpSocket server = a.openUdp();
            server.bind(LOCALHOST, 0);
            server.onReceive((s, src, port, data) -> {
                assertEquals(loopThread, Thread.currentThread());
                s.send(src, port, data);
            });
            UdpSocket client = a.openUdp();
            List<String> echoed = new ArrayList<>();
            client.onReceive((s, src, port, data) -> echoed.add(data.toString(StandardCharsets.US_ASCII)));
            ByteBuf hello = ascii("hello");
            client.send(LOCALHOST, server.localPort(), hello);
            hello.release();
            loop.schedule(TimeUnit.SECONDS.toNanos(5), () -> { });
            loop.runUntil(() -> !echoed.isEmpty());
            assertEquals(List.of("hello"), echoed);

            // TCP: connect, a request, the server's answer and FIN, the client's EOF.
            TcpListener listener = a.listenTcp(0, 8080, 16);
            listener.onAccept(s -> s.onData(d -> {
                assertEquals(loopThread, Thread.currentThread());
                ByteBuf answer = ascii("got " + d.toString(StandardCharsets.US_ASCII));
                s.write(answer);
                answer.release();
                s.close();
            }));
            TcpSocket c = a.openTcp();
            StringBuilder got = new StringBuilder();
            boolean[] eof = new boolean[1];
            SocketError[] connectError = {SocketError.EPERM};
            c.onData(d -> got.append(d.toString(StandardCharsets.US_ASCII)));
            c.onEof(() -> eof[0] = true);
            c.connect(LOCALHOST, 8080, e -> connectError[0] = e);
            ByteBuf ping = ascii("ping");
            assertEquals(4, c.write(ping)); // queued during the handshake
            ping.release();
            loop.runUntil(() -> eof[0]);
            assertNull(connectError[0]);
            assertEquals("got ping", got.toString());
            assertEquals(LOCALHOST, c.remoteAddress());
            c.close();

            // Errors come back as errno: nobody listens, the port is taken, no route.
            SocketError[] refused = new SocketError[1];
            a.openTcp().connect(LOCALHOST, 8081, e -> refused[0] = e);
            loop.runUntil(() -> refused[0] != null);
            assertEquals(SocketError.ECONNREFUSED, refused[0]);
            assertEquals(SocketError.EADDRINUSE,
                    assertThrows(SocketException.class, () -> a.listenTcp(0, 8080, 16)).error());
            assertEquals(0, a.sourceAddressFor(Ipv4Address.parse("10.9.9.9").bits()));
            assertEquals(LOCALHOST, a.sourceAddressFor(LOCALHOST));

            // A socket belongs to its namespace: b has its own port 8080, and its own loopback.
            k.netnsAdd("b");
            k.linkSetUp("b", "lo", true);
            k.sockets("b").listenTcp(0, 8080, 16).close();
            k.linkAdd("a", LinkSpec.veth("v0", null, "v1", null));
            k.addrAdd("a", "v0", Cidr.parse("10.124.0.1/24"));
            k.linkSetUp("a", "v0", true);
            assertEquals(Ipv4Address.parse("10.124.0.1").bits(), a.sourceAddressFor(Ipv4Address.parse("10.124.0.2").bits()));
            assertEquals(0, k.sockets("b").sourceAddressFor(Ipv4Address.parse("10.124.0.2").bits()));
            listener.close();
            server.close();
            client.close();
            assertTrue(k.namespaces().contains("a"));
            assertEquals(List.of(), k.links(Kernel.HOST).stream().filter(l -> !l.name().equals("lo")).toList());
        }
        assertEquals(List.of(), TestNamespaces.left());
    }
}
