package dev.dockwire.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.run.World;
import dev.dockwire.testing.TestHost;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsRcode;
import dev.dockwire.wire.DnsType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Docker's embedded DNS end to end: programs in containers query 127.0.0.11 over the emulated stack. */
class EmbeddedDnsTest {
    private TestHost h;
    private World world;

    @BeforeEach
    void setUp() {
        h = new TestHost(1);
        world = h.world;
        ok("docker network create mynet");
        ok("docker run -d --name web --network mynet --network-alias www alpine sleep 3600");
        ok("docker run -d --name client --network mynet alpine sleep 3600");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private List<String> ok(String line) {
        return h.ok(line);
    }

    /** dig is bind9's and alpine has none: queries come from netshoot, started after the test's other containers. */
    private void startDigger() {
        ok("docker run -d --name digger --network mynet nicolaka/netshoot sleep infinity");
    }

    @Test
    void containerNamesAliasesAndNameDotNetworkResolve() {
        assertEquals(List.of("Server:\t\t127.0.0.11", "Address:\t127.0.0.11:53", "", "Non-authoritative answer:",
                "Name:\tweb", "Address: 172.18.0.2", "", "Non-authoritative answer:", ""),
                ok("docker exec client nslookup web"));
        startDigger();
        assertEquals(List.of("172.18.0.2"), ok("docker exec digger dig +short www"));
        assertEquals(List.of("172.18.0.2"), ok("docker exec digger dig +short web.mynet"));
        assertEquals(List.of("172.18.0.2"), ok("docker exec digger dig +short WEB"));
        String shortId = ok("docker inspect -f '{{.Config.Hostname}}' web").get(0);
        assertEquals(List.of("172.18.0.2"), ok("docker exec digger dig +short " + shortId));
        assertEquals(List.of("web.mynet."), ok("docker exec digger dig +short -x 172.18.0.2"));
        assertEquals(List.of("web.mynet."), ok("docker exec digger dig +short 2.0.18.172.in-addr.arpa PTR"));
        List<String> ping = ok("docker exec client ping -c 1 web");
        assertEquals("PING web (172.18.0.2): 56 data bytes", ping.get(0));
        assertEquals("64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.000 ms", ping.get(1));
    }

    @Test
    void replicasAnswerWithEveryAddressInVaryingOrder() {
        ok("docker run -d --name iotd1 --network mynet --network-alias iotd alpine sleep 3600");
        ok("docker run -d --name iotd2 --network mynet --network-alias iotd alpine sleep 3600");
        ok("docker run -d --name iotd3 --network mynet --network-alias iotd alpine sleep 3600");
        startDigger();
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            List<String> answer = ok("docker exec digger dig +short iotd");
            assertEquals(Set.of("172.18.0.4", "172.18.0.5", "172.18.0.6"), new HashSet<>(answer));
            orders.add(answer);
        }
        assertTrue(orders.size() > 1, "shuffled: " + orders);
        List<String> dig = ok("docker exec digger dig iotd");
        assertTrue(dig.stream().anyMatch(l -> l.matches("iotd\\.\\t\\t\\t600\\tIN\\tA\\t172\\.18\\.0\\.[456]")), String.join("\n", dig));
    }

    @Test
    void unknownNamesAreForwardedUpstreamFromTheHostAndNxdomainComesBack() {
        startDigger();
        assertEquals(List.of("93.184.215.14"), ok("docker exec digger dig +short example.com"));
        assertTrue(world.dns().queries() >= 1, "the router's server saw the forwarded query");
        CommandResult nx = h.run("docker exec client nslookup nope.invalid");
        assertEquals(1, nx.status());
        assertTrue(nx.output().contains("** server can't find nope.invalid: NXDOMAIN"), String.join("\n", nx.output()));
        List<String> dig = ok("docker exec digger dig nope.invalid");
        assertTrue(dig.contains(";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: " + dig.get(4).replaceAll(".*id: ", "")), String.join("\n", dig));
        CommandResult ping = h.run("docker exec client ping -c 1 nope.invalid");
        assertEquals(1, ping.status());
        assertEquals(List.of("ping: bad address 'nope.invalid'"), ping.output());
    }

    @Test
    void theDefaultBridgeHasNoContainerNames() {
        ok("docker run -d --name a1 alpine sleep 3600");
        ok("docker run -d --name b1 alpine sleep 3600");
        CommandResult r = h.run("docker exec a1 ping -c 1 b1");
        assertEquals(1, r.status());
        assertEquals(List.of("ping: bad address 'b1'"), r.output());
    }

