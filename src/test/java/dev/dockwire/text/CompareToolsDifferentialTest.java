package dev.dockwire.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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
 * {@code diff}, {@code cmp} and {@code cat}'s options, each line through the real program (GNU diffutils and
 * coreutils; BusyBox 1.35 for the containers' flavour, its words as alpine's build prints them) in a directory
 * holding the same files, their mtimes set to one instant (diff -u's headers), with the same stdin, and through
 * ours: stdout byte for byte, stderr and the status. A missing program skips its lines.
 */
class CompareToolsDifferentialTest {
    private static final Map<String, String> FILES = Map.of("f1", "a\nb\nc\nd\n", "f2", "a\nx\nc\nd\ne\n", "open", "ab",
            "p1", "a\nb\n", "p2", "a\nb\nc\n", "e", "", "g", "a\n\n\n\tb\nc",
            "long1", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n",
            "long2", "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\nfourteen\n15\n16\n17\n",
            "ctl", "tab\there\u0001\u007f caf\u00e9\n");
    private static final Instant MTIME = Instant.parse("2026-09-01T10:20:30.123456789Z");
    private static final String STDIN = "a\nx\nc\n";

    static Stream<Arguments> lines() {
        List<List<String>> both = List.of(
                List.of("diff", "f1", "f2"), List.of("diff", "f1", "f1"), List.of("diff", "f2", "f1"), List.of("diff", "p1", "p2"),
                List.of("diff", "p2", "p1"), List.of("diff", "f1", "open"), List.of("diff", "open", "f1"), List.of("diff", "e", "p1"),
                List.of("diff", "p1", "e"), List.of("diff", "long1", "long2"), List.of("diff", "-U", "1", "long1", "long2"),
                List.of("diff", "-q", "f1", "f2"), List.of("diff", "-q", "f1", "f1"), List.of("diff", "f1", "nope"), List.of("diff", "nope", "f1"),
                List.of("diff", "-u", "f1", "f2"), List.of("diff", "-u", "long1", "long2"), List.of("diff", "-u", "e", "p1"), List.of("diff", "-u", "f1", "open"),
                List.of("cmp", "f1", "f2"), List.of("cmp", "f1", "f1"), List.of("cmp", "-s", "f1", "f2"), List.of("cmp", "-s", "f1", "f1"),
                List.of("cmp", "f1", "open"), List.of("cmp", "p1", "p2"), List.of("cmp", "p2", "p1"), List.of("cmp", "e", "f1"),
                List.of("cmp", "f1", "nope"), List.of("cmp", "-s", "f1", "nope"), List.of("cmp", "-l", "f1", "f2"), List.of("cmp", "f1"),
                List.of("cmp", "-n", "2", "f1", "f2"), List.of("cmp", "open", "f2"), List.of("cmp", "long1", "long2"),
                List.of("cat", "-n", "f1", "g"), List.of("cat", "-b", "g", "f1"), List.of("cat", "-n", "g", "f1"), List.of("cat", "-A", "g"),
                List.of("cat", "-e", "g"), List.of("cat", "-n"), List.of("cat", "-nb", "g"), List.of("cat", "-v", "ctl"), List.of("cat", "-A", "ctl"),
                List.of("cat", "-t", "ctl"), List.of("cat", "-x", "g"));
        List<List<String>> gnu = List.of(List.of("diff", "f1"), List.of("diff"), List.of("diff", "--bogus", "f1", "f2"), List.of("cmp"),
                List.of("cmp", "-x", "f1", "f2"), List.of("cmp", "open", "p1"), List.of("cat", "-s", "g"), List.of("cat", "-E", "g"),
                List.of("cat", "-T", "g"), List.of("cat", "-sn", "g", "g"), List.of("cat", "--number", "f1"));
        List<List<String>> busybox = List.of(List.of("cat", "-s", "g"), List.of("cat", "-E", "g"));
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
    void sameAsTheRealProgram(Flavour flavour, List<String> argv, @TempDir Path dir) throws Exception {
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            Files.setLastModifiedTime(p, FileTime.from(MTIME));
        }
        ExternalTools.RealRun real = ExternalTools.runReal(flavour == Flavour.BUSYBOX, argv, dir, Map.of("LC_ALL", "C", "TZ", "UTC"), STDIN);
        List<String> command = real.command();
        String stdout = real.stdout();
        String stderr = flavour == Flavour.BUSYBOX ? BusyboxAsAlpine.stderr(real.stderr()) : real.stderr();

        TextContext fixture = TextFixtures.context(new HashMap<>(FILES));
        TextFiles timed = new TextFiles() {
            @Override
            public String read(String path) {
                return fixture.files().read(path);
            }

            @Override
            public boolean write(String path, String content, boolean append) {
                return false;
            }

            @Override
            public Instant modified(String path) {
                return MTIME;
            }
        };
        TextContext ctx = new TextContext(timed, flavour, fixture.commands());
        TextResult ours = argv.get(0).equals("cat") ? cat(argv.subList(1, argv.size()), ctx)
                : TextTools.find(argv.get(0)).run(argv.subList(1, argv.size()), Lines.of(STDIN), ctx);
        List<String> ourStdout = new ArrayList<>(ours.output());
        ours.errors().forEach(ourStdout::remove);
        assertEquals(stdout, Lines.text(new Lines(ourStdout, Lines.unterminated(ours.output()) && ours.errors().isEmpty())),
                "stdout of " + command);
        assertEquals(stderr.lines().toList(), ours.errors(), "stderr of " + command);
        assertEquals(real.status(), ours.status(), "exit status of " + command);
    }

    /** cat as the shells run it: {@link CatOptions} over each operand's text in turn. */
    private static TextResult cat(List<String> args, TextContext ctx) {
        CatOptions opts = CatOptions.parse(ctx.flavour(), args);
        if (opts.error() != null) {
            return opts.error();
        }
        StringBuilder sb = new StringBuilder();
        for (String f : opts.operands().isEmpty() ? List.of("-") : opts.operands()) {
            sb.append(opts.apply(f.equals("-") ? STDIN : ctx.files().read(f)));
        }
        return new TextResult(0, Lines.of(sb.toString()));
    }
}
