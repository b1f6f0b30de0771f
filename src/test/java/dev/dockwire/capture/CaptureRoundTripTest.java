package dev.dockwire.capture;

import dev.dockwire.testing.ExternalTools;
import static dev.dockwire.capture.CapturedFrame.expected;
import static dev.dockwire.capture.TestFrames.GW;
import static dev.dockwire.capture.TestFrames.GW_MAC;
import static dev.dockwire.capture.TestFrames.IP1;
import static dev.dockwire.capture.TestFrames.IP2;
import static dev.dockwire.capture.TestFrames.MAC1;
import static dev.dockwire.capture.TestFrames.MAC2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames pushed through veths and a bridge on the event loop, captured, and read back by libpcap
 * (pcap4j): count, order, timestamps and bytes must be what was sent.
 */
class CaptureRoundTripTest {
    @TempDir
    Path dir;

    final Lab lab = new Lab();
    final TestFrames tf = new TestFrames();
    /** Bytes of each frame sent, by send order. */
    final List<byte[]> sent = new ArrayList<>();

    @BeforeEach
    void libpcap() {
        ExternalTools.assumeLibpcap();
    }

    private void send(long at, boolean fromC1, ByteBuf frame) {
        sent.add(ByteBufUtil.getBytes(frame));
        lab.sendAt(at, fromC1 ? lab.c1 : lab.c2, frame);
    }

    /** ARP, ping and a UDP datagram between the two containers; returns the send times. */
    long[] conversation() {
        send(1_000_000, true, tf.arpRequest(MAC1, IP1, IP2));
        send(1_500_000, false, tf.arpReply(MAC2, IP2, MAC1, IP1));
        send(2_000_000, true, tf.icmpEcho(true, MAC1, MAC2, IP1, IP2, 1, 1, 56));
        send(2_000_500, false, tf.icmpEcho(false, MAC2, MAC1, IP2, IP1, 1, 1, 56));
        send(3_000_000, true, tf.udp(MAC1, MAC2, IP1, IP2, 40000, 7777, 20));
        return new long[] {1_000_000, 1_500_000, 2_000_000, 2_000_500, 3_000_000};
    }

    @Test
    void deviceCaptureSeesBothDirectionsInOrder() throws Exception {
        Path file = dir.resolve("eth0.pcapng");
        CaptureTap cap = Captures.device(CaptureFile.open(file), lab.loop, lab.c1, null);
        long[] t = conversation();
        lab.run();
        cap.close();

        List<CapturedFrame> want = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            want.add(expected(t[i], sent.get(i)));
        }
        assertEquals(want, CapturedFrame.readWithPcap4j(file));
        assertEquals(5, cap.captured());
        assertEquals(0, cap.filteredOut());
        // The tap passed every frame on: c1 got the replies, c2 the rest.
        assertEquals(2, lab.rx1.frames.size());
        assertArrayEquals(sent.get(1), lab.rx1.frames.get(0));
        assertEquals(3, lab.rx2.frames.size());
        tf.assertAllReleased();
    }

    @Test
    void bridgeCaptureSeesEachFrameOnceIncludingItsOwnEgress() throws Exception {
        Path file = dir.resolve("br.pcapng");
        CaptureTap cap = Captures.device(CaptureFile.open(file), lab.loop, lab.bridge, null);
        long[] t = conversation();
        ByteBuf gwArp = tf.arpRequest(GW_MAC, GW, IP2);
        byte[] gwArpBytes = ByteBufUtil.getBytes(gwArp);
        lab.sendAt(4_000_000, lab.bridge, gwArp);
        lab.run();
        cap.close();

        List<CapturedFrame> want = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            want.add(expected(t[i], sent.get(i)));
        }
        want.add(expected(4_000_000, gwArpBytes));
        // Flooded copies (the ARP requests) and frames passed up to the bridge are not seen twice.
        assertEquals(want, CapturedFrame.readWithPcap4j(file));
        assertEquals(1, cap.file().interfaceCount());
        assertEquals(3, lab.rx1.frames.size()); // ARP reply, echo reply, gateway's ARP request
        assertEquals(4, lab.rx2.frames.size()); // ARP request, echo request, UDP, gateway's ARP request
        tf.assertAllReleased();
    }

    @Test
    void anyCaptureHasOneInterfacePerDeviceAndSeesEveryHop() throws Exception {
        Path file = dir.resolve("any.pcapng");
        CaptureTap cap = Captures.any(CaptureFile.open(file), lab.loop,
                List.of(lab.c1, lab.c1.peer(), lab.c2.peer(), lab.c2), null);
        ByteBuf ping = tf.icmpEcho(true, MAC1, MAC2, IP1, IP2, 7, 3, 56);
        byte[] bytes = ByteBufUtil.getBytes(ping);
        // The bridge does not know MAC2 yet: the request is flooded, which here reaches c2 only.
        lab.sendAt(5_000, lab.c1, ping);
        lab.run();
        cap.close();

        assertEquals(4, cap.file().interfaceCount());
        List<CapturedFrame> got = CapturedFrame.readWithPcap4j(file);
        assertEquals(List.of(expected(5_000, bytes), expected(5_000, bytes), expected(5_000, bytes),
                expected(5_000, bytes)), got, "eth0 out, veth in, veth out, eth0 in");
        tf.assertAllReleased();
    }

    @Test
    void classicPcapRoundTripAndByteIdenticalReruns() throws Exception {
        byte[][] runs = new byte[2][];
        for (int run = 0; run < 2; run++) {
            Lab l = new Lab();
            TestFrames frames = new TestFrames();
            Path file = dir.resolve("run" + run + ".pcap");
            CaptureTap cap = Captures.bridge(CaptureFile.open(file), l.loop, l.bridge, null);
            l.sendAt(10, l.c1, frames.arpRequest(MAC1, IP1, IP2));
            l.sendAt(20, l.c2, frames.arpReply(MAC2, IP2, MAC1, IP1));
            l.run();
            cap.close();
            runs[run] = Files.readAllBytes(file);
            List<CapturedFrame> got = CapturedFrame.readWithPcap4j(file);
            assertEquals(2, got.size());
            assertEquals(CaptureFile.DEFAULT_EPOCH_NANOS + 20, got.get(1).nanos());
            frames.assertAllReleased();
        }
        assertArrayEquals(runs[0], runs[1], "same run, same bytes");
    }
}
