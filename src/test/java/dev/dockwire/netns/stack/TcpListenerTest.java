package dev.dockwire.netns.stack;

import static dev.dockwire.netns.stack.TcpLab.B;
import static dev.dockwire.netns.stack.TcpLab.MS;
import static dev.dockwire.netns.stack.TcpLab.PORT;
import static dev.dockwire.netns.stack.TcpLab.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netns.stack.TcpLab.Backlog;
import dev.dockwire.netns.stack.TcpLab.Peer;
import dev.dockwire.netns.stack.TcpLab.Seg;
import dev.dockwire.netns.stack.TcpLab.Server;
import dev.dockwire.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LISTEN and SYN-RECEIVED: the accept queue, the backlog, lost handshake segments. */
class TcpListenerTest {
    private static final int SYN = TcpSegment.FLAG_SYN;
    private static final int ACK = TcpSegment.FLAG_ACK;

    @Test
    void aSynBeyondAFullAcceptQueueIsDroppedAndTheClientRetries() {
        Backlog f = TcpLab.listenerWithFullBacklog();
        TcpLab lab = f.lab();
        lab.wire.clear();
        Peer third = lab.connect(lab.a, B, PORT);
        lab.run(MS);
        assertEquals(TcpState.SYN_SENT, third.state());
        assertEquals(1, lab.wire.size(), "the SYN got no answer");
        assertEquals(1, lab.tcp(lab.b).counters().listenOverflows);
        assertEquals(1, lab.tcp(lab.b).counters().listenDrops);
        assertTrue(f.server().accepted.isEmpty());

        // the server starts accepting: the two queued connections come out, oldest first
        f.server().listener.resumeAccepting();
        assertEquals(2, f.server().accepted.size());
        assertEquals(f.clients().get(0).socket.localPort(), f.server().accepted.get(0).socket.remotePort());
        // the third client's SYN retransmission 1 s later finds room
        lab.run(SEC);
        assertEquals(TcpState.ESTABLISHED, third.state());
        assertEquals(3, f.server().accepted.size());
        List<Seg> syns = lab.segs(s -> s.out() && s.is(SYN));
        assertEquals(2, syns.size());
        assertEquals(SEC, syns.get(1).nanos() - syns.get(0).nanos());
    }

    @Test
    void dataAndFinBeforeAcceptWaitForTheProgram() {
        TcpLab lab = new TcpLab();
        Server srv = lab.listen(lab.b, PORT, 4);
        srv.listener.pauseAccepting();
        Peer client = lab.connect(lab.a, B, PORT);
        lab.run(MS);
        assertEquals(TcpState.ESTABLISHED, client.state(), "the kernel completes the handshake");
        client.send("early bird");
        client.socket.close();
        lab.run(MS);
        Peer queued;
        assertTrue(srv.accepted.isEmpty());
        assertEquals(TcpState.FIN_WAIT_2, client.state(), "the kernel ACKed everything already");
        srv.listener.resumeAccepting();
        queued = srv.last();
        assertEquals(List.of("data 10", "eof"), queued.events);
        assertEquals(TcpState.CLOSE_WAIT, queued.state());
        queued.socket.close();
        lab.run(MS);
        assertEquals(TcpState.TIME_WAIT, client.state());
    }

    @Test
    void aLostSynAckIsRetransmittedWhenTheSynComesAgain() {
        TcpLab lab = new TcpLab();
        Server srv = lab.listen(lab.b, PORT, 4);
        boolean[] lost = {false};
        lab.dropToA(s -> {
            if (!lost[0] && s.is(SYN | ACK)) {
                lost[0] = true;
                return true;
            }
            return false;
        });
        Peer client = lab.connect(lab.a, B, PORT);
        lab.run(MS);
        assertEquals(TcpState.SYN_RECEIVED, lab.tcp(lab.b).connections().get(0).state());
        lab.run(SEC);
        // the client's SYN at 1 s and the server's SYN-ACK timer at 1 s both resend
        assertEquals(TcpState.ESTABLISHED, client.state(), lab.dump());
        assertEquals(1, srv.accepted.size());
    }

    @Test
    void aLostHandshakeAckIsRepairedBySynAckRetransmission() {
        TcpLab lab = new TcpLab();
        Server srv = lab.listen(lab.b, PORT, 4);
        boolean[] lost = {false};
        lab.dropFromA(s -> {
            if (!lost[0] && s.is(ACK)) {
                lost[0] = true;
                return true;
            }
            return false;
        });
        Peer client = lab.connect(lab.a, B, PORT);
        lab.run(MS);
        assertEquals(TcpState.ESTABLISHED, client.state());
        assertTrue(srv.accepted.isEmpty());
        lab.run(SEC);
        // SYN-ACK again at 1 s; the client, established, answers with an ACK
        assertEquals(1, srv.accepted.size(), lab.dump());
        assertEquals(2, lab.segs(s -> s.is(SYN | ACK)).size());
    }

