package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.docker.TarFormat;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker cp} with {@code -} (cli/command/container/cp.go: a tar archive on stdout or stdin)
 * and the host's GNU tar reading it: {@code docker cp CTR:PATH - > x.tar}, {@code | tar t},
 * {@code tar tvf}, {@code tar xf -C}, {@code docker cp - CTR:DIR < x.tar}, with the client's and
 * GNU tar's errors; the listing beside the real GNU tar's of the same bytes.
 */
class CpTarStreamTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    private void container() {
        h.ok("docker run -d --name jobsc alpine sleep 300");
        h.ok("docker exec jobsc sh -c 'mkdir -p /srv/sub; echo one > /srv/a; echo two > /srv/sub/b'");
    }

    @Test
    void anArchiveOnStdoutIsListedExtractedAndCopiedBack() {
        container();
        assertEquals(List.of(), h.ok("docker cp jobsc:/srv - > srv.tar"), "no progress line for '-'");
        assertEquals(List.of("srv/", "srv/a", "srv/sub/", "srv/sub/b"), h.ok("docker cp jobsc:/srv - | tar t"));
        assertEquals(List.of("srv/", "srv/a", "srv/sub/", "srv/sub/b"), h.ok("tar tf srv.tar"));
        assertEquals(List.of("srv/sub/", "srv/sub/b"), h.ok("tar -tf srv.tar srv/sub"));
        h.ok("mkdir out");
        assertEquals(List.of("srv/", "srv/a", "srv/sub/", "srv/sub/b"), h.ok("tar xvf srv.tar -C out"));
        assertEquals(List.of("two"), h.ok("cat out/srv/sub/b"));
        assertEquals(List.of(), h.ok("docker cp - jobsc:/tmp < srv.tar"));
        assertEquals(List.of("one"), h.ok("docker exec jobsc cat /tmp/srv/a"));
        assertEquals(List.of(), h.ok("true | docker cp - jobsc:/tmp"), "empty stdin: an empty archive (Untar's io.EOF)");
    }

    @Test
    void theErrorsAreTheClientsTheDaemonsAndGnuTars() {
        container();
        h.ok("docker cp jobsc:/srv/a - > a.tar");
        assertEquals(List.of("destination \"jobsc:/srv/a\" must be a directory"), h.fails("docker cp - jobsc:/srv/a < a.tar", 1));
        assertEquals(List.of("Error response from daemon: Error processing tar file(exit status 1): unexpected EOF"),
                h.fails("echo hi | docker cp - jobsc:/tmp", 1));
        assertEquals(List.of("tar: nosuch.tar: Cannot open: No such file or directory", "tar: Error is not recoverable: exiting now"),
                h.fails("tar tf nosuch.tar", 2));
        assertEquals(List.of("a", "tar: nope: Not found in archive", "tar: Exiting with failure status due to previous errors"),
                h.fails("tar tf a.tar a nope", 2));
        h.ok("echo hello > notar");
        assertEquals(List.of("tar: This does not look like a tar archive", "tar: Exiting with failure status due to previous errors"),
                h.fails("tar tf notar", 2));
        h.ok("head -c 700 a.tar > cut.tar");
        assertEquals(List.of("a", "tar: Unexpected EOF in archive", "tar: Error is not recoverable: exiting now"),
                h.fails("tar tf cut.tar", 2), "a truncated archive: what came before, then GNU tar's words");
        assertEquals(List.of("tar: /nowhere: Cannot open: No such file or directory", "tar: Error is not recoverable: exiting now"),
                h.fails("tar xf a.tar -C /nowhere", 2));
    }

    @Test
    void anArchiveTarCreatesIsListedAndCopiedIntoAContainer() {
        container();
        h.ok("mkdir -p /tmp/jobs-arch/sub");
        h.ok("echo hi > /tmp/jobs-arch/a");
        h.ok("echo x > /tmp/jobs-arch/sub/b");
        assertEquals(List.of(), h.ok("tar -C /tmp -cf /tmp/jobs-arch.tar jobs-arch"));
        assertEquals(List.of("10240"), h.ok("wc -c < /tmp/jobs-arch.tar"), "GNU tar pads to a whole record");
        assertEquals(List.of("jobs-arch/", "jobs-arch/a", "jobs-arch/sub/", "jobs-arch/sub/b"), h.ok("tar cf - -C /tmp jobs-arch | tar t"));
        assertEquals(List.of(), h.ok("tar -C /tmp -cf - jobs-arch | docker cp - jobsc:/tmp"));
        assertEquals(List.of("x"), h.ok("docker exec jobsc cat /tmp/jobs-arch/sub/b"));
        assertEquals(List.of("tar: Cowardly refusing to create an empty archive", "Try 'tar --help' or 'tar --usage' for more information."),
                h.fails("tar cf /tmp/x.tar", 2));
        assertEquals(List.of("tar: nope: Cannot stat: No such file or directory", "tar: Exiting with failure status due to previous errors"),
                h.fails("tar cf /tmp/x.tar nope", 2));
    }

    /** {@code tar cf -} of a directory on the disk (the host's lower layer), byte for byte GNU tar's with {@code --sort=name}. */
    @Test
    void tarCreatesGnuTarsBytes() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")) || Files.isExecutable(Path.of("/bin/tar")), "no GNU tar here");
        Path dir = Files.createTempDirectory("jobs-tarc");
        try {
            Files.createDirectories(dir.resolve("d/sub"));
            Files.writeString(dir.resolve("d/a.txt"), "hello\n");
            Files.writeString(dir.resolve("d/sub/b"), "x\ny\n");
            for (String p : List.of("d/sub/b", "d/a.txt", "d/sub", "d")) {
                Files.setLastModifiedTime(dir.resolve(p), java.nio.file.attribute.FileTime.fromMillis(1_767_322_245_000L));
            }
            // dockwire's host is root's, its disk files root's: the real tar told so, whoever runs the test
            ProcessBuilder pb = new ProcessBuilder("tar", "--sort=name", "--owner=root:0", "--group=root:0", "-cf", "-", "d")
                    .directory(dir.toFile());
            Process p = pb.start();
            byte[] gnu = p.getInputStream().readAllBytes();
            assumeTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "tar failed");
            CommandResult ours = h.run("tar -C " + dir + " -cf - d | cat"); // not to the terminal, which tar refuses
            assertEquals(0, ours.status(), ours.output().toString());
            org.junit.jupiter.api.Assertions.assertArrayEquals(gnu, TarFormat.fromText(String.join("\n", ours.stdout())));
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** {@code tar tv} beside GNU tar's listing of the very bytes {@code docker cp} wrote. */
    @Test
    void theVerboseListingIsGnuTarsOfTheSameBytes() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")) || Files.isExecutable(Path.of("/bin/tar")), "no GNU tar here");
        container();
        h.ok("docker cp jobsc:/srv - > srv.tar");
        CommandResult cat = h.run("cat srv.tar");
        byte[] bytes = TarFormat.fromText(String.join("\n", cat.output()));
        Path dir = Files.createTempDirectory("jobs-tar");
        Path file = dir.resolve("srv.tar");
        try {
            Files.write(file, bytes);
            ProcessBuilder pb = new ProcessBuilder("tar", "tvf", file.toString()).redirectErrorStream(true);
            pb.environment().put("TZ", "UTC");
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            assumeTrue(p.waitFor(20, TimeUnit.SECONDS), "tar did not finish");
            List<String> gnu = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(gnu, h.ok("tar tvf srv.tar"));
            assertEquals(4, gnu.size());
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
