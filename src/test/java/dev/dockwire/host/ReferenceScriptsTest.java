package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ReferenceDocker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential tier for what the docker CLI and daemon print, live: each script of
 * {@code src/test/resources/dev/dockwire/reference} runs on the reference Docker Engine, which must
 * still print its recorded transcript (which {@link RecordedReferenceTest} holds dockwire to, on every
 * machine), and dockwire runs it beside.
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

    @ParameterizedTest
    @MethodSource("dev.dockwire.host.ReferenceScripts#scripts")
    void dockwirePrintsWhatARealDockerEnginePrints(Path script) throws Exception {
        String name = script.getFileName().toString();
        Assumptions.assumeTrue(!name.startsWith("compose-") || ref.hasCompose(),
                "no Compose plugin for the docker 28 client (set DOCKER_CONFIG to a directory whose cli-plugins holds it)");
        List<String> live = ref.transcript(script);
        // Kept for a byte-wise diff with the recording when the two differ (the assertion's text hides \r and order).
        Path kept = Path.of("target", "reference-live", name.replaceFirst("\\.sh$", ".out"));
        Files.createDirectories(kept.getParent());
        Files.write(kept, live, StandardCharsets.UTF_8);
        String real = ReferenceScripts.normalise(live);
        assertEquals(ReferenceScripts.normalise(ReferenceScripts.recorded(script)), real,
                name + ": the reference engine no longer prints the recorded transcript; record it again");
        assertEquals(real, ReferenceScripts.normalise(ReferenceScripts.onDockwire(script)), name);
    }
}
