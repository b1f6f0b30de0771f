package dev.dockwire.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.testing.TestHost;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The image's HTTP servers hold their clients within the program's limits ({@link HttpLimits}):
 * nginx serves at most worker_connections (1024) at once, the rest waiting in the listen backlog
 * (511), closes a connection that sends no request head within client_header_timeout (60 s), and
 * refuses a head or body past its buffers with its own pages; it lives through all of it.
 */
class HttpBoundsTest {
    private static final int WEB = Ipv4Address.parse("172.18.0.2").bits();
    private TestHost h;
    private EventLoop loop;
    private Sockets client;
    private String webNs;

    @BeforeEach
    void setUp() {
        h = new TestHost(7);
        h.ok("docker network create mynet");
        h.ok("docker run -d --name web --network mynet nginx");
        h.ok("docker run -d --name client --network mynet nicolaka/netshoot sleep infinity");
        loop = h.world.emulation().loop();
        client = h.world.hostKernel().sockets(h.world.engine().container("client").netns());
        webNs = h.world.engine().container("web").netns();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** Connections to port 80 established at nginx's end (served, or waiting in its accept queue). */
    private long webConnections() {
        return h.world.hostKernel().inetSockets(webNs).stream()
                .filter(i -> i.proto().equals("tcp") && i.localPort() == 80
                        && (i.state().equals("ESTABLISHED") || i.state().equals("CLOSE_WAIT")))
                .count();
    }

    private TcpSocket open(List<String> events, String request) {
        TcpSocket s = client.openTcp();
        StringBuilder got = new StringBuilder();
        s.onData(b -> got.append(b.toString(StandardCharsets.ISO_8859_1)));
        s.onEof(() -> {
            events.add(got.length() == 0 ? "EOF" : got.toString());
            s.close();
        });
        s.onError(e -> events.add(e.name()));
        s.connect(WEB, 80, err -> {
            if (err == null && !request.isEmpty()) {
                ByteBuf b = Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1);
                while (b.isReadable() && s.write(b) > 0) {
                    // the request fits the send buffer in a few writes
                }
                b.release();
            }
        });
        return s;
    }

    @Test
    void aFloodOfIdleConnectionsStaysWithinWorkerConnectionsAndTheBacklog() {
        List<String> events = new ArrayList<>();
        long most = 0;
        for (int i = 0; i < 2500; i++) {
            open(events, "");
            if (i % 100 == 99) {
                loop.runFor(10_000_000L);
                most = Math.max(most, webConnections());
            }
        }
        loop.runFor(1_000_000_000L);
        most = Math.max(most, webConnections());
        int bound = HttpLimits.NGINX.maxConnections() + 511 + 1;
        assertTrue(most > HttpLimits.NGINX.maxConnections() && most <= bound,
                "served 1024, queued 512 at most: " + most);
        // each round of client_header_timeout closes the ones served; the clients' SYN retries bring the rest in
        for (int round = 0; round < 5; round++) {
            loop.runFor(HttpLimits.NGINX.headTimeoutNanos() + 1_000_000_000L);
            assertTrue(webConnections() <= bound, "still bounded: " + webConnections());
        }
        List<String> page = h.ok("docker exec client curl -s http://web/");
        assertEquals("<title>Welcome to nginx!</title>", page.get(3), "nginx lives on");
        assertTrue(events.stream().filter("EOF"::equals).count() >= HttpLimits.NGINX.maxConnections(),
                "idle connections closed at client_header_timeout without an answer");
    }

    @Test
    void aHeadPastLargeClientHeaderBuffersIsRefusedWithNginxsPage() {
        List<String> events = new ArrayList<>();
        open(events, "GET / HTTP/1.1\r\nHost: web\r\nX-Big: " + "a".repeat(40_000) + "\r\n\r\n");
        loop.runFor(1_000_000_000L);
        assertEquals(1, events.size(), events.toString());
        String r = events.get(0);
        assertTrue(r.startsWith("HTTP/1.1 400 Bad Request\r\nServer: nginx/1.31.3\r\n"), r);
        assertTrue(r.endsWith("<html>\r\n<head><title>400 Request Header Or Cookie Too Large</title></head>\r\n<body>\r\n"
                + "<center><h1>400 Bad Request</h1></center>\r\n<center>Request Header Or Cookie Too Large</center>\r\n"
                + "<hr><center>nginx/1.31.3</center>\r\n</body>\r\n</html>\r\n"), r);
    }

    @Test
    void aLinePastEightKilobytesIs400ForAHeaderAnd414ForTheRequestLine() {
        List<String> events = new ArrayList<>();
        open(events, "GET / HTTP/1.1\r\nHost: web\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n");
        loop.runFor(1_000_000_000L);
        open(events, "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: web\r\n\r\n");
        loop.runFor(1_000_000_000L);
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("HTTP/1.1 400 Bad Request\r\n")
                && events.get(0).contains("<center>Request Header Or Cookie Too Large</center>"), events.get(0));
        assertTrue(events.get(1).startsWith("HTTP/1.1 414 Request-URI Too Large\r\n")
                && events.get(1).contains("<center><h1>414 Request-URI Too Large</h1></center>"), events.get(1));
    }

    @Test
    void aBodyPastClientMaxBodySizeIs413AndABadChunkSize400() {
        List<String> events = new ArrayList<>();
        open(events, "POST / HTTP/1.1\r\nHost: web\r\nContent-Length: 2000000\r\n\r\n");
        open(events, "POST / HTTP/1.1\r\nHost: web\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        loop.runFor(1_000_000_000L);
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.stream().anyMatch(r -> r.startsWith("HTTP/1.1 413 Request Entity Too Large\r\n")
                && r.contains("<center><h1>413 Request Entity Too Large</h1></center>")), events.toString());
        assertTrue(events.stream().anyMatch(r -> r.startsWith("HTTP/1.1 400 Bad Request\r\n")
                && r.contains("<head><title>400 Bad Request</title></head>")), events.toString());
        List<String> page = h.ok("docker exec client curl -s http://web/");
        assertEquals("<title>Welcome to nginx!</title>", page.get(3), "nginx lives on");
    }
}
