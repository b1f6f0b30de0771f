package dev.dockwire.netns.stack;

import static dev.dockwire.netns.stack.TcpLab.MS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netns.stack.TcpLab.Conn;
import dev.dockwire.netns.stack.TcpLab.Seg;
import dev.dockwire.wire.TcpRepr;
import dev.dockwire.wire.TcpSegment;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ESTABLISHED: data both ways, segment sizes, delayed ACKs, back-pressure, reassembly. */
class TcpDataTest {
    private static final int ACK = TcpSegment.FLAG_ACK;

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Replies to each request at once, as an HTTP server does. */
    private static void echoServer(Conn c) {
        c.server().socket.onData(d -> {
            c.server().in.writeBytes(io.netty.buffer.ByteBufUtil.getBytes(d));
            c.server().send("HTTP/1.0 200 OK\r\n\r\nhi");
        });
    }

    @Test
    void theFirstRequestAndReplyAreEachAckedAtOnceInQuickackMode() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        echoServer(c);
        lab.wire.clear();
        c.client().send("GET / HTTP/1.0\r\n\r\n");
        lab.run(100 * MS);
        assertEquals("GET / HTTP/1.0\r\n\r\n", c.server().text());
        assertEquals("HTTP/1.0 200 OK\r\n\r\nhi", c.client().text());
        List<Seg> w = lab.wire;
        // Linux (tcp_event_data_recv): the first data of a connection starts quickack mode, and the
        // ACK goes from softirq before the program answers: request, ACK, reply, ACK, all at once.
        assertEquals(4, w.size(), lab.dump());
        assertEquals(List.of("P.", ".", "P.", "."), w.stream().map(Seg::flags).toList());
        assertEquals(w.get(0).seq() + w.get(0).len(), w.get(1).ack());
        assertEquals(w.get(2).seq() + w.get(2).len(), w.get(3).ack());
        assertEquals(w.get(0).nanos(), w.get(3).nanos(), "no delayed ACK");
    }

    @Test
    void onceTheServerRepliedAtOnceItsAcksRideOnTheReplies() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        echoServer(c);
        c.client().send("GET /1 HTTP/1.0\r\n\r\n");
        lab.run(100 * MS);
        lab.wire.clear();
        c.client().send("GET /2 HTTP/1.0\r\n\r\n");
        lab.run(100 * MS);
        List<Seg> w = lab.wire;
        // The server answered within the delayed-ACK time: pingpong mode (tcp_event_data_sent), so
        // the second request's ACK waits and the reply carries it; the client, which did not
        // answer, still ACKs at once.
        assertEquals(List.of("P.", "P.", "."), w.stream().map(Seg::flags).toList(), lab.dump());
        assertEquals(w.get(0).seq() + w.get(0).len(), w.get(1).ack());
    }

    @Test
    void bulkDataGoesInFullSegmentsAndEverySecondOneIsAcked() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        byte[] data = random(80 * 1448, 1);
        lab.wire.clear();
        assertEquals(data.length, c.client().send(data));
        lab.run(MS);
        assertArrayEquals(data, c.server().bytes());
        List<Seg> sent = lab.segs(s -> s.out() && s.len() > 0);
        assertEquals(80, sent.size());
        assertTrue(sent.stream().allMatch(s -> s.len() == 1448), "MSS 1460 less 12 bytes of timestamps");
        assertEquals("P.", sent.get(79).flags(), "PSH on the segment that empties the send queue");
        assertTrue(sent.subList(0, 79).stream().allMatch(s -> s.is(ACK)));
        List<Seg> acks = lab.fromB();
        assertEquals(16 + 32, acks.size(), "quickack for the first 16 segments (TCP_MAX_QUICKACKS), then an ACK for"
                + " every second full segment:\n" + lab.dump());
        for (int i = 1; i < sent.size(); i++) {
            assertEquals(sent.get(i - 1).seq() + 1448, sent.get(i).seq(), "in order, no retransmission");
        }
        assertEquals(0, lab.tcp(lab.a).counters().retransSegs);
    }

    @Test
    void theInitialWindowIsTenSegments() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        lab.dropToA(s -> true); // no ACK comes back: the sender stops at cwnd
        lab.wire.clear();
        c.client().send(random(30 * 1448, 2));
        lab.run(MS);
        assertEquals(10, lab.segs(s -> s.out() && s.len() > 0).size());
    }

    @Test
    void aLoneSegmentToAnInteractiveReceiverIsAckedAfter40Ms() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        // One exchange in which the server answers at once puts it in pingpong mode: no quick ACKs.
        boolean[] answered = {false};
        c.server().socket.onData(d -> {
            if (!answered[0]) {
                answered[0] = true;
                c.server().send("ok");
            }
        });
        c.client().send("hello");
        lab.run(100 * MS);
        lab.wire.clear();
        long t0 = lab.now();
        c.client().send("x");
        lab.run(39 * MS);
        assertEquals(1, lab.wire.size());
        lab.run(2 * MS);
        assertEquals(2, lab.wire.size());
        Seg ack = lab.wire.get(1);
        assertEquals(t0 + 40 * MS, ack.nanos());
        assertEquals(1, lab.tcp(lab.b).counters().delayedAcks);
    }

    @Test
    void writeTakesWhatTheSendBufferHoldsAndSaysWhenThereIsRoom() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        byte[] data = random(300_000, 3);
        c.server().socket.pauseReading();
        io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.wrappedBuffer(data);
        try {
            int n = c.client().socket.write(buf);
            assertEquals(Tcp.BUFFER_SIZE, n, "the send buffer is 128 KiB");
            assertEquals(n, buf.readerIndex());
            assertEquals(0, c.client().socket.write(buf));
            assertEquals(0, c.client().writable);
            lab.run(MS);
            // b's receive buffer took 128 KiB: the client's buffer is empty again
            assertEquals(1, c.client().writable);
            c.client().socket.write(buf);
            c.server().socket.resumeReading();
            lab.run(10 * MS);
            while (buf.isReadable()) {
                c.client().socket.write(buf);
                lab.run(10 * MS);
            }
        } finally {
            buf.release();
        }
        lab.run(100 * MS);
        assertArrayEquals(data, c.server().bytes());
    }

    @Test
    void dataFlowsBothWaysAtOnce() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        byte[] up = random(200_000, 4);
        byte[] down = random(150_000, 5);
        Pump p1 = new Pump(c.client(), up);
        Pump p2 = new Pump(c.server(), down);
        p1.start();
        p2.start();
        lab.run(1000 * MS);
        assertArrayEquals(up, c.server().bytes());
        assertArrayEquals(down, c.client().bytes());
        assertEquals(0, lab.tcp(lab.a).counters().retransSegs + lab.tcp(lab.b).counters().retransSegs);
    }

    /** Writes a byte array through a socket as fast as the send buffer allows. */
    static final class Pump {
        private final TcpLab.Peer peer;
        private final io.netty.buffer.ByteBuf buf;

        Pump(TcpLab.Peer peer, byte[] data) {
            this.peer = peer;
            this.buf = io.netty.buffer.Unpooled.wrappedBuffer(data);
            peer.socket.onWritable(this::start);
        }

        void start() {
            peer.socket.write(buf);
            if (!buf.isReadable()) {
                buf.release();
            }
        }
    }

    @Test
    void anOutOfOrderSegmentIsKeptAckedWithSackAndReassembled() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        byte[] data = random(6 * 1448, 6);
        // a learns b's scaled window first: an ACK that changes the window is not a duplicate (RFC 5681 2)
        c.server().send("hi");
        lab.run(MS);
        int first = c.client().tcb().sndNxt;
        // the first data segment reaches b after the next three
        lab.reorderFromA(s -> s.len() > 0 && s.seq() == first, 3);
        lab.wire.clear();
        c.client().send(data);
        lab.run(MS);
        assertArrayEquals(data, c.server().bytes());
        // segments 2-4 wait in the receive buffer; the first fills the gap and all four go up at once
        assertEquals(List.of("data " + 4 * 1448, "data 1448", "data 1448"), c.server().events);
        List<Seg> acks = lab.segs(s -> !s.out() && s.len() == 0);
        // three duplicate ACKs for the gap, each with a growing SACK block, then an ACK for all four
        for (int i = 0; i < 3; i++) {
            TcpRepr a = acks.get(i).tcp();
            assertEquals(first, a.ack(), lab.dump());
            assertEquals(List.of(new TcpRepr.SackBlock(first + 1448, first + 1448 * (i + 2))), a.sackBlocks());
        }
        assertEquals(first + 4 * 1448, acks.get(3).ack(), lab.dump());
        assertTrue(acks.get(3).tcp().sackBlocks().isEmpty());
        assertEquals(1, lab.tcp(lab.a).counters().fastRetransmits, "three duplicate ACKs: fast retransmit\n" + lab.dump());
    }

    @Test
    void severalGapsAreReportedAsSeveralSackBlocksLatestFirst() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        int first = c.client().tcb().sndNxt;
        // lose segments 1 and 3 (0-based) of six
        lab.dropFromA(s -> s.len() > 0 && (s.seq() == first + 1448 || s.seq() == first + 3 * 1448)
                && lab.segs(x -> x.out() && x.len() > 0 && x.seq() == s.seq()).size() == 1);
        c.client().send(random(6 * 1448, 7));
        lab.run(MS);
        List<Seg> dupAcks = lab.segs(s -> !s.out() && s.tcp().sackBlocks().size() == 2);
        assertTrue(!dupAcks.isEmpty(), lab.dump());
        TcpRepr a = dupAcks.get(0).tcp();
        assertEquals(new TcpRepr.SackBlock(first + 4 * 1448, first + 5 * 1448), a.sackBlocks().get(0), "latest first");
        assertEquals(new TcpRepr.SackBlock(first + 2 * 1448, first + 3 * 1448), a.sackBlocks().get(1));
        lab.run(2000 * MS);
        assertEquals(6 * 1448, c.server().bytes().length);
    }

    @Test
    void aDuplicateSegmentIsDiscardedAndAckedAtOnce() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        lab.duplicateFromA(s -> s.len() > 0);
        lab.wire.clear();
        c.client().send("once");
        lab.run(100 * MS);
        assertEquals("once", c.server().text());
        List<Seg> acks = lab.fromB();
        // The original is ACKed at once (quickack mode), and so is the duplicate.
        assertEquals(2, acks.size(), lab.dump());
        assertEquals(lab.wire.get(0).nanos(), acks.get(1).nanos(), "the duplicate triggers an immediate ACK");
    }

    @Test
    void pausedReadingBuffersAndResumingDeliversInOrder() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        c.server().socket.pauseReading();
        c.client().send("one ");
        lab.run(MS);
        c.client().send("two");
        lab.run(MS);
        assertEquals("", c.server().text());
        assertTrue(c.server().tcb().hasUnread());
        c.server().socket.resumeReading();
        assertEquals("one two", c.server().text());
        lab.run(MS);
    }
}
