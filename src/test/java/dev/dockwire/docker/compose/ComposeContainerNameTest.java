package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code container_name} as Compose checks it before anything is created: the compose-spec schema's
 * pattern {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+} (the daemon's container-name rule) refuses one
 * character, a file that does not validate exits 15 (pkg/compose/metrics.go); a service named
 * {@code a} is fine, its container is {@code <project>-a-1}.
 */
class ComposeContainerNameTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void aOneCharacterContainerNameStopsUpAtItsLine() {
        h.ok("printf 'services:\\n  web:\\n    image: nginx\\n    container_name: w\\n' > compose.yaml");
        assertEquals(new CommandResult(15, List.of("compose.yaml:4: services.web.container_name: invalid container name \"w\": "
                + "Docker allows [a-zA-Z0-9][a-zA-Z0-9_.-]+, two characters or more, like \"w1\"")), h.run("docker compose up -d"));
        assertEquals(List.of(), h.ok("docker ps -aq"), "nothing was created");
        assertEquals(List.of(), h.ok("docker network ls -q --filter name=_default"), "nor the default network");
    }

    @Test
    void aServiceNamedAIsFine() {
        h.ok("printf 'services:\\n  a:\\n    image: alpine\\n    command: sleep 1d\\n' > compose.yaml");
        h.ok("docker compose -p pr up -d");
        assertEquals(List.of("pr-a-1"), h.ok("docker ps --format '{{.Names}}'"));
    }
}
