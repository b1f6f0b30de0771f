package dev.dockwire.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.testing.TestHost;
import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsType;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded resolver's TCP connections are bounded as miekg/dns bounds them
 * ({@link ResolverTcpConn}): a connection that sends no query is closed at the 2 s read deadline,
 * an idle one 8 s after its last answer, any one after 128 queries; so a flood of connections
 * holds at most its rate times 2 s of them open, and the resolver lives.
 */
class ResolverTcpBoundsTest {
    private TestHost h;
    private EventLoop loop;
    private String ns;
    private Sockets client;

    @BeforeEach
    void setUp() {
        h = new TestHost(5);
        h.ok("docker network create mynet");
        h.ok("docker run -d --name web --network mynet alpine sleep 3600");
        h.ok("docker run -d --name client --network mynet nicolaka/netshoot sleep infinity");
        loop = h.world.emulation().loop();
        ns = h.world.engine().container("client").netns();
        client = h.world.hostKernel().sockets(ns);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** Connections the resolver holds open in the container (its end: not the clients' to port 53, not yet closed by it). */
    private long resolverConnections() {
        return h.world.hostKernel().inetSockets(ns).stream()
                .filter(i -> i.proto().equals("tcp") && i.localAddr() == EmbeddedResolver.ADDRESS && i.remotePort() != 53
                        && Set.of("ESTABLISHED", "CLOSE_WAIT", "SYN_RECV").contains(i.state()))
                .count();
    }

    private TcpSocket connect(List<String> events) {
        TcpSocket s = client.openTcp();
        s.onEof(() -> {
            events.add("EOF");
            s.close();
        });
        s.onError(e -> events.add(e.name()));
        return s;
    }

    @Test
    void aFloodOfSilentConnectionsIsClosedAtTheReadDeadline() {
        List<String> events = new ArrayList<>();
        int perMilli = 2;
        int millis = 2500;
        long most = 0;
        for (int t = 0; t < millis; t++) {
            for (int k = 0; k < perMilli; k++) {
                TcpSocket s = connect(events);
                // half a length prefix: a read that never completes
                s.connect(EmbeddedResolver.ADDRESS, 53, err -> s.write(Unpooled.wrappedBuffer(new byte[] {0})));
            }
            loop.runFor(1_000_000L);
            if (t % 100 == 99) {
                most = Math.max(most, resolverConnections());
            }
        }
        long bound = perMilli * ResolverTcpConn.READ_TIMEOUT_NANOS / 1_000_000L;
        assertTrue(most > bound / 2 && most <= bound + 10 * perMilli, "open connections at most rate x 2 s: " + most);
        loop.runFor(ResolverTcpConn.READ_TIMEOUT_NANOS + 1_000_000_000L);
        assertEquals(0, resolverConnections(), "every silent connection closed by the resolver");
        assertEquals(perMilli * millis, events.stream().filter("EOF"::equals).count(), "each closed with a FIN");
        assertEquals(List.of("172.18.0.2"), h.ok("docker exec client dig +tcp +short web"), "the resolver lives on");
    }

    @Test
    void aConnectionIsClosedAfter128QueriesAnsweredInOrder() {
        ByteArrayOutputStream pipelined = new ByteArrayOutputStream();
        for (int id = 0; id < 200; id++) {
            pipelined.writeBytes(DnsStream.frame(DnsMessage.query(id, "web", DnsType.A, DnsHeader.FLAG_RD, null)));
        }
        List<String> events = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        TcpSocket s = connect(events);
        new DnsStream(s, (st, data) -> ids.add(DnsUdp.parse(data).id()));
        byte[] bytes = pipelined.toByteArray();
        s.connect(EmbeddedResolver.ADDRESS, 53, err -> s.write(Unpooled.wrappedBuffer(bytes)));
        loop.runFor(1_000_000_000L);
        List<Integer> expected = new ArrayList<>();
        for (int id = 0; id < ResolverTcpConn.MAX_TCP_QUERIES; id++) {
            expected.add(id);
        }
        assertEquals(expected, ids, "one query at a time, in order, 128 of them");
        assertEquals(List.of("EOF"), events);
        assertEquals(0, resolverConnections());
    }

    @Test
    void anIdleConnectionIsClosedEightSecondsAfterItsLastAnswer() {
        List<String> events = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        TcpSocket s = connect(events);
        new DnsStream(s, (st, data) -> ids.add(DnsUdp.parse(data).id()));
        s.connect(EmbeddedResolver.ADDRESS, 53, err -> s.write(Unpooled.wrappedBuffer(
                DnsStream.frame(DnsMessage.query(7, "web", DnsType.A, DnsHeader.FLAG_RD, null)))));
        loop.runFor(ResolverTcpConn.READ_TIMEOUT_NANOS + 1_000_000_000L);
        assertEquals(List.of(7), ids, "a query in time is answered, past the first read's 2 s the connection stays");
        assertEquals(List.of(), events);
        assertEquals(1, resolverConnections());
        loop.runFor(ResolverTcpConn.IDLE_TIMEOUT_NANOS - ResolverTcpConn.READ_TIMEOUT_NANOS - 2_000_000_000L);
        assertEquals(List.of(), events, "idle for less than 8 s");
        loop.runFor(2_000_000_000L);
        assertEquals(List.of("EOF"), events, "idle for 8 s");
        assertEquals(0, resolverConnections());
    }
}
