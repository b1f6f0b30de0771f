package dev.dockwire.netns.stack;

import static dev.dockwire.netns.stack.TcpLab.A;
import static dev.dockwire.netns.stack.TcpLab.B;
import static dev.dockwire.netns.stack.TcpLab.MS;
import static dev.dockwire.netns.stack.TcpLab.PORT;
import static dev.dockwire.netns.stack.TcpLab.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netns.stack.TcpLab.Peer;
import dev.dockwire.netns.stack.TcpLab.Seg;
import dev.dockwire.netns.stack.TcpLab.Server;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.MacAddress;
import dev.dockwire.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CLOSED → SYN-SENT → ESTABLISHED and LISTEN → SYN-RECEIVED → ESTABLISHED, and opens that fail. */
class TcpHandshakeTest {
    private static final int SYN = TcpSegment.FLAG_SYN;
    private static final int ACK = TcpSegment.FLAG_ACK;

    @Test
    void threeWayHandshakeWithLinuxOptions() {
        TcpLab lab = new TcpLab();
        Server srv = lab.listen(lab.b, PORT, 16);
        Peer client = lab.connect(lab.a, B, PORT);
        assertEquals(TcpState.SYN_SENT, client.state());
        lab.run(MS);
        List<Seg> w = lab.wire;
        assertEquals(3, w.size(), lab.dump());

        Seg syn = w.get(0);
        assertTrue(syn.out() && syn.is(SYN));
        assertEquals(client.tcb().iss, syn.seq());
        assertEquals(0, syn.ack());
        // tcp_select_initial_window: whole segments of the MSS within half of tcp_rmem's 128 KiB, unscaled
        assertEquals(64240, syn.tcp().window(), "44 x 1460, as Linux's SYN");
        assertEquals(1460, syn.tcp().mss(), "MSS = eth0 MTU 1500 - 40");
        assertEquals(7, syn.tcp().windowScale());
        assertTrue(syn.tcp().sackPermitted());
        assertEquals(0, syn.tcp().timestamps().tsEcr());
        // Linux's layout: MSS, SACK_PERM, TS, NOP, WS (tcp_options_write)
        byte[] o = syn.options();
        assertEquals(20, o.length);
        assertArrayEquals(new byte[] {2, 4, 0x05, (byte) 0xb4, 4, 2, 8, 10}, java.util.Arrays.copyOf(o, 8));
        assertArrayEquals(new byte[] {1, 3, 3, 7}, java.util.Arrays.copyOfRange(o, 16, 20));

        Seg synAck = w.get(1);
        assertTrue(!synAck.out() && synAck.is(SYN | ACK));
        assertEquals(syn.seq() + 1, synAck.ack());
        assertEquals(1460, synAck.tcp().mss());
        assertEquals(7, synAck.tcp().windowScale());
        assertEquals(65160, synAck.tcp().window(), "45 x 1448 (the MSS less the timestamp option), as Linux's SYN-ACK");
        assertTrue(synAck.tcp().sackPermitted());
        assertEquals(syn.tcp().timestamps().tsVal(), synAck.tcp().timestamps().tsEcr(), "TSecr echoes the SYN's TSval");

        Seg ack = w.get(2);
        assertTrue(ack.out() && ack.is(ACK));
        assertEquals(syn.seq() + 1, ack.seq());
        assertEquals(synAck.seq() + 1, ack.ack());
        // The clamp keeps a segment in reserve (64,088: 501 units), but the edge the SYN offered never
        // moves left: 64,240 aligned up to the scale unit, as Linux's "win 502".
        assertEquals(502, ack.tcp().window());
        assertEquals(synAck.tcp().timestamps().tsVal(), ack.tcp().timestamps().tsEcr());

        assertEquals(TcpState.ESTABLISHED, client.state());
        assertEquals(List.of("connected"), client.events);
        assertEquals(1, srv.accepted.size());
        Peer server = srv.last();
        assertEquals(TcpState.ESTABLISHED, server.state());
        assertEquals(A, server.socket.remoteAddress());
        assertEquals(client.socket.localPort(), server.socket.remotePort());
        assertEquals(B, server.socket.localAddress());
        assertEquals(A, client.socket.localAddress());
        int port = client.socket.localPort();
        assertTrue(port >= 32768 && port <= 60999, "ephemeral port " + port);
        // Both sides agreed on every option; data segments carry 1448 bytes (1460 - 12 of timestamps).
        TcpConnection c = client.tcb();
        assertTrue(c.wsOk && c.sackOk && c.tsOk);
        assertEquals(7, c.sndWscale);
        assertEquals(1448, c.smss());
        assertEquals(10 * 1448, c.cc.cwnd, "initial window: 10 segments");
        assertEquals(1, lab.tcp(lab.a).counters().activeOpens);
        assertEquals(1, lab.tcp(lab.b).counters().passiveOpens);
    }

