package dev.dockwire.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code od} and {@code yes | head}: each command line through the real tool (coreutils' od, and
 * BusyBox's od_bloaty for the containers' flavour) over the same files and stdin, and through ours:
 * the same stdout, stderr and status. A missing tool skips its lines.
 */
class OdDifferentialTest {
    private static final Map<String, String> FILES = Map.of(
            "mixed", "hello world\n\0\1\u007fabc\té\r\u0007",
            "zeros", "\0".repeat(40) + "tail",
            "odd", "abc",
            "text", "The quick brown fox jumps over the lazy dog.\n".repeat(3));

    static Stream<Arguments> lines() {
        List<List<String>> both = List.of(List.of("od", "mixed"), List.of("od", "-c", "mixed"), List.of("od", "-x", "mixed"),
                List.of("od", "-b", "mixed"), List.of("od", "-d", "mixed"), List.of("od", "-o", "odd"), List.of("od", "-a", "mixed"),
                List.of("od", "-An", "mixed"), List.of("od", "-N", "5", "mixed"), List.of("od", "-j", "3", "-c", "mixed"),
                List.of("od", "-c", "zeros"), List.of("od", "-v", "-c", "zeros"), List.of("od", "-A", "d", "-c", "text"),
                List.of("od", "-A", "x", "-t", "x1", "zeros"), List.of("od", "-t", "x4", "mixed"), List.of("od", "-t", "d2", "mixed"),
                List.of("od", "-t", "u1", "odd"), List.of("od", "-t", "o4", "mixed"), List.of("od", "-t", "x8", "text"),
                List.of("od", "-t", "d1", "mixed"), List.of("od", "-t", "xC", "odd"), List.of("od", "-t", "dS", "mixed"),
                List.of("od", "-c", "-x", "mixed"), List.of("od", "-A", "x", "-t", "x1z", "zeros"), List.of("od", "-t", "x1z", "text"),
                List.of("od", "nope"), List.of("od", "odd", "nope", "odd"), List.of("od", "-A", "q", "odd"), List.of("od", "-t", "q", "odd"),
                List.of("od", "-s", "mixed"), List.of("od", "-c"), List.of("od", "-c", "-", "odd"),
                List.of("od", "-w8", "-c", "text"), List.of("od", "-N", "0x10", "-x", "text"), List.of("od", "-t", "x3", "odd"));
        List<List<String>> gnu = List.of(List.of("od", "-i", "mixed"), List.of("od", "-t", "x1z", "-c", "mixed"),
                List.of("od", "-X", "text"), List.of("od", "-t", "c", "-t", "d1", "zeros"),
                List.of("od", "-An", "-c", "-x", "odd")); // BusyBox pads -An's second format by a byte read past doxn's table: its build's own
        List<List<String>> busybox = List.of(List.of("od", "-i", "mixed"), List.of("od", "-x", "-c", "mixed"));
        List<Arguments> out = new ArrayList<>();
        for (List<String> argv : both) {
            out.add(Arguments.of(Flavour.GNU, argv));
            out.add(Arguments.of(Flavour.BUSYBOX, argv));
        }
        gnu.forEach(argv -> out.add(Arguments.of(Flavour.GNU, argv)));
        busybox.forEach(argv -> out.add(Arguments.of(Flavour.BUSYBOX, argv)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lines")
    void sameAsTheRealTool(Flavour flavour, List<String> argv, @TempDir Path dir) throws Exception {
        Real real = real(flavour, argv, dir, "hello\n");
        TextContext fixture = TextFixtures.context(new HashMap<>(FILES));
        TextContext ctx = new TextContext(fixture.files(), flavour, fixture.commands()).inLocale(v -> v.equals("LC_ALL") ? "C.UTF-8" : null);
        TextResult ours = TextTools.find(argv.get(0)).run(argv.subList(1, argv.size()), List.of("hello"), ctx);
        List<String> ourStdout = new ArrayList<>(ours.output());
        ours.errors().forEach(ourStdout::remove);
        assertEquals(real.stdout, ourStdout, "stdout of " + argv);
        assertEquals(real.stderr, ours.errors(), "stderr of " + argv);
        assertEquals(real.status, ours.status(), "exit status of " + argv);
    }

    static Stream<Arguments> yesLines() {
        List<Arguments> out = new ArrayList<>();
        for (Flavour f : Flavour.values()) {
            for (List<String> argv : List.of(List.of("yes"), List.of("yes", "abc"), List.of("yes", "a", "b c"))) {
                for (String n : List.of("1", "3")) {
                    out.add(Arguments.of(f, argv, n));
                }
            }
        }
        return out.stream();
    }

    /** {@code yes ARGS | head -n N}: the real pipeline's lines and yes's death by SIGPIPE (141); ours stops at the pipe the same way. */
    @ParameterizedTest(name = "{0} {1} | head -{2}")
    @MethodSource("yesLines")
    void yesIntoHead(Flavour flavour, List<String> argv, String n, @TempDir Path dir) throws Exception {
        List<String> yes = ExternalTools.realTool(flavour == Flavour.BUSYBOX, argv);
        String quoted = String.join(" ", yes.stream().map(w -> "'" + w + "'").toList());
        Real real = real(flavour, List.of("bash", "-c", quoted + " | head -n " + n + "; echo \"${PIPESTATUS[*]}\""), dir, "");
        TextContext fixture = TextFixtures.context(new HashMap<>());
        TextContext ctx = new TextContext(fixture.files(), flavour, fixture.commands(), Pipe.into(List.of("head", "-n", n)));
        TextResult ours = TextTools.find("yes").run(argv.subList(1, argv.size()), null, ctx);
        TextResult head = TextTools.find("head").run(List.of("-n", n), ours.output(), new TextContext(fixture.files(), flavour, fixture.commands()));
        List<String> ourLines = new ArrayList<>(head.output());
        ourLines.add(ours.status() + " " + head.status());
        assertEquals(real.stdout, ourLines, "yes | head of " + argv);
    }

    private record Real(List<String> stdout, List<String> stderr, int status) {
    }

    private static Real real(Flavour flavour, List<String> argv, Path dir, String stdin) throws Exception {
        List<String> command = argv.get(0).equals("bash") ? argv : ExternalTools.realTool(flavour == Flavour.BUSYBOX, argv);
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p;
        try {
            p = pb.start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no real " + command.get(0) + " here: " + e.getMessage());
            throw e;
        }
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException notRead) {
            // it exited without reading its stdin
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS), "the real tool did not finish");
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (flavour == Flavour.BUSYBOX) {
            stderr = BusyboxAsAlpine.stderr(stderr);
        }
        return new Real(stdout.lines().toList(), stderr.lines().toList(), p.exitValue());
    }
}
