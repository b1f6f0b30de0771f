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
        List<String> command = ExternalTools.realTool(flavour == Flavour.BUSYBOX, argv);
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        p.getOutputStream().close();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS), "the real tool did not finish");
        List<String> stderr = text(p.getErrorStream().readAllBytes());
        List<String> real = new ArrayList<>(stderr);
        real.addAll(text(p.getInputStream().readAllBytes()));

        TextContext gnu = TextFixtures.context(new HashMap<>(FILES));
        TextContext ctx = new TextContext(gnu.files(), flavour, gnu.commands());
        TextResult ours = TextTools.find(argv.get(0)).run(argv.subList(1, argv.size()), List.of(), ctx);
        assertEquals(String.join("\n", real), String.join("\n", ours.output()), "output of " + command);
        assertEquals(String.join("\n", stderr), String.join("\n", ours.errors()), "stderr of " + command);
        assertEquals(p.exitValue(), ours.status(), "exit status of " + command);
    }

    private static List<String> text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
