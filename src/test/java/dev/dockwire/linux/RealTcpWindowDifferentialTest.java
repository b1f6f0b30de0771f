package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.BulkFlow;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.MemoryCapture;
import dev.dockwire.testing.TestNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receive windows of a connection's opening against the real kernel: two namespaces on a
 * Linux bridge whose tcp_rmem is Debian 12's default (4096 131072 6291456, which this machine's
 * kernel may have raised), a TCP connection and its first bytes, {@code tcpdump -i br0}; and
 * dockwire's capture of the same. The SYN, the SYN-ACK, the handshake's ACK and the first data
 * segment carry the same window fields on both (64240, 65160, 502, 502). Later windows differ
 * by kernel version (6.7's scaling_ratio), so they are not compared. Needs root, ip, tcpdump and
 * iperf3; skips saying which is missing.
 */
class RealTcpWindowDifferentialTest {
    private static final Pattern TCP = Pattern.compile("> 10\\.9\\.0\\.\\d\\.\\d+: Flags \\[([^\\]]*)\\].* win (\\d+)");

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @TempDir
    Path dir;

    /** The flags and window of each TCP line tcpdump printed, in order. */
    private static List<String> windows(List<String> lines, int count) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = TCP.matcher(l);
            if (m.find() && out.size() < count) {
                out.add(m.group(1) + " " + m.group(2));
            }
        }
        return out;
    }

    @Test
    void theOpeningsWindowsAreTheKernels() throws Exception {
        ExternalTools.assumeRoot("namespaces and a Linux bridge");
        ExternalTools.assumeTool("ip");
        ExternalTools.assumeTool("tcpdump");
        ExternalTools.assumeTool("iperf3");
        BridgeLab lab = BridgeLab.real("win");
        for (String ns : List.of(lab.a, lab.b)) {
            ExternalTools.run("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv4.tcp_rmem=4096 131072 6291456");
        }
        Path dump = dir.resolve("br0.txt");
        Process tcpdump = null;
        Process server = null;
        try {
            tcpdump = new ProcessBuilder("ip", "netns", "exec", lab.r, "tcpdump", "-i", "br0", "-nn", "-l", "tcp", "port", "5201")
                    .redirectOutput(dump.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            server = new ProcessBuilder("ip", "netns", "exec", lab.b, "iperf3", "-s", "-1")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(1500); // the bridge's ports forward after their state settles; tcpdump and iperf3 listening
            ExternalTools.run("ip", "netns", "exec", lab.a, "iperf3", "-c", "10.9.0.2", "-n", "64K");
            Thread.sleep(500);
        } finally {
            BridgeLab.stop(tcpdump, server);
        }
        // iperf3's control connection: SYN, SYN-ACK, ACK, the client's cookie (37 bytes)
        List<String> kernel = windows(Files.readAllLines(dump), 4);
        assertEquals(List.of("S 64240", "S. 65160", ". 502", "P. 502"), kernel, "this machine's kernel");

        MemoryCapture cap = new MemoryCapture();
        TestNet net = BridgeLab.emulated(cap);
        BulkFlow flow = new BulkFlow(net.ns("b").sockets(), 0, net.ns("a").sockets(), TestNet.ip("10.9.0.2"), 5201, 37)
                .run(net.loop(), 10_000_000_000L);
        assertEquals(37, flow.received);
        List<String> emulated = windows(BridgeLab.printed(cap), 4);
        assertEquals(kernel, emulated, "dockwire against the kernel");
        assertTrue(emulated.get(3).startsWith("P"), emulated.toString());
    }
}
