package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ReferenceDocker;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential tier for what the docker CLI and daemon print: each script of
 * {@code src/test/resources/dev/dockwire/reference} runs on the reference Docker Engine and on
 * dockwire, and the transcripts are compared line by line once container ids and ages
 * ("2 seconds ago") are normalised.
 */
class ReferenceScriptsTest {
    private static ReferenceDocker ref;

    @BeforeAll
    static void start() throws Exception {
        ref = ReferenceDocker.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (ref != null) {
            ref.close();
        }
    }

    static Stream<Path> scripts() throws URISyntaxException, IOException {
        Path dir = Path.of(ReferenceScriptsTest.class.getResource("/dev/dockwire/reference").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".sh")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void dockwirePrintsWhatARealDockerEnginePrints(Path script) throws Exception {
        List<String> real = ref.transcript(script);
        List<String> ours = new ArrayList<>();
        try (TestHost h = new TestHost(1)) {
            for (String line : Files.readAllLines(script)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    ours.add(line);
                    continue;
                }
                ours.add("$ " + line);
                CommandResult r = h.run(line);
                ours.addAll(r.output());
                if (r.status() != 0) {
                    ours.add("[exit " + r.status() + "]");
                }
            }
        }
        assertEquals(String.join("\n", normalise(real)), String.join("\n", normalise(ours)), script.getFileName().toString());
    }

    /** What differs between two runs of the same script on any two hosts: ids and how long ago. */
    static List<String> normalise(List<String> lines) {
        return lines.stream()
                .map(l -> l.replaceAll("\\b[0-9a-f]{64}\\b", "<id>")
                        .replaceAll("(Less than a second|\\d+ seconds?|About a minute|\\d+ minutes?) ago", "<when> ago")
                        .replaceAll("Up (Less than a second|\\d+ seconds?|About a minute|\\d+ minutes?)", "Up <how long>"))
                .toList();
    }
}
