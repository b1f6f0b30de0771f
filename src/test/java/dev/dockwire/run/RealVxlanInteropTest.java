package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.bench.OverlayUdpPath;
import dev.dockwire.capture.PcapngWriter;
import dev.dockwire.emulated.EmulatedKernel;
import dev.dockwire.linux.TestNamespaces;
import dev.dockwire.netns.Emulation;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.wire.Ipv4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Linux VTEP and an emulated one on one VXLAN segment (root only). Two namespaces the test
 * makes are joined by a veth (10.132.0.1 | 10.132.0.2): in the first a real {@code vxlan} device
 * (VNI 4097, dstport 4789, nolearning proxy, 10.0.1.2/24) programmed with the emulated container
 * as Docker's overlay programs a peer; in the second the emulator's {@link RealUnderlay} socket on
 * 10.132.0.2:4789, under an emulated host whose overlay sandbox and container (10.0.1.3) are built
 * as Docker's driver builds them. A real {@code ping} from the Linux side gets the emulated
 * container's answers, and the emulator's capture of its underlay and a real {@code tcpdump} on the
 * veth agree on every VXLAN payload byte for byte.
 */
class RealVxlanInteropTest {
    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    private static final String LINUX_MAC = "02:42:0a:00:01:02";

    @Test
    void aRealPingCrossesARealAndAnEmulatedVtep(@TempDir Path dir) throws Exception {
        ExternalTools.assumeRoot("a real vxlan device in test namespaces");
        ExternalTools.assumeTool("ip");
        ExternalTools.assumeTool("ping");
        ExternalTools.assumeTool("tcpdump");
        ExternalTools.assumeTool("tshark");
        String linux = TestNamespaces.PREFIX + "ix-linux";
        String emu = TestNamespaces.PREFIX + "ix-emu";
        ip("netns", "add", linux);
        ip("netns", "add", emu);
        ip("link", "add", "u0", "netns", linux, "type", "veth", "peer", "name", "u0", "netns", emu);
        ip("-n", linux, "addr", "add", "10.132.0.1/24", "dev", "u0");
        ip("-n", emu, "addr", "add", "10.132.0.2/24", "dev", "u0");
        for (String ns : List.of(linux, emu)) {
            ip("-n", ns, "link", "set", "lo", "up");
            ip("-n", ns, "link", "set", "u0", "up");
        }
        ip("-n", linux, "link", "add", "vx0", "address", LINUX_MAC, "type", "vxlan", "id", "4097", "local", "10.132.0.1",
                "dstport", "4789", "nolearning", "proxy");
        ip("-n", linux, "addr", "add", "10.0.1.2/24", "dev", "vx0");
        ip("-n", linux, "link", "set", "vx0", "up");
        String container = "10.0.1.3";
        ip("-n", linux, "neigh", "add", container, "lladdr", OverlayUdpPath.mac(container).toString(), "dev", "vx0", "nud", "permanent");
        run("bridge", "-n", linux, "fdb", "append", OverlayUdpPath.mac(container).toString(), "dev", "vx0", "dst", "10.132.0.2");

        EventLoop loop = new EventLoop(Pacing.WALL);
        Path emulated = dir.resolve("emulator-underlay.pcapng");
        Path real = dir.resolve("tcpdump-u0.pcap");
        Process tcpdump = null;
        try (Emulation emulation = new Emulation(loop, new SeededRandom(1));
             RealUnderlay underlay = new RealUnderlay(loop, emu, Ipv4Address.parse("10.132.0.2").bits(), 4789,
                     Ipv4Address.parse("10.132.0.2").bits(), 4789, List.of());
             PcapngWriter capture = PcapngWriter.create(emulated)) {
            underlay.capture(capture, "u0");
            EmulatedKernel host = new EmulatedKernel(emulation, "host");
            host.underlay(underlay);
            Ipv4Address vtep = Ipv4Address.parse("10.132.0.2");
            OverlayUdpPath.sandbox(host, vtep, container);
            OverlayUdpPath.peer(host, "10.0.1.2", dev.dockwire.wire.MacAddress.parse(LINUX_MAC), Ipv4Address.parse("10.132.0.1"));

            tcpdump = new ProcessBuilder("ip", "netns", "exec", emu, "tcpdump", "-i", "u0", "--immediate-mode", "-U", "-n", "-w", real.toString(),
                    "udp", "port", "4789").redirectErrorStream(true).redirectOutput(dir.resolve("tcpdump.log").toFile()).start();
            waitFor(dir.resolve("tcpdump.log"), "listening on");
            Path pingOut = dir.resolve("ping.log");
            Process ping = new ProcessBuilder("ip", "netns", "exec", linux, "ping", "-c", "3", "-i", "0.2", "-W", "2", container)
                    .redirectErrorStream(true).redirectOutput(pingOut.toFile()).start();
            boolean[] done = {false};
            ping.onExit().thenRun(() -> loop.post(() -> done[0] = true));
            loop.hold();
            loop.runUntil(() -> done[0]);
            loop.release();
            String transcript = Files.readString(pingOut);
            assertEquals(0, ping.waitFor(), transcript);
            assertTrue(transcript.contains("64 bytes from 10.0.1.3: icmp_seq=1 ttl=64"), transcript);
            assertTrue(transcript.contains("3 packets transmitted, 3 received, 0% packet loss"), transcript);
            assertEquals(3, underlay.received());
            assertEquals(3, underlay.sent());
        } finally {
            if (tcpdump != null) {
                Thread.sleep(500); // immediate mode and -U write each packet at once; let the last ones land
                tcpdump.destroy();
                tcpdump.waitFor(10, TimeUnit.SECONDS);
            }
        }
        List<String> emulatedPayloads = payloads(emulated);
        List<String> realPayloads = payloads(real);
        assertEquals(6, realPayloads.size(), String.join("\n", realPayloads) + "\n" + Files.readString(dir.resolve("tcpdump.log")));
        assertEquals(realPayloads, emulatedPayloads);
        // tshark decodes the real capture as VXLAN (VNI 4097) around the pings.
        List<String> decoded = ExternalTools.run("tshark", "-r", real.toString(), "-Y", "vxlan && icmp",
                "-T", "fields", "-e", "vxlan.vni", "-e", "ip.src", "-e", "ip.dst", "-e", "icmp.type");
        assertEquals(List.of("4097\t10.132.0.1,10.0.1.2\t10.132.0.2,10.0.1.3\t8", "4097\t10.132.0.2,10.0.1.3\t10.132.0.1,10.0.1.2\t0"),
                decoded.stream().distinct().toList());
    }

    private static void ip(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        run(cmd.toArray(String[]::new));
    }

    private static void run(String... cmd) throws Exception {
        ExternalTools.run(cmd);
    }

    private static void waitFor(Path log, String text) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        assertFalse(true, "tcpdump did not start: " + (Files.exists(log) ? Files.readString(log) : ""));
    }

    /** The UDP payloads (VXLAN header + inner frame) of a capture, in hex, in order (VXLAN undissected, so tshark keeps udp.payload). */
    private static List<String> payloads(Path capture) throws Exception {
        return ExternalTools.run("tshark", "--disable-protocol", "vxlan", "-r", capture.toString(), "-Y", "udp",
                        "-T", "fields", "-e", "udp.payload")
                .stream().map(p -> p.replace(":", "")).toList();
    }
}
