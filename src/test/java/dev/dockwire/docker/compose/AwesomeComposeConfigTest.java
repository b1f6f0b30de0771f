package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docker compose config} on the 39 awesome-compose files prints what Compose v2 prints:
 * golden data from Debian's docker-compose 2.26.1 plugin run client-side (no daemon) in each
 * project's directory, the directory written as {@code /ac/<project>} (awesome-compose/README.md).
 */
class AwesomeComposeConfigTest {
    static List<String> projects() {
        return AwesomeComposeTest.projects().toList();
    }

    @ParameterizedTest
    @MethodSource("projects")
    void configPrintsTheResolvedModelAsCompose(String name) throws IOException {
        Path dir = AwesomeComposeTest.ROOT.resolve(name);
        List<String> golden = Files.readAllLines(AwesomeComposeTest.ROOT.resolve("config/" + name + ".out"));
        try (TestHost h = new TestHost(19)) {
            CommandResult r = h.run("docker compose -f " + AwesomeComposeTest.composeFile(dir) + " config");
            assertEquals(0, r.status(), String.join("\n", r.output()));
            List<String> printed = r.output().stream().filter(l -> !l.startsWith("WARN["))
                    .map(l -> l.replace(AwesomeComposeTest.ROOT.toString(), "/ac")).toList();
            assertEquals(String.join("\n", golden), String.join("\n", printed));
        }
    }
}
