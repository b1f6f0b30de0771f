package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.cli.Main;
import dev.dockwire.topology.Topology;
import dev.dockwire.topology.TopologyException;
import dev.dockwire.topology.TopologyLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run refused, before it began or while it built, leaves no capture file and no directory it made. */
class RejectedRunTest {
    private static List<Path> tree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList();
        }
    }

    @Test
    void theRunRefusedAtIts254thContainerTakesBackItsCaptures(@TempDir Path dir) throws Exception {
        StringBuilder yml = new StringBuilder("networks: {n: {subnet: 10.9.0.0/24}}\ncontainers:\n");
        for (int i = 0; i < 254; i++) {
            yml.append(String.format("  c%03d: {networks: [n]}%n", i));
        }
        Path t = dir.resolve("many.yml");
        Files.writeString(t, yml);
        Path out = dir.resolve("captures").resolve("many");
        List<String> lines = new ArrayList<>();
        TopologyException e = assertThrows(TopologyException.class, () -> new TopologyRunner(t.toString())
                .run(TopologyLoader.load(t), new Session.Options(out, null, true), lines::add));
        assertTrue(e.getMessage().startsWith(t + ":256: containers.c253: Error response from daemon: no available IPv4 addresses"
                + " on this network's address pools: n ("), e.getMessage());
        assertTrue(lines.contains("container c252 (alpine): eth0 10.9.0.254 on n"), "253 were built first");
        assertEquals(List.of(t), tree(dir), "no captures/, no pcapng");
    }

    @Test
    void aBadCaptureFilterIsRefusedBeforeAnythingIsCreated(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("badf.yml");
        Files.writeString(t, "networks: {n: {subnet: 10.9.0.0/24}}\ncontainers:\n  a1: {networks: [n]}\ncapture: {filter: \"tcp port\"}\n");
        Topology topology = TopologyLoader.load(t);
        assertThrows(RuntimeException.class, () -> new TopologyRunner(t.toString())
                .run(topology, new Session.Options(dir.resolve("captures/badf"), null, true), l -> { }));
        assertEquals(List.of(t), tree(dir));
    }

    @Test
    void theCliLeavesOnlyWhatWasThereBefore(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("small.yml");
        Files.writeString(t, """
                networks: {n: {subnet: 10.9.0.0/29}}
                containers:
                  c1: {networks: [n]}
                  c2: {networks: [n]}
                  c3: {networks: [n]}
                  c4: {networks: [n]}
                  c5: {networks: [n]}
                  c6: {networks: [n]}
                """);
        Path kept = Files.createDirectories(dir.resolve("out/earlier"));
        PrintStream err = System.err;
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
        int status;
        try {
            status = Main.execute("run", t.toString(), "--out", dir.resolve("out/deep/run").toString());
        } finally {
            System.setErr(err);
            System.setOut(stdout);
        }
        assertEquals(2, status, buf.toString());
        assertTrue(buf.toString().contains(t + ":8: containers.c6: Error response from daemon: no available IPv4 addresses"),
                buf.toString());
        assertEquals(List.of(dir.resolve("out"), kept, t).stream().sorted().toList(), tree(dir).stream().sorted().toList());
        assertFalse(Files.exists(dir.resolve("out/deep")));
    }
}
