package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.bench.OverlayUdpPath;
import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.emulated.EmulatedKernel;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.netns.Emulation;
import dev.dockwire.testing.BulkFlow;
import dev.dockwire.testing.MemoryCapture;
import dev.dockwire.testing.TcpFrames;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulk TCP end to end with GSO as Linux does it: between two containers on a bridge the capture
 * shows super-packets (frames far above 1514 bytes, whole MSS multiples) and, as for every segment
 * a socket sends, the checksum partial (tcpdump -vv: "incorrect" on a real host); the receiver
 * gets every byte in order with about one ACK per super-packet; over a VXLAN overlay across two
 * hosts the vxlan device (no UDP-tunnel segmentation under it) cuts them into MTU-sized segments
 * before encapsulation.
 */
class TcpGsoTest {
    private static final int MSS = 1448;
    private static final long BYTES = 4L << 20;

    @Test
    void bulkTcpOnABridgeCrossesItInSuperPackets() {
        TestNet net = new TestNet(3);
        var br = net.bridge("br0", "10.0.0.1/24");
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("b", "br0", "10.0.0.3/24", "10.0.0.1");
        MemoryCapture cap = new MemoryCapture();
        Captures.bridge(cap, net.loop(), br, PacketFilter.ALL);
        BulkFlow flow = new BulkFlow(net.ns("b").sockets(), 0, net.ns("a").sockets(), TestNet.ip("10.0.0.3"), 5201, BYTES)
                .run(net.loop(), 10_000_000_000L);
        assertEquals(BYTES, flow.received);
        assertEquals(0, flow.mismatches, "every byte in order");
        assertTrue(flow.eof);

        int a = TestNet.ip("10.0.0.2");
        List<TcpFrames.Tcp> tcp = TcpFrames.of(cap);
        List<TcpFrames.Tcp> data = tcp.stream().filter(t -> t.src() == a && t.payload() > 0).toList();
        List<TcpFrames.Tcp> acks = tcp.stream().filter(t -> t.src() != a).toList();
        long supers = data.stream().filter(t -> t.frameLength() > 1514).count();
        assertTrue(supers * 2 > data.size(), supers + " of " + data.size() + " data frames above 1514 bytes");
        int largest = data.stream().mapToInt(TcpFrames.Tcp::payload).max().orElse(0);
        // tcp_bound_to_half_wnd: at most half the largest window b offered. No time passes on this
        // bridge, so b's buffer is never autotuned: its 64,128-byte window makes 22 segments.
        assertEquals(22 * MSS, largest, "half of b's window: tcpdump's \"length 31856\"");
        for (TcpFrames.Tcp t : data) {
            boolean last = (t.flags() & TcpSegment.FLAG_PSH) != 0;
            assertTrue(last || t.payload() % MSS == 0, "a multiple of the MSS: " + t);
            // tcp_v4_send_check: a super-packet and a single segment alike (tcpdump -vv: "incorrect")
            assertTrue(t.partial() && !t.full(), "a socket's segment crosses the bridge with a partial checksum: " + t);
        }
        for (TcpFrames.Tcp t : acks) {
            assertTrue(t.partial() && !t.full(), "the receiver's ACKs are partial too: " + t);
        }
        // The receiver ACKs at once when more than one full segment arrived (__tcp_ack_snd_check):
        // about one ACK per super-packet, ACK numbers never going back, the last one covering all.
        assertTrue(acks.size() <= data.size() + 4, acks.size() + " ACKs for " + data.size() + " data frames");
        for (int i = 1; i < acks.size(); i++) {
            assertTrue(acks.get(i).ack() - acks.get(i - 1).ack() >= 0, "ACKs go forward");
        }
        int end = data.get(data.size() - 1).seq() + data.get(data.size() - 1).payload() + 1; // and the FIN
        assertEquals(end, acks.get(acks.size() - 1).ack());
    }

    @Test
    void overVxlanAcrossHostsTheTunnelSegmentsAndEveryByteArrives() {
        Emulation emu = new Emulation(1);
        EmulatedKernel h1 = new EmulatedKernel(emu, "h1");
        EmulatedKernel h2 = new EmulatedKernel(emu, "h2");
        OverlayUdpPath.twoHosts(h1, h2);
        MemoryCapture container = new MemoryCapture();
        MemoryCapture underlay = new MemoryCapture();
        Captures.device(container, emu.loop(), h1.namespace("sb").device("veth0"), PacketFilter.ALL);
        Captures.device(underlay, emu.loop(), h1.namespace(Kernel.HOST).device("eth0"), PacketFilter.ALL);
        BulkFlow flow = new BulkFlow(h2.sockets("c"), 0, h1.sockets("c"), Ipv4Address.parse("10.0.1.3").bits(), 5201,
                1L << 20).run(emu.loop(), 10_000_000_000L);
        assertEquals(1L << 20, flow.received);
        assertEquals(0, flow.mismatches);
        // In the sandbox, the container's super-packets (MSS 1398 under the 1450 MTU); on the underlay,
        // only encapsulated frames that fit its 1500-byte MTU.
        assertTrue(TcpFrames.of(container).stream().anyMatch(t -> t.frameLength() > 1514), "super-packets in the sandbox");
        assertTrue(underlay.frames.size() > (1 << 20) / 1398, underlay.frames.size() + " frames on the underlay");
        for (MemoryCapture.Frame f : underlay.frames) {
            assertTrue(f.bytes().length <= 1514, "on the underlay: " + f.bytes().length);
        }
    }
}
