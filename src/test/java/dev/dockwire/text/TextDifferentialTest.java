package dev.dockwire.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each one-liner of the corpus through the real tool (GNU sed 4.9, coreutils, findutils' xargs;
 * {@code awk} is whatever {@code /usr/bin/awk} is: mawk on Debian and Ubuntu, which the host's
 * awk follows) and through ours, stdin from a fixture, LC_ALL=C.UTF-8: the same lines (errors
 * first, then output), the same of them on stderr and the same exit status. A tool missing from this machine skips its lines.
 */
class TextDifferentialTest {
    static Stream<Arguments> corpus() {
        return TextCorpus.LINES.stream().map(c -> Arguments.of(c.get(0), c.subList(1, c.size())));
    }

    @ParameterizedTest(name = "{0} | {1}")
    @MethodSource("corpus")
    void sameAsTheRealTool(String input, List<String> argv) throws Exception {
        Path binary = Path.of("/usr/bin", argv.get(0));
        assumeTrue(Files.isExecutable(binary), argv.get(0) + " is not installed here");
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().remove("POSIXLY_CORRECT");
        Path dir = Files.createTempDirectory("text-diff");
        pb.directory(dir.toFile());
        Process p = pb.start();
        try (var stdin = p.getOutputStream()) {
            stdin.write(TextFixtures.INPUTS.getOrDefault(input, input).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the tool exited without reading its input (a usage error)
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS), "the real tool did not finish");
        List<String> stderr = lines(p.getErrorStream().readAllBytes());
        List<String> real = new ArrayList<>(stderr);
        real.addAll(lines(p.getInputStream().readAllBytes()));
        TextResult ours = TextFixtures.run(input, argv.toArray(String[]::new));
        assertEquals(String.join("\n", real), String.join("\n", ours.output()), "output of " + argv);
        assertEquals(String.join("\n", stderr), String.join("\n", ours.errors()), "stderr of " + argv);
        assertEquals(p.exitValue(), ours.status(), "exit status of " + argv);
        deleteAll(dir);
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted((a, b) -> b.compareTo(a)).forEach(f -> f.toFile().delete());
        }
    }
}
