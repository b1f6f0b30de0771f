package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.linux.TestNamespaces;
import dev.dockwire.testing.CliRun;
import dev.dockwire.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockwire capture --real IFACE -n NETNS} on this machine (root only): a real ping between
 * two test namespaces recorded to pcapng by our writer through libpcap, read back by tshark; the
 * errors for a missing interface, a bad filter and a caller who is not root.
 */
class CaptureRealTest {
    private static final String A = TestNamespaces.PREFIX + "cap-a";
    private static final String B = TestNamespaces.PREFIX + "cap-b";

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @TempDir
    Path dir;

    @BeforeEach
    void root() {
        ExternalTools.assumeRoot("capture --real");
        ExternalTools.assumeLibpcap();
        ExternalTools.assumeTool("ip");
    }

    /** A and B cabled by a veth: 10.126.0.1 (v0 in A) and 10.126.0.2 (v1 in B). */
    private static void cable() throws Exception {
        ExternalTools.run("ip", "netns", "add", A);
        ExternalTools.run("ip", "netns", "add", B);
        ExternalTools.run("ip", "-n", A, "link", "add", "v0", "type", "veth", "peer", "name", "v1", "netns", B);
        ExternalTools.run("ip", "-n", A, "addr", "add", "10.126.0.1/24", "dev", "v0");
        ExternalTools.run("ip", "-n", B, "addr", "add", "10.126.0.2/24", "dev", "v1");
        ExternalTools.run("ip", "-n", A, "link", "set", "v0", "up");
        ExternalTools.run("ip", "-n", B, "link", "set", "v1", "up");
    }

    @Test
    void recordsARealPingThatTsharkDecodes() throws Exception {
        ExternalTools.assumeTool("ping");
        ExternalTools.assumeTool("tshark");
        cable();
        Path file = dir.resolve("v1.pcapng");
        // The ping runs longer than the capture needs, so it does not matter when the capture opens.
        Process ping = new ProcessBuilder("ip", "netns", "exec", A, "ping", "-c", "40", "-i", "0.2", "10.126.0.2")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CliRun cap;
        try {
            cap = CliRun.of("capture", "--real", "v1", "-n", B, "-w", file.toString(), "-c", "4", "-f", "icmp",
                    "--duration", "15");
        } finally {
            ping.destroy();
            ping.waitFor(5, TimeUnit.SECONDS);
        }
        assertEquals(0, cap.status(), cap.err());
        assertTrue(cap.err().contains("listening on v1 in netns " + B + ", link-type EN10MB (Ethernet)"), cap.err());
        assertTrue(cap.err().contains("4 packets captured"), cap.err());
        List<String> fields = ExternalTools.run("tshark", "-r", file.toString(), "-T", "fields", "-E", "separator=,",
                "-e", "frame.interface_name", "-e", "ip.src", "-e", "ip.dst", "-e", "icmp.type");
        assertEquals(4, fields.size(), fields.toString());
        // Requests from A (type 8) and B's replies (type 0) in turn, on the interface named v1.
        for (int i = 0; i < 4; i++) {
            String want = i % 2 == 0 ? "v1,10.126.0.1,10.126.0.2,8" : "v1,10.126.0.2,10.126.0.1,0";
            assertEquals(want, fields.get(i), fields.toString());
        }
        // Nanosecond timestamps from the kernel (if_tsresol 9), shown by tshark with nine digits, in order.
        List<String> times = ExternalTools.run("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.time_epoch");
        assertTrue(times.stream().allMatch(t -> t.matches("\\d{10}\\.\\d{9}")), times.toString());
        assertTrue(new java.math.BigDecimal(times.get(3)).compareTo(new java.math.BigDecimal(times.get(0))) > 0, times.toString());
    }

    @Test
    void streamsPcapngToStandardOutputForWiresharkOnAPipe() throws Exception {
        ExternalTools.assumeTool("ping");
        ExternalTools.assumeTool("tshark");
        cable();
        Process ping = new ProcessBuilder("ip", "netns", "exec", A, "ping", "-c", "40", "-i", "0.2", "10.126.0.2")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CliRun cap;
        try {
            cap = CliRun.of("capture", "--real", "v1", "-n", B, "-w", "-", "-c", "2", "-f", "icmp", "--duration", "15");
        } finally {
            ping.destroy();
            ping.waitFor(5, TimeUnit.SECONDS);
        }
        assertEquals(0, cap.status(), cap.err());
        assertTrue(cap.err().contains("2 packets captured"), cap.err());
        // What `wireshark -k -i -` would read: a pcapng stream (the section header block's magic first).
        assertEquals(0x0a0d0d0a, java.nio.ByteBuffer.wrap(cap.outBytes(), 0, 4).getInt(), "pcapng's SHB block type");
        Path file = dir.resolve("stdout.pcapng");
        Files.write(file, cap.outBytes());
        assertEquals(List.of("v1,10.126.0.1,10.126.0.2,8", "v1,10.126.0.2,10.126.0.1,0"), ExternalTools.run("tshark", "-r",
                file.toString(), "-T", "fields", "-E", "separator=,", "-e", "frame.interface_name", "-e", "ip.src", "-e", "ip.dst",
                "-e", "icmp.type"));
    }

