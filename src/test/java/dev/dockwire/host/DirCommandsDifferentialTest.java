package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.text.BusyboxAsAlpine;
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
import org.junit.jupiter.api.Test;

/**
 * {@code mkdir}, {@code rmdir}, {@code rm -r}, {@code stat -c}, {@code cp} and {@code mv} in containers against the real programs run on
 * this machine, one command after another in a scratch directory: alpine's against Debian's
 * busybox-static (its banner and glibc getopt words turned into alpine's, {@link BusyboxAsAlpine}),
 * debian's against coreutils in the C locale; then {@code stat -c} of what is left (owners aside: the real
 * files are the test's user's). Each command's lines (stderr with stdout, in order)
 * and its exit status must be the same. Skips, saying why, where the real program is absent.
 */
class DirCommandsDifferentialTest {
    /** The commands, run in order in one directory: each leaves what the next meets. */
    private static final List<String> SCRIPT = List.of("mkdir a", "mkdir a", "mkdir -v b", "mkdir -p c/d", "mkdir -pv e/f",
            "mkdir x/y", "mkdir", "mkdir -z a", "touch f", "mkdir f/g", "mkdir -p f/g", "mkdir -p f", "mkdir f", "rmdir c",
            "rmdir -v b", "rmdir nope", "rmdir f", "rmdir", "rmdir -p c/d", "rmdir .", "rmdir --ignore-fail-on-non-empty e",
            "rm e", "rm -r e", "mkdir -p a/b/c", "touch a/b/g", "rm -rv a", "mkdir -m 700 m", "mkdir --parents --verbose p/q",
            "rm -rf p nope", "rmdir m/", "ls", "stat -c %a:%A:%s:%n:%F:%h:%b:%B:%o:%f:%% f", "stat -c %a:%A:%F:%s:%N:%Q:%h m",
            "stat -c %n nope f", "stat -c", "stat", "rmdir m", "rm f", "touch a", "mkdir d",
            "cp a b", "cp nope b", "cp -v a c", "cp a d", "cp d e", "cp -r d e", "cp -rv d e2", "cp a", "cp", "cp a nodir/x",
            "mv nope x", "mv -v b b2", "mv b2 d", "mv a d/", "mv c d/c", "mv d/c .", "mv", "mv e", "mv -z a b", "cp -z a b",
            "cp a c e", "mv -v e e3", "ls", "ls d", "ls e3");

    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void alpinesBusyboxAsTheRealBusybox() throws Exception {
        Path busybox = Path.of("/usr/bin/busybox");
        Assumptions.assumeTrue(Files.isExecutable(busybox), "no real busybox here (apt-get install busybox-static)");
        h.ok("docker run -d --name a1 alpine sleep 300");
        h.ok("docker exec a1 mkdir /tmp/w");
        for (String cmd : SCRIPT) {
            List<String> argv = new ArrayList<>(List.of(busybox.toString()));
            argv.addAll(List.of(cmd.split(" ")));
            String real = BusyboxAsAlpine.stderr(String.join("\n", realRun(argv, List.of())));
            assertEquals(real, String.join("\n", ours("a1", cmd)), cmd);
        }
    }

    @Test
    void debiansCoreutilsAsTheRealCoreutils() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkdir")) && Files.isExecutable(Path.of("/usr/bin/rmdir")),
                "no coreutils mkdir/rmdir here");
        h.ok("docker run -d --name d1 debian sleep 300");
        h.ok("docker exec d1 mkdir /tmp/w");
        for (String cmd : SCRIPT) {
            List<String> argv = new ArrayList<>(List.of(cmd.split(" ")));
            assertEquals(String.join("\n", realRun(argv, List.of("LC_ALL=C"))), String.join("\n", ours("d1", cmd)), cmd);
        }
    }

    private Path scratch;

    /** The real program's lines (stderr merged) and its status, run in this test's scratch directory. */
    private List<String> realRun(List<String> argv, List<String> env) throws IOException, InterruptedException {
        if (scratch == null) {
            scratch = Files.createTempDirectory("dirs");
        }
        ProcessBuilder pb = new ProcessBuilder(argv).directory(scratch.toFile()).redirectErrorStream(true);
        for (String e : env) {
            pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.add("status " + p.waitFor());
        return lines;
    }

    /** Ours: the command in the container's shell in /tmp/w, stderr merged, and its status. */
    private List<String> ours(String container, String cmd) {
        List<String> lines = new ArrayList<>(h.ok("docker exec -w /tmp/w " + container + " sh -c '" + cmd + " 2>&1; echo status $?'"));
        return lines;
    }

    @AfterEach
    void removeScratch() throws IOException {
        if (scratch != null) {
            try (Stream<Path> all = Files.walk(scratch)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
