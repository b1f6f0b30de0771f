package dev.dockwire.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.CaptureTap;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.Vxlan;
import dev.dockwire.netns.Emulation;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.Allocations;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two emulated hosts on one underlay link, each with an overlay namespace built the way Docker's
 * overlay driver builds it (bridge + vxlan created in the host namespace and moved in, static
 * neighbour and FDB entries for the remote endpoint): a datagram between the containers crosses
 * the underlay as VXLAN, byte for byte, and proxy ARP answers locally.
 */
class VxlanTest {
    private static final String HOST = Kernel.HOST;
    private static final int VNI = 4096;
    private static final MacAddress C1 = MacAddress.parse("02:42:0a:00:00:02");
    private static final MacAddress C2 = MacAddress.parse("02:42:0a:00:00:03");

    private Emulation emulation;
    private EmulatedKernel h1;
    private EmulatedKernel h2;
    private final List<byte[]> underlay = new ArrayList<>();
    private boolean recording = true;

    @BeforeEach
    void build() {
        emulation = new Emulation(7);
        h1 = new EmulatedKernel(emulation, "h1");
        h2 = new EmulatedKernel(emulation, "h2");
        h1.linkAdd(HOST, LinkSpec.veth("eth0", MacAddress.parse("02:00:00:00:00:11"), "cable", MacAddress.parse("02:00:00:00:00:12")));
        h1.namespace(HOST).moveDevice(h1.namespace(HOST).device("cable"), h2.namespace(HOST));
        h2.linkSetName(HOST, "cable", "eth0");
        host(h1, "192.168.1.11", "10.0.0.2", C1, "10.0.0.3", C2, "192.168.1.12");
        host(h2, "192.168.1.12", "10.0.0.3", C2, "10.0.0.2", C1, "192.168.1.11");
        NetDevice eth0 = h1.namespace(HOST).device("eth0");
        eth0.wrapEgress(next -> (dev, frame) -> {
            if (recording) {
                underlay.add(ByteBufUtil.getBytes(frame));
            }
            next.accept(dev, frame);
        });
    }

    /** Underlay address, an overlay namespace "ov" with br0 + vx0, a container "c", and the remote peer. */
    private static void host(EmulatedKernel k, String vtep, String ip, MacAddress mac, String peerIp, MacAddress peerMac,
                             String peerVtep) {
        k.addrAdd(HOST, "eth0", Cidr.parse(vtep + "/24"));
        k.linkSetUp(HOST, "eth0", true);
        k.netnsAdd("ov");
        k.linkAdd("ov", LinkSpec.bridge("br0", null));
        k.addrAdd("ov", "br0", Cidr.parse("10.0.0.1/24"));
        k.linkAdd(HOST, LinkSpec.vxlan("vx0", VNI, Ipv4Address.parse(vtep), 4789, false, true));
        k.linkSetNetns(HOST, "vx0", "ov");
        k.linkSetMaster("ov", "vx0", "br0");
        k.netnsAdd("c");
        k.linkAdd("ov", LinkSpec.veth("veth0", null, "eth0", mac));
        k.linkSetNetns("ov", "eth0", "c");
        k.linkSetMaster("ov", "veth0", "br0");
        k.linkSetMtu("ov", "veth0", 1450);
        k.linkSetMtu("c", "eth0", 1450);
        k.addrAdd("c", "eth0", Cidr.parse(ip + "/24"));
        for (String[] d : new String[][] {{"ov", "br0"}, {"ov", "vx0"}, {"ov", "veth0"}, {"c", "eth0"}, {"c", "lo"}}) {
            k.linkSetUp(d[0], d[1], true);
        }
        k.neighAdd("ov", "vx0", Ipv4Address.parse(peerIp), peerMac, true);
        k.fdbAppend("ov", "vx0", peerMac, Ipv4Address.parse(peerVtep));
    }

    @AfterEach
    void close() {
        emulation.close();
    }

    private List<String> received(EmulatedKernel k, int port) {
        List<String> got = new ArrayList<>();
        UdpSocket s = k.sockets("c").openUdp();
        s.bind(0, port);
        s.onReceive((sock, src, sport, data) -> got.add(Ipv4Address.of(src) + ":" + sport + " "
                + data.toString(StandardCharsets.US_ASCII)));
        return got;
    }