    @Test
    void aMissingInterfaceIsNamedWithTheOnesThatExist() throws Exception {
        cable();
        CliRun cap = CliRun.of("capture", "--real", "eth7", "-n", B, "-c", "1");
        assertEquals(1, cap.status(), cap.err());
        assertTrue(cap.err().contains("dockwire: capture: eth7: No such device exists in network namespace " + B
                + " (its interfaces: lo, v1)"), cap.err());
    }

    @Test
    void aBadFilterOrNamespaceIsRefused() throws Exception {
        cable();
        CliRun filter = CliRun.of("capture", "--real", "v1", "-n", B, "-f", "icmpp");
        assertEquals(2, filter.status(), filter.err());
        assertTrue(filter.err().contains("invalid capture filter \"icmpp\""), filter.err());
        CliRun ns = CliRun.of("capture", "--real", "v1", "-n", B + "-none");
        assertEquals(1, ns.status(), ns.err());
        assertTrue(ns.err().contains("Cannot open network namespace \"" + B + "-none\""), ns.err());
    }

    @Test
    void anIdleCaptureEndsAfterItsDuration() throws Exception {
        cable();
        long t0 = System.nanoTime();
        CliRun cap = CliRun.of("capture", "--real", "v1", "-n", B, "-f", "tcp port 9", "--duration", "0.5");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, cap.status(), cap.err());
        assertTrue(cap.err().contains("0 packets captured"), cap.err());
        assertTrue(ms >= 500 && ms < 5000, "took " + ms + " ms");
    }

    @Test
    void withoutRootItRefuses() throws Exception {
        ExternalTools.assumeTool("unshare");
        // A user namespace maps us to nobody: euid 65534, the files still readable as their owner.
        Process p = new ProcessBuilder("unshare", "--user", "--map-user=65534", "--map-group=65534",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "capture", "--real", "lo").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("dockwire: capture --real opens a packet socket on a real interface and needs root (uid 65534)"), out);
    }

    @Test
    void sigintAndSigtermFinishTheFileAndPrintTheCounts() throws Exception {
        ExternalTools.assumeTool("ping");
        ExternalTools.assumeTool("tshark");
        cable();
        Process ping = new ProcessBuilder("ip", "netns", "exec", A, "ping", "-c", "100", "-i", "0.2", "10.126.0.2")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (String signal : List.of("INT", "TERM")) {
                Path file = dir.resolve("sig" + signal + ".pcapng");
                Process cap = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), Main.class.getName(), "capture", "--real", "v1", "-n", B,
                        "-w", file.toString(), "-f", "icmp").redirectErrorStream(true).start();
                java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(cap.getInputStream(),
                        StandardCharsets.UTF_8));
                StringBuilder out = new StringBuilder();
                String line;
                while ((line = r.readLine()) != null && !line.startsWith("dockwire: listening on")) {
                    out.append(line).append('\n');
                }
                out.append(line).append('\n');
                Thread.sleep(1000); // a few requests and replies recorded
                assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(cap.pid())).start().waitFor());
                r.lines().forEach(l -> out.append(l).append('\n'));
                assertTrue(cap.waitFor(30, TimeUnit.SECONDS), out.toString());
                assertEquals(signal.equals("INT") ? 130 : 143, cap.exitValue(), out.toString());
                assertTrue(out.toString().matches("(?s).*\\d+ packets? captured\n.*received by filter\n.*dropped by kernel\n.*"),
                        out.toString());
                assertTrue(!out.toString().contains("Exception"), out.toString());
                // tshark reads the whole file without "cut short in the middle of a packet".
                List<String> types = ExternalTools.run("tshark", "-r", file.toString(), "-T", "fields", "-e", "icmp.type");
                assertTrue(types.size() >= 2, types + "\n" + out);
            }
        } finally {
            ping.destroy();
            ping.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
