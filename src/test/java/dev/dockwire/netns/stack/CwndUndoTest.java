package dev.dockwire.netns.stack;

import static dev.dockwire.netns.stack.TcpLab.MS;
import static dev.dockwire.netns.stack.TcpLab.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netns.stack.TcpLab.Conn;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Undoing a window reduction that proved needless, as Linux 6.1's tcp_input.c does with
 * timestamps (Eifel detection, RFC 3522; tcp_packet_delayed): a segment delayed, not lost,
 * that triggered a fast retransmission (tcp_try_undo_recovery, tcp_try_undo_partial), and a
 * spurious retransmission timeout (tcp_try_undo_loss); a real loss is not undone.
 */
class CwndUndoTest {
    private static final int MSS = 1448;

    /** What the sender's window was just before recovery began, and just after it ended (undone or not). */
    private static final class Watch {
        int priorCwnd = -1;
        int priorSsthresh = -1;
        int undoneCwnd = -1;
        int undoneSsthresh = -1;
        boolean wasActive;
    }

    /** Looks at the sender's window before each segment to a is received. */
    private static Watch watch(Conn c) {
        Watch w = new Watch();
        TcpConnection t = c.client().tcb();
        c.lab().dropToA(s -> {
            boolean active = t.sackRecovery.active;
            if (!active && !w.wasActive && w.undoneCwnd < 0) {
                w.priorCwnd = t.cc.cwnd;
                w.priorSsthresh = t.cc.ssthresh;
            }
            if (w.wasActive && !active && w.undoneCwnd < 0) {
                w.undoneCwnd = t.cc.cwnd;
                w.undoneSsthresh = t.cc.ssthresh;
            }
            w.wasActive = active;
            return false;
        });
        return w;
    }

    /** tcp_current_ssthresh in the Open state: at least three quarters of cwnd. */
    private static int currentSsthresh(int cwnd, int ssthresh) {
        int pkts = cwnd / MSS;
        return Math.max(ssthresh, ((pkts >> 1) + (pkts >> 2)) * MSS);
    }

    private static void sendAll(TcpLab.Peer p, byte[] data) {
        ByteBuf b = Unpooled.wrappedBuffer(data);
        Runnable pump = () -> {
            if (b.isReadable()) {
                p.socket.write(b);
            }
        };
        p.socket.onWritable(pump);
        pump.run();
    }

