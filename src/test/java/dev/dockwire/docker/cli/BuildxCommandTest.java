package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docker builder} and {@code docker buildx} on a host with the buildx plugin, against what the
 * real 28.2.2 client with Debian's docker-buildx (0.13.1, the plugin scripts/docker-help-texts takes)
 * printed with no daemon ({@code DOCKER_HOST=unix:///nonexistent}): the usage texts (stored by
 * that script), the flag and argument errors, the filter refusal; prune's report from
 * docker/buildx commands/prune.go (no daemon to record it against).
 */
class BuildxCommandTest {
    private static final Path TEXTS = Path.of("src/main/resources/dev/dockwire/docker/cli/help");

    private static List<String> stored(String name) throws IOException {
        return Files.readAllLines(TEXTS.resolve(name + ".txt"));
    }

    private static List<String> lines(CommandResult r) {
        return List.of(String.join("\n", r.output()).split("\n", -1));
    }

    private static void prints(TestHost h, String line, int status, List<String> expected) {
        CommandResult r = h.run(line);
        assertEquals(expected, lines(r), line);
        assertEquals(status, r.status(), line);
    }

    @Test
    void builderIsForwardedToThePlugin() throws IOException {
        try (TestHost h = new TestHost(1)) {
            List<String> builder = stored("builder");
            assertEquals("Usage:  docker buildx [OPTIONS] COMMAND", builder.get(2));
            assertEquals("                         (default \"default\")", builder.get(8), "BUILDX_BUILDER set by the client");
            prints(h, "docker builder", 0, builder);
            prints(h, "docker builder --help", 0, builder);
            prints(h, "docker builder bogus", 0, builder);
            prints(h, "docker buildx", 0, stored("buildx"));
            prints(h, "docker builder prune --help", 0, stored("builder-prune"));
            prints(h, "docker buildx prune --help", 0, stored("buildx-prune"));
            List<String> noticed = new ArrayList<>(List.of("Flag shorthand -h has been deprecated, please use --help"));
            noticed.addAll(stored("builder-prune"));
            prints(h, "docker builder prune -h", 0, noticed);
            noticed = new ArrayList<>(List.of("Flag shorthand -h has been deprecated, please use --help"));
            noticed.addAll(stored("buildx"));
            prints(h, "docker buildx -h", 0, noticed);
            assertEquals(stored("build").get(2), h.run("docker builder build --help").output().get(2));
        }
    }

    @Test
    void pruneErrorsAreThePlugins() {
        try (TestHost h = new TestHost(1)) {
            prints(h, "docker builder prune --foo", 125, List.of("unknown flag: --foo", "See 'docker buildx prune --help'."));
            prints(h, "docker builder prune x", 1, List.of("ERROR: \"docker buildx prune\" accepts no arguments.",
                    "See 'docker buildx prune --help'.", "", "Usage:  docker buildx prune", "", "Remove build cache"));
            prints(h, "docker buildx prune --filter until=xx -f", 1,
                    List.of("ERROR: \"until\" filter expects a duration (e.g., '24h'): time: invalid duration \"xx\""));
        }
    }

    @Test
    void pruneAsksOnOneLineAndHasNoCacheToList() {
        try (TestHost h = new TestHost(1)) {
            assertEquals(List.of("WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] "),
                    h.ok("docker builder prune"));
            assertEquals(List.of("Total:\t0B"), h.ok("docker builder prune -a -f --filter until=24h"));
            // PromptForConfirmation's question ends no line: the answer's report follows it on its line
            assertEquals(List.of("WARNING! This will remove all build cache. Are you sure you want to continue? [y/N] Total:\t0B"),
                    h.ok("echo y | docker buildx prune -a"));
            assertTrue(dev.dockwire.text.Lines.unterminated(h.run("docker builder prune").output()), "declined: the question left open");
        }
    }
}
