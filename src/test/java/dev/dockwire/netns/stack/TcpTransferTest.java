package dev.dockwire.netns.stack;

import static dev.dockwire.netns.stack.TcpLab.B;
import static dev.dockwire.netns.stack.TcpLab.PORT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netns.stack.TcpLab.Peer;
import dev.dockwire.netns.stack.TcpLab.Seg;
import dev.dockwire.socket.TcpListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Acceptance: 10 MB from a to b over a link that loses 1% and reorders 1% of the frames in each
 * direction arrives intact (SHA-256 of what was sent and what was received); over a clean link
 * the capture shows no retransmission. Leak tracking runs in SIMPLE mode here: paranoid mode
 * records a stack trace on every buffer access, which would make 10 MB take minutes.
 */
class TcpTransferTest {
    private static final int SIZE = 10 * 1024 * 1024;
    private ResourceLeakDetector.Level level;

    @BeforeEach
    void sampleLeaks() {
        level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
    }

    @AfterEach
    void restoreLeakLevel() {
        ResourceLeakDetector.setLevel(level);
    }

    /** Result of one transfer. */
    record Result(byte[] sent, byte[] received, long bytes, long virtualNanos, Tcp.Counters sender) {
    }

    private static Result transfer(TcpLab lab) throws NoSuchAlgorithmException {
        MessageDigest in = MessageDigest.getInstance("SHA-256");
        long[] received = {0};
        boolean[] done = {false};
        TcpListener listener = lab.b.sockets().listenTcp(0, PORT, 16);
        listener.onAccept(s -> {
            s.onData(d -> {
                received[0] += d.readableBytes();
                in.update(d.nioBuffer());
            });
            s.onEof(() -> {
                done[0] = true;
                s.close();
            });
        });
        byte[] chunk = new byte[64 * 1024];
        Random source = new Random(2024);
        MessageDigest out = MessageDigest.getInstance("SHA-256");
        Peer client = new Peer(lab.a.sockets().openTcp());
        ByteBuf pending = Unpooled.buffer(chunk.length);
        long[] written = {0};
        Runnable pump = () -> {
            while (true) {
                if (!pending.isReadable()) {
                    if (written[0] == SIZE) {
                        client.socket.close();
                        return;
                    }
                    int n = (int) Math.min(chunk.length, SIZE - written[0]);
                    source.nextBytes(chunk);
                    out.update(chunk, 0, n);
                    pending.clear().writeBytes(chunk, 0, n);
                    written[0] += n;
                }
                if (client.socket.write(pending) == 0) {
                    return; // onWritable calls again
                }
            }
        };
        client.socket.onWritable(pump);
        client.socket.connect(B, PORT, err -> pump.run());
        long t0 = lab.now();
        lab.net.loop().runUntil(() -> done[0]);
        pending.release();
        lab.net.loop().runUntil(() -> client.state() == TcpState.TIME_WAIT || client.state() == TcpState.CLOSED);
        return new Result(out.digest(), in.digest(), received[0], lab.now() - t0, lab.tcp(lab.a).counters());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tenMegabytesSurviveOnePercentLossAndOnePercentReordering() throws Exception {
        TcpLab lab = new TcpLab(3);
        lab.wire.clear();
        Impairment up = new Impairment(101, 0.01, 0.01);
        Impairment down = new Impairment(202, 0.01, 0.01);
        lab.portOfA().wrapIngress(up);
        lab.portOfA().wrapEgress(down);
        Result r;
        try {
            r = transfer(lab);
        } finally {
            up.close();
            down.close();
        }
        assertEquals(SIZE, r.bytes());
        assertArrayEquals(r.sent(), r.received(), "SHA-256 of the bytes sent and received");
        assertTrue(up.dropped > 50 && up.reordered > 50 && down.dropped > 10 && down.reordered > 10,
                "the link did impair: " + up.dropped + "/" + up.reordered + " " + down.dropped + "/" + down.reordered);
        assertTrue(r.sender().retransSegs >= up.dropped / 2, "losses were repaired by retransmission");
        assertTrue(r.sender().fastRetransmits > 0);
        System.out.printf("10 MB over 1%% loss + 1%% reordering: %.1f s virtual, %d frames dropped a>b, %d b>a,"
                        + " %d retransmitted (%d fast, %d timeouts)%n", r.virtualNanos() / 1e9, up.dropped, down.dropped,
                r.sender().retransSegs, r.sender().fastRetransmits, r.sender().timeouts);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void overACleanLinkNothingIsRetransmitted() throws Exception {
        TcpLab lab = new TcpLab(4);
        Result r = transfer(lab);
        assertEquals(SIZE, r.bytes());
        assertArrayEquals(r.sent(), r.received());
        assertEquals(0, r.sender().retransSegs);
        assertEquals(0, r.sender().timeouts);
        // the capture: every data segment from a starts where the one before ended
        List<Seg> data = lab.segs(s -> s.out() && (s.len() > 0 || s.has(dev.dockwire.wire.TcpSegment.FLAG_FIN)));
        for (int i = 1; i < data.size(); i++) {
            assertEquals(data.get(i - 1).seq() + data.get(i - 1).len(), data.get(i).seq(), "segment " + i);
        }
        assertEquals(SIZE, data.stream().mapToLong(Seg::len).sum());
    }
}