    private static byte[] data(int segments, long seed) {
        byte[] data = new byte[segments * MSS];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void aDelayedFirstSegmentOfTheLastFlightIsUndoneInFullWhenTheAckEchoesItsTime() {
        Conn c = warmed(TcpLab.socketEstablished());
        TcpLab lab = c.lab();
        int first = c.client().tcb().sndNxt;
        // segment 0 of ten arrives after the other nine: three duplicate ACKs, then one for all
        lab.reorderFromA(s -> s.len() > 0 && s.seq() == first, 9);
        Watch w = watch(c);
        byte[] data = data(10, 3522);
        sendAll(c.client(), data);
        lab.run(2 * SEC);
        assertArrayEquals(data, c.server().bytes());
        Tcp tcp = lab.tcp(lab.a);
        assertEquals(1, tcp.counters().sackRecovery, "the fast retransmission went (TCPSackRecovery)\n" + lab.dump());
        assertEquals(1, tcp.counters().retransSegs);
        assertEquals(1, tcp.counters().fullUndo, "TCPFullUndo: the ACK at the recovery point echoes segment 0's TSval");
        assertEquals(0, tcp.counters().partialUndo);
        assertEquals(0, tcp.counters().lossUndo);
        assertEquals(10 * MSS, w.priorCwnd, "IW10 when recovery began");
        assertEquals(2 * w.priorCwnd, w.undoneCwnd,
                "tcp_reno_undo_cwnd: cwnd back to prior_cwnd, then slow start adds the ten segments this ACK delivered");
        assertEquals(currentSsthresh(w.priorCwnd, w.priorSsthresh), w.undoneSsthresh, "ssthresh back to prior_ssthresh");
        assertEquals(Integer.MAX_VALUE, c.client().tcb().cc.ssthresh, "still in slow start");
    }

    @Test
    void withoutSackTheNewRenoRecoveryIsUndoneInFullToo() {
        TcpLab lab = new TcpLab();
        lab.tcp(lab.a).sack = false;
        Conn c = warmed(TcpLab.socketEstablished(lab));
        int first = c.client().tcb().sndNxt;
        lab.reorderFromA(s -> s.len() > 0 && s.seq() == first, 9);
        byte[] data = data(10, 6582);
        sendAll(c.client(), data);
        lab.run(2 * SEC);
        assertArrayEquals(data, c.server().bytes());
        Tcp tcp = lab.tcp(lab.a);
        assertEquals(1, tcp.counters().renoRecovery, lab.dump());
        assertEquals(1, tcp.counters().fullUndo, "TCPFullUndo");
        assertFalse(c.client().tcb().cc.inRecovery);
        assertEquals(20 * MSS, c.client().tcb().cc.cwnd,
                "cwnd back to prior_cwnd (IW10), not RFC 6582's inflated window, plus the ten segments this ACK delivered");
        assertEquals(Integer.MAX_VALUE, c.client().tcb().cc.ssthresh, "ssthresh back to prior_ssthresh: still in slow start");
    }

    @Test
    void aDelayedSegmentInALongTransferIsUndoneOnThePartialAckThatFillsItsHole() {
        Conn c = warmed(TcpLab.socketEstablished());
        TcpLab lab = c.lab();
        int first = c.client().tcb().sndNxt;
        lab.reorderFromA(s -> s.len() > 0 && s.seq() == first + 40 * MSS, 5);
        Watch w = watch(c);
        byte[] data = data(200, 3708);
        sendAll(c.client(), data);
        lab.run(5 * SEC);
        assertArrayEquals(data, c.server().bytes());
        Tcp tcp = lab.tcp(lab.a);
        assertEquals(1, tcp.counters().sackRecovery, lab.dump());
        assertEquals(1, tcp.counters().retransSegs, "only segment 40 went twice");
        assertEquals(1, tcp.counters().partialUndo, "TCPPartialUndo: the ACK below the recovery point echoes segment 40's TSval");
        assertEquals(0, tcp.counters().fullUndo);
        assertTrue(w.undoneCwnd >= w.priorCwnd, "cwnd " + w.undoneCwnd + " back to at least " + w.priorCwnd);
        assertEquals(currentSsthresh(w.priorCwnd, w.priorSsthresh), w.undoneSsthresh, "ssthresh back to prior_ssthresh");
        assertFalse(c.client().tcb().sackRecovery.active);
    }

    @Test
    void aLostSegmentIsNotUndoneTheRetransmissionsTimeIsEchoed() {
        Conn c = warmed(TcpLab.socketEstablished());
        TcpLab lab = c.lab();
        int first = c.client().tcb().sndNxt;
        dropOnce(lab, first + 40 * MSS);
        Watch w = watch(c);
        byte[] data = data(200, 2883);
        sendAll(c.client(), data);
        lab.run(5 * SEC);
        assertArrayEquals(data, c.server().bytes());
        Tcp tcp = lab.tcp(lab.a);
        assertEquals(1, tcp.counters().sackRecovery);
        assertEquals(0, tcp.counters().fullUndo + tcp.counters().partialUndo + tcp.counters().lossUndo, "nothing undone");
        assertEquals(w.undoneSsthresh, w.undoneCwnd, "tcp_end_cwnd_reduction: cwnd = ssthresh");
        assertTrue(w.undoneSsthresh < w.priorCwnd, "ssthresh " + w.undoneSsthresh + " stays reduced from " + w.priorCwnd);
    }

    @Test
    void aDelaySpikeOnTheAckPathIsASpuriousTimeoutUndoneWithoutResendingTheWindow() {
        Conn c = warmed(TcpLab.socketEstablished());
        TcpLab lab = c.lab();
        long start = lab.now();
        // 100 ms into the transfer the ACKs stop for a second, then all arrive in order
        lab.stallToA(start + 100 * MS, start + 1100 * MS);
        byte[] data = data(400, 3522);
        sendAll(c.client(), data);
        lab.run(200 * MS);
        TcpConnection t = c.client().tcb();
        int cwndBefore = t.cc.cwnd;
        int ssthreshBefore = t.cc.ssthresh;
        lab.run(5 * SEC);
        assertArrayEquals(data, c.server().bytes());
        Tcp tcp = lab.tcp(lab.a);
        assertTrue(tcp.counters().timeouts >= 1, "the spike outlasted the RTO");
        assertEquals(1, tcp.counters().lossUndo, "TCPLossUndo: the first ACK after the spike echoes a time before the retransmission");
        assertEquals(tcp.counters().timeouts, tcp.counters().retransSegs,
                "each timeout resent the head once; after the undo nothing went back N\n" + lab.dump());
        assertEquals(0, tcp.counters().fullUndo + tcp.counters().partialUndo);
        assertTrue(t.cc.cwnd >= cwndBefore, "cwnd " + t.cc.cwnd + " back to at least " + cwndBefore);
        assertTrue(t.cc.ssthresh >= Math.min(ssthreshBefore, currentSsthresh(cwndBefore, ssthreshBefore)), "ssthresh restored");
    }

    @Test
    void aTailLossRepairedByTheTimerIsNotUndone() {
        Conn c = warmed(TcpLab.socketEstablished());
        TcpLab lab = c.lab();
        int first = c.client().tcb().sndNxt;
        dropOnce(lab, first + 9 * MSS);
        byte[] data = data(10, 6298);
        sendAll(c.client(), data);
        lab.run(3 * SEC);
        assertArrayEquals(data, c.server().bytes());
        Tcp tcp = lab.tcp(lab.a);
        assertEquals(1, tcp.counters().timeouts, "the tail loss waited for the timer");
        assertEquals(0, tcp.counters().lossUndo, "the ACK echoes the retransmission's TSval");
        assertEquals(2 * MSS, c.client().tcb().cc.cwnd, "slow start from the loss window, not back to IW10");
    }

    /** {@code c} after its first exchange ("hi" from the server), then 25 ms each way from a. */
    private static Conn warmed(Conn c) {
        c.server().send("hi");
        c.lab().run(100 * MS);
        c.lab().delayFromA(25 * MS);
        return c;
    }

    /** Drops a's data segment starting at {@code seq}, the first time it is sent. */
    private static void dropOnce(TcpLab lab, int seq) {
        boolean[] dropped = {false};
        lab.dropFromA(s -> s.len() > 0 && s.seq() == seq && !dropped[0] && (dropped[0] = true));
    }
}
