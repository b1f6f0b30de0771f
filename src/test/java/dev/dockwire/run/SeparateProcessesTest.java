package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.CliRun;
import dev.dockwire.testing.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled two-host overlay script run as two JVMs, one per Docker host, joined only by real
 * VXLAN datagrams over loopback UDP: a container on each host pings the other's by name and both
 * processes print iputils' lines; what one process sent is, byte for byte, what the other received.
 */
class SeparateProcessesTest {

    @Test
    void overlaySpansTwoProcesses(@TempDir Path dir) throws Exception {
        int port1 = freeUdpPort();
        int port2 = freeUdpPort();
        String script = Files.readString(Path.of("topologies/overlay-processes.sh"))
                .replace("127.0.0.1:47891", "127.0.0.1:" + port1)
                .replace("127.0.0.1:47892", "127.0.0.1:" + port2);
        Path file = dir.resolve("overlay-processes.sh");
        Files.writeString(file, script);
        // Host 2's process starts late: host 1's keeps the script's order and waits for it (it used to
        // run ahead and ping alpine2 before host 2's process had created it, so nothing answered).
        Process host1 = launch(file, "docker-host-1", dir);
        awaitLine(host1, dir.resolve("docker-host-1.log"), "$ ssh docker-host-1 docker swarm init");
        Thread.sleep(2000);
        Process host2 = launch(file, "docker-host-2", dir);
        String out1 = finish(host1, dir, "docker-host-1");
        String out2 = finish(host2, dir, "docker-host-2");

        assertTrue(out1.contains("its VTEP 192.168.1.11 sends and receives VXLAN on 127.0.0.1:" + port1), out1);
        assertTrue(out1.contains("PING alpine2 (10.0.1.3): 56 data bytes"), out1);
        assertTrue(out1.matches("(?s).*\n64 bytes from 10\\.0\\.1\\.3: seq=\\d+ ttl=64 time=.*"), out1);
        assertTrue(out1.contains("$ ssh docker-host-2 docker exec alpine2 ping -c 2 -w 30 alpine1\n(runs in docker-host-2's process)"), out1);
        assertTrue(out2.matches("(?s).*\n64 bytes from 10\\.0\\.1\\.2: seq=\\d+ ttl=64 time=.*"), out2);
        assertTrue(out2.contains("$ ssh docker-host-1 docker exec alpine1 ping -c 2 -w 30 alpine2\n(runs in docker-host-1's process)"), out2);
        assertFalse(out1.contains("FAILED") || out2.contains("FAILED"), out1 + out2);

        if (ExternalTools.available("tshark")) {
            // The VXLAN payloads host 1 sent to host 2's port are the ones host 2 received from host 1's.
            List<String> sent = payloads(dir.resolve("docker-host-1/docker-host-1-underlay.pcapng"), port1, port2);
            List<String> received = payloads(dir.resolve("docker-host-2/docker-host-2-underlay.pcapng"), port1, port2);
            assertFalse(sent.isEmpty());
            assertTrue(new TreeSet<>(sent).containsAll(received) && received.size() >= 2, sent + "\n" + received);
            // VXLAN header: I flag, VNI 4097 (0x001001), then the inner frame to alpine2's MAC 02:42:0a:00:01:03;
            // the rest are the processes' line announcements ("dockwire lines docker-host-1 N", no I flag).
            List<String> vxlan = sent.stream().filter(p -> p.startsWith("08")).toList();
            assertTrue(vxlan.size() >= 2 && vxlan.stream().allMatch(p -> p.startsWith("0800000000100100" + "02420a000103")), sent.toString());
            String announcement = HexFormat.of().formatHex("dockwire lines docker-host-1 ".getBytes(StandardCharsets.US_ASCII));
            assertTrue(sent.stream().allMatch(p -> p.startsWith("08") || p.startsWith(announcement)), sent.toString());
        }
    }

    @Test
    void badHostsAndTakenPortsAreNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("o.sh");
        Files.writeString(file, "# dockwire: hosts 2\n# dockwire: underlay docker-host-1 127.0.0.1:1\ndocker ps\n");
        CliRun r = CliRun.of("run", file.toString(), "--host", "docker-host-3", "--out", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--host docker-host-3: the file's run has no such host (it has docker-host-1, docker-host-2;"), r.err());
        r = CliRun.of("run", file.toString(), "--host", "docker-host-2", "--out", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--host docker-host-2: the file gives no underlay address for it"
                + " (add # dockwire: underlay docker-host-2 ADDRESS:PORT)"), r.err());
        r = CliRun.of("run", file.toString(), "--serve", "3");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--serve keeps one host of a several-host run answering: give it with --host HOST"), r.err());
        try (DatagramSocket taken = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            Files.writeString(file, "# dockwire: hosts 2\n# dockwire: underlay docker-host-1 127.0.0.1:" + taken.getLocalPort()
                    + "\ndocker ps\n");
            r = CliRun.of("run", file.toString(), "--host", "docker-host-1", "--out", dir.toString());
            assertEquals(2, r.status());
            assertTrue(r.err().contains("--host docker-host-1: cannot bind its underlay 127.0.0.1:" + taken.getLocalPort()
                    + " (line 2): Address already in use"), r.err());
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Process launch(Path file, String host, Path dir) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp", cp, "dev.dockwire.cli.Main", "run",
                file.toString(), "--host", host, "--serve", "4", "--out", dir.resolve(host).toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(host + ".log").toFile())
                .start();
    }

    /** Waits (at most 60 s) until {@code log} holds {@code line}: the process has begun the script. */
    private static void awaitLine(Process p, Path log, String line) throws Exception {
        for (int i = 0; i < 600 && p.isAlive(); i++) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            Thread.sleep(100);
        }
        p.destroyForcibly().waitFor();
        throw new AssertionError("no '" + line + "' in " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    private static String finish(Process p, Path dir, String host) throws Exception {
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(dir.resolve(host + ".log"));
        assertTrue(done, host + " did not finish:\n" + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The UDP payloads (hex) from {@code srcPort} to {@code dstPort} in a capture. */
    private static List<String> payloads(Path capture, int srcPort, int dstPort) throws Exception {
        List<String> out = new ArrayList<>();
        for (String row : ExternalTools.run("tshark", "-r", capture.toString(), "-T", "fields",
                "-e", "udp.srcport", "-e", "udp.dstport", "-e", "udp.payload")) {
            String[] f = row.split("\t", -1);
            if (f.length == 3 && f[0].equals(String.valueOf(srcPort)) && f[1].equals(String.valueOf(dstPort))) {
                out.add(f[2].replace(":", ""));
            }
        }
        return out;
    }
}
