package dev.dockwire.netns.stack;

import static dev.dockwire.netns.stack.TcpLab.MS;
import static dev.dockwire.netns.stack.TcpLab.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netns.stack.TcpLab.Conn;
import dev.dockwire.netns.stack.TcpLab.Seg;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Flow control: the receive window closes as the buffer fills, the persist timer probes it, reading reopens it. */
class TcpFlowControlTest {

    @Test
    void aFullReceiverClosesTheWindowAndTheSenderProbesWithBackoff() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        byte[] data = new byte[400_000];
        new Random(11).nextBytes(data);
        c.server().socket.pauseReading();
        TcpDataTest.Pump pump = new TcpDataTest.Pump(c.client(), data);
        pump.start();
        lab.run(100 * MS);
        TcpConnection server = c.server().tcb();
        TcpConnection client = c.client().tcb();
        // The sender stops short: what is left of the window is below one MSS and below half the
        // largest window (sender SWS avoidance). The persist timer forces that sliver out, then b
        // answers with a zero window.
        assertTrue(client.persisting, lab.dump());
        assertTrue(client.sndWnd < 1448, "window left " + client.sndWnd);
        lab.run(10 * SEC);
        int filled = server.rcvBuf.buffered();
        // Each window offers half of what the buffer's memory has free (tcp_space), so unread data
        // fills it to where less than a sixteenth is free (__tcp_select_window offers 0 then), each
        // queued segment charging its payload and its head.
        int charged = filled + (filled / 1448) * ReceiveWindow.SKB_HEAD;
        assertTrue(charged <= ReceiveWindow.RMEM_DEFAULT && charged > ReceiveWindow.RMEM_DEFAULT - 3 * 8192,
                "buffered " + filled);
        Seg zero = lab.segs(s -> !s.out() && s.tcp().window() == 0).get(0);
        long t0 = zero.nanos();
        assertEquals(0, client.sndWnd);
        List<Seg> probes = lab.segs(s -> s.out() && s.nanos() > t0);
        List<Long> at = probes.stream().map(s -> (s.nanos() - t0) / MS).toList();
        // tcp_probe0_base: the RTO, srtt + rttvar (tcp_set_rto): 9.375 ms + tcp_rto_min, rounded up to the jiffy
        assertEquals(9_375_000L, client.rtt.srtt());
        assertEquals(210 * MS, client.rtt.rto());
        assertEquals(List.of(210L, 630L, 1470L, 3150L, 6510L), at, "RTO, then doubling: " + lab.dump());
        for (Seg p : probes) {
            assertEquals(0, p.len());
            assertEquals(client.sndUna - 1, p.seq(), "Linux's probe: an old sequence number that forces an ACK");
        }
        List<Seg> answers = lab.segs(s -> !s.out() && s.nanos() > t0);
        assertEquals(5, answers.size());
        assertEquals(filled, server.rcvBuf.buffered());
        assertTrue(answers.stream().allMatch(s -> s.tcp().window() == 0));
        assertEquals(0, client.probesOut, "answered probes are not counted against tcp_retries2");
        assertEquals(TcpState.ESTABLISHED, client.state());

        // reading reopens the window: a window update at once, and the rest flows
        long t1 = lab.now();
        c.server().socket.resumeReading();
        lab.run(MS);
        Seg update = lab.segs(s -> !s.out() && s.nanos() >= t1).get(0);
        assertTrue(update.tcp().window() > 0);
        assertEquals(t1, update.nanos());
        lab.run(SEC);
        assertArrayEquals(data, c.server().bytes());
    }

    @Test
    void aSlowReaderKeepsTheSenderWithinItsWindow() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        byte[] data = new byte[1_000_000];
        new Random(12).nextBytes(data);
        // b reads in bursts every 10 ms
        c.server().socket.pauseReading();
        Runnable[] reader = new Runnable[1];
        reader[0] = () -> {
            c.server().socket.resumeReading();
            c.server().socket.pauseReading();
            if (c.server().bytes().length < data.length) {
                lab.net.loop().schedule(10 * MS, reader[0]);
            }
        };
        lab.net.loop().schedule(10 * MS, reader[0]);
        new TcpDataTest.Pump(c.client(), data).start();
        lab.run(5 * SEC);
        assertArrayEquals(data, c.server().bytes());
        TcpConnection client = c.client().tcb();
        // every data segment stayed inside the window b had offered
        for (Seg s : lab.segs(s -> s.out() && s.len() > 0)) {
            assertTrue(s.len() <= 1448);
        }
        assertEquals(0, lab.tcp(lab.a).counters().retransSegs);
        // b's window: half of its buffer's memory at most, however far autotuning grew it
        TcpConnection server = c.server().tcb();
        assertTrue(server.rwin.rcvbuf() > ReceiveWindow.RMEM_DEFAULT, "autotuned: " + server.rwin.rcvbuf());
        assertTrue(client.maxSndWnd <= ReceiveWindow.winFromSpace(server.rwin.rcvbuf()) + 127,
                client.maxSndWnd + " offered of " + server.rwin.rcvbuf());
    }

    @Test
    void aWindowThatShrankUnderDataInFlightDoesNotStopTheRetransmissionTimer() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        lab.dropFromA(s -> s.len() > 0 && lab.segs(x -> x.out() && x.len() > 0 && x.seq() == s.seq()).size() == 1);
        c.client().send("lost");
        lab.run(MS);
        TcpConnection client = c.client().tcb();
        // a peer that shrinks its window to zero (RFC 9293 discourages it; some stacks do it)
        TcpConnection server = c.server().tcb();
        lab.injectFromB(dev.dockwire.wire.TcpRepr.of(TcpLab.PORT, client.localPort, server.sndNxt, client.sndUna,
                dev.dockwire.wire.TcpSegment.FLAG_ACK, 0, new byte[0]));
        lab.run(MS);
        assertEquals(0, client.sndWnd);
        lab.run(300 * MS);
        // the timer retransmits the head anyway: it is the probe, and b takes it
        assertEquals("lost", c.server().text());
        assertEquals(1, lab.tcp(lab.a).counters().timeouts, lab.dump());
    }

    @Test
    void aZeroWindowProbeUnansweredTcpRetries2TimesGivesUp() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        c.server().socket.pauseReading();
        byte[] data = new byte[300_000];
        new TcpDataTest.Pump(c.client(), data).start();
        lab.run(100 * MS); // the last segment's delayed ACK closes the window
        assertTrue(c.client().tcb().persisting);
        lab.dropToA(s -> true); // the probes' answers are lost
        lab.run(3000 * SEC);
        assertEquals(List.of(dev.dockwire.socket.SocketError.ETIMEDOUT), c.client().errors);
    }
}
