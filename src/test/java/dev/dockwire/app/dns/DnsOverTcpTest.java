package dev.dockwire.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.ConntrackInfo;
import dev.dockwire.run.World;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.testing.TestHost;
import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsType;
import dev.dockwire.wire.IpProtocol;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DNS over TCP (RFC 1035 section 4.2.2, RFC 7766) through Docker's resolver and the LAN's server. */
class DnsOverTcpTest {
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(3);
        h.ok("docker network create mynet");
        h.ok("docker run -d --name web --network mynet alpine sleep 3600");
        h.ok("docker run -d --name client --cap-add NET_ADMIN --network mynet nicolaka/netshoot sleep infinity");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void digOverTcpGetsTheLocalAnswerThroughTheTcpDnat() {
        List<String> dig = h.ok("docker exec client dig +tcp web");
        assertTrue(dig.contains("web.\t\t\t600\tIN\tA\t172.18.0.2"), String.join("\n", dig));
        assertTrue(dig.contains(";; SERVER: 127.0.0.11#53(127.0.0.11) (TCP)"), String.join("\n", dig));
        String ns = h.world.engine().container("client").netns();
        List<ConntrackInfo> tcp = h.world.hostKernel().conntrack(ns).stream()
                .filter(c -> c.protocol() == IpProtocol.TCP).toList();
        assertEquals(1, tcp.size(), tcp.toString());
        assertEquals(53, tcp.get(0).original().dstPort());
        int port = tcp.get(0).reply().srcPort();
        assertTrue(h.ok("docker exec client iptables -t nat -S").contains(
                "-A DOCKER_OUTPUT -d 127.0.0.11/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127.0.0.11:" + port));
        assertEquals(0, h.world.dns().queries(), "answered locally");
    }

    @Test
    void aQueryThatCameOverTcpIsForwardedOverTcp() {
        assertEquals(List.of("93.184.215.14"), h.ok("docker exec client dig +tcp +short example.com"));
        assertEquals(1, h.world.dns().queries());
        assertEquals(1, h.world.dns().tcpQueries());
    }

    @Test
    void aTruncatedUdpAnswerIsRelayedAndDigRetriesOverTcp() {
        List<String> dig = h.ok("docker exec client dig cdn.example.com");
        assertEquals(";; Truncated, retrying in TCP mode.", dig.get(0));
        assertTrue(dig.contains(";; flags: qr rd ra; QUERY: 1, ANSWER: " + World.CDN_ADDRESSES + ", AUTHORITY: 0, ADDITIONAL: 0"),
                String.join("\n", dig));
        assertTrue(dig.contains(";; SERVER: 127.0.0.11#53(127.0.0.11) (TCP)"));
        // Upstream: first the client's UDP query (answered with TC), then its TCP retry.
        assertEquals(2, h.world.dns().queries());
        assertEquals(1, h.world.dns().tcpQueries());
    }

    @Test
    void withIgnoreDigShowsTheTruncatedUdpAnswer() {
        List<String> dig = h.ok("docker exec client dig +ignore cdn.example.com");
        String flags = dig.stream().filter(l -> l.startsWith(";; flags:")).findFirst().orElseThrow();
        assertTrue(flags.startsWith(";; flags: qr tc rd ra; QUERY: 1, ANSWER: "), flags);
        int answers = Integer.parseInt(flags.replaceAll(".*ANSWER: (\\d+),.*", "$1"));
        assertTrue(answers < World.CDN_ADDRESSES, flags);
        assertTrue(dig.stream().anyMatch(l -> l.startsWith(";; MSG SIZE  rcvd: ")
                && Integer.parseInt(l.substring(18).trim()) <= 1232), "within the EDNS size");
        assertEquals(0, h.world.dns().tcpQueries());
    }

    @Test
    void pipelinedQueriesSplitAcrossSegmentsAreEachAnswered() {
        String ns = h.world.engine().container("client").netns();
        TcpSocket s = h.world.hostKernel().sockets(ns).openTcp();
        List<DnsMessage> replies = new ArrayList<>();
        DnsStream stream = new DnsStream(s, (st, data) -> replies.add(DnsUdp.parse(data)));
        byte[] one = DnsStream.frame(DnsMessage.query(1, "web", DnsType.A, DnsHeader.FLAG_RD, null));
        byte[] two = DnsStream.frame(DnsMessage.query(2, "client", DnsType.A, DnsHeader.FLAG_RD, null));
        byte[] both = new byte[one.length + two.length];
        System.arraycopy(one, 0, both, 0, one.length);
        System.arraycopy(two, 0, both, one.length, two.length);
        s.connect(EmbeddedResolver.ADDRESS, 53, err -> {
            // the first message and one byte of the second's length prefix, then the rest
            s.write(Unpooled.wrappedBuffer(both, 0, one.length + 1));
            h.world.emulation().loop().schedule(1_000_000L,
                    () -> s.write(Unpooled.wrappedBuffer(both, one.length + 1, two.length - 1)));
        });
        h.world.emulation().loop().runFor(1_000_000_000L);
        assertEquals(2, replies.size(), replies.toString());
        assertEquals(1, replies.get(0).id());
        assertEquals("172.18.0.2", StubResolver.addresses(replies.get(0)).stream().map(dev.dockwire.wire.Ipv4Address::format)
                .findFirst().orElseThrow());
        assertEquals(2, replies.get(1).id());
        assertEquals(1, replies.get(1).answers().size());
        stream.close();
        h.world.emulation().loop().runFor(1_000_000_000L);
    }

    @Test
    void thousandsOfMalformedTcpMessagesAreAnsweredFormerrOrDroppedAndTheResolverGoesOn() {
        String ns = h.world.engine().container("client").netns();
        Random random = new Random(11);
        byte[] good = DnsStream.frame(DnsMessage.query(99, "web", DnsType.A, DnsHeader.FLAG_RD, null));
        List<DnsMessage> replies = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            byte[] b;
            if (i % 2 == 0) {
                // a valid length prefix over random bytes (truncated headers, huge counts, pointer loops)
                int len = random.nextInt(80);
                b = new byte[2 + len];
                random.nextBytes(b);
                b[0] = 0;
                b[1] = (byte) len;
            } else {
                b = good.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    b[2 + random.nextInt(b.length - 2)] = (byte) random.nextInt(256);
                }
            }
            TcpSocket s = h.world.hostKernel().sockets(ns).openTcp();
            DnsStream stream = new DnsStream(s, (st, data) -> {
                DnsMessage m = DnsUdp.parse(data);
                if (m != null) {
                    replies.add(m);
                }
            });
            byte[] bytes = b;
            s.connect(EmbeddedResolver.ADDRESS, 53, err -> s.write(Unpooled.wrappedBuffer(bytes)));
            h.world.emulation().loop().runFor(5_000_000L);
            stream.close();
        }
        h.world.emulation().loop().runFor(30_000_000_000L); // forwarded ones time out or come back
        assertTrue(replies.stream().anyMatch(m -> m.rcode() == dev.dockwire.wire.DnsRcode.FORMERR), "some got FORMERR");
        assertEquals(List.of("172.18.0.2"), h.ok("docker exec client dig +tcp +short web"));
        assertEquals(List.of("172.18.0.2"), h.ok("docker exec client dig +short web"));
    }
}
