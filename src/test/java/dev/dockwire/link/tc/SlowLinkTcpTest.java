package dev.dockwire.link.tc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.Container;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.testing.TestHost;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's acceptance on the emulated Docker host: two containers whose {@code eth0}s each carry
 * {@code netem delay 50ms rate 10mbit} (a 10 Mbit/s link with a 100 ms round trip, a
 * bandwidth-delay product of 125 kB). A bulk TCP transfer past slow start runs near the link rate,
 * and with 1% loss added in both directions the bytes still arrive intact.
 */
class SlowLinkTcpTest {
    private static final long SECOND = 1_000_000_000L;
    private ResourceLeakDetector.Level level;
    private TestHost host;

    @BeforeEach
    void setUp() {
        // Paranoid leak tracking records a stack per buffer access: too slow for megabytes.
        level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
        host = new TestHost(10);
        host.ok("docker network create --subnet 10.10.0.0/24 slow");
        host.ok("docker run -d --name a1 --cap-add NET_ADMIN --network slow nicolaka/netshoot sleep infinity");
        host.ok("docker run -d --name b1 --cap-add NET_ADMIN --network slow nicolaka/netshoot sleep infinity");
    }

    @AfterEach
    void tearDown() {
        host.close();
        ResourceLeakDetector.setLevel(level);
    }

    private void impair(String netem) {
        host.ok("docker exec a1 tc qdisc add dev eth0 root netem " + netem);
        host.ok("docker exec b1 tc qdisc add dev eth0 root netem " + netem);
    }

    /** What one transfer of {@code size} bytes from a to b measured. */
    private record Transfer(byte[] sent, byte[] received, long bytes, long firstByte, long[] receivedAt) {
    }

    private Transfer transfer(int size) throws Exception {
        Sockets a = sockets("a1");
        Sockets b = sockets("b1");
        MessageDigest in = MessageDigest.getInstance("SHA-256");
        MessageDigest out = MessageDigest.getInstance("SHA-256");
        long[] received = {0};
        long[] receivedAt = new long[size / (1 << 20) + 1]; // when each whole MiB had arrived
        boolean[] done = {false};
        TcpListener l = b.listenTcp(0, 9000, 4);
        l.onAccept(s -> {
            s.onData(d -> {
                long before = received[0];
                received[0] += d.readableBytes();
                in.update(d.nioBuffer());
                for (long mib = before >> 20; mib < received[0] >> 20; mib++) {
                    receivedAt[(int) mib] = host.world.emulation().loop().nanos();
                }
            });
            s.onEof(() -> {
                done[0] = true;
                s.close();
            });
        });
        TcpSocket c = a.openTcp();
        Random source = new Random(7);
        byte[] chunk = new byte[64 * 1024];
        ByteBuf pending = Unpooled.buffer(chunk.length);
        long[] written = {0};
        Runnable pump = () -> {
            while (true) {
                if (!pending.isReadable()) {
                    if (written[0] == size) {
                        c.close();
                        return;
                    }
                    int n = (int) Math.min(chunk.length, size - written[0]);
                    source.nextBytes(chunk);
                    out.update(chunk, 0, n);
                    pending.clear().writeBytes(chunk, 0, n);
                    written[0] += n;
                }
                if (c.write(pending) == 0) {
                    return;
                }
            }
        };
        c.onWritable(pump);
        long t0 = host.world.emulation().loop().nanos();
        c.connect(ip("b1"), 9000, err -> pump.run());
        host.world.emulation().loop().runUntil(() -> done[0]);
        pending.release();
        l.close();
        return new Transfer(out.digest(), in.digest(), received[0], t0, receivedAt);
    }

    /** A TcpExt counter of /proc/net/netstat: the value under its name in the second TcpExt line. */
    private static String tcpExt(List<String> netstat, String name) {
        List<String> rows = netstat.stream().filter(l -> l.startsWith("TcpExt:")).toList();
        List<String> names = List.of(rows.get(0).split(" "));
        return rows.get(1).split(" ")[names.indexOf(name)];
    }

    private Sockets sockets(String ctr) {
        Container c = host.world.engine().container(ctr);
        return host.world.hostKernel().sockets(c.netns());
    }

    private int ip(String ctr) {
        return host.world.engine().container(ctr).endpoints().get("slow").address().bits();
    }

    @Test
    void bulkTransferRunsNearTheBandwidthDelayLimit() throws Exception {
        impair("delay 50ms rate 10mbit");
        Transfer t = transfer(16 << 20);
        assertEquals(16 << 20, t.bytes());
        assertArrayEquals(t.sent(), t.received());
        // After slow start (the first MiB), the rest must flow at >= 80% of 10 Mbit/s.
        long steady = t.receivedAt()[15] - t.receivedAt()[0];
        double mbits = 15.0 * (1 << 20) * 8 / (steady / 1e9) / 1e6;
        System.out.printf("10 Mbit/s, 50 ms each way: %.2f Mbit/s after the first MiB%n", mbits);
        // HyStart left slow start on the queue's delay (hystart_update's HYSTART_DELAY): delayed
        // ACKs two segments (2.3 ms) apart at 10 Mbit/s are no train (hystart_ack_delta_us 2 ms)
        List<String> netstat = host.ok("docker exec a1 cat /proc/net/netstat");
        assertEquals("1", tcpExt(netstat, "TCPHystartDelayDetect"));
        assertEquals("0", tcpExt(netstat, "TCPHystartTrainDetect"));
        assertTrue(mbits >= 8.0 && mbits <= 10.0, mbits + " Mbit/s");
    }

    @Test
    void transferCompletesIntactUnderOnePercentLoss() throws Exception {
        impair("delay 50ms rate 10mbit loss 1%");
        Transfer t = transfer(4 << 20);
        assertEquals(4 << 20, t.bytes());
        assertArrayEquals(t.sent(), t.received(), "SHA-256 of what was sent and what arrived");
        String stats = String.join("\n", host.ok("docker exec a1 tc -s qdisc show dev eth0"));
        long dropped = Long.parseLong(stats.replaceAll("(?s).*\\(dropped (\\d+),.*", "$1"));
        assertTrue(dropped > 10, "netem dropped frames: " + stats);
    }
}
