package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.cli.Main;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.topology.Topology;
import dev.dockwire.topology.TopologyException;
import dev.dockwire.topology.TopologyLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run end to end: the bundled topology, its transcript, its capture, and determinism. */
class TopologyRunnerTest {
    private static final Path BUNDLED = Path.of("topologies/two-containers.yml");

    private static Session.Report run(Path out, Long seed, List<String> lines) {
        Topology t = TopologyLoader.load(BUNDLED);
        return new TopologyRunner(BUNDLED.toString()).run(t, new Session.Options(out, seed, true), lines::add);
    }

    private static Path bridgeCapture(Session.Report r) {
        return r.captures().stream().map(Session.CaptureResult::path)
                .filter(p -> p.getFileName().toString().startsWith("br-")).findFirst().orElseThrow();
    }

    @Test
    void theBundledTopologyPingsAndCapturesTheBridge(@TempDir Path out) throws Exception {
        List<String> lines = new ArrayList<>();
        Session.Report r = run(out, null, lines);
        assertTrue(r.ok(), String.join("\n", lines));
        List<String> ping = r.steps().get(0).output();
        assertEquals("PING 172.18.0.2 (172.18.0.2): 56 data bytes", ping.get(0));
        assertTrue(ping.get(1).matches("64 bytes from 172\\.18\\.0\\.2: seq=0 ttl=64 time=\\d+\\.\\d{3} ms"), ping.get(1));
        assertEquals("3 packets transmitted, 3 packets received, 0% packet loss", ping.get(6));
        Path cap = bridgeCapture(r);
        assertTrue(lines.contains("capture: " + cap + " (8 frames)"), String.join("\n", lines));
        // ARP request + reply, then three echo request/reply pairs, as on a real bridge.
        assertEquals(8, r.captures().stream().filter(c -> c.path().equals(cap)).findFirst().orElseThrow().frames());
    }

    @Test
    void theSameSeedGivesByteIdenticalCapturesAndAnotherSeedDoesNot(@TempDir Path out) throws Exception {
        Session.Report a = run(out.resolve("a"), 42L, new ArrayList<>());
        Session.Report b = run(out.resolve("b"), 42L, new ArrayList<>());
        Session.Report c = run(out.resolve("c"), 43L, new ArrayList<>());
        byte[] ba = Files.readAllBytes(bridgeCapture(a));
        assertArrayEquals(ba, Files.readAllBytes(bridgeCapture(b)));
        assertFalse(java.util.Arrays.equals(ba, Files.readAllBytes(bridgeCapture(c))), "different MACs and ids");
    }

    @Test
    void tsharkReadsTheCaptureWithoutMalformedPacketsOrBadChecksums(@TempDir Path out) throws Exception {
        ExternalTools.assumeTool("tshark");
        Path cap = bridgeCapture(run(out, null, new ArrayList<>()));
        List<String> rows = ExternalTools.run("tshark", "-r", cap.toString(), "-o", "ip.check_checksum:TRUE",
                "-T", "fields", "-e", "frame.protocols", "-e", "ip.checksum.status", "-e", "icmp.checksum.status",
                "-e", "_ws.malformed", "-e", "_ws.expert.severity");
        assertEquals(8, rows.size(), String.join("\n", rows));
        for (String row : rows) {
            String[] f = row.split("\t", -1);
            assertTrue(f[0].startsWith("eth:ethertype:"), row);
            if (f[0].contains("icmp")) {
                assertEquals("1", f[1], "IP checksum good (1 = good): " + row);
                assertEquals("1", f[2], "ICMP checksum good: " + row);
            }
            assertEquals("", f[3], "malformed: " + row);
        }
    }

    @Test
    void theCliExitsTwoOnBadInputNamingFileLineAndKey(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "containers:\n  a1:\n    networks: [nope]\n");
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true));
        int status;
        try {
            status = Main.execute("run", bad.toString(), "--out", dir.resolve("out").toString());
        } finally {
            System.setErr(err);
        }
        assertEquals(2, status);
        assertTrue(buf.toString().contains(bad + ":3: containers.a1.networks[0]: unknown network \"nope\""), buf.toString());
    }

    @Test
    void anUnmetExpectationFailsTheRunWithExitOne(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.yml");
        Files.writeString(t, """
                networks: {n: {subnet: 10.1.0.0/24}}
                containers:
                  a1: {networks: [n]}
                steps:
                  - exec: a1 ping -c 1 10.1.0.99
                    expect: {status: 0}
                """);
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        int status;
        try {
            status = Main.execute("run", t.toString(), "--no-capture");
        } finally {
            System.setOut(out);
        }
        assertEquals(1, status, buf.toString());
        assertTrue(buf.toString().contains("FAILED (" + t + ":5): expected exit status 0, got 1"), buf.toString());
        // alpine's BusyBox ping prints no line for the ICMP error, only the loss.
        assertTrue(buf.toString().contains("1 packets transmitted, 0 packets received, 100% packet loss"), buf.toString());
    }

    @Test
    void impairmentsGoOnTheContainersInterfaceAndTheNetworksPortsThroughTc(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.yml");
        Files.writeString(t, """
                networks:
                  n: {subnet: 10.1.0.0/24, impair: "netem delay 20ms"}
                containers:
                  a1: {networks: [n], impair: {eth0: "netem delay 30ms"}}
                  b1: {networks: [n]}
                steps:
                  - exec: a1 ping -c 2 10.1.0.3
                  # alpine has no tc: iproute2's, from netshoot in a1's network namespace.
                  - run: docker run -d --name a-tools --network container:a1 nicolaka/netshoot sleep infinity
                  - run: docker exec a-tools tc qdisc show dev eth0
                """);
        List<String> lines = new ArrayList<>();
        Session.Report r = new TopologyRunner(t.toString()).run(TopologyLoader.load(t), new Session.Options(dir, null, false),
                lines::add);
        assertTrue(r.ok(), String.join("\n", lines));
        // 30 ms out of a1, 20 ms into b1 from the bridge, then 20 ms back into a1: 70 ms (the first also waits for ARP).
        assertTrue(r.steps().get(0).output().get(2).endsWith("seq=1 ttl=64 time=70.000 ms"), String.join("\n", lines));
        assertEquals(List.of("qdisc netem 8001: root refcnt 2 limit 1000 delay 30ms"), r.steps().get(2).output());
        assertTrue(lines.contains("impair a1 eth0: netem delay 30ms"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches("impair n port veth[0-9a-f]{7} to b1: netem delay 20ms")),
                String.join("\n", lines));
    }

    @Test
    void aBadImpairmentReportsTcsErrorAtItsLine(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.yml");
        Files.writeString(t, "containers:\n  a1:\n    impair:\n      eth0: netem delay 5ms bogus 1\n");
        TopologyException e = assertThrows(TopologyException.class, () -> new TopologyRunner(t.toString())
                .run(TopologyLoader.load(t), new Session.Options(dir, null, false), l -> { }));
        assertEquals(t + ":4: containers.a1.impair.eth0: tc qdisc add dev eth0 root netem delay 5ms bogus 1: What is \"bogus\"?",
                e.getMessage());
    }
}
