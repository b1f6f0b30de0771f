package dev.dockwire.docker.driver.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.Network;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.link.Bridge;
import dev.dockwire.socket.Sockets;
import dev.dockwire.testing.LanClient;
import dev.dockwire.testing.MemoryCapture;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port publishing end to end: a laptop on the LAN, the host itself and containers reach a
 * published nginx; captures on the host's eth0 and on the bridge show the DNAT (or docker-proxy)
 * on each side; Docker's errors for taken ports; {@code -P}, ranges and loopback bindings.
 */
class PublishedPortsTest {

    private static MemoryCapture capture(TestHost h, String... devices) {
        MemoryCapture cap = new MemoryCapture();
        var ns = h.world.hostKernel().namespace(Kernel.HOST);
        for (String d : devices) {
            var dev = ns.device(d);
            if (dev instanceof Bridge br) {
                Captures.bridge(cap, h.world.emulation().loop(), br, PacketFilter.ALL);
            } else {
                Captures.device(cap, h.world.emulation().loop(), dev, PacketFilter.ALL);
            }
        }
        return cap;
    }

    private static boolean seen(MemoryCapture cap, String iface, String fragment) {
        return cap.lines().stream().anyMatch(l -> l.startsWith(iface + " ") && l.contains(fragment));
    }

