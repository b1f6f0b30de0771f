package dev.dockwire.netns.stack;

import static dev.dockwire.netns.stack.TcpLab.MS;
import static dev.dockwire.netns.stack.TcpLab.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netns.stack.TcpLab.Conn;
import dev.dockwire.netns.stack.TcpLab.Seg;
import dev.dockwire.socket.SocketError;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Loss recovery in ESTABLISHED: RTO with backoff (RFC 6298), fast retransmit and NewReno (RFC 5681, 6582) for a peer without SACK ({@link SackRecoveryTest} has SACK's). */
class TcpRetransmissionTest {

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    /** An established connection on which a already knows b's scaled window. */
    private static Conn warm() {
        Conn c = TcpLab.socketEstablished();
        c.server().send("hi");
        c.lab().run(100 * MS);
        c.lab().wire.clear();
        return c;
    }

    /** As {@link #warm}, but a does not offer SACK: the peer NewReno recovers for (RFC 6582). */
    private static Conn warmWithoutSack() {
        TcpLab lab = new TcpLab();
        lab.tcp(lab.a).sack = false;
        Conn c = TcpLab.socketEstablished(lab);
        c.server().send("hi");
        lab.run(100 * MS);
        lab.wire.clear();
        return c;
    }

    /** Drops the first transmission of the data segments from a that start at the given sequence numbers. */
    private static void dropFirstTransmissionOf(TcpLab lab, int... seqs) {
        Set<Integer> pending = new HashSet<>();
        for (int s : seqs) {
            pending.add(s);
        }
        lab.dropFromA(s -> s.len() > 0 && pending.remove(s.seq()));
    }

    @Test
    void aLostSegmentIsRetransmittedWithExponentialBackoff() {
        Conn c = warm();
        TcpLab lab = c.lab();
        int[] drops = {3};
        lab.dropFromA(s -> s.len() > 0 && drops[0]-- > 0);
        assertEquals(200 * MS, c.client().tcb().rtt.rto(), "RTT ~0 on the virtual bridge: the 200 ms floor");
        long t0 = lab.now();
        c.client().send("x");
        lab.run(5 * SEC);
        assertEquals("x", c.server().text());
        List<Long> times = lab.segs(s -> s.out() && s.len() > 0).stream().map(s -> (s.nanos() - t0) / MS).toList();
        assertEquals(List.of(0L, 200L, 600L, 1400L), times, "RTO 200 ms, doubled after each expiry");
        Tcp tcp = lab.tcp(lab.a);
        assertEquals(3, tcp.counters().timeouts);
        assertEquals(3, tcp.counters().retransSegs);
        assertEquals(200 * MS, c.client().tcb().rtt.rto(), "a fresh sample (timestamps) recomputes the RTO");
    }

    /**
     * A queue that holds the RTT at 300 ms (b delays its ACKs too): Linux's RTO (tcp_set_rto: srtt + rttvar, rttvar at
     * least tcp_rto_min) stays 200 ms above it where RFC 6298's max(200 ms, srtt + 4 rttvar)
     * would fall to 301 ms and time out whenever one ACK came 1 ms late.
     */
    @Test
    void aSteadyQueueingDelayKeepsTheRtoTcpRtoMinAboveTheRtt() {
        Conn c = warm();
        TcpLab lab = c.lab();
        lab.delayFromA(300 * MS);
        for (int i = 0; i < 40; i++) {
            c.client().send("x");
            lab.run(400 * MS);
        }
        RttEstimator rtt = c.client().tcb().rtt;
        long srtt = rtt.srtt(); // 300 ms and b's delayed ACK
        assertTrue(srtt >= 300 * MS && srtt <= 345 * MS, "srtt " + srtt);
        long rto = rtt.rto();
        assertTrue(rto >= srtt + 200 * MS && rto <= srtt + 201 * MS, "srtt + tcp_rto_min, rounded up to the jiffy: " + rto);
        lab.wire.clear();
        boolean[] drop = {true};
        lab.dropFromA(s -> s.len() > 0 && drop[0] && !(drop[0] = false));
        long timeouts = lab.tcp(lab.a).counters().timeouts;
        long t0 = lab.now();
        c.client().send("y");
        lab.run(2 * SEC);
        List<Long> sent = lab.segs(s -> s.out() && s.len() > 0).stream().map(s -> s.nanos() - t0).toList();
        assertEquals(List.of(0L, rto), sent, "retransmitted one RTO after the first transmission");
        assertEquals(timeouts + 1, lab.tcp(lab.a).counters().timeouts);
    }

    @Test
    void threeDuplicateAcksTriggerFastRetransmitWithoutWaitingForTheTimer() {
        Conn c = warmWithoutSack();
        TcpLab lab = c.lab();
        int first = c.client().tcb().sndNxt;
        dropFirstTransmissionOf(lab, first + 1448);
        byte[] data = random(10 * 1448);
        long t0 = lab.now();
        c.client().send(data);
        lab.run(SEC);
        assertArrayEquals(data, c.server().bytes());
        List<Seg> lost = lab.segs(s -> s.out() && s.seq() == first + 1448);
        assertEquals(2, lost.size(), lab.dump());
        assertEquals(t0, lost.get(1).nanos(), "retransmitted at once, not after an RTO");
        long dupAcksBefore = lab.segs(s -> !s.out() && s.ack() == first + 1448 && s.nanos() == t0).size();
        assertTrue(dupAcksBefore >= 3, lab.dump());
        Tcp tcp = lab.tcp(lab.a);
        assertEquals(1, tcp.counters().fastRetransmits);
        assertEquals(1, tcp.counters().renoRecovery, "TCPRenoRecovery: a peer without SACK");
        assertEquals(0, tcp.counters().sackRecovery);
        assertEquals(0, tcp.counters().timeouts);
        assertEquals(1, tcp.counters().retransSegs);
        assertTrue(!c.client().tcb().cc.inRecovery, "the ACK for all of it ended recovery");
        assertEquals(7 * 1448, c.client().tcb().cc.ssthresh, "CUBIC: the 10-segment window times 717/1024 at the third dup ACK");
        // RFC 6582 3.2 step 6, option 1: min(ssthresh, max(FlightSize, SMSS) + SMSS), nothing left in flight
        assertEquals(2 * 1448, c.client().tcb().cc.cwnd);
    }

    @Test
    void newRenoRepairsASecondLossFromThePartialAck() {
        Conn c = warmWithoutSack();
        TcpLab lab = c.lab();
        int first = c.client().tcb().sndNxt;
        dropFirstTransmissionOf(lab, first + 1448, first + 5 * 1448);
        byte[] data = random(10 * 1448);
        c.client().send(data);
        lab.run(SEC);
        assertArrayEquals(data, c.server().bytes());
        Tcp tcp = lab.tcp(lab.a);
        assertEquals(1, tcp.counters().fastRetransmits);
        assertEquals(0, tcp.counters().timeouts, "the partial ACK retransmits the second hole (RFC 6582 3.2 step 5)");
        assertEquals(2, tcp.counters().retransSegs);
    }

    @Test
    void aLostTailIsRecoveredByTheTimer() {
        Conn c = warm();
        TcpLab lab = c.lab();
        int first = c.client().tcb().sndNxt;
        dropFirstTransmissionOf(lab, first + 4 * 1448);
        byte[] data = random(5 * 1448);
        c.client().send(data);
        lab.run(SEC);
        assertArrayEquals(data, c.server().bytes());
        assertEquals(1, lab.tcp(lab.a).counters().timeouts, "no duplicate ACKs after the last segment");
    }

    @Test
    void anEstablishedConnectionGivesUpAfterTcpRetries2() {
        Conn c = warm();
        TcpLab lab = c.lab();
        lab.dropFromA(s -> true);
        long t0 = lab.now();
        c.client().send("x");
        lab.run(924 * SEC);
        assertEquals(TcpState.ESTABLISHED, c.client().state());
        lab.run(SEC);
        assertEquals(List.of(SocketError.ETIMEDOUT), c.client().errors);
        // 0.2 + 0.4 + ... + 102.4 s, then 6 × 120 s (TCP_RTO_MAX): Linux's 924.6 s
        Seg last = lab.fromA().get(lab.fromA().size() - 1);
        assertEquals(15, lab.fromA().size() - 1, "15 retransmissions");
        assertEquals(804_600 * MS, last.nanos() - t0);
        assertEquals(TcpState.CLOSED, c.client().state());
    }

    @Test
    void icmpErrorsOnAnEstablishedConnectionAreSoftAndNamedAtTheTimeout() {
        Conn c = warm();
        TcpLab lab = c.lab();
        // b vanishes: a's neighbour entry fails and each retransmission comes back as host unreachable
        lab.net.kernel.linkSetUp("b", "eth0", false);
        c.client().send("x");
        lab.run(120 * SEC);
        assertEquals(TcpState.ESTABLISHED, c.client().state(), "soft errors do not abort (RFC 1122 4.2.3.9)");
        assertEquals(SocketError.EHOSTUNREACH, c.client().tcb().softError);
        lab.run(900 * SEC);
        assertEquals(List.of(SocketError.EHOSTUNREACH), c.client().errors);
    }

    @Test
    void afterATimeoutTheSenderRestartsInSlowStart() {
        Conn c = warm();
        TcpLab lab = c.lab();
        TcpConnection tcb = c.client().tcb();
        int first = tcb.sndNxt;
        // lose the whole first flight: the timer fires and the window collapses to one segment
        lab.dropFromA(s -> s.len() > 0 && lab.segs(x -> x.out() && x.len() > 0 && x.seq() == s.seq()).size() == 1
                && s.seq() - first < 10 * 1448);
        c.client().send(random(10 * 1448));
        lab.run(150 * MS);
        assertEquals(10 * 1448, tcb.cc.cwnd);
        lab.run(60 * MS);
        assertEquals(1, lab.tcp(lab.a).counters().timeouts);
        assertEquals(7 * 1448, tcb.cc.ssthresh, "CUBIC: the 10-segment window times 717/1024");
        lab.run(SEC);
        assertEquals(10 * 1448, c.server().bytes().length);
        List<Seg> rtx = lab.segs(s -> s.out() && s.len() > 0 && s.nanos() > 0).subList(10, 20);
        assertEquals(first, rtx.get(0).seq(), "go back to SND.UNA");
    }
}