    @Test
    void upstreamsThatNeverAnswerGiveServfailAfterEachServerTimesOut() {
        // The resolver answers SERVFAIL after 6 s: each upstream is given up when its ARP fails (EHOSTUNREACH after
        // 3 s), before the 4 s timeout. dig's tries last 5 s each, every one from a new socket (BIND 9.18.49's dig
        // here drops a reply that comes to the socket of a try it gave up), so it never sees it: three tries, exit 9.
        // BusyBox's nslookup gives up after its 5 s, as on the reference host whose upstream never answers
        // (dns.out: nslookup nosuchhost).
        ok("docker run -d --name lost --network mynet --dns 192.168.1.200 --dns 192.168.1.201 nicolaka/netshoot sleep infinity");
        ok("docker run -d --name lost-alpine --network mynet --dns 192.168.1.200 --dns 192.168.1.201 alpine sleep 3600");
        long t0 = world.emulation().loop().nanos();
        CommandResult dig = h.run("docker exec lost dig example.com");
        assertEquals(9, dig.status(), String.join("\n", dig.output()));
        String timedOut = ";; communications error to 127.0.0.11#53: timed out";
        assertEquals(List.of(timedOut, timedOut, timedOut), dig.output().subList(0, 3));
        assertEquals(15_000_000_000L, world.emulation().loop().nanos() - t0, "three tries of 5 s");
        CommandResult quick = h.run("docker exec lost dig +time=7 +tries=1 example.com");
        assertTrue(quick.output().stream().anyMatch(l -> l.contains("status: SERVFAIL")), String.join("\n", quick.output()));
        CommandResult r = h.run("docker exec lost-alpine nslookup example.com");
        assertEquals(1, r.status());
        assertEquals(List.of(";; connection timed out; no servers could be reached", ""), r.output());
    }

    @Test
    void malformedQueriesNeverBreakTheResolver() {
        String ns = world.engine().container("client").netns();
        UdpSocket s = world.hostKernel().sockets(ns).openUdp();
        List<DnsMessage> replies = new ArrayList<>();
        s.onReceive((sock, src, port, data) -> {
            DnsMessage m = DnsMessage.parse(data, data.readerIndex(), data.readableBytes());
            if (m != null) {
                replies.add(m);
            }
        });
        Random random = new Random(7);
        ByteBuf valid = Unpooled.buffer();
        DnsMessage q = DnsMessage.query(1234, "web", DnsType.A, DnsHeader.FLAG_RD, null);
        valid.writerIndex(q.emit(valid, 0));
        byte[] good = new byte[valid.readableBytes()];
        valid.getBytes(0, good);
        valid.release();
        for (int i = 0; i < 3000; i++) {
            byte[] b;
            if (i % 2 == 0) {
                b = new byte[random.nextInt(64)];
                random.nextBytes(b);
            } else {
                b = good.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            ByteBuf buf = Unpooled.wrappedBuffer(b);
            s.send(EmbeddedResolver.ADDRESS, 53, buf);
            buf.release();
            world.emulation().loop().runFor(10_000_000L);
        }
        // Still answering afterwards.
        startDigger();
        assertEquals(List.of("172.18.0.2"), ok("docker exec digger dig +short web"));
        assertTrue(replies.stream().anyMatch(m -> m.rcode() == DnsRcode.FORMERR), "some garbage got FORMERR");
        world.emulation().loop().runFor(20_000_000_000L); // let forwarded queries time out
        s.close();
    }

    @Test
    void aBurstOfForwardedQueriesKeepsOpenSocketsBoundedAndIsRefusedPastTheBound() {
        // libnetwork's fwdSem: 1024 exchanges upstream at once, 1024 more may wait for a slot, the rest REFUSED.
        ok("docker run -d --name burst --network mynet --dns 192.168.1.200 alpine sleep 3600");
        String ns = world.engine().container("burst").netns();
        int before = hostUdpSockets();
        UdpSocket s = world.hostKernel().sockets(ns).openUdp();
        List<DnsMessage> replies = new ArrayList<>();
        s.onReceive((sock, src, port, data) -> replies.add(DnsMessage.parse(data, data.readerIndex(), data.readableBytes())));
        int queries = 2500;
        int most = 0;
        for (int i = 0; i < queries; i++) {
            DnsMessage q = DnsMessage.query(i, "host" + i + ".example.com", DnsType.A, DnsHeader.FLAG_RD, null);
            ByteBuf buf = Unpooled.buffer();
            buf.writerIndex(q.emit(buf, 0));
            s.send(EmbeddedResolver.ADDRESS, 53, buf);
            buf.release();
            if (i % 50 == 49) {
                world.emulation().loop().runFor(1_000_000L);
                most = Math.max(most, hostUdpSockets() - before);
            }
        }
        world.emulation().loop().runFor(100_000_000L);
        assertEquals(ForwardSlots.MAX_CONCURRENT, Math.max(most, hostUdpSockets() - before), "one socket per exchange, 1024 at most");
        long refusedAtOnce = replies.stream().filter(m -> m.rcode() == DnsRcode.REFUSED).count();
        assertEquals(queries - ForwardSlots.MAX_CONCURRENT - ForwardSlots.MAX_WAITING, refusedAtOnce);
        world.emulation().loop().runFor(20_000_000_000L);
        assertEquals(queries, replies.size(), "every query answered");
        assertEquals(before, hostUdpSockets(), "every forward's socket closed");
        s.close();
        startDigger();
        assertEquals(List.of("172.18.0.2"), ok("docker exec digger dig +short web"), "the resolver lives on");
    }

    private int hostUdpSockets() {
        return (int) world.hostKernel().inetSockets(Kernel.HOST).stream()
                .filter(i -> i.proto().startsWith("udp")).count();
    }
}
