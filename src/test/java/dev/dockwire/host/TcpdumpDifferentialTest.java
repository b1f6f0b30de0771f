package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dockwire's {@code tcpdump -r} against the real tcpdump (4.99, run with TZ=UTC) on the same pcap,
 * written by dockwire's {@code tcpdump -w} while a container fetched a page and pinged: every
 * printing flag (relative and {@code -S} numbers, the HTTP lines, {@code -A}, {@code -X}, {@code -v},
 * {@code -vv}, {@code -e}, {@code -tttt}, {@code -tt}) must give the same lines. Skips, saying so,
 * without tcpdump or libpcap.
 */
class TcpdumpDifferentialTest {
    private static final List<String> FLAGS = List.of("", "-S", "-A", "-X", "-XX", "-v", "-vv", "-e", "-tttt", "-tt",
            "-ttt", "-e -v -X", "-vvv -A", "-t -S -e");

    @TempDir
    Path dir;

    @Test
    void everyFlagPrintsWhatTheRealTcpdumpPrints() throws Exception {
        ExternalTools.assumeLibpcap();
        ExternalTools.assumeTool("tcpdump");
        try (TestHost h = new TestHost(1)) {
            h.world.host().workingDirectory(dir);
            h.ok("docker network create -o com.docker.network.bridge.name=br-lab --subnet 172.20.0.0/16 lab");
            h.ok("docker run -d --name web --network lab nginx");
            h.ok("docker run -d --name c1 --network lab nicolaka/netshoot sleep 1d");
            h.ok("sudo tcpdump -i br-lab -n -U -w web.pcap &");
            h.ok("tcpdump -i br-lab -n -v -A -c 12 &");
            List<String> live = h.run("docker exec c1 curl -s -o /dev/null http://web/").output();
            h.run("docker exec c1 ping -c 1 web");
            h.run("docker exec c1 curl -s http://web:81/");
            h.run("docker exec c1 ping -c 3 -W 1 web");
            h.run("docker exec c1 traceroute -n -q 1 -m 1 web");
            h.run("docker exec c1 dig +tries=1 +timeout=1 @172.20.0.2 web");
            List<String> read = h.ok("tcpdump -n -v -A -c 12 -r web.pcap");
            assertEquals(String.join("\n", read.subList(1, read.size())),
                    String.join("\n", live.subList(0, live.lastIndexOf("12 packets captured"))), "live as read");
            int compared = 0;
            for (String flags : FLAGS) {
                List<String> args = new ArrayList<>(List.of("tcpdump", "-n", "-r", "web.pcap"));
                if (!flags.isEmpty()) {
                    args.addAll(List.of(flags.split(" ")));
                }
                List<String> ours = h.ok(String.join(" ", args));
                assertTrue(ours.get(0).startsWith("reading from file web.pcap"), ours.get(0));
                List<String> cmd = new ArrayList<>(args);
                cmd.set(3, dir.resolve("web.pcap").toString());
                List<String> real = real(cmd);
                if (System.getenv("TCPDUMP_DIFF") != null) {
                    java.nio.file.Files.write(Path.of(System.getenv("TCPDUMP_DIFF"), "real"), real);
                    java.nio.file.Files.write(Path.of(System.getenv("TCPDUMP_DIFF"), "ours"), ours.subList(1, ours.size()));
                }
                assertEquals(String.join("\n", real), String.join("\n", ours.subList(1, ours.size())), "tcpdump " + flags);
                if (flags.equals("-v")) {
                    // curl's segments crossed the bridge CHECKSUM_PARTIAL, the RST of port 81 summed in full
                    assertTrue(real.stream().anyMatch(l -> l.contains("Flags [S], cksum 0x") && l.contains("(incorrect -> 0x")), "tcpdump -v");
                    assertTrue(real.stream().anyMatch(l -> l.contains("Flags [R.], cksum 0x") && l.contains("(correct)")), "tcpdump -v");
                }
                compared += real.size();
            }
            assertTrue(compared > 20 * FLAGS.size(), "lines compared: " + compared);
        }
    }

    /** The real program's standard output (its "reading from file" line goes to stderr) in UTC. */
    static List<String> real(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd) + " timed out");
        return new String(out, StandardCharsets.ISO_8859_1).lines().toList();
    }
}
