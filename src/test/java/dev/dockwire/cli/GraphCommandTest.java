package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code dockwire graph FILE}: what the bundled topology and a compose project build, as dot and
 * as Mermaid, against golden files (the seed fixes bridge names and veth names).
 */
class GraphCommandTest {
    @ParameterizedTest
    @CsvSource({
        "topologies/two-containers.yml, '', two-containers.dot",
        "topologies/two-containers.yml, --mermaid, two-containers.mmd",
        "topologies/webapp/compose.yaml, '', webapp.dot",
        "topologies/webapp/compose.yaml, --mermaid, webapp.mmd",
    })
    void printsWhatTheFileBuilt(String file, String flag, String golden) throws Exception {
        CliRun r = flag.isEmpty() ? CliRun.of("graph", file) : CliRun.of("graph", flag, file);
        assertEquals(0, r.status(), r.err());
        String expected = Files.readString(Path.of("src/test/resources/dev/dockwire/report", golden), StandardCharsets.UTF_8);
        assertEquals(expected, r.out());
    }

    @Test
    void badInputIsRefusedWithStatus2() {
        CliRun r = CliRun.of("graph", "no-such-file.yml");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("dockwire: "), r.err());
    }
}