    @Test
    void aRequestWhoseClientVanishedIsForgottenAfterTheSynAckRetries() {
        TcpLab lab = new TcpLab();
        Server srv = lab.listen(lab.b, PORT, 4);
        lab.dropFromA(s -> s.is(ACK) || s.has(TcpSegment.FLAG_RST));
        Peer client = lab.connect(lab.a, B, PORT);
        lab.run(MS);
        client.socket.abort();
        lab.run(62 * SEC);
        assertEquals(1, srv.impl().synReceivedCount());
        lab.run(2 * SEC);
        // tcp_synack_retries=5: 1, 3, 7, 15, 31 s, given up at 63 s
        assertEquals(0, srv.impl().synReceivedCount());
        assertTrue(lab.tcp(lab.b).connections().isEmpty());
        assertEquals(6, lab.segs(s -> s.is(SYN | ACK)).size());
    }

    @Test
    void aResetForAPendingRequestReturnsTheListenerToListen() {
        TcpLab lab = new TcpLab();
        Server srv = lab.listen(lab.b, PORT, 4);
        lab.dropFromA(s -> s.is(ACK));
        Peer client = lab.connect(lab.a, B, PORT);
        lab.run(MS);
        assertEquals(1, srv.impl().synReceivedCount());
        client.socket.abort(); // RST|ACK with SEQ = the client's SND.NXT = the server's RCV.NXT
        lab.run(MS);
        assertEquals(0, srv.impl().synReceivedCount());
        assertTrue(srv.accepted.isEmpty());
        assertEquals(List.of(), client.errors);
    }

    @Test
    void aNewSynReusesAPairInTimeWait() {
        TcpLab lab = new TcpLab();
        Server srv = lab.listen(lab.b, PORT, 4);
        // the server closes first, so the server holds the TIME-WAIT
        Peer c1 = new Peer(lab.a.sockets().openTcp());
        c1.socket.bind(0, 40000);
        c1.socket.connect(B, PORT, e -> { });
        lab.run(MS);
        c1.socket.onEof(() -> c1.socket.close());
        srv.last().socket.close();
        lab.run(MS);
        TcpConnection tw = srv.last().tcb();
        assertEquals(TcpState.TIME_WAIT, tw.state());
        Peer c2 = new Peer(lab.a.sockets().openTcp());
        c2.socket.bind(0, 40000);
        c2.socket.connect(B, PORT, e -> c2.events.add("connected " + e));
        lab.run(MS);
        assertEquals(List.of("connected null"), c2.events, lab.dump());
        assertEquals(TcpState.CLOSED, tw.state(), "the SYN's sequence number was past the old RCV.NXT");
        assertEquals(2, srv.accepted.size());
    }

    @Test
    void aFullAcceptQueueDropsTheHandshakeAckAndTheSynAckTimerRepairsIt() {
        TcpLab lab = new TcpLab();
        Server srv = lab.listen(lab.b, PORT, 2); // the accept queue holds 3
        srv.listener.pauseAccepting();
        for (int i = 0; i < 2; i++) {
            lab.connect(lab.a, B, PORT);
            lab.run(MS);
        }
        assertEquals(2, srv.impl().acceptQueueLength());
        // two SYNs at once: both find room; the first ACK fills the queue, the second is dropped
        Peer third = lab.connect(lab.a, B, PORT);
        Peer fourth = lab.connect(lab.a, B, PORT);
        lab.run(MS);
        assertEquals(3, srv.impl().acceptQueueLength());
        assertEquals(1, srv.impl().synReceivedCount());
        assertEquals(1, lab.tcp(lab.b).counters().listenOverflows);
        assertEquals(TcpState.ESTABLISHED, fourth.state(), "the client cannot tell");
        srv.listener.resumeAccepting();
        assertEquals(3, srv.accepted.size());
        lab.run(2 * SEC);
        // the SYN-ACK timer resends at 1 s, the client ACKs again, now there is room
        assertEquals(4, srv.accepted.size(), lab.dump());
        assertEquals(fourth.socket.localPort(), srv.last().socket.remotePort());
        assertEquals(TcpState.ESTABLISHED, third.state());
    }

    @Test
    void withoutSyncookiesABacklogOfZeroTakesNoConnection() {
        TcpLab lab = new TcpLab();
        lab.listen(lab.b, PORT, 0);
        Peer client = lab.connect(lab.a, B, PORT);
        lab.run(MS);
        assertEquals(TcpState.SYN_SENT, client.state());
        assertEquals(1, lab.tcp(lab.b).counters().listenDrops);
    }
}