    @Test
    void theSameSeedGivesTheSameIsnAndPort() {
        int[] first = handshakeIds(42);
        int[] again = handshakeIds(42);
        int[] other = handshakeIds(43);
        assertArrayEquals(first, again);
        assertFalse(java.util.Arrays.equals(first, other));
    }

    private static int[] handshakeIds(long seed) {
        TcpLab lab = new TcpLab(seed);
        lab.listen(lab.b, PORT, 4);
        Peer client = lab.connect(lab.a, B, PORT);
        lab.run(MS);
        return new int[] {lab.wire.get(0).seq(), lab.wire.get(1).seq(), client.socket.localPort()};
    }

    @Test
    void mssFollowsTheDeviceMtuAndOptionsFollowTheSysctls() {
        TcpLab lab = new TcpLab();
        lab.net.dev("a", "eth0").mtu(9000);
        lab.net.kernel.sysctl("a", "net.ipv4.tcp_timestamps", "0");
        lab.net.kernel.sysctl("a", "net.ipv4.tcp_sack", "0");
        lab.listen(lab.b, PORT, 4);
        Peer client = lab.connect(lab.a, B, PORT);
        lab.run(MS);
        Seg syn = lab.wire.get(0);
        assertEquals(8960, syn.tcp().mss());
        assertNull(syn.tcp().timestamps());
        assertFalse(syn.tcp().sackPermitted());
        // MSS, NOP, WS
        assertArrayEquals(new byte[] {2, 4, 0x23, 0x00, 1, 3, 3, 7}, syn.options());
        Seg synAck = lab.wire.get(1);
        assertNull(synAck.tcp().timestamps(), "a SYN-ACK only answers what the SYN offered");
        assertFalse(synAck.tcp().sackPermitted());
        assertEquals(1460, client.tcb().mssClamp, "the smaller of the two MSS");
        assertEquals(1460, client.tcb().smss());
    }

    @Test
    void simultaneousOpenGoesThroughSynReceived() {
        TcpLab lab = new TcpLab();
        TcpSocket sa = lab.a.sockets().openTcp();
        TcpSocket sb = lab.b.sockets().openTcp();
        sa.bind(0, 5000);
        sb.bind(0, 6000);
        Peer pa = new Peer(sa);
        Peer pb = new Peer(sb);
        sa.connect(B, 6000, e -> pa.events.add("connect " + e));
        sb.connect(A, 5000, e -> pb.events.add("connect " + e));
        lab.run(MS);
        // SYNs cross; each side answers with SYN-ACK; both become established
        assertEquals(2, lab.segs(s -> s.is(SYN)).size(), lab.dump());
        assertEquals(2, lab.segs(s -> s.is(SYN | ACK)).size(), lab.dump());
        assertEquals(TcpState.ESTABLISHED, pa.state());
        assertEquals(TcpState.ESTABLISHED, pb.state());
        assertEquals(List.of("connect null"), pa.events);
        assertEquals(List.of("connect null"), pb.events);
        pa.send("ping");
        pb.send("pong");
        lab.run(100 * MS);
        assertEquals("pong", pa.text());
        assertEquals("ping", pb.text());
    }

