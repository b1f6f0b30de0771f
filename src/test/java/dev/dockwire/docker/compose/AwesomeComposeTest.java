package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.topology.ComposeLoader;
import dev.dockwire.topology.ComposeProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 39 docker/awesome-compose projects, files unchanged (src/test/resources/.../awesome-compose):
 * each comes up with {@code docker compose up -d} and its services reach each other as Compose
 * wires them. A probe container on each of the project's networks pings every service by name:
 * a service on that network answers (its name resolves through the embedded DNS to an address
 * that replies), a service that is not on it does not resolve. A {@code build:}-only service runs
 * the image {@code up} builds from the vendored context ({@code <project>-<service>}; the files
 * the vendoring omitted stand on the test host as {@link AwesomeComposeBuildTest#omitted} puts
 * them), whose program serves nothing unless declared; it is on its networks all the same.
 *
 * <p>Every image the projects name is in dockwire's catalogue ({@code images.yaml}, what the
 * emulated Docker Hub serves): nothing is put on the daemon first, {@code up} pulls each one.
 */
class AwesomeComposeTest {
    static final Path ROOT = Path.of("src/test/resources/dev/dockwire/awesome-compose").toAbsolutePath();

    /** What does not come up yet, and why; each fix removes its projects. */
    static final Map<String, String> EXPECTED_FAILURES = Map.of();

    static Stream<String> projects() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> composeFile(d) != null).map(d -> d.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path composeFile(Path dir) {
        for (String name : List.of("compose.yaml", "compose.yml")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return null;
    }

    @ParameterizedTest
    @MethodSource("projects")
    void comesUpAndItsServicesReachEachOtherAsComposeWiresThem(String name) {
        Path file = composeFile(ROOT.resolve(name));
        try (TestHost h = new TestHost(19)) {
            AwesomeComposeBuildTest.omitted(h, name);
            CommandResult up = h.run("docker compose -f " + file + " up -d");
            if (EXPECTED_FAILURES.containsKey(name)) {
                assertNotEquals(0, up.status(), name + " is listed as failing (" + EXPECTED_FAILURES.get(name) + ") but came up");
                return;
            }
            assertEquals(0, up.status(), name + ":\n" + String.join("\n", up.output()));
            ComposeProject p = ComposeLoader.load(file, null);
            List<String> failures = new ArrayList<>();
            int checks = 0;
            for (ComposeProject.Service s : p.services()) {
                for (var c : Compose.containers(h.world.host().engine(), p, s)) {
                    if (!c.running()) {
                        failures.add(c.name() + " is not running");
                    }
                }
            }
            for (ComposeProject.NetworkDef n : p.networks()) {
                for (ComposeProject.Service s : p.services()) {
                    if (s.networkMode() != null) {
                        continue;
                    }
                    boolean on = s.networks().stream().anyMatch(sn -> sn.key().equals(n.key()));
                    checks++;
                    CommandResult ping = h.run("docker run --rm --network " + n.name() + " busybox ping -c 1 -W 2 " + s.name());
                    if (on && ping.status() != 0 || !on && !String.join("\n", ping.output()).contains("bad address")) {
                        failures.add("on " + n.name() + ", ping " + s.name() + " (" + (on ? "member" : "not a member") + "): "
                                + ping.status() + " " + ping.output());
                    }
                }
            }
            assertTrue(failures.isEmpty(), name + ": " + String.join("\n", failures));
            boolean networked = p.services().stream().anyMatch(s -> s.networkMode() == null);
            assertEquals(networked, checks > 0, name + ": every networked project is probed");
        }
    }
}
