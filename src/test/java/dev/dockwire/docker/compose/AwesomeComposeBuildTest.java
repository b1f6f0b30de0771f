package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.topology.ComposeLoader;
import dev.dockwire.topology.ComposeProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every docker/awesome-compose project with {@code build:} services, built from its vendored build
 * contexts ({@code docker compose build}): each image's Config (ExposedPorts, Cmd, Entrypoint, Env,
 * WorkingDir, Healthcheck, User) is the golden {@code build/<project>.txt}, checked by hand against
 * the project's Dockerfiles (build/README.md). A build that fails is a failure. The files the
 * vendoring left out ({@code omitted.tsv}) are on the test host's file view as files of their size
 * whose text says they are not vendored, so that a COPY of them finds them as on a checkout.
 * With {@code -Ddockwire.golden=write} the golden files are written instead of compared.
 */
class AwesomeComposeBuildTest {
    static final Path ROOT = AwesomeComposeTest.ROOT;
    private static final String FORMAT = "{{json .Config.ExposedPorts}}|{{json .Config.Entrypoint}}|{{json .Config.Cmd}}"
            + "|{{json .Config.WorkingDir}}|{{json .Config.User}}|{{json .Config.Healthcheck}}|{{json .Config.Env}}";

    static Stream<String> projects() {
        return AwesomeComposeTest.projects().filter(name -> {
            try {
                return !ComposeLoader.load(AwesomeComposeTest.composeFile(ROOT.resolve(name)), null).services().stream()
                        .filter(ComposeProject.Service::built).toList().isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(name, e);
            }
        });
    }

    /** Puts each file omitted.tsv lists under {@code project} on the host: {@code size} bytes, first line saying what it stands for. */
    static void omitted(TestHost h, String project) {
        try {
            for (String row : Files.readAllLines(ROOT.resolve("omitted.tsv"))) {
                String[] f = row.split("\t");
                if (!f[0].startsWith(project + "/")) {
                    continue;
                }
                int size = Integer.parseInt(f[1]);
                String head = "not vendored: docker/awesome-compose@18f59bd " + f[0] + ", blob " + f[2] + "\n";
                // The header is ASCII: one byte a character, the rest spaces up to the file's size.
                String text = head.length() >= size ? head.substring(0, size) : head + " ".repeat(size - head.length());
                h.world.host().writeFile(ROOT.resolve(f[0]).toString(), text, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("projects")
    void eachBuildServiceGetsItsDockerfilesConfig(String name) throws Exception {
        Path file = AwesomeComposeTest.composeFile(ROOT.resolve(name));
        try (TestHost h = new TestHost(23)) {
            omitted(h, name);
            CommandResult build = h.run("docker compose -f " + file + " build");
            assertEquals(0, build.status(), name + ":\n" + String.join("\n", build.output()));
            assertTrue(build.output().stream().noneMatch(l -> l.contains("no image is built")), name + ":\n" + String.join("\n", build.output()));
            ComposeProject p = ComposeLoader.load(file, null);
            List<String> actual = new ArrayList<>();
            for (ComposeProject.Service s : p.services()) {
                if (!s.built()) {
                    continue;
                }
                CommandResult inspect = h.run("docker image inspect -f '" + FORMAT + "' " + s.image());
                assertEquals(0, inspect.status(), name + " " + s.name() + ": " + inspect.output());
                String[] f = String.join("\n", inspect.output()).split("\\|", -1);
                actual.add("[" + s.name() + "] " + s.image());
                String[] keys = {"ExposedPorts", "Entrypoint", "Cmd", "WorkingDir", "User", "Healthcheck", "Env"};
                for (int i = 0; i < keys.length; i++) {
                    actual.add(keys[i] + ": " + f[i]);
                }
            }
            Path golden = ROOT.resolve("build").resolve(name + ".txt");
            String text = String.join("\n", actual) + "\n";
            if ("write".equals(System.getProperty("dockwire.golden"))) {
                Files.writeString(golden, text);
                return;
            }
            assertEquals(Files.readString(golden), text, name);
        }
    }
}