    @Test
    void aClosedPortAnswersRstAndConnectIsRefused() {
        TcpLab lab = new TcpLab();
        Peer client = lab.connect(lab.a, B, 81);
        lab.run(MS);
        assertEquals(SocketError.ECONNREFUSED, client.connectError);
        assertEquals(TcpState.CLOSED, client.state());
        Seg syn = lab.wire.get(0);
        Seg rst = lab.wire.get(1);
        // RFC 9293 3.10.7.1: no ACK in the SYN, so <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>
        assertEquals("R.", rst.flags());
        assertEquals(0, rst.seq());
        assertEquals(syn.seq() + 1, rst.ack());
        assertEquals(2, lab.wire.size());
        assertEquals(1, lab.tcp(lab.b).counters().outRsts);
        assertEquals(1, lab.tcp(lab.a).counters().attemptFails);
        assertTrue(lab.tcp(lab.a).connections().isEmpty());
    }

    @Test
    void anAckToAClosedPortIsResetWithItsAckAsSequence() {
        TcpLab lab = new TcpLab();
        TcpLab.Conn c = TcpLab.socketEstablished(lab);
        // The server's side vanishes without a word (namespace-level forget); the client's next segment finds no TCB.
        TcpConnection server = c.server().tcb();
        server.destroy();
        lab.wire.clear();
        c.client().send("hello");
        lab.run(MS);
        Seg data = lab.wire.get(0);
        Seg rst = lab.wire.get(1);
        assertEquals("R", rst.flags());
        assertEquals(data.ack(), rst.seq(), "<SEQ=SEG.ACK><CTL=RST>");
        assertEquals(List.of(SocketError.ECONNRESET), c.client().errors);
        assertEquals(TcpState.CLOSED, c.client().state());
    }

    @Test
    void synToAnUnansweredNeighbourFailsWithHostUnreachableWhenArpGivesUp() {
        TcpLab lab = new TcpLab();
        Peer client = lab.connect(lab.a, TestNet.ip("10.0.0.99"), PORT);
        lab.run(2500 * MS);
        assertEquals(TcpState.SYN_SENT, client.state());
        assertEquals(1, lab.tcp(lab.a).counters().timeouts, "the SYN was retried at 1 s while ARP was still resolving");
        lab.run(10 * SEC);
        // ARP gives up after 3 probes (3 s): the queued SYNs come back as ICMP host unreachable,
        // which aborts a connection in SYN-SENT (Linux tcp_v4_err, RFC 5461 4.1).
        assertEquals(SocketError.EHOSTUNREACH, client.connectError);
        assertEquals(TcpState.CLOSED, client.state());
        assertEquals(2, lab.tcp(lab.a).counters().timeouts, "retried at 1 s and 3 s (backoff)");
        assertTrue(lab.wire.isEmpty(), "no SYN ever left: the neighbour never resolved");
    }

    @Test
    void synIntoABlackHoleIsRetriedSixTimesWithBackoffThenTimesOut() {
        TcpLab lab = new TcpLab();
        // A neighbour entry for an address nobody has: frames leave and are never answered.
        int ghost = TestNet.ip("10.0.0.99");
        lab.a.neighbours().addPermanent(lab.net.dev("a", "eth0"), ghost, MacAddress.parse("02:00:00:00:00:99").bits());
        Peer client = lab.connect(lab.a, ghost, PORT);
        lab.run(126 * SEC);
        assertEquals(TcpState.SYN_SENT, client.state());
        lab.run(2 * SEC);
        assertEquals(SocketError.ETIMEDOUT, client.connectError);
        List<Long> times = lab.wire.stream().map(s -> s.nanos() / SEC).toList();
        assertEquals(List.of(0L, 1L, 3L, 7L, 15L, 31L, 63L), times, "tcp_syn_retries=6, RTO 1 s doubling");
        assertTrue(lab.wire.stream().allMatch(s -> s.is(SYN) && s.seq() == lab.wire.get(0).seq()));
        assertEquals(6, lab.tcp(lab.a).counters().retransSegs);
    }

