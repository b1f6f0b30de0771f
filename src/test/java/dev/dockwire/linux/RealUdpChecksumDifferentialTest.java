package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.MemoryCapture;
import dev.dockwire.testing.TestNet;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * UDP checksum offload against the real kernel: two namespaces whose veths meet in a Linux bridge
 * (two containers on docker0), {@code nc -u -p 40000} sending "hello\n" twice from one to the
 * other, {@code tcpdump -vv -i br0}; and the same datagrams from a dockwire socket, its capture of
 * the bridge printed by dockwire's tcpdump printer. A socket's datagram crosses veth and bridge
 * CHECKSUM_PARTIAL (udp4_hwcsum: only the pseudo-header sum), so both tcpdumps print the same
 * {@code [bad udp cksum 0x... -> 0x...!]}, byte for byte: same addresses, ports and payload give
 * the same partial sum. Needs root, ip, tcpdump and nc; skips saying which is missing.
 */
class RealUdpChecksumDifferentialTest {
    /** tcpdump -vv's UDP line from the ports on: the checksum verdict and the length. */
    private static final Pattern UDP = Pattern.compile("(10\\.9\\.0\\.1\\.40000 > 10\\.9\\.0\\.2\\.9: .*UDP, length \\d+)");

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @TempDir
    Path dir;

    private static List<String> udpLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = UDP.matcher(l);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @Test
    void theKernelAndDockwirePrintTheSamePartialChecksumOnTheBridge() throws Exception {
        ExternalTools.assumeRoot("namespaces and a Linux bridge");
        ExternalTools.assumeTool("ip");
        ExternalTools.assumeTool("tcpdump");
        ExternalTools.assumeTool("nc");
        BridgeLab lab = BridgeLab.real("csum");
        Path dump = dir.resolve("br0.txt");
        Process tcpdump = null;
        try {
            tcpdump = new ProcessBuilder("ip", "netns", "exec", lab.r, "tcpdump", "-i", "br0", "-nn", "-vv", "-l", "udp", "port", "9")
                    .redirectOutput(dump.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(1500); // the bridge's ports forward after their state settles; tcpdump listening
            for (int i = 0; i < 2; i++) {
                Process nc = new ProcessBuilder("ip", "netns", "exec", lab.a, "nc", "-u", "-w", "1", "-p", "40000", "10.9.0.2", "9")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                nc.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                nc.getOutputStream().close();
                if (!nc.waitFor(5, TimeUnit.SECONDS)) {
                    nc.destroyForcibly();
                }
            }
            Thread.sleep(500);
        } finally {
            BridgeLab.stop(tcpdump);
        }
        List<String> kernel = udpLines(Files.readAllLines(dump));

        MemoryCapture cap = new MemoryCapture();
        TestNet net = BridgeLab.emulated(cap);
        for (int i = 0; i < 2; i++) {
            UdpSocket s = net.ns("a").sockets().openUdp();
            s.bind(0, 40000);
            s.send(TestNet.ip("10.9.0.2"), 9, Unpooled.copiedBuffer("hello\n", StandardCharsets.US_ASCII));
            net.loop().runFor(1_000_000_000L);
            s.close();
        }
        List<String> ours = udpLines(BridgeLab.printed(cap));
        System.out.println("kernel:   " + kernel + "\ndockwire: " + ours);
        assertEquals(2, kernel.size(), "kernel: " + kernel);
        assertTrue(kernel.get(0).contains("[bad udp cksum 0x"), "kernel: a socket's datagram is CHECKSUM_PARTIAL: " + kernel);
        // dockwire's bridge capture holds a frame once per port it crosses; the verdicts are what counts.
        assertEquals(4, ours.size(), "dockwire: " + ours);
        assertEquals(kernel.stream().distinct().toList(), ours.stream().distinct().toList());
    }
}
