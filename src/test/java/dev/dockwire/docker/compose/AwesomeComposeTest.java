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
 * the image Compose would have built ({@code <project>-<service>}), which runs nothing; it is on
 * its networks all the same.
 *
 * <p>The projects' images outside dockwire's catalogue ({@code images.yaml}, what the emulated
 * Docker Hub serves) are put on the daemon first, as on a host that already has them: each one
 * declared ({@link dev.dockwire.docker.engine.ImageService#declare}) as a server on the port the
 * project publishes or exposes for it. Without them {@code up} ends with Docker Hub's
 * {@code pull access denied}, as on a host that cannot pull.
 */
class AwesomeComposeTest {
    static final Path ROOT = Path.of("src/test/resources/dev/dockwire/awesome-compose").toAbsolutePath();

    /** Images the catalogue lacks, with the port each project gives them. */
    static final Map<String, Integer> LOCAL_IMAGES = Map.ofEntries(
            Map.entry("mcr.microsoft.com/azure-sql-edge:1.0.4", 1433), Map.entry("elasticsearch:7.16.1", 9200),
            Map.entry("logstash:7.16.1", 9600), Map.entry("kibana:7.16.1", 5601), Map.entry("redislabs/redismod", 6379),
            Map.entry("gitea/gitea:latest", 3000), Map.entry("itzg/minecraft-server", 25565),
            Map.entry("nextcloud:apache", 80), Map.entry("visibilityspots/cloudflared", 5054),
            Map.entry("pihole/pihole:latest", 80), Map.entry("linuxserver/plex", 32400),
            Map.entry("portainer/portainer-ce:alpine", 9000), Map.entry("dpage/pgadmin4:latest", 80),
            Map.entry("docker.redpanda.com/vectorized/redpanda:v22.2.2", 8082), Map.entry("linuxserver/wireguard", 51820));

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
            LOCAL_IMAGES.forEach((image, port) -> h.world.host().engine().images().declare(image, port, null));
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
