package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ReferenceDocker;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The differential tier for the container lifecycle: one script of docker commands run on the
 * reference Docker Engine and on dockwire, transcripts compared line by line once container ids
 * and ages ("2 seconds ago") are normalised.
 */
class LifecycleReferenceTest {
    @Test
    void theLifecycleAgreesWithARealDockerEngine() throws Exception {
        Path script = resource("/dev/dockwire/reference/lifecycle.sh");
        List<String> real;
        try (ReferenceDocker ref = ReferenceDocker.start()) {
            real = ref.transcript(script);
        }
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
        assertEquals(String.join("\n", normalise(real)), String.join("\n", normalise(ours)));
    }

    /** What differs between two runs of the same script on any two hosts: ids and how long ago. */
    static List<String> normalise(List<String> lines) {
        return lines.stream()
                .map(l -> l.replaceAll("\\b[0-9a-f]{64}\\b", "<id>")
                        .replaceAll("(Less than a second|\\d+ seconds?|About a minute|\\d+ minutes?) ago", "<when> ago")
                        .replaceAll("Up (Less than a second|\\d+ seconds?|About a minute|\\d+ minutes?)", "Up <how long>"))
                .toList();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LifecycleReferenceTest.class.getResource(name).toURI());
    }
}