    @Test
    void hostUnreachableFromARouterAbortsTheConnect() {
        TcpLab lab = new TcpLab();
        // b routes 10.9.0.0/24 via 10.0.0.77, which nobody answers ARP for: b's neighbour layer gives
        // up after 3 s and b sends a ICMP host unreachable quoting the SYN.
        lab.net.kernel.sysctl("b", "net.ipv4.ip_forward", "1");
        lab.net.kernel.routeAdd("a", dev.dockwire.wire.Cidr.parse("10.9.0.0/24"), B, "eth0");
        lab.net.kernel.routeAdd("b", dev.dockwire.wire.Cidr.parse("10.9.0.0/24"), TestNet.ip("10.0.0.77"), "eth0");
        Peer client = lab.connect(lab.a, TestNet.ip("10.9.0.1"), PORT);
        lab.run(10 * SEC);
        assertEquals(SocketError.EHOSTUNREACH, client.connectError);
        assertTrue(lab.now() >= 3 * SEC);
    }

    @Test
    void noRouteFailsConnectAtOnce() {
        TcpLab lab = new TcpLab();
        lab.net.kernel.netnsAdd("lonely");
        TcpSocket s = lab.net.ns("lonely").sockets().openTcp();
        SocketException e = assertThrows(SocketException.class, () -> s.connect(TestNet.ip("8.8.8.8"), 80, err -> { }));
        assertEquals(SocketError.ENETUNREACH, e.error());
    }

    @Test
    void writeBeforeConnectIsNotConnected() {
        TcpLab lab = new TcpLab();
        Peer p = new Peer(lab.a.sockets().openTcp());
        SocketException e = assertThrows(SocketException.class, () -> p.send("x"));
        assertEquals(SocketError.ENOTCONN, e.error());
    }

    @Test
    void dataWrittenDuringTheHandshakeIsSentOnceEstablished() {
        TcpLab lab = new TcpLab();
        Server srv = lab.listen(lab.b, PORT, 4);
        Peer client = lab.connect(lab.a, B, PORT);
        assertEquals(5, client.send("early"));
        lab.run(MS);
        assertEquals("early", srv.last().text());
        assertEquals(List.of("S", "S.", ".", "P."), lab.wire.stream().map(Seg::flags).toList().subList(0, 4));
    }

    @Test
    void listeningTwiceOnAPortIsInUse() {
        TcpLab lab = new TcpLab();
        lab.listen(lab.b, PORT, 4);
        SocketException e = assertThrows(SocketException.class, () -> lab.b.sockets().listenTcp(0, PORT, 4));
        assertEquals(SocketError.EADDRINUSE, e.error());
        SocketException e2 = assertThrows(SocketException.class,
                () -> lab.b.sockets().listenTcp(TestNet.ip("10.9.9.9"), 8080, 4));
        assertEquals(SocketError.EADDRNOTAVAIL, e2.error());
    }

    @Test
    void loopbackConnectionsUseTheLoopbackMtu() {
        TcpLab lab = new TcpLab();
        Server srv = lab.listen(lab.a, PORT, 4);
        Peer client = lab.connect(lab.a, TestNet.ip("127.0.0.1"), PORT);
        lab.run(MS);
        assertEquals(TcpState.ESTABLISHED, client.state());
        assertEquals(65495, client.tcb().mssClamp, "65535 - 40, as Linux's SYN on lo shows");
        byte[] big = new byte[100_000];
        new java.util.Random(1).nextBytes(big);
        assertEquals(big.length, client.send(big));
        lab.run(100 * MS);
        assertArrayEquals(big, srv.last().bytes());
    }
}
