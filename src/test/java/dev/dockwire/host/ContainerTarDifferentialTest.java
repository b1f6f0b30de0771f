package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.docker.TarFormat;
import dev.dockwire.testing.TestHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BusyBox {@code tar} in an alpine container against the real busybox on this machine: the
 * archive it writes is the real one's byte for byte (the same files, modes and times), the real
 * busybox lists it ({@code tvf}) as the container's tar does, it extracts, and the errors are the
 * real ones'. Skips, saying why, without /usr/bin/busybox.
 */
class ContainerTarDifferentialTest {
    private static final Path BUSYBOX = Path.of("/usr/bin/busybox");
    private final TestHost h = new TestHost(1);
    private Path scratch;

    @BeforeEach
    void files() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(BUSYBOX), "no real busybox here (apt-get install busybox-static)");
        scratch = Files.createTempDirectory("ctar");
        h.ok("docker run -d --name a1 alpine sleep 300");
        h.ok("docker exec a1 sh -c 'mkdir -p /tmp/w/d/e && echo hi > /tmp/w/d/f && echo x > /tmp/w/g'");
    }

    @AfterEach
    void close() throws IOException {
        h.close();
        if (scratch != null) {
            try (Stream<Path> all = Files.walk(scratch)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void theArchiveIsTheRealOnesByteForByte() throws Exception {
        // The real busybox records the user running it as the files' owner (uid, gid, names); the container's are root's.
        assumeTrue("root".equals(System.getProperty("user.name")),
                "the real busybox tar would record " + System.getProperty("user.name") + " as the owner: the bytes are compared as root");
        assertEquals(List.of("d/f", "g"), h.ok("docker exec a1 tar -cvf /tmp/t.tar -C /tmp/w d/f g"));
        byte[] ours = archive("/tmp/t.tar");
        List<TarFormat.Entry> entries = TarFormat.read(ours);
        Files.createDirectories(scratch.resolve("d"));
        for (TarFormat.Entry e : entries) {
            Path p = scratch.resolve(e.name());
            Files.write(p, e.content());
            real(List.of("chmod", Integer.toOctalString(e.mode()), p.toString()));
            real(List.of("touch", "-d", "@" + e.mtimeSeconds(), p.toString()));
        }
        real(List.of(BUSYBOX.toString(), "tar", "-cf", "r.tar", "d/f", "g"));
        assertArrayEquals(Files.readAllBytes(scratch.resolve("r.tar")), ours);
    }

    @Test
    void theRealBusyboxListsOurArchiveAsWeDo() throws Exception {
        assertEquals(List.of("d/", "d/e/", "d/f"), h.ok("docker exec -w /tmp/w a1 tar cvf /tmp/t.tar d"));
        Files.write(scratch.resolve("t.tar"), archive("/tmp/t.tar"));
        List<String> real = real(List.of(BUSYBOX.toString(), "tar", "-tvf", "t.tar"));
        assertEquals(real, h.ok("docker exec a1 tar -tvf /tmp/t.tar"));
        assertEquals(real(List.of(BUSYBOX.toString(), "tar", "-tf", "t.tar")), h.ok("docker exec a1 tar tf /tmp/t.tar"));
        h.ok("docker exec a1 mkdir /tmp/x");
        assertEquals(List.of("d/", "d/e/", "d/f"), h.ok("docker exec a1 tar -xvf /tmp/t.tar -C /tmp/x"));
        assertEquals(List.of("hi"), h.ok("docker exec a1 cat /tmp/x/d/f"));
        assertEquals(List.of("e", "f"), h.ok("docker exec a1 ls /tmp/x/d"));
        assertEquals(List.of("hi"), h.ok("docker exec a1 tar -xOf /tmp/t.tar d/f"));
    }

    @Test
    void errorsAreTheRealOnes() throws Exception {
        Files.writeString(scratch.resolve("g"), "x\n");
        h.ok("docker exec a1 tar -cf /tmp/t.tar -C /tmp/w g");
        Files.write(scratch.resolve("t.tar"), archive("/tmp/t.tar"));
        // The real command in the scratch directory (g, t.tar), ours in the container's /tmp (w/g, t.tar).
        for (List<String> pair : List.of(List.of("tar -tf g", "tar -tf w/g"), List.of("tar -xf nope.tar", "tar -xf nope.tar"),
                List.of("tar -tf t.tar nope g", "tar -tf t.tar nope g"), List.of("tar -cf e.tar", "tar -cf e.tar"),
                List.of("tar -cf n.tar nope", "tar -cf n.tar nope"), List.of("tar -xf t.tar -C /nonexist", "tar -xf t.tar -C /nonexist"))) {
            List<String> argv = new ArrayList<>(List.of(BUSYBOX.toString()));
            argv.addAll(List.of(pair.get(0).split(" ")));
            List<String> real = real(argv);
            real.add("status " + status);
            assertEquals(real, h.ok("docker exec -w /tmp a1 sh -c '" + pair.get(1) + " 2>&1; echo status $?'"), pair.get(0));
        }
    }

    /** The container's file {@code path} as the bytes it holds. */
    private byte[] archive(String path) {
        String text = h.world.host().engine().container("a1").file(path);
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private int status;

    /** The real command's lines (stderr merged), in the scratch directory, TZ UTC; its status in {@link #status}. */
    private List<String> real(List<String> argv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(scratch.toFile()).redirectErrorStream(true);
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        List<String> lines = new ArrayList<>(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        status = p.waitFor();
        return lines;
    }
}
