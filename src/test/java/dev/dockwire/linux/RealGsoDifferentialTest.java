package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * GSO against the real kernel: two namespaces whose veths meet in a Linux bridge (two containers
 * on docker0), a bulk TCP flow (iperf3), {@code tcpdump -vv -i br0}; and dockwire's capture of
 * the same scenario printed by its tcpdump. Both must show data frames above the MTU whose TCP
 * payload is a multiple of the MSS (1448) unless they end a write (PSH), and both report those super-packets' checksums as
 * "incorrect" (CHECKSUM_PARTIAL: only the pseudo-header sum). Needs root, ip, tcpdump and
 * iperf3; skips saying which is missing.
 */
class RealGsoDifferentialTest {
    private static final int MSS = 1448;
    /** tcpdump -vv's TCP line: the checksum state and the payload length. */
    private static final Pattern TCP = Pattern.compile("Flags \\[([^\\]]*)\\], cksum 0x[0-9a-f]{4} \\((correct|incorrect -> 0x[0-9a-f]{4})\\).*, length (\\d+)");

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @TempDir
    Path dir;

    /** A data frame above the MTU as tcpdump -vv prints it: payload length and checksum state. */
    record Super(int length, boolean push, boolean incorrect) {
    }

    private static List<Super> supers(List<String> lines) {
        List<Super> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = TCP.matcher(l);
            if (m.find()) {
                int len = Integer.parseInt(m.group(3));
                if (len > 1500) {
                    out.add(new Super(len, m.group(1).contains("P"), m.group(2).startsWith("incorrect")));
                }
            }
        }
        return out;
    }

    private static void check(String who, List<Super> supers) {
        assertFalse(supers.isEmpty(), who + ": no TCP frame above the MTU");
        assertTrue(supers.stream().anyMatch(s -> s.length >= 2 * MSS && s.length % MSS == 0), who + ": " + supers);
        for (Super s : supers) {
            // the end of a write (PSH) may leave a short last segment in the packet
            assertTrue(s.push || s.length % MSS == 0, who + ": payload not a multiple of the MSS: " + s);
            assertTrue(s.incorrect, who + ": a super-packet's checksum is partial (tcpdump: incorrect): " + s);
        }
    }

    @Test
    void theKernelAndDockwireBothShowSuperPacketsOnTheBridge() throws Exception {
        ExternalTools.assumeRoot("namespaces and a Linux bridge");
        ExternalTools.assumeTool("ip");
        ExternalTools.assumeTool("tcpdump");
        ExternalTools.assumeTool("iperf3");
        BridgeLab lab = BridgeLab.real("gso");
        Path dump = dir.resolve("br0.txt");
        Process tcpdump = null;
        Process server = null;
        try {
            tcpdump = new ProcessBuilder("ip", "netns", "exec", lab.r, "tcpdump", "-i", "br0", "-nn", "-vv", "-l", "tcp", "port", "5201")
                    .redirectOutput(dump.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            server = new ProcessBuilder("ip", "netns", "exec", lab.b, "iperf3", "-s", "-1")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(1500); // the bridge's ports forward after their state settles; tcpdump and iperf3 listening
            ExternalTools.run("ip", "netns", "exec", lab.a, "iperf3", "-c", "10.9.0.2", "-n", "16M");
            Thread.sleep(500);
        } finally {
            BridgeLab.stop(tcpdump, server);
        }
        List<Super> kernel = supers(Files.readAllLines(dump));
        check("kernel", kernel);

        MemoryCapture cap = new MemoryCapture();
        TestNet net = BridgeLab.emulated(cap);
        BulkFlow flow = new BulkFlow(net.ns("b").sockets(), 0, net.ns("a").sockets(), TestNet.ip("10.9.0.2"), 5201, 16L << 20)
                .run(net.loop(), 10_000_000_000L);
        assertEquals(16L << 20, flow.received);
        List<Super> emulated = supers(BridgeLab.printed(cap));
        check("dockwire", emulated);
        System.out.printf("super-packets: kernel %d (largest %d), dockwire %d (largest %d)%n", kernel.size(),
                kernel.stream().mapToInt(Super::length).max().orElse(0), emulated.size(),
                emulated.stream().mapToInt(Super::length).max().orElse(0));
    }
}