    @Test
    void aLanClientReachesAPublishedPortThroughDnatSeenOnBothSides() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create --subnet 172.18.0.0/16 web");
            h.ok("docker run -d --name nginx --network web -p 8080:80 nginx");
            String br = h.world.engine().network("web").bridge();
            MemoryCapture cap = capture(h, "eth0", br);
            LanClient laptop = new LanClient(h.world, "laptop", "192.168.1.20");
            String page = laptop.get("192.168.1.10", 8080);
            assertTrue(page.startsWith("HTTP/1.1 200 OK") && page.contains("Welcome to nginx!"), page);
            // The client's own address reaches the container: only the destination is rewritten.
            assertTrue(seen(cap, "eth0", "192.168.1.20.") && seen(cap, "eth0", "> 192.168.1.10.8080: Flags [S]"), cap.lines().toString());
            assertTrue(seen(cap, br, "192.168.1.20.") && seen(cap, br, "> 172.18.0.2.80: Flags [S]"), cap.lines().toString());
            List<String> ct = h.ok("conntrack -L -p tcp");
            assertTrue(ct.stream().anyMatch(l -> l.contains("src=192.168.1.20 dst=192.168.1.10") && l.contains("dport=8080")
                    && l.contains("src=172.18.0.2 dst=192.168.1.20 sport=80")), ct.toString());
        }
    }

    @Test
    void outboundTrafficLeavesWithTheHostsAddress() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create --subnet 172.18.0.0/16 web");
            h.ok("docker run -d --name c1 --network web nicolaka/netshoot sleep 1d");
            String br = h.world.engine().network("web").bridge();
            MemoryCapture cap = capture(h, "eth0", br);
            List<String> out = h.ok("docker exec c1 curl -s http://93.184.215.14/");
            assertTrue(out.contains("    <h1>Example Domain</h1>"), out.toString());
            assertTrue(seen(cap, br, "172.18.0.2.") && seen(cap, br, "> 93.184.215.14.80: Flags [S]"), cap.lines().toString());
            assertTrue(seen(cap, "eth0", "IP 192.168.1.10.") && seen(cap, "eth0", "> 93.184.215.14.80: Flags [S]"), cap.lines().toString());
            assertTrue(cap.lines().stream().noneMatch(l -> l.startsWith("eth0 ") && l.contains("172.18.0.2")), "no container address on eth0");
        }
    }

    @Test
    void isolationDropsAreCountedInDockerIsolationStage2() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create --subnet 172.18.0.0/16 a");
            h.ok("docker network create --subnet 172.19.0.0/16 b");
            h.ok("docker run -d --name x1 --network a alpine sleep 1d");
            h.ok("docker run -d --name y1 --network b alpine sleep 1d");
            assertEquals(1, h.run("docker exec x1 ping -c 3 -W 1 172.19.0.2").status());
            List<String> stage2 = h.ok("iptables -L DOCKER-ISOLATION-STAGE-2 -n -v");
            String dropToB = stage2.stream().filter(l -> l.contains("DROP") && l.contains(h.world.engine().network("b").bridge()))
                    .findFirst().orElseThrow();
            assertEquals("3", dropToB.trim().split("\\s+")[0], String.join("\n", stage2));
        }
    }

    @Test
    void internalNetworksHaveNoWayOut() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create --internal --subnet 172.18.0.0/16 back");
            h.ok("docker run -d --name db --network back alpine sleep 1d");
            h.ok("docker run -d --name api --network back alpine sleep 1d");
            h.ok("docker exec api ping -c 1 db");
            // No default route (as Docker leaves internal networks), and the isolation rules behind it.
            CommandResult out = h.run("docker exec api ping -c 1 -W 1 192.168.1.1");
            // BusyBox's xsendto dies; bb_verror_msg flushes the banner stdio held before the error.
            assertEquals(1, out.status());
            assertEquals(List.of("PING 192.168.1.1 (192.168.1.1): 56 data bytes", "ping: sendto: Network is unreachable"), out.output());
            assertTrue(h.ok("iptables -S DOCKER-ISOLATION-STAGE-1").contains(
                    "-A DOCKER-ISOLATION-STAGE-1 ! -d 172.18.0.0/16 -i " + h.world.engine().network("back").bridge() + " -j DROP"));
        }
    }

    @Test
    void iccFalseBlocksContainersOnTheSameBridge() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create -o com.docker.network.bridge.enable_icc=false --subnet 172.18.0.0/16 quiet");
            h.ok("docker run -d --name a1 --network quiet alpine sleep 1d");
            h.ok("docker run -d --name b1 --network quiet alpine sleep 1d");
            assertEquals(1, h.run("docker exec a1 ping -c 2 -W 1 172.18.0.3").status());
            String drop = h.ok("iptables -L DOCKER-FORWARD -n -v").stream()
                    .filter(l -> l.contains("DROP")).findFirst().orElseThrow();
            assertEquals("2", drop.trim().split("\\s+")[0], drop);
            h.ok("docker exec a1 ping -c 1 192.168.1.1");
        }
    }

    @Test
    void aLoopbackBindingIsReachableFromTheHostOnly() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name nginx -p 127.0.0.1:8081:80 nginx");
            assertTrue(h.ok("curl -s http://127.0.0.1:8081/").contains("<h1>Welcome to nginx!</h1>"));
            LanClient laptop = new LanClient(h.world, "laptop", "192.168.1.20");
            assertEquals("error: ECONNREFUSED", laptop.get("192.168.1.10", 8081));
            assertEquals(List.of("80/tcp -> 127.0.0.1:8081"), h.ok("docker port nginx"));
        }
    }

    @Test
    void theUserlandProxyServesHairpinAndLoopbackWithTheGatewayAsSource() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create --subnet 172.18.0.0/16 web");
            h.ok("docker run -d --name nginx --network web -p 8080:80 nginx");
            MemoryCapture cap = capture(h, h.world.engine().network("web").bridge());
            assertTrue(h.ok("docker exec nginx curl -s http://192.168.1.10:8080/").contains("<h1>Welcome to nginx!</h1>"));
            assertTrue(h.ok("curl -s http://127.0.0.1:8080/").contains("<h1>Welcome to nginx!</h1>"));
            // docker-proxy connects from the bridge's own address.
            assertTrue(cap.lines().stream().anyMatch(l -> l.contains("IP 172.18.0.1.") && l.contains("> 172.18.0.2.80: Flags [S]")),
                    cap.lines().toString());
        }
    }

    @Test
    void withoutTheProxyHairpinNatAndBridgeNetfilterCarryTheTraffic() {
        try (TestHost h = new TestHost(1, EngineProfile.DOCKER_28, false)) {
            h.ok("docker network create --subnet 172.18.0.0/16 web");
            h.ok("docker run -d --name nginx --network web -p 8080:80 nginx");
            h.ok("docker run -d --name client --network web nicolaka/netshoot sleep 1d");
            MemoryCapture cap = capture(h, h.world.engine().network("web").bridge());
            // Its own published port: DNAT back out of the same port (hairpin), MASQUERADE to the gateway.
            assertTrue(h.ok("docker exec nginx curl -s http://192.168.1.10:8080/").contains("<h1>Welcome to nginx!</h1>"));
            assertTrue(cap.lines().stream().anyMatch(l -> l.contains("IP 172.18.0.1.") && l.contains("> 172.18.0.2.80: Flags [S]")),
                    cap.lines().toString());
            // A neighbour on the bridge: the reply comes straight back over the bridge and is un-NATed there.
            assertTrue(h.ok("docker exec client curl -s http://192.168.1.10:8080/").contains("<h1>Welcome to nginx!</h1>"));
            LanClient laptop = new LanClient(h.world, "laptop", "192.168.1.20");
            assertTrue(laptop.get("192.168.1.10", 8080).contains("Welcome to nginx!"));
        }
    }

    @Test
    void takenPortsRangesAndPublishAll() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name a1 -p 8080:80 -p 8443:443 nginx");
            CommandResult taken = h.run("docker run -d --name b1 -p 8080:80 nginx");
            assertEquals(125, taken.status());
            // docker run -d prints the id it created before the start fails (cli/command/container/run.go)
            assertTrue(taken.output().get(0).matches("[0-9a-f]{64}"), taken.output().get(0));
            assertTrue(taken.output().get(1).startsWith("docker: Error response from daemon: failed to set up container networking:"
                    + " driver failed programming external connectivity on endpoint b1 ("), taken.output().get(1));
            assertTrue(taken.output().get(1).endsWith("): Bind for 0.0.0.0:8080 failed: port is already allocated"), taken.output().get(1));
            h.ok("docker run -d --name c1 -P nginx");
            assertEquals(List.of("80/tcp -> 0.0.0.0:32768", "80/tcp -> [::]:32768"), h.ok("docker port c1"));
            h.ok("docker run -d --name d1 -p 9000-9001:7000-7001/udp alpine sleep 1d");
            assertEquals(List.of("7000/udp -> 0.0.0.0:9000", "7000/udp -> [::]:9000", "7001/udp -> 0.0.0.0:9001", "7001/udp -> [::]:9001"),
                    h.ok("docker port d1"));
            assertEquals(List.of("0.0.0.0:9001", "[::]:9001"), h.ok("docker port d1 7001/udp"));
            assertTrue(h.ok("docker ps").get(1).contains("0.0.0.0:9000->7000/udp, [::]:9000->7000/udp, 0.0.0.0:9001->7001/udp, [::]:9001->7001/udp"));
            CommandResult bad = h.run("docker run -d -p 80:abc nginx");
            assertEquals("docker: invalid containerPort: abc\n\nRun 'docker run --help' for more information", String.join("\n", bad.output()));
            // Stopping frees the port for another container.
            h.ok("docker stop a1");
            h.ok("docker run -d --name e1 -p 8080:80 nginx");
        }
    }

    /** A UDP echo inside {@code ctr} answering "re:" + what came in from whom; returns what the sender saw. */
    private static String udpRoundTrip(TestHost h, String ctr, String fromNs, Sockets from,
                                       String dst, int port) {
        var engine = h.world.engine();
        var echo = engine.kernel().sockets(engine.container(ctr).netns()).openUdp();
        echo.bind(0, 5300);
        echo.onReceive((s, src, sport, data) -> {
            var reply = Unpooled.copiedBuffer("re:" + data.toString(StandardCharsets.US_ASCII)
                    + " from " + Ipv4Address.of(src), StandardCharsets.US_ASCII);
            s.send(src, sport, reply);
            reply.release();
        });
        var client = from.openUdp();
        StringBuilder got = new StringBuilder();
        client.onReceive((s, src, sport, data) -> got.append(data.toString(StandardCharsets.US_ASCII)));
        var msg = Unpooled.copiedBuffer("hi from " + fromNs, StandardCharsets.US_ASCII);
        client.send(Ipv4Address.parse(dst).bits(), port, msg);
        msg.release();
        h.world.emulation().loop().runFor(1_000_000_000L);
        client.close();
        echo.close();
        return got.toString();
    }

    @Test
    void udpPortsPublishThroughDnatAndThroughDockerProxy() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create --subnet 172.18.0.0/16 dns");
            h.ok("docker run -d --name resolver --network dns -p 5353:5300/udp alpine sleep 1d");
            assertEquals(List.of("5300/udp -> 0.0.0.0:5353", "5300/udp -> [::]:5353"), h.ok("docker port resolver"));
            LanClient laptop = new LanClient(h.world, "laptop", "192.168.1.20");
            // From the LAN: DNAT keeps the client's address.
            assertEquals("re:hi from laptop from 192.168.1.20",
                    udpRoundTrip(h, "resolver", "laptop", h.world.lanKernel().sockets("laptop"), "192.168.1.10", 5353));
            // From the host's loopback: docker-proxy relays from the bridge gateway.
            assertEquals("re:hi from host from 172.18.0.1",
                    udpRoundTrip(h, "resolver", "host", h.world.hostKernel().sockets(Kernel.HOST), "127.0.0.1", 5353));
        }
    }
}
