package dev.dockwire.netns.stack;

import static dev.dockwire.netns.stack.TcpLab.MS;
import static dev.dockwire.netns.stack.TcpLab.PORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netns.stack.TcpLab.Conn;
import dev.dockwire.netns.stack.TcpLab.Seg;
import dev.dockwire.socket.SocketError;
import dev.dockwire.wire.TcpRepr;
import dev.dockwire.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resets sent and received, and RFC 5961's defences against blind ones. */
class TcpResetTest {
    private static final int RST = TcpSegment.FLAG_RST;
    private static final int ACK = TcpSegment.FLAG_ACK;

    @Test
    void abortSendsRstAndThePeerSeesConnectionReset() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        lab.wire.clear();
        TcpConnection client = c.client().tcb();
        int sndNxt = client.sndNxt;
        c.client().socket.abort();
        assertEquals(TcpState.CLOSED, c.client().state());
        lab.run(MS);
        assertEquals(1, lab.wire.size());
        Seg rst = lab.wire.get(0);
        assertEquals("R.", rst.flags());
        assertEquals(sndNxt, rst.seq(), "<SEQ=SND.NXT>");
        assertEquals(List.of(SocketError.ECONNRESET), c.server().errors);
        assertEquals(TcpState.CLOSED, c.server().state());
        assertTrue(c.client().errors.isEmpty(), "the side that aborts is not told");
        assertEquals(1, lab.tcp(lab.b).counters().estabResets);
        assertTrue(lab.tcp(lab.a).connections().isEmpty() && lab.tcp(lab.b).connections().isEmpty());
    }

    @Test
    void bufferedDataIsReadBeforeTheReset() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        c.server().socket.pauseReading();
        c.client().send("last words");
        lab.run(MS);
        c.client().socket.abort();
        lab.run(MS);
        c.server().socket.resumeReading();
        assertEquals(List.of("data 10", "error ECONNRESET"), c.server().events);
    }

    private static TcpRepr forged(Conn c, int seqOffset, int flags) {
        TcpConnection client = c.client().tcb();
        TcpConnection server = c.server().tcb();
        return TcpRepr.of(client.localPort, PORT, server.rcvNxt + seqOffset, (flags & ACK) != 0 ? server.sndNxt : 0,
                flags, 1024, new byte[0]);
    }

    @Test
    void aResetInsideTheWindowButNotAtRcvNxtGetsAChallengeAck() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        lab.wire.clear();
        lab.injectFromA(forged(c, 1000, RST));
        lab.run(MS);
        assertEquals(TcpState.ESTABLISHED, c.server().state());
        Seg challenge = lab.wire.get(1);
        assertEquals("b:.", (challenge.out() ? "a:" : "b:") + challenge.flags());
        assertEquals(c.server().tcb().rcvNxt, challenge.ack());
        assertEquals(1, lab.tcp(lab.b).counters().challengeAcks);
        // the real client answers the challenge ACK's news with nothing: it is in sync
        assertEquals(TcpState.ESTABLISHED, c.client().state());
    }

    @Test
    void aResetOutsideTheWindowIsIgnored() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        lab.wire.clear();
        lab.injectFromA(forged(c, 1 << 30, RST));
        lab.run(MS);
        assertEquals(1, lab.wire.size(), "no answer");
        assertEquals(TcpState.ESTABLISHED, c.server().state());
    }

    @Test
    void aResetAtExactlyRcvNxtIsAccepted() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        lab.injectFromA(forged(c, 0, RST));
        lab.run(MS);
        assertEquals(TcpState.CLOSED, c.server().state());
        assertEquals(List.of(SocketError.ECONNRESET), c.server().errors);
    }

    @Test
    void aSynOnAnEstablishedConnectionGetsAChallengeAck() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        lab.wire.clear();
        lab.injectFromA(forged(c, 5, TcpSegment.FLAG_SYN));
        lab.run(MS);
        assertEquals(TcpState.ESTABLISHED, c.server().state());
        assertEquals(".", lab.wire.get(1).flags());
        assertEquals(1, lab.tcp(lab.b).counters().challengeAcks);
    }

    @Test
    void anAckForDataNeverSentIsAnsweredAndDropped() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        lab.wire.clear();
        TcpRepr r = forged(c, 0, ACK);
        lab.injectFromA(TcpRepr.of(r.srcPort(), r.dstPort(), r.seq(), r.ack() + 5000, ACK, 1024, "data".getBytes()));
        lab.run(MS);
        assertEquals(2, lab.wire.size(), lab.dump());
        assertEquals(c.server().tcb().sndNxt, lab.wire.get(1).seq());
        assertEquals("", c.server().text(), "the segment was dropped, data and all");
    }

    @Test
    void closingTheListenerResetsConnectionsNotYetAccepted() {
        TcpLab.Backlog f = TcpLab.listenerWithFullBacklog();
        TcpLab lab = f.lab();
        lab.wire.clear();
        f.server().listener.close();
        lab.run(MS);
        assertEquals(2, lab.segs(s -> s.has(RST)).size());
        f.clients().forEach(p -> assertEquals(List.of(SocketError.ECONNRESET), p.errors));
        TcpLab.Peer late = lab.connect(lab.a, TcpLab.B, PORT);
        lab.run(MS);
        assertEquals(SocketError.ECONNREFUSED, late.connectError, "the port is closed now");
    }

    @Test
    void aResetAnsweringOurSynWithABadAckIsIgnored() {
        TcpLab lab = new TcpLab();
        // b answers nothing; we forge b's RST with a wrong ACK: RFC 9293 3.10.7.3 drops it
        lab.dropFromA(s -> true);
        TcpLab.Peer client = lab.connect(lab.a, TcpLab.B, PORT);
        lab.run(MS);
        TcpConnection c = client.tcb();
        lab.injectFromB(TcpRepr.of(PORT, c.localPort, 0, c.iss + 7, RST | ACK, 0, new byte[0]));
        lab.run(MS);
        assertEquals(TcpState.SYN_SENT, client.state());
        lab.injectFromB(TcpRepr.of(PORT, c.localPort, 0, c.iss + 1, RST | ACK, 0, new byte[0]));
        lab.run(MS);
        assertEquals(SocketError.ECONNREFUSED, client.connectError);
    }
}
