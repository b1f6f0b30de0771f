package dev.dockwire.netns.stack;

import static dev.dockwire.netns.stack.TcpLab.MS;
import static dev.dockwire.netns.stack.TcpLab.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netns.stack.TcpLab.Conn;
import dev.dockwire.netns.stack.TcpLab.Seg;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FIN-WAIT-1/2, CLOSE-WAIT, LAST-ACK, CLOSING and TIME-WAIT: every way a connection ends gracefully. */
class TcpCloseTest {

    private static List<String> flags(TcpLab lab) {
        return lab.wire.stream().map(s -> (s.out() ? "a:" : "b:") + s.flags()).toList();
    }

    @Test
    void clientClosesFirst() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        lab.wire.clear();
        c.client().socket.close();
        assertEquals(TcpState.FIN_WAIT_1, c.client().state());
        lab.run(MS);
        assertEquals(TcpState.FIN_WAIT_2, c.client().state());
        assertEquals(TcpState.CLOSE_WAIT, c.server().state());
        assertTrue(c.server().eof);
        assertEquals(List.of("a:F.", "b:."), flags(lab), "the FIN is ACKed at once");
        c.server().socket.close();
        assertEquals(TcpState.LAST_ACK, c.server().state());
        lab.run(MS);
        assertEquals(TcpState.TIME_WAIT, c.client().state());
        assertEquals(TcpState.CLOSED, c.server().state());
        assertEquals(List.of("a:F.", "b:.", "b:F.", "a:."), flags(lab));
        Seg fin = lab.wire.get(0);
        Seg lastAck = lab.wire.get(3);
        assertEquals(lab.wire.get(2).seq() + 1, lastAck.ack());
        assertEquals(fin.seq() + 1, lastAck.seq());
        assertTrue(c.server().errors.isEmpty() && c.client().errors.isEmpty());
        assertTrue(lab.tcp(lab.b).connections().isEmpty());
    }

    @Test
    void serverClosesFirstAndTheClientClosesFromItsEofCallback() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        c.client().socket.onEof(() -> c.client().socket.close());
        lab.wire.clear();
        c.server().socket.close();
        lab.run(MS);
        // the client's FIN carries the ACK of the server's FIN: three segments
        assertEquals(List.of("b:F.", "a:F.", "b:."), flags(lab));
        assertEquals(TcpState.TIME_WAIT, c.server().state(), "the side that closed first waits");
        assertEquals(TcpState.CLOSED, c.client().state());
    }

    @Test
    void simultaneousCloseGoesThroughClosing() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        lab.wire.clear();
        // The FINs cross on a wire of 10 µs; with none, b would receive a's FIN before its own
        // close, as the kernel does for two closes back to back on one thread.
        lab.delayFromA(MS / 100);
        c.client().socket.close();
        c.server().socket.close();
        // the FINs cross: each side receives a FIN that does not acknowledge its own
        lab.run(MS);
        assertEquals(TcpState.TIME_WAIT, c.client().state());
        assertEquals(TcpState.TIME_WAIT, c.server().state());
        assertEquals(List.of("a:F.", "b:F.", "a:.", "b:."), flags(lab));
    }

    @Test
    void bothSidesPassThroughClosingWhenTheFinsCross() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        // hold the ACKs back: after the crossing FINs both sides sit in CLOSING
        lab.dropToA(s -> s.is(dev.dockwire.wire.TcpSegment.FLAG_ACK) && lab.now() < 100 * MS + lab.wire.get(0).nanos());
        lab.dropFromA(s -> s.is(dev.dockwire.wire.TcpSegment.FLAG_ACK) && lab.now() < 100 * MS + lab.wire.get(0).nanos());
        lab.delayFromA(MS / 100); // the FINs cross on the wire
        c.client().socket.close();
        c.server().socket.close();
        lab.run(MS);
        assertEquals(TcpState.CLOSING, c.client().state());
        assertEquals(TcpState.CLOSING, c.server().state());
        // the FINs are retransmitted after the RTO; the ACKs they draw now get through
        lab.run(SEC);
        assertEquals(TcpState.TIME_WAIT, c.client().state());
        assertEquals(TcpState.TIME_WAIT, c.server().state());
    }

    @Test
    void halfCloseLetsThePeerKeepSending() {
        Conn c = TcpLab.socketInFinWait2();
        TcpLab lab = c.lab();
        assertTrue(c.server().eof);
        assertThrows(SocketException.class, () -> c.client().send("more"), "EPIPE after shutdown");
        byte[] reply = new byte[50_000];
        new Random(9).nextBytes(reply);
        assertEquals(reply.length, c.server().send(reply));
        lab.run(MS);
        assertArrayEquals(reply, c.client().bytes());
        assertEquals(TcpState.FIN_WAIT_2, c.client().state());
        c.server().socket.close();
        lab.run(MS);
        assertTrue(c.client().eof);
        assertEquals(TcpState.TIME_WAIT, c.client().state());
        assertEquals(TcpState.CLOSED, c.server().state());
    }

    @Test
    void writeAfterShutdownIsABrokenPipe() {
        Conn c = TcpLab.socketEstablished();
        c.client().socket.shutdownOutput();
        SocketException e = assertThrows(SocketException.class, () -> c.client().send("x"));
        assertEquals(SocketError.EPIPE, e.error());
        c.lab().run(MS);
    }

    @Test
    void timeWaitLastsSixtySecondsThenThePairIsFree() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        c.client().socket.close();
        c.server().socket.close();
        lab.net.loop().drain();
        long entered = lab.now();
        assertEquals(TcpState.TIME_WAIT, c.client().state());
        TcpConnection tw = c.client().tcb();
        lab.run(60 * SEC - 1);
        assertEquals(TcpState.TIME_WAIT, tw.state());
        assertEquals(tw, lab.tcp(lab.a).lookup(tw.localAddr, tw.localPort, tw.remoteAddr, tw.remotePort));
        lab.run(1);
        assertEquals(60 * SEC, lab.now() - entered);
        assertEquals(TcpState.CLOSED, tw.state());
        assertNull(lab.tcp(lab.a).lookup(tw.localAddr, tw.localPort, tw.remoteAddr, tw.remotePort));
    }

    @Test
    void timeWaitAcksARetransmittedFinAndRestarts() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        c.server().socket.onEof(() -> c.server().socket.close());
        // a's last ACK is lost once: b retransmits its FIN after the RTO
        boolean[] dropped = {false};
        lab.dropFromA(s -> {
            if (!dropped[0] && s.is(dev.dockwire.wire.TcpSegment.FLAG_ACK) && c.client().state() == TcpState.TIME_WAIT) {
                dropped[0] = true;
                return true;
            }
            return false;
        });
        c.client().socket.close();
        lab.run(MS);
        assertTrue(dropped[0]);
        assertEquals(TcpState.TIME_WAIT, c.client().state());
        assertEquals(TcpState.LAST_ACK, c.server().state());
        long t0 = lab.now();
        lab.run(SEC);
        assertEquals(TcpState.CLOSED, c.server().state(), lab.dump());
        List<Seg> fins = lab.segs(s -> !s.out() && s.has(dev.dockwire.wire.TcpSegment.FLAG_FIN));
        assertEquals(2, fins.size());
        long rtx = fins.get(1).nanos();
        // the 2 MSL wait restarted at the retransmitted FIN
        lab.run(rtx + 60 * SEC - lab.now() - 1);
        assertEquals(TcpState.TIME_WAIT, c.client().state());
        lab.run(1);
        assertEquals(TcpState.CLOSED, c.client().state());
        assertTrue(rtx - t0 < SEC);
    }

    @Test
    void closeWithUnreadDataResets() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        c.server().socket.pauseReading();
        c.client().send("never read");
        lab.run(MS);
        lab.wire.clear();
        c.server().socket.close();
        lab.run(MS);
        assertEquals(List.of("b:R."), flags(lab));
        assertEquals(List.of(SocketError.ECONNRESET), c.client().errors);
        assertEquals(TcpState.CLOSED, c.client().state());
    }

    @Test
    void dataAfterCloseIsAnsweredWithReset() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        c.client().socket.close();
        lab.run(MS);
        assertEquals(TcpState.FIN_WAIT_2, c.client().state());
        lab.wire.clear();
        c.server().send("too late");
        lab.run(MS);
        assertEquals(List.of("b:P.", "a:R"), flags(lab));
        assertEquals(List.of(SocketError.ECONNRESET), c.server().errors);
        assertEquals(TcpState.CLOSED, c.client().state());
        assertEquals("", c.client().text(), "a closed socket hears nothing");
        assertEquals(1, lab.tcp(lab.a).counters().abortOnData);
    }

    @Test
    void anOrphanedFinWait2GivesUpAfterTcpFinTimeout() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        c.client().socket.close();
        lab.run(MS);
        assertEquals(TcpState.FIN_WAIT_2, c.client().state());
        lab.run(59 * SEC);
        assertEquals(TcpState.FIN_WAIT_2, c.client().state());
        lab.run(2 * SEC);
        assertEquals(TcpState.CLOSED, c.client().state());
        assertEquals(TcpState.CLOSE_WAIT, c.server().state());
    }

    @Test
    void closeSendsQueuedDataBeforeTheFin() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        byte[] data = new byte[100_000];
        new Random(3).nextBytes(data);
        c.client().send(data);
        c.client().socket.close();
        lab.run(SEC);
        assertArrayEquals(data, c.server().bytes());
        assertTrue(c.server().eof);
        assertEquals("eof", c.server().events.get(c.server().events.size() - 1));
        Seg fin = lab.segs(s -> s.out() && s.has(dev.dockwire.wire.TcpSegment.FLAG_FIN)).get(0);
        assertTrue(fin.len() > 0, "the FIN rides on the last data segment");
    }
}
