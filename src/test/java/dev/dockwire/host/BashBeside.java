package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A command line at the host's prompt beside bash 5 running it here (LC_ALL=C), each in a fresh
 * directory made the same way by {@code setup}: the same stdout, the same stderr (bash's
 * {@code line N: } and {@code -c: line N: } dropped, as an interactive bash prints none) and the same status.
 */
final class BashBeside {
    private static final AtomicInteger DIRS = new AtomicInteger();

    private BashBeside() {
    }

    /** {@code setup} (null: none) then {@code line}, in bash and on {@code host}. */
    static void assertSame(TestHost host, String setup, String line) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed here");
        Path dir = Files.createTempDirectory("host-beside-bash");
        try {
            ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", setup == null ? line : setup + " && " + line).directory(dir.toFile());
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            p.getOutputStream().close();
            assumeTrue(p.waitFor(10, TimeUnit.SECONDS), "bash did not finish");
            List<String> stdout = lines(p.getInputStream().readAllBytes());
            List<String> stderr = lines(p.getErrorStream().readAllBytes()).stream()
                    .map(l -> l.replaceFirst("^(/bin/)?bash: (-c: )?line [0-9]+: ", "bash: ")).toList();

            String here = "/tmp/dockwire-beside-" + DIRS.incrementAndGet();
            host.ok("mkdir -p " + here);
            host.ok("cd " + here);
            if (setup != null) {
                host.ok(setup);
            }
            CommandResult ours = host.run(line);
            assertEquals(String.join("\n", stdout), String.join("\n", ours.stdout()), "stdout of " + line);
            assertEquals(String.join("\n", stderr), String.join("\n", ours.errors()), "stderr of " + line);
            assertEquals(p.exitValue(), ours.status(), "status of " + line);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
