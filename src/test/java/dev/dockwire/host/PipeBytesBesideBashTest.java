package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.text.Lines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pipe carries bytes, not lines: the host's shell beside bash 5.2 and coreutils running the same
 * line, their stdout compared byte for byte ({@code printf abc | wc -c} is 3, {@code printf 'a\nb' |
 * tail -1} is {@code b} without a newline, {@code echo -n x | cat; echo} is {@code x} and one newline).
 */
class PipeBytesBesideBashTest {
    static Stream<String> lines() {
        return Stream.of(
                "printf abc | wc -c",
                "printf 'a\\nb' | wc -l",
                "printf 'a\\nb' | wc",
                "printf 'a\\nb' | tail -1",
                "printf 'a\\nb' | tail -n 5",
                "printf 'a\\nb' | head -1",
                "printf abc | head -1",
                "echo -n x | cat; echo",
                "echo -n x | cat | wc -c",
                "printf abc | cat | cat",
                "printf abc | cat - | wc -c",
                "printf abc | tr a-z A-Z",
                "printf 'a\\nb\\n' | tr -d '\\n'",
                "printf abc | sed s/b/X/",
                "printf 'a\\nb' | sed -n 2p | wc -c",
                "printf 'b\\na' | sort",
                "printf 'xa' | grep a",
                "printf 'x y' | awk '{print $2}'",
                "printf abc | tee | wc -c",
                "printf 'a\\nb' | cut -c1",
                "printf abc > /tmp/pipes-f; cat /tmp/pipes-f | wc -c; wc -c < /tmp/pipes-f",
                "echo -n a; echo b",
                "printf abc | wc -c | cat",
                "printf 'abc\ndef' | head -c 5",
                "printf 'abc\ndef' | tail -c 2",
                "printf 'abcd' | head -c -1",
                "printf 'abc' | tail -c +2",
                "seq 5 | tail -n +2",
                "seq 5 | tail -n +9",
                "seq 5 | head -n -2",
                "printf 'a\nb\nc' | tail -n +2",
                "seq 5 | tail -n +2 | head -c 3");
    }

    @ParameterizedTest
    @MethodSource("lines")
    void stdoutIsWhatBashWrites(String line) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed here");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", line).directory(new java.io.File("/tmp"));
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        p.getOutputStream().close();
        String bash = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS), "bash did not finish");
        Files.deleteIfExists(Path.of("/tmp/pipes-f"));
        String ours;
        try (TestHost h = new TestHost(1)) {
            ours = Lines.text(h.run(line).output());
        }
        assertEquals(bash, ours, line);
    }
}
