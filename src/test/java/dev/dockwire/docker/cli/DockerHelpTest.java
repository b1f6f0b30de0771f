package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker --help}, {@code docker COMMAND --help} and the flag errors, against the texts
 * scripts/docker-help-texts stored from the real docker 28.2.2 client.
 */
class DockerHelpTest {
    private static final Path TEXTS = Path.of("src/main/resources/dev/dockwire/docker/cli/help");
    private DockerHost h;

    @BeforeEach
    void setUp() {
        h = new World(1, EngineProfile.DOCKER_28).host();
    }

    private static List<String> stored(String name) throws IOException {
        return Files.readAllLines(TEXTS.resolve(name + ".txt"));
    }

    private void prints(String line, int status, List<String> expected) {
        CommandResult r = h.run(line);
        // as the terminal shows it: a line holding a newline is two lines there
        assertEquals(String.join("\n", expected), String.join("\n", r.output()), line);
        assertEquals(status, r.status(), line);
    }

    @Test
    void dockerAloneAndWithHelpPrintTheClientsUsage() throws IOException {
        List<String> usage = stored("docker");
        assertEquals("Usage:  docker [OPTIONS] COMMAND", usage.get(0));
        prints("docker", 0, usage);
        prints("docker --help", 0, usage);
        prints("docker help", 0, usage);
    }

    @Test
    void everyStoredCommandPrintsItsTextForHelp() throws IOException {
        try (var files = Files.list(TEXTS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                String name = p.getFileName().toString().replace(".txt", "");
                if (name.equals("docker") || name.equals("commands")) {
                    continue;
                }
                String cmd = name.replaceFirst("^(network|container|swarm|node|service|compose)-", "$1 ");
                prints("docker " + cmd + " --help", 0, stored(name));
                prints("docker help " + cmd, 0, stored(name));
            }
        }
    }

    @Test
    void groupsAliasesAndShorthand() throws IOException {
        prints("docker network", 0, stored("network"));
        prints("docker network ls --help", 0, stored("network-ls"));
        prints("docker network list --help", 0, stored("network-ls"));
        prints("docker container ps --help", 0, stored("container-ls"));
        prints("docker ps --help", 0, stored("ps"));
        List<String> withNotice = new java.util.ArrayList<>(List.of("Flag shorthand -h has been deprecated, use --help"));
        withNotice.addAll(stored("network-create"));
        prints("docker network create -h", 0, withNotice);
    }

    @Test
    void composeHelpIsThePluginsOwn() throws IOException {
        // Compose v2's texts (scripts/docker-help-texts stores them from the real plugin, 2.26.1).
        List<String> compose = stored("compose");
        assertEquals("Usage:  docker compose [OPTIONS] COMMAND", compose.get(1));
        prints("docker compose", 0, compose);
        prints("docker compose -f other.yml -p demo up --help", 0, stored("compose-up"));
        prints("docker compose logs -f --help", 0, stored("compose-logs"));
        List<String> withNotice = new java.util.ArrayList<>(List.of("Flag shorthand -h has been deprecated, please use --help"));
        withNotice.addAll(stored("compose-up"));
        prints("docker compose up -h", 0, withNotice);
        assertTrue(stored("docker").contains("  compose*    Docker Compose"), "docker --help lists the plugin");
    }

    @Test
    void helpAfterOtherFlagsAndNotAfterTheImage() throws IOException {
        prints("docker run -d --help", 0, stored("run"));
        prints("docker stop -t 3 --help", 0, stored("stop"));
        // Past the image the words are the container's command, as cobra stops at the first argument.
        CommandResult r = h.run("docker run --rm alpine echo --help");
        assertEquals(List.of("--help"), r.output());
    }

    @Test
    void flagErrorsAsTheRealClientPrintsThem() {
        // Checked with DOCKER_HOST=unix:///nonexistent /usr/local/bin/docker (28.2.2): stderr, status 125.
        prints("docker run --foo", 125, List.of("unknown flag: --foo", "",
                "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]", "", "Run 'docker run --help' for more information"));
        prints("docker stop -x", 125, List.of("unknown shorthand flag: 'x' in -x", "",
                "Usage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]", "", "Run 'docker stop --help' for more information"));
        prints("docker run --ip", 125, List.of("flag needs an argument: --ip", "",
                "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]", "", "Run 'docker run --help' for more information"));
        prints("docker container ls --foo", 125, List.of("unknown flag: --foo", "", "Usage:  docker container ls [OPTIONS]", "",
                "Run 'docker container ls --help' for more information"));
        prints("docker service create --foo", 125, List.of("unknown flag: --foo", "",
                "Usage:  docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]", "",
                "Run 'docker service create --help' for more information"));
        prints("docker run --help --foo", 125, List.of("unknown flag: --foo", "",
                "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]", "", "Run 'docker run --help' for more information"));
    }

    @Test
    void flagsFromTheUsageText() {
        var run = DockerHelp.flags("run");
        assertEquals(Boolean.TRUE, run.get("--name"));
        assertEquals(Boolean.TRUE, run.get("--network"));
        assertEquals(Boolean.FALSE, run.get("--rm"));
        assertEquals(Boolean.FALSE, run.get("-d"));
        assertEquals(Boolean.TRUE, run.get("-p"));
        assertEquals(true, DockerHelp.commands().contains("network connect"));
    }

    @Test
    void versionIsTheClients() {
        prints("docker --version", 0, List.of("Docker version 28.2.2, build e6534b4"));
        List<String> v = h.run("docker version").output();
        assertEquals(List.of("Client:", " Version:           28.2.2"), v.subList(0, 2));
    }

    @Test
    void unimplementedCommandsKeepTheirError() {
        assertNotNull(DockerHelp.text("run"));
        prints("docker search --help", 1, List.of("docker: 'search' is not a docker command.\nSee 'docker --help'"));
        // build is buildx's, as on a docker-ce host (scripts/docker-help-texts takes it from Debian's docker-buildx).
        assertEquals("Usage:  docker buildx build [OPTIONS] PATH | URL | -", h.run("docker build --help").output().get(2));
        assertEquals("Usage:  docker images [OPTIONS] [REPOSITORY[:TAG]]", h.run("docker images --help").output().get(0));
        assertEquals("Usage:  docker image rm [OPTIONS] IMAGE [IMAGE...]", h.run("docker image rm --help").output().get(0));
    }

    @Test
    void topLevelHelpIsTheClientsWithBothPlugins() throws IOException {
        // A docker-ce 28 host has the buildx and compose plugins: cobra marks plugin commands with '*'.
        List<String> help = List.of(String.join("\n", h.run("docker --help").output()).split("\n", -1));
        assertEquals(stored("docker"), help);
        assertTrue(help.containsAll(List.of(
                "  build       Build an image from a Dockerfile", "  buildx*     Docker Buildx", "  compose*    Docker Compose")));
    }
}
