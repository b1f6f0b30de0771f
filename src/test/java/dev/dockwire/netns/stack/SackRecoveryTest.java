package dev.dockwire.netns.stack;

import static dev.dockwire.netns.stack.TcpLab.MS;
import static dev.dockwire.netns.stack.TcpLab.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netns.stack.TcpLab.Conn;
import dev.dockwire.netns.stack.TcpLab.Seg;
import dev.dockwire.wire.TcpOptions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SACK-based loss recovery (RFC 6675, PRR's rate, RFC 6937): the sender's scoreboard, and a burst
 * of losses in one window repaired within about a round trip, each lost segment sent once more.
 */
class SackRecoveryTest {
    private static final int MSS = 1448;

    private static TcpOptions sacks(int... edges) {
        TcpOptions o = new TcpOptions().clear();
        for (int i = 0; i < edges.length; i += 2) {
            o.addSack(edges[i], edges[i + 1]);
        }
        return o;
    }

    @Test
    void theScoreboardMergesBlocksAndForgetsWhatIsAcknowledged() {
        SackScoreboard b = new SackScoreboard();
        assertEquals(3000, b.update(sacks(2000, 3000, 5000, 7000), 1000, 10_000));
        assertEquals(2, b.count());
        assertEquals(0, b.update(sacks(2000, 3000), 1000, 10_000), "nothing new");
        assertEquals(2000, b.update(sacks(3000, 5000), 1000, 10_000), "fills the gap: one range");
        assertEquals(1, b.count());
        assertEquals(0, b.update(sacks(500, 1000, 9000, 11_000), 1000, 10_000), "a D-SACK below SND.UNA and a block past SND.MAX");
        assertEquals(1000, b.nextUnsacked(1000));
        assertEquals(2000, b.holeEnd(1000, 10_000));
        assertEquals(7000, b.nextUnsacked(2500));
        assertEquals(7000, b.highSacked(1000));
        assertEquals(1000, b.sackedBelow(3000));
        b.ack(4000);
        assertEquals(3000, b.sacked());
        b.ack(7000);
        assertEquals(0, b.count());
        assertEquals(0, b.sacked());
    }

    @Test
    void aByteIsLostWithThreeRangesOrMoreThanTwoSegmentsSackedAboveIt() {
        SackScoreboard b = new SackScoreboard();
        int una = 0;
        b.update(sacks(MSS, 2 * MSS), una, 100 * MSS);
        assertEquals(una, b.lostEdge(una, MSS), "one segment above: could be reordering");
        b.update(sacks(2 * MSS, 3 * MSS), una, 100 * MSS);
        assertEquals(una, b.lostEdge(una, MSS), "two segments: not yet");
        b.update(sacks(3 * MSS, 4 * MSS), una, 100 * MSS);
        assertEquals(MSS, b.lostEdge(una, MSS), "three segments (DupThresh) above the first: it is lost");
        b.update(sacks(6 * MSS, 7 * MSS, 8 * MSS, 9 * MSS), una, 100 * MSS);
        assertEquals(MSS, b.lostEdge(una, MSS), "ranges [1,4) [6,7) [8,9): the hole [4,6) has two ranges and 2 segments above");
        b.update(sacks(10 * MSS, 11 * MSS), una, 100 * MSS);
        assertEquals(6 * MSS, b.lostEdge(una, MSS), "three ranges above [4,6)");
    }

    @Test
    void theScoreboardHoldsAsManyRangesAsAWindowOfAlternateLosses() {
        SackScoreboard b = new SackScoreboard();
        for (int i = 0; i < 1000; i++) {
            b.update(sacks((2 * i + 1) * MSS, (2 * i + 2) * MSS), 0, 4000 * MSS);
        }
        assertEquals(1000, b.count(), "Linux keeps a mark per segment; no 32-range table drops SACK information");
        assertEquals(1000 * MSS, b.sacked());
        assertEquals(1995 * MSS, b.lostEdge(0, MSS), "the holes below the third range from the top have three ranges above");
        b.ack(1000 * MSS);
        assertEquals(500, b.count());
        assertEquals(500 * MSS, b.sacked());
    }

    /** Writes all of {@code data}, again whenever the socket has room. */
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

    @Test
    void aBurstOfLossesIsRepairedWithinAboutARoundTripEachSegmentSentOnceMore() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        assertTrue(c.client().tcb().sackOk, "SACK agreed in the handshake");
        c.server().send("hi");
        lab.run(100 * MS);
        lab.delayFromA(25 * MS); // a 25 ms round trip
        int first = c.client().tcb().sndNxt;
        // every other segment of segments 40 to 79: 20 holes in one window
        Set<Integer> drop = new HashSet<>();
        for (int i = 40; i < 80; i += 2) {
            drop.add(first + i * MSS);
        }
        int losses = drop.size();
        lab.dropFromA(s -> s.len() > 0 && drop.remove(s.seq()));
        lab.wire.clear();
        byte[] data = new byte[300 * MSS];
        new Random(6675).nextBytes(data);
        sendAll(c.client(), data);
        lab.run(5 * SEC);
        assertArrayEquals(data, c.server().bytes(), "every byte arrived intact");
        assertTrue(drop.isEmpty(), "all 20 were dropped once");
        Tcp tcp = lab.tcp(lab.a);
        List<Seg> rtx = lab.segs(s -> s.out() && s.len() > 0 && lab.segs(t -> t.out() && t.len() > 0 && t.seq() == s.seq()).get(0) != s);
        String rtxSeqs = rtx.stream().map(s -> (s.seq() - first) / MSS + "@" + (s.nanos() - rtx.get(0).nanos()) / 1_000_000).toList().toString();
        assertEquals(0, tcp.counters().timeouts, "no retransmission timeout");
        assertEquals(losses, tcp.counters().retransSegs, "retransmissions = losses: " + rtxSeqs);
        assertEquals(losses, tcp.counters().fastRetransmits, "TCPFastRetrans counts each segment of the recovery");
        assertEquals(1, tcp.counters().sackRecovery, "one recovery episode (TCPSackRecovery)");
        assertEquals(0, tcp.counters().renoRecovery);
        assertFalse(c.client().tcb().sackRecovery.active, "recovery ended");
        // the first retransmission to the last: within about a round trip, not one hole per RTT
        assertEquals(losses, rtx.size(), rtxSeqs);
        long span = rtx.get(rtx.size() - 1).nanos() - rtx.get(0).nanos();
        assertTrue(span <= 50 * MS, "20 holes repaired in " + span / 1e6 + " ms at a 25 ms RTT");
    }

    @Test
    void aLostRetransmissionIsSentAgainOnceALaterOneIsSackedNotAfterTheTimer() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        c.server().send("hi");
        lab.run(100 * MS);
        lab.delayFromA(25 * MS);
        int first = c.client().tcb().sndNxt;
        // segment 40 is lost twice (first transmission and retransmission), 42 to 58 once
        Map<Integer, Integer> drops = new HashMap<>();
        drops.put(first + 40 * MSS, 2);
        for (int i = 42; i < 60; i += 2) {
            drops.put(first + i * MSS, 1);
        }
        int losses = drops.values().stream().mapToInt(Integer::intValue).sum();
        lab.dropFromA(s -> {
            Integer n = s.len() > 0 ? drops.get(s.seq()) : null;
            if (n == null || n == 0) {
                return false;
            }
            drops.put(s.seq(), n - 1);
            return true;
        });
        byte[] data = new byte[200 * MSS];
        new Random(8985).nextBytes(data);
        sendAll(c.client(), data);
        lab.run(5 * SEC);
        assertArrayEquals(data, c.server().bytes(), "every byte arrived intact");
        Tcp tcp = lab.tcp(lab.a);
        assertEquals(0, tcp.counters().timeouts, "the lost retransmission was found from the SACKs, not by the timer");
        assertEquals(losses, tcp.counters().retransSegs, "each loss sent once more, nothing spurious");
        long last = lab.segs(s -> s.out() && s.len() > 0 && s.seq() == first + 40 * MSS).get(2).nanos();
        long firstRtx = lab.segs(s -> s.out() && s.len() > 0 && s.seq() == first + 40 * MSS).get(1).nanos();
        assertTrue(last - firstRtx <= 50 * MS, "sent a third time " + (last - firstRtx) / 1e6 + " ms after the second");
    }
}
