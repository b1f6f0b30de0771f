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
 * {@code expr}, {@code paste}, {@code fold}, {@code tac}, {@code base64}, {@code hexdump -C}, {@code xxd}: each
 * line through the real tool (coreutils; BusyBox for the containers' flavour, its words as alpine's build
 * prints them) in a directory holding the same files, with the same stdin, and through ours: stdout byte for
 * byte (a last line without its newline included), stderr and the status. A missing tool skips its lines.
 */
class TextGapsDifferentialTest {
    private static final Map<String, String> FILES = Map.of("f1", "a\nb\nc\n", "f2", "1\n2\n", "open", "ab",
            "long", "hello world, this is a long line\nx\n\tindented by a tab, it folds early\n",
            "b64", "aGVsbG8gd29ybGQK\n", "bad64", "YW*I=\n", "short64", "YWI\n",
            "rep", "0123456789abcdef".repeat(4) + "tail\n");
    private static final String STDIN = "one\ntwo\nthree\n";

    static Stream<Arguments> lines() {
        List<List<String>> both = List.of(
                List.of("expr", "1", "+", "2"), List.of("expr", "5", "*", "3"), List.of("expr", "7", "/", "0"), List.of("expr", "0", "+", "0"),
                List.of("expr", "length", "hello"), List.of("expr", "hello", ":", "hel"), List.of("expr", "abc", ":", "a\\(.\\)c"),
                List.of("expr", "hello", ":", "\\(x*\\)"), List.of("expr", "substr", "hello", "2", "3"), List.of("expr", "index", "hello", "l"),
                List.of("expr", "3", "<", "10"), List.of("expr", "a", "<", "b"), List.of("expr", "10", "%", "3"), List.of("expr", "-5", "/", "2"),
                List.of("expr", "", "|", "0"), List.of("expr", "x", "|", "y"), List.of("expr", "0", "&", "3"), List.of("expr", "match", "abc", "a."),
                List.of("expr", "(", "1", "+", "2", ")", "*", "3"), List.of("expr", "2", "-", "5"), List.of("expr", "a", "+", "1"),
                List.of("expr", "1", "=", "1"), List.of("expr", "x", "!=", "x"),
                List.of("paste", "f1", "f2"), List.of("paste", "-d,", "f1", "f2"), List.of("paste", "-s", "f1"), List.of("paste", "-s", "-d:", "f1", "f2"),
                List.of("paste", "-", "-"), List.of("paste", "f2", "f1"), List.of("paste", "-d", ":,", "f1", "f1", "f2"), List.of("paste", "nope", "f1"),
                List.of("fold", "-w", "5", "long"), List.of("fold", "-s", "-w", "8", "long"), List.of("fold", "-w10", "open"), List.of("fold", "-b", "-w", "9", "long"),
                List.of("fold", "-w", "0", "long"),
                List.of("tac", "f1", "f2"), List.of("tac", "open"), List.of("tac"), List.of("tac", "nope"),
                List.of("base64", "long"), List.of("base64", "-w", "0", "f1"), List.of("base64", "-w", "7", "long"), List.of("base64", "-d", "b64"),
                List.of("base64", "-d", "short64"), List.of("base64", "open"), List.of("base64"));
        List<List<String>> busybox = List.of(List.of("hexdump", "-C", "long"), List.of("hexdump", "-C", "open"), List.of("hexdump", "-C", "rep"),
                List.of("hexdump", "-Cv", "rep"), List.of("hexdump", "-C"), List.of("xxd", "long"), List.of("xxd", "-p", "long"), List.of("xxd", "open"),
                List.of("xxd", "-c", "8", "long"), List.of("xxd", "-g", "4", "long"), List.of("base64", "-d", "bad64"), List.of("expr", "quote", "length"));
        List<List<String>> gnu = List.of(List.of("expr", "+", "length"), List.of("base64", "-d", "bad64"), List.of("base64", "-di", "bad64"),
                List.of("expr", "1", "+"), List.of("expr", "1", "2"), List.of("expr"));
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
        ExternalTools.RealRun real = ExternalTools.runReal(flavour == Flavour.BUSYBOX, argv, dir, Map.of("LC_ALL", "C"), STDIN);
        List<String> command = real.command();
        String stdout = real.stdout();
        String stderr = flavour == Flavour.BUSYBOX ? BusyboxAsAlpine.stderr(real.stderr()) : real.stderr();

        TextContext fixture = TextFixtures.context(new HashMap<>(FILES));
        TextContext ctx = new TextContext(fixture.files(), flavour, fixture.commands());
        TextResult ours = TextTools.find(argv.get(0)).run(argv.subList(1, argv.size()), Lines.of(STDIN), ctx);
        if (ours.errors().isEmpty()) {
            assertEquals(stdout, Lines.text(ours.output()), "stdout of " + command);
        } else {
            List<String> ourStdout = new ArrayList<>(ours.output());
            ours.errors().forEach(ourStdout::remove);
            assertEquals(stdout.lines().toList(), ourStdout, "stdout of " + command);
        }
        assertEquals(stderr.lines().toList(), ours.errors(), "stderr of " + command);
        assertEquals(real.status(), ours.status(), "exit status of " + command);
    }
}