    private void send(EmulatedKernel k, int dst, String text) {
        UdpSocket s = k.sockets("c").openUdp();
        s.bind(0, 5555);
        s.send(dst, 7777, Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
        emulation.loop().runFor(1_000_000_000L);
        s.close();
    }

    private List<byte[]> vxlanFrames() {
        return underlay.stream().filter(f -> f.length > 42 && f[12] == 8 && f[13] == 0 && f[23] == 17).toList();
    }

    @Test
    void aDatagramCrossesTheUnderlayAsVxlanAndArrives() {
        List<String> got = received(h2, 7777);
        send(h1, Ipv4Address.parse("10.0.0.3").bits(), "hello");
        assertEquals(List.of("10.0.0.2:5555 hello"), got);
        // Proxy ARP answered in the overlay namespace: no ARP for 10.0.0.3 crossed the underlay.
        assertEquals(1, vxlanFrames().size(), "frames on the underlay: " + underlay.size());
        assertTrue(underlay.stream().noneMatch(f -> f[12] == 8 && f[13] == 6 && f[41] == 3),
                "no ARP for the overlay address on the underlay");
    }

    @Test
    void theEncapsulatedFrameIsByteForByteWhatLinuxSends() {
        received(h2, 7777);
        send(h1, Ipv4Address.parse("10.0.0.3").bits(), "hello");
        byte[] f = vxlanFrames().get(0);
        // Fields that vary with the seed (IP ids, checksums, the flow's source port) are masked as xx.
        String golden = ""
                + "020000000012" + "020000000011" + "0800"                   // outer Ethernet
                + "4500" + "0053" + "xxxx" + "0000" + "4011" + "xxxx"       // outer IPv4: DF clear, TTL 64, UDP
                + "c0a8010b" + "c0a8010c"                                    // 192.168.1.11 -> .12
                + "xxxx" + "12b5" + "003f" + "0000"                          // UDP: flow port -> 4789, checksum 0
                + "08000000" + "00100000"                                    // VXLAN: I flag, VNI 4096
                + "0242 0a000003" + "02420a000002" + "0800"                  // inner Ethernet
                + "4500" + "0021" + "xxxx" + "4000" + "4011" + "xxxx"       // inner IPv4: DF set, TTL 64
                + "0a000002" + "0a000003"
                + "15b3" + "1e61" + "000d" + "xxxx" + "68656c6c6f";         // inner UDP 5555 -> 7777 "hello"
        golden = golden.replace(" ", "");
        String actual = ByteBufUtil.hexDump(f);
        assertEquals(golden.length(), actual.length());
        StringBuilder masked = new StringBuilder(actual);
        for (int i = 0; i < golden.length(); i++) {
            if (golden.charAt(i) == 'x') {
                masked.setCharAt(i, 'x');
            }
        }
        assertEquals(golden, masked.toString());
        ByteBuf buf = Unpooled.wrappedBuffer(f);
        assertEquals(0xFFFF, Checksum.fold(Checksum.sum(buf, 14, 20, 0)), "outer IPv4 checksum");
        int sport = buf.getUnsignedShort(34);
        assertTrue(sport >= Vxlan.PORT_MIN && sport <= Vxlan.PORT_MAX, "source port " + sport);
        // The same flow keeps its port (udp_flow_src_port hashes the inner flow).
        send(h1, Ipv4Address.parse("10.0.0.3").bits(), "again");
        assertEquals(sport, Unpooled.wrappedBuffer(vxlanFrames().get(1)).getUnsignedShort(34));
    }

    @Test
    void aReplyComesBackTheOtherWay() {
        List<String> got = received(h1, 7777);
        send(h2, Ipv4Address.parse("10.0.0.2").bits(), "back");
        assertEquals(List.of("10.0.0.3:5555 back"), got);
    }

    /**
     * The tunnel's route to its remote is remembered per remote (dst_cache) and looked up again when
     * the routes, the addresses or the device change: a more specific route through another device
     * takes the datagrams there, its removal brings them back, the underlay device going down drops them.
     */
    @Test
    void theUnderlayRouteIsLookedUpAgainWhenItChanges() {
        List<String> got = received(h2, 7777);
        int c2 = Ipv4Address.parse("10.0.0.3").bits();
        send(h1, c2, "one");
        assertEquals(List.of("10.0.0.2:5555 one"), got);
        h1.linkAdd(HOST, LinkSpec.dummy("dummy0"));
        h1.linkSetUp(HOST, "dummy0", true);
        h1.routeAdd(HOST, Cidr.parse("192.168.1.12/32"), 0, "dummy0");
        send(h1, c2, "two");
        assertEquals(1, got.size(), "the host route sends the datagram to dummy0");
        assertEquals(1, vxlanFrames().size());
        h1.routeDel(HOST, Cidr.parse("192.168.1.12/32"));
        send(h1, c2, "three");
        assertEquals(List.of("10.0.0.2:5555 one", "10.0.0.2:5555 three"), got);
        h1.linkSetUp(HOST, "eth0", false);
        send(h1, c2, "four");
        assertEquals(2, vxlanFrames().size(), "nothing leaves a device that is down");
        h1.linkSetUp(HOST, "eth0", true);
        send(h1, c2, "five");
        assertEquals(List.of("10.0.0.2:5555 one", "10.0.0.2:5555 three", "10.0.0.2:5555 five"), got);
        assertEquals(3, vxlanFrames().size());
    }

    @Test
    void withoutAnFdbEntryTheFrameIsDropped() {
        List<String> got = received(h2, 7777);
        h1.fdbDel("ov", "vx0", C2, Ipv4Address.parse("192.168.1.12"));
        send(h1, Ipv4Address.parse("10.0.0.3").bits(), "lost");
        assertEquals(List.of(), got);
        assertEquals(0, vxlanFrames().size());
        assertTrue(h1.links("ov").stream().anyMatch(l -> l.name().equals("vx0") && l.txDropped() == 1));
    }

    @Test
    void theVniIsUniquePerSocketAndTheSocketStaysInItsNamespace() {
        KernelException e = assertThrows(KernelException.class,
                () -> h1.linkAdd(HOST, LinkSpec.vxlan("vx1", VNI, null, 4789, false, true)));
        assertTrue(e.getMessage().contains("VNI"), e.getMessage());
        // vx0 lives in "ov", but its socket is the host's: the host's UDP port 4789 is taken.
        UdpSocket s = h1.sockets(HOST).openUdp();
        assertThrows(RuntimeException.class, () -> s.bind(0, 4789));
        h1.linkDel("ov", "vx0");
        s.bind(0, 4789);
        s.close();
    }

    /** The host's UDP demux remembers port 4789's socket: a device made again on the port gets the next datagram. */
    @Test
    void aDeviceMadeAgainOnTheSamePortTakesTheNextDatagram() {
        List<String> got = received(h2, 7777);
        send(h1, Ipv4Address.parse("10.0.0.3").bits(), "first");
        h2.linkDel("ov", "vx0");
        h2.linkAdd(HOST, LinkSpec.vxlan("vx1", VNI, Ipv4Address.parse("192.168.1.12"), 4789, false, true));
        h2.linkSetNetns(HOST, "vx1", "ov");
        h2.linkSetMaster("ov", "vx1", "br0");
        h2.linkSetUp("ov", "vx1", true);
        send(h1, Ipv4Address.parse("10.0.0.3").bits(), "second");
        assertEquals(List.of("10.0.0.2:5555 first", "10.0.0.2:5555 second"), got);
    }

    @Test
    void tsharkDecodesTheUnderlayCapture(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("eth0.pcapng");
        CaptureFile cf = CaptureFile.open(file);
        CaptureTap tap = h1.tap(HOST, "eth0", cf, null);
        received(h2, 7777);
        send(h1, Ipv4Address.parse("10.0.0.3").bits(), "hello");
        tap.close();
        cf.close();
        ExternalTools.assumeTool("tshark");
        List<String> lines = ExternalTools.run("tshark", "-r", file.toString(), "-Y", "vxlan", "-T", "fields",
                "-e", "vxlan.vni", "-e", "ip.src", "-e", "ip.dst", "-e", "udp.dstport");
        assertEquals(List.of("4096\t192.168.1.11,10.0.0.2\t192.168.1.12,10.0.0.3\t4789,7777"), lines);
    }

    @Test
    void encapsulationAndDecapsulationAllocateNothingPerFrame() throws Throwable {
        long[] got = new long[1];
        UdpSocket sink = h2.sockets("c").openUdp();
        sink.bind(0, 9);
        sink.onReceive((s, src, port, data) -> got[0]++);
        UdpSocket sender = h1.sockets("c").openUdp();
        sender.bind(0, 40000);
        ByteBuf payload = Unpooled.directBuffer(18).writeZero(18);
        int dst = Ipv4Address.parse("10.0.0.3").bits();
        Runnable sendOne = () -> {
            sender.send(dst, 9, payload);
            emulation.loop().drain();
        };
        sendOne.run(); // ARP on the underlay, then steady state
        recording = false;
        try {
            int frames = 100_000;
            long allocated = Allocations.measure(150_000, frames, sendOne::run);
            assertEquals(250_001, got[0]);
            // Slack for the counter's and the JIT's own bookkeeping; one object per frame would be 1.6 MB.
            assertTrue(allocated < 65_536, "allocated " + allocated + " bytes over " + frames + " frames");
        } finally {
            payload.release();
        }
    }
}
