package dev.dockwire.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code md5sum}, {@code sha*sum}: each line through the real tool (coreutils, and BusyBox for the
 * containers' flavour, its words as alpine's build prints them) in a directory holding the same files,
 * stdin {@code hello\n}, and through ours: the same stdout, the same stderr, the same status. A missing
 * tool skips its lines.
 */
class ChecksumDifferentialTest {
    private static final String HELLO_MD5 = "b1946ac92492d2347c6235b4d2611184";
    private static final Map<String, String> FILES = Map.of("h.txt", "hello\n", "a.txt", "abc",
            "s.md5", HELLO_MD5 + "  h.txt\n00000000000000000000000000000000  a.txt\n",
            "ok.md5", HELLO_MD5 + "  h.txt\n" + HELLO_MD5 + " *h.txt\n",
            "b.md5", "bad line\n",
            "g.md5", HELLO_MD5 + "  gone.txt\n" + HELLO_MD5 + "  h.txt\n",
            "m.md5", "bad\n00000000000000000000000000000000  a.txt\n",
            "tag.md5", "MD5 (h.txt) = " + HELLO_MD5 + "\n");

    static Stream<Arguments> lines() {
        List<List<String>> both = List.of(
                List.of("md5sum"), List.of("md5sum", "h.txt", "a.txt"), List.of("md5sum", "h.txt", "nope", "a.txt"),
                List.of("sha1sum", "h.txt"), List.of("sha256sum", "-", "a.txt"), List.of("sha512sum", "a.txt"),
                List.of("md5sum", "-c", "s.md5"), List.of("md5sum", "-c", "ok.md5"), List.of("md5sum", "-c", "b.md5"),
                List.of("md5sum", "-c", "-w", "b.md5"), List.of("md5sum", "-c", "g.md5"), List.of("md5sum", "-c", "nofile"),
                List.of("sha1sum", "-c", "s.md5"), List.of("md5sum", "-x"));
        List<List<String>> gnu = List.of(List.of("md5sum", "--tag", "h.txt"), List.of("md5sum", "-b", "h.txt"),
                List.of("md5sum", "-c", "m.md5"), List.of("md5sum", "-c", "--quiet", "s.md5"), List.of("md5sum", "--status", "-c", "s.md5"),
                List.of("md5sum", "-c", "tag.md5"), List.of("md5sum", "-c", "--strict", "m.md5"),
                List.of("md5sum", "-c", "--ignore-missing", "g.md5"), List.of("sha224sum", "h.txt"), List.of("sha384sum", "h.txt"));
        List<List<String>> busybox = List.of(List.of("md5sum", "-cs", "s.md5"), List.of("sha3sum", "h.txt"),
                List.of("sha3sum", "-a", "512", "h.txt"), List.of("sha3sum", "-a", "100", "h.txt"));
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
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        ExternalTools.RealRun real = ExternalTools.runReal(flavour == Flavour.BUSYBOX, argv, dir, Map.of("LC_ALL", "C.UTF-8"), "hello\n");
        List<String> command = real.command();
        String stdout = real.stdout();
        String stderr = flavour == Flavour.BUSYBOX ? BusyboxAsAlpine.stderr(real.stderr()) : real.stderr();

        TextContext fixture = TextFixtures.context(new HashMap<>(FILES));
        TextContext ctx = new TextContext(fixture.files(), flavour, fixture.commands());
        TextResult ours = TextTools.find(argv.get(0)).run(argv.subList(1, argv.size()), List.of("hello"), ctx);
        List<String> ourStdout = new ArrayList<>(ours.output());
        ours.errors().forEach(ourStdout::remove);
        assertEquals(stdout.lines().toList(), ourStdout, "stdout of " + command);
        assertEquals(stderr.lines().toList(), ours.errors(), "stderr of " + command);
        assertEquals(real.status(), ours.status(), "exit status of " + command);
    }
}
