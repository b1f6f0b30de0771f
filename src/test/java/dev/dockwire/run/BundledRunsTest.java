package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.cli.Main;
import dev.dockwire.testing.ExternalTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled topology, compose project and script runs end to end, meets its expectations, and writes captures tshark reads cleanly. */
class BundledRunsTest {

    /** Topologies and scripts in topologies/, and the compose projects in its subdirectories. */
    static Stream<Path> bundled() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("topologies"), 2)) {
            return s.filter(p -> !p.equals(Path.of("topologies")) && (p.getParent().equals(Path.of("topologies"))
                            ? p.toString().endsWith(".yml") || p.toString().endsWith(".sh")
                            : p.getFileName().toString().matches("(docker-)?compose\\.ya?ml")))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void runsCleanly(Path file, @TempDir Path out) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        int status;
        try {
            status = Main.execute("run", file.toString(), "--out", out.toString());
        } finally {
            System.setOut(stdout);
        }
        String transcript = buf.toString();
        assertEquals(0, status, transcript);
        assertFalse(transcript.contains("FAILED"), transcript);
        if (file.endsWith("slow-link.yml")) {
            // The report's percentiles per step, and iperf3 near the 10 Mbit/s tbf on the db's port (slow start included).
            assertTrue(transcript.matches("(?s).*\nlatency ping rtt: \\d+ samples, p50 [4-5]\\d\\.\\d ms, p90 .*"), transcript);
            assertTrue(transcript.contains("\nlatency curl connect: 1 sample, p50 "), transcript);
            assertTrue(transcript.matches("(?s).* [89]\\.\\d\\d Mbits/sec {18}receiver\n.*"), transcript);
        }
        List<Path> captures;
        try (Stream<Path> s = Files.list(out)) {
            captures = s.filter(p -> p.toString().endsWith(".pcapng")).toList();
        }
        assertFalse(captures.isEmpty(), "a capture per bridge");
        if (ExternalTools.available("tshark")) {
            if (file.endsWith("macvlan-vlan.yml")) {
                // The containers' pings to the router's VLAN 10 leg cross the host's eth0 tagged with VID 10.
                List<String> tagged = ExternalTools.run("tshark", "-r", out.resolve("eth0.pcapng").toString(),
                        "-Y", "vlan && icmp", "-T", "fields", "-e", "vlan.id", "-e", "ip.src", "-e", "ip.dst");
                assertTrue(tagged.contains("10\t192.168.10.2\t192.168.10.1"), String.join("\n", tagged));
                assertTrue(tagged.stream().allMatch(r -> r.startsWith("10\t")), String.join("\n", tagged));
            }
            if (file.endsWith("swarm-services.sh")) {
                // The client task on host 2 pings web.1 on host 1: VXLAN on the underlay, the inner ICMP inside.
                List<String> icmp = ExternalTools.run("tshark", "-r", out.resolve("docker-host-1-eth0.pcapng").toString(),
                        "-Y", "vxlan && icmp", "-T", "fields", "-e", "ip.src", "-e", "ip.dst");
                assertTrue(icmp.contains("192.168.1.12,10.0.1.5\t192.168.1.11,10.0.1.2"), String.join("\n", icmp));
            }
            for (Path cap : captures) {
                List<String> rows = ExternalTools.run("tshark", "-r", cap.toString(), "-o", "ip.check_checksum:TRUE",
                        "-T", "fields", "-e", "_ws.malformed", "-e", "_ws.expert.severity", "-e", "ip.checksum.status");
                for (String row : rows) {
                    String[] f = row.split("\t", -1);
                    assertEquals("", f[0], cap + ": malformed: " + row);
                    // One status per IPv4 header: "1,1" for VXLAN around an inner IPv4 packet.
                    assertTrue(f[2].isEmpty() || f[2].matches("1(,1)*"), cap + ": bad IP checksum: " + row);
                }
            }
        }
    }
}
