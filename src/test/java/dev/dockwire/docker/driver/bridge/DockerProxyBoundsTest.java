package dev.dockwire.docker.driver.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.PortBinding;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestHost;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docker-proxy's resources stay bounded ({@link DockerProxy}): UDP flows end 90 s after the
 * container last answered (moby's UDPConnTrackTimeout), and TCP connections hold at most the
 * process's open files, the rest waiting in the accept queue until one ends.
 */
class DockerProxyBoundsTest {
    private static final int LOCALHOST = Ipv4Address.parse("127.0.0.1").bits();
    private final TestHost h = new TestHost(2);
    private final EventLoop loop = h.world.emulation().loop();
    private final Sockets host = h.world.hostKernel().sockets(Kernel.HOST);

    @AfterEach
    void tearDown() {
        h.close();
    }

    private long hostUdpSockets() {
        return h.world.hostKernel().inetSockets(Kernel.HOST).stream().filter(i -> i.proto().startsWith("udp")).count();
    }

    @Test
    void aFloodOfUdpClientsHoldsFlowsForNinetySecondsOnly() {
        h.ok("docker run -d --name sink -p 5353:53/udp alpine sleep 3600");
        long before = hostUdpSockets();
        List<UdpSocket> clients = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            UdpSocket c = host.openUdp();
            ByteBuf b = Unpooled.copiedBuffer("q" + i, StandardCharsets.US_ASCII);
            c.send(LOCALHOST, 5353, b);
            b.release();
            clients.add(c);
            if (i % 100 == 99) {
                loop.runFor(1_000_000L); // within the loopback's backlog (netdev_max_backlog 1000)
            }
        }
        loop.runFor(1_000_000_000L);
        assertEquals(before + 3000 + 3000, hostUdpSockets(), "a flow socket per client (and the clients' own)");
        clients.forEach(UdpSocket::close);
        loop.runFor(DockerProxy.UDP_CONNTRACK_TIMEOUT_NANOS);
        assertEquals(before, hostUdpSockets(), "every flow ended at UDPConnTrackTimeout");
    }

    @Test
    void connectionsPastTheOpenFilesWaitInTheAcceptQueue() {
        h.ok("docker run -d --name web nginx");
        Ipv4Address web = Ipv4Address.parse(h.ok("docker inspect -f '{{.NetworkSettings.IPAddress}}' web").get(0));
        int maxFiles = 65; // the listener and 32 connections of two files each
        DockerProxy proxy = DockerProxy.start(new PortBinding("tcp", null, 18080, web, 80, null), host, loop, maxFiles);
        List<TcpSocket> idle = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            TcpSocket c = host.openTcp();
            c.connect(LOCALHOST, 18080, err -> { });
            idle.add(c);
            loop.runFor(1_000_000L);
            assertTrue(proxy.openFiles() <= maxFiles, "at most the open-file limit: " + proxy.openFiles());
        }
        loop.runFor(1_000_000_000L);
        assertEquals(maxFiles, proxy.openFiles(), "32 connections proxied, the rest waiting");
        idle.forEach(TcpSocket::close);
        loop.runFor(1_000_000_000L);
        StringBuilder got = new StringBuilder();
        TcpSocket c = host.openTcp();
        c.onData(b -> got.append(b.toString(StandardCharsets.ISO_8859_1)));
        c.connect(LOCALHOST, 18080, err -> {
            ByteBuf req = Unpooled.copiedBuffer("GET / HTTP/1.0\r\n\r\n", StandardCharsets.US_ASCII);
            c.write(req);
            req.release();
        });
        loop.runFor(1_000_000_000L);
        assertTrue(got.toString().startsWith("HTTP/1.1 200 OK\r\n"), got.toString());
        proxy.stop();
    }
}
