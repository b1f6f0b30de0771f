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
 * {@code head}, {@code tail} and {@code wc} given files, not stdin ({@code head -1 /etc/os-release},
 * {@code wc -l FILE}): each line through the real tool (coreutils, and BusyBox for the containers'
 * flavour) in a directory holding the same files and through ours over them: the same lines
 * (errors first, then output), the same on stderr, the same status. A missing tool skips its lines.
 */
class FileOperandsDifferentialTest {
    private static final Map<String, String> FILES = Map.of("t1", "a\nb\nc\n", "t2", "x\n", "words", TextFixtures.WORDS);

    @TempDir
    Path dir;

    static Stream<Arguments> lines() {
        List<List<String>> argvs = List.of(
                List.of("wc", "-l", "t1"), List.of("wc", "-l", "t1", "t2"), List.of("wc", "t1"), List.of("wc", "-lw", "words"),
                List.of("wc", "-w", "t1", "nope"), List.of("wc", "-c", "words", "t2"),
                List.of("head", "-1", "t1", "t2"), List.of("head", "-n", "2", "words"), List.of("head", "-2", "nope"),
                List.of("head", "-n", "1", "t1", "nope", "t2"),
                List.of("tail", "-n", "1", "t1"), List.of("tail", "-1", "t1", "t2"), List.of("tail", "-n", "1", "nope"),
                List.of("tail", "-n2", "words", "t2"));
        List<Arguments> out = new ArrayList<>();
        for (List<String> argv : argvs) {
            out.add(Arguments.of(Flavour.GNU, argv));
            out.add(Arguments.of(Flavour.BUSYBOX, argv));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lines")
    void sameAsTheRealTool(Flavour flavour, List<String> argv) throws Exception {
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        ExternalTools.RealRun run = ExternalTools.runReal(flavour == Flavour.BUSYBOX, argv, dir, Map.of("LC_ALL", "C.UTF-8"), null);
        List<String> command = run.command();
        List<String> stderr = run.stderr().lines().toList();
        List<String> real = new ArrayList<>(stderr);
        real.addAll(run.stdout().lines().toList());

        TextContext gnu = TextFixtures.context(new HashMap<>(FILES));
        TextContext ctx = new TextContext(gnu.files(), flavour, gnu.commands());
        TextResult ours = TextTools.find(argv.get(0)).run(argv.subList(1, argv.size()), List.of(), ctx);
        assertEquals(String.join("\n", real), String.join("\n", ours.output()), "output of " + command);
        assertEquals(String.join("\n", stderr), String.join("\n", ours.errors()), "stderr of " + command);
        assertEquals(run.status(), ours.status(), "exit status of " + command);
    }
}
