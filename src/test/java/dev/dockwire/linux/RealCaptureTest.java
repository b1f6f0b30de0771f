package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.wire.Cidr;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RealKernel#capture} (root only): the host namespace's bridge captured promiscuously
 * through libpcap while two namespaces ping across it, as {@code tcpdump -i br0} on the host
 * shows container-to-container traffic; written on the capture's thread without an event loop,
 * through the loop with one. tshark reads the files back.
 */
class RealCaptureTest {
    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @TempDir
    Path dir;

    @BeforeEach
    void root() {
        ExternalTools.assumeRoot("capturing real interfaces");
        ExternalTools.assumeLibpcap();
        ExternalTools.assumeTool("ip");
        ExternalTools.assumeTool("ping");
        ExternalTools.assumeTool("tshark");
    }

    /** br0 (10.124.0.1/24) in the host namespace, containers a (.2) and b (.3) on it. */
    private static void bridged(RealKernel k) {
        k.linkAdd(Kernel.HOST, LinkSpec.bridge("br0", null));
        k.addrAdd(Kernel.HOST, "br0", Cidr.parse("10.124.0.1/24"));
        k.linkSetUp(Kernel.HOST, "br0", true);
        for (int i = 2; i <= 3; i++) {
            String ns = "c" + i;
            k.netnsAdd(ns);
            k.linkAdd(Kernel.HOST, LinkSpec.veth("veth" + i, null, "tmp" + i, null));
            k.linkSetMaster(Kernel.HOST, "veth" + i, "br0");
            k.linkSetUp(Kernel.HOST, "veth" + i, true);
            k.linkSetNetns(Kernel.HOST, "tmp" + i, ns);
            k.linkSetName(ns, "tmp" + i, "eth0");
            k.addrAdd(ns, "eth0", Cidr.parse("10.124.0." + i + "/24"));
            k.linkSetUp(ns, "eth0", true);
        }
    }

    private static void ping(RealKernel k) throws Exception {
        ExternalTools.run("ip", "netns", "exec", k.netnsName("c2"), "ping", "-c", "2", "-i", "0.2", "-W", "5", "10.124.0.3");
    }

    /** Who sent what to whom (ICMP type), frame by frame, as tshark reads the file. */
    private static List<String> icmp(Path file) throws Exception {
        return ExternalTools.run("tshark", "-r", file.toString(), "-T", "fields", "-E", "separator=,",
                "-e", "frame.interface_name", "-e", "ip.src", "-e", "ip.dst", "-e", "icmp.type");
    }

    private static final List<String> TWO_PINGS = List.of("br0,10.124.0.2,10.124.0.3,8", "br0,10.124.0.3,10.124.0.2,0",
            "br0,10.124.0.2,10.124.0.3,8", "br0,10.124.0.3,10.124.0.2,0");

    private static void awaitFrames(CaptureTap tap, EventLoop loop) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (tap.captured() < 4 && System.nanoTime() < deadline) {
            if (loop != null) {
                loop.drain();
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aBridgeIsCapturedPromiscuouslyOnTheCapturesThread() throws Exception {
        Path file = dir.resolve("br0.pcapng");
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "rc-", null)) {
            bridged(k);
            CaptureTap tap = k.capture(Kernel.HOST, "br0", CaptureFile.open(file), PacketFilter.compile("icmp"));
            ping(k);
            awaitFrames(tap, null);
            tap.close();
            assertEquals(4, tap.captured());
            assertEquals(null, tap.failure());
        }
        assertEquals(TWO_PINGS, icmp(file));
        // Without a loop the stamp is the kernel's: the frames carry today's date, not the emulator's epoch.
        String first = ExternalTools.run("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.time_epoch").get(0);
        double age = System.currentTimeMillis() / 1000.0 - Double.parseDouble(first);
        assertTrue(age >= 0 && age < 60, "first frame " + age + " s ago");
    }

    @Test
    void withAnEventLoopFramesAreWrittenByTheLoop() throws Exception {
        Path file = dir.resolve("br0.pcapng");
        EventLoop loop = new EventLoop(Pacing.WALL);
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "rl-", null, loop)) {
            bridged(k);
            CaptureTap tap = k.capture(Kernel.HOST, "br0", CaptureFile.open(file), PacketFilter.compile("icmp"));
            ping(k);
            // Nothing is written until the loop runs the frames it was handed.
            assertEquals(0, tap.captured());
            awaitFrames(tap, loop);
            tap.close();
            assertEquals(4, tap.captured());
        }
        assertEquals(TWO_PINGS, icmp(file));
    }

    @Test
    void aMissingDeviceIsAKernelError() throws Exception {
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "rm-", null)) {
            KernelException e = assertThrows(KernelException.class,
                    () -> k.capture(Kernel.HOST, "br9", CaptureFile.open(dir.resolve("x.pcapng")), PacketFilter.ALL));
            assertTrue(e.getMessage().startsWith("br9: No such device exists in network namespace " + k.netnsName(Kernel.HOST)
                    + " (its interfaces: lo"), e.getMessage());
        }
    }
}
