package dev.dockwire.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text tools given an option they lack, an option without its argument, or operands and values they
 * refuse, beside the real ones:
 * coreutils, GNU sed, findutils' xargs and mawk as Debian's {@code awk} for the GNU flavour, the real
 * BusyBox for alpine's ({@link BusyboxAsAlpine}). The same
 * stderr, stdout and exit status, line for line.
 */
class OptionErrorsDifferentialTest {
    private static final List<List<String>> CASES = List.of(
            List.of("cut", "-y"), List.of("cut", "--foo"), List.of("cut", "-d"), List.of("cut", "-f", "1", "-x", "-d"),
            List.of("sort", "-y"), List.of("sort", "--foo"), List.of("sort", "-k"), List.of("sort", "-t"),
            List.of("tr", "-y", "a", "b"), List.of("tr", "--foo"),
            List.of("tee", "-y"), List.of("tee", "--foo"),
            List.of("uniq", "-y"), List.of("uniq", "--foo"), List.of("uniq", "-f"),
            List.of("xargs", "-y"), List.of("xargs", "--foo"), List.of("xargs", "-n"),
            List.of("sed", "-y", "p"), List.of("sed", "--foo", "p"), List.of("sed", "-e"),
            List.of("head", "-y"), List.of("head", "--foo"), List.of("head", "-n"), List.of("head", "-c"),
            List.of("tail", "-y"), List.of("tail", "--foo"), List.of("tail", "-n"),
            List.of("wc", "-y"), List.of("wc", "--foo"), List.of("wc", "-lz"),
            List.of("awk", "-y", "1"), List.of("awk", "-F"),
            // operands and values they refuse
            List.of("sed"), List.of("awk"), List.of("tr"), List.of("tr", "a"), List.of("cut"), List.of("cut", "-f1", "-d", "ab"),
            List.of("sort", "-k", "x"), List.of("xargs", "-n", "x"), List.of("head", "-n", "x"), List.of("tail", "-c", "x"),
            List.of("uniq", "a", "b", "c"));

    static Stream<Arguments> cases() {
        return CASES.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gnuAsDebianPrintsIt(List<String> argv) throws Exception {
        Path binary = Path.of("/usr/bin", argv.get(0));
        assumeTrue(Files.isExecutable(binary), argv.get(0) + " is not installed here");
        compare(argv, argv, Flavour.GNU);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void busyboxAsAlpinePrintsIt(List<String> argv) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/busybox")), "busybox is not installed");
        List<String> real = new ArrayList<>(List.of("busybox"));
        real.addAll(argv);
        compare(real, argv, Flavour.BUSYBOX);
    }

    private static void compare(List<String> real, List<String> argv, Flavour flavour) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(real);
        pb.environment().put("LC_ALL", "C"); // no LANG: dockwire's host and Debian's images (TextDifferentialTest runs C.UTF-8)
        pb.environment().remove("POSIXLY_CORRECT");
        Path dir = Files.createTempDirectory("option-errors");
        pb.directory(dir.toFile());
        Process p = pb.start();
        p.getOutputStream().close(); // stdin: empty
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS), "the real tool did not finish");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> stderr = (flavour == Flavour.BUSYBOX ? BusyboxAsAlpine.stderr(err) : err).lines().toList();
        List<String> all = new ArrayList<>(stderr);
        all.addAll(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        Files.delete(dir);
        TextContext base = TextFixtures.context(new HashMap<>());
        TextContext ctx = new TextContext(base.files(), flavour, base.commands());
        TextResult ours = TextTools.find(argv.get(0)).run(argv.subList(1, argv.size()), List.of(), ctx);
        assertEquals(String.join("\n", all), String.join("\n", ours.output()), "output of " + real);
        assertEquals(String.join("\n", stderr), String.join("\n", ours.errors()), "stderr of " + real);
        assertEquals(p.exitValue(), ours.status(), "exit status of " + real);
    }
}
